import Foundation
import GRDB
import SondeoTestSupport
import Store
import Testing

/// `sondeo collect` with typed answers: the interview a person runs, its checks, suspension, resumption,
/// and a process killed half-way.
@Suite struct CollectCLITests {
    static let satisfaccion = RepositoryFiles.path("Questionnaires/satisfaccion-servicios.encuesta")

    /// A store with the satisfaction questionnaire and a sample of three affiliates (AF1 in stratum A first).
    static func store(in dir: TemporaryDirectory) throws -> String {
        let store = dir.path("campo.sqlite"), sample = dir.path("muestra.csv")
        try "id_afiliado,telefono,estrato,peso,N_estrato,orden,reserva\nAF1,3001,A,20,200,1,0\nAF2,3002,A,20,200,2,0\nAF3,3003,B,10,40,3,0\n"
            .write(toFile: sample, atomically: true, encoding: .utf8)
        _ = try SondeoRunner.run(["questionnaire", "publish", Self.satisfaccion, "--store", store])
        _ = try SondeoRunner.run(["sample", "load", sample, "--questionnaire", "satisfaccion_servicios", "--store", store])
        return store
    }

    /// Consent, service 6 (salud), 40 uses confirmed, NPS 9 with a reason, CSAT 5, four grid rows
    /// (the «sedes» row applies to service 6), then the closing note.
    static let complete = "1\n1\n6\n40\ns\n9\nMe atendieron rápido\n5\n5\n4\n4\n5\n\n"

    @Test("a whole interview typed in: answers checked, a warning confirmed, saved, and the case completed")
    func complete() throws {
        let dir = TemporaryDirectory()
        let store = try Self.store(in: dir)
        let run = try SondeoRunner.run(["collect", "satisfaccion_servicios", "--interviewer", "e07", "--store", store, "--any-day", "--cases", "1"],
                                       input: "1\n1\n95\n" + String(Self.complete.dropFirst(4)))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("── Caso AF1 · estrato A · intento 1 de 3 ──\n  telefono: 3001"))
        #expect(run.stdout.contains("> 95\n  ✗ 95 no es un código de la lista «servicios» (1, 2, 3, 4, 5, 6)\n> 6\n"))
        #expect(run.stdout.contains("  ⚠ Más de 30 usos en tres meses: confirme la cifra con el afiliado.\n¿Confirma la respuesta? (s/n) s\n"))
        #expect(run.stdout.contains("¿Qué tan satisfecho está con… — las instalaciones"))
        #expect(run.stdout.hasSuffix("Entrevista terminada: Entrevista completa.\n"))
        let saved = try #require(try SQLStore(sqlite: store).interview(questionnaire: "satisfaccion_servicios", respondent: "AF1"))
        #expect(saved.disposition == "completa" && saved.interviewer == "e07" && saved.mode == "telefono")
        // `_orden`: the seed of the order the grid's rows were read in (filas al azar).
        // Paradata: the seconds of each page (section) the questions answered are on: Presentación (p1) to Indicadores (p3).
        #expect(Set(saved.answers.map(\.variable)) == ["_orden", "consentimiento", "servicio", "usos", "nps", "nps_razon", "csat", "atributos_amabilidad",
                                                       "atributos_espera", "atributos_informacion", "atributos_sedes", "_seg_p1", "_seg_p2", "_seg_p3"])
        let csv = dir.path("respuestas.csv")
        #expect(try SondeoRunner.run(["responses", "export", "satisfaccion_servicios", "--store", store, "--out", csv]).status == 0)
        let exported = try String(contentsOfFile: csv, encoding: .utf8)
        let header = exported.split(separator: "\n").first.map { $0.split(separator: ",").map(String.init) } ?? []
        #expect(header.contains("_duracion_seg") && header.contains("_seg_p3") && header.contains("_dispositivo"), "\(header)")
        let values = exported.split(separator: "\n").dropFirst().first.map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) } ?? []
        if let p3 = header.firstIndex(of: "_seg_p3"), p3 < values.count { #expect(Double(values[p3]).map { $0 >= 0 && $0 < 60 } == true, "\(values[p3])") }
        #expect(try SQLStore(sqlite: store).cases(of: "satisfaccion_servicios").first?.disposition == "completa")
        // One call, one attempt: the one opened when the affiliate answered took the interview's end.
        #expect(try SQLStore(sqlite: store).attempts(questionnaire: "satisfaccion_servicios", unit: "AF1").map(\.disposition) == ["completa"])
    }

    @Test("a call outcome without interview, then the next case with the short outcome line; the same day the first is not offered again")
    func outcomes() throws {
        let dir = TemporaryDirectory()
        let store = try Self.store(in: dir)
        // AF1: no answer (option 2), no note; AF2: quit.
        let run = try SondeoRunner.run(["collect", "satisfaccion_servicios", "--interviewer", "e07", "--store", store, "--any-day"], input: "2\n\nq\n")
        #expect(run.stdout.contains("Guardado: No contesta u ocupado."))
        #expect(run.stdout.contains("── Caso AF2 · estrato A · intento 1 de 3 ──"))
        // The whole list once per shift, then one line; «?» shows it again.
        #expect(run.stdout.components(separatedBy: "Resultado de la llamada:").count == 2)
        #expect(run.stdout.contains("Resultado: 1 contestó · 2 no contesta · 3 buzón · 4 cita · 5 rechazo · ? todas las opciones · q salir\nOpción:"))
        let again = try SondeoRunner.run(["collect", "satisfaccion_servicios", "--interviewer", "e07", "--store", store, "--any-day"], input: "q\n")
        #expect(again.stdout.contains("── Caso AF2"))
        #expect(try SQLStore(sqlite: store).attempts(questionnaire: "satisfaccion_servicios", unit: "AF1").map(\.disposition) == ["no_contesta"])
    }

    @Test("an appointment typed as people say it («mañana 3 pm»), a past one refused, read back in words in Colombian time")
    func appointment() throws {
        let dir = TemporaryDirectory()
        let store = try Self.store(in: dir)
        // Option 4 is «Cita acordada»; 1/1/2020 has passed.
        let run = try SondeoRunner.run(["collect", "satisfaccion_servicios", "--interviewer", "e07", "--store", store, "--any-day", "--cases", "1"],
                                       input: "4\n1/1/2020 10:00\nmañana 3 pm\n")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("  ✗ miércoles 1 de enero, 10:00 a. m. ya pasó: la cita tiene que ser más adelante"), "\(run.stdout)")
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: -5 * 3600)!
        let tomorrow = calendar.dateComponents([.year, .month, .day], from: Date().addingTimeInterval(86_400))
        let iso = String(format: "%04d-%02d-%02d", tomorrow.year!, tomorrow.month!, tomorrow.day!)
        let cases = try SQLStore(sqlite: store).cases(of: "satisfaccion_servicios")
        #expect(cases.first { $0.unit == "AF1" }?.appointment == "\(iso)T15:00:00-05:00")
        #expect(run.stdout.contains("Cita guardada: ") && run.stdout.contains(" de ") && run.stdout.contains(", 3:00 p. m. (hora de Colombia)."))
    }

    @Test("suspend with q, go back with <, and resume later where it stopped")
    func suspendAndResume() throws {
        let dir = TemporaryDirectory()
        let store = try Self.store(in: dir)
        // Consent, service 2, then «<» back to the service, 3 instead, then q.
        let first = try SondeoRunner.run(["collect", "satisfaccion_servicios", "--interviewer", "e07", "--store", store, "--unit", "AF1"],
                                         input: "1\n1\n2\n<\n3\nq\n")
        #expect(first.stdout.contains("Entrevista suspendida"))
        let stored = try SQLStore(sqlite: store)
        #expect(try stored.interview(questionnaire: "satisfaccion_servicios", respondent: "AF1")?.answers.first { $0.variable == "servicio" }?.number == 3)
        #expect(try stored.cases(of: "satisfaccion_servicios").first?.unfinished == true)
        #expect(try stored.attempts(questionnaire: "satisfaccion_servicios", unit: "AF1").map(\.disposition) == ["interrumpida"])
        let second = try SondeoRunner.run(["collect", "satisfaccion_servicios", "--interviewer", "e08", "--store", store, "--unit", "AF1"],
                                          input: "1\n4\n9\n\n5\n5\n4\n4\n5\n\n")
        #expect(second.stdout.contains("Se continúa la entrevista: 2 respuestas ya guardadas."))
        #expect(second.stdout.hasSuffix("Entrevista terminada: Entrevista completa.\n"))
    }

    @Test("«<» shows the stored answer and Enter keeps it; an answer that stops applying after a change is dropped at the end")
    func backKeepsAnswers() throws {
        let dir = TemporaryDirectory()
        let store = try Self.store(in: dir)
        // … NPS 9 and its reason; «<» to the reason (Enter keeps it), «<» twice to the NPS, changed to NR:
        // the reason («mostrar si nps respondida y no nps es NR») no longer applies.
        let typed = ["1", "1", "6", "40", "s", "9", "Me atendieron rápido", "<", "", "<", "<", "nr", "5", "5", "4", "4", "5", ""]
        let run = try SondeoRunner.run(["collect", "satisfaccion_servicios", "--interviewer", "e07", "--store", store, "--unit", "AF1"],
                                       input: typed.joined(separator: "\n") + "\n")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Respuesta guardada: «Me atendieron rápido» — Enter la conserva"))
        #expect(run.stdout.contains("Respuesta guardada: 9 — Enter la conserva"))
        #expect(run.stdout.hasSuffix("Entrevista terminada: Entrevista completa.\n"), "\(run.stdout.suffix(300))")
        let saved = try #require(try SQLStore(sqlite: store).interview(questionnaire: "satisfaccion_servicios", respondent: "AF1"))
        let byName = Dictionary(uniqueKeysWithValues: saved.answers.map { ($0.variable, $0) })
        #expect(byName["nps"]?.status == "NR")
        #expect(byName["nps_razon"] == nil)
        #expect(byName["csat"]?.number == 5 && byName["servicio"]?.number == 6)
    }

    @Test("however the session ends half-way (q, end of input, Ctrl-C, a closed terminal, kill -9): one attempt «interrumpida», the answers kept, resumed at the next question",
          arguments: ["q", "eof", "SIGINT", "SIGHUP", "SIGKILL"])
    func oneResumeRule(_ ending: String) throws {
        let dir = TemporaryDirectory()
        let store = try Self.store(in: dir)
        let (process, input) = try SondeoRunner.start(["collect", "satisfaccion_servicios", "--interviewer", "e07", "--store", store, "--unit", "AF1"])
        input.write(Data("1\n1\n6\n4\n".utf8))
        let reader = try SQLStore(sqlite: store)
        var saved = 0
        for _ in 0..<200 where saved < 3 {
            Thread.sleep(forTimeInterval: 0.05)
            saved = (try? reader.interview(questionnaire: "satisfaccion_servicios", respondent: "AF1"))??.answers.filter { !$0.variable.hasPrefix("_") }.count ?? 0
        }
        switch ending {
        case "q": input.write(Data("q\n".utf8)); try input.close()
        case "eof": try input.close()
        case "SIGINT": kill(process.processIdentifier, SIGINT)
        case "SIGHUP": kill(process.processIdentifier, SIGHUP)
        default: kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
        #expect(saved == 3)
        #expect(try reader.attempts(questionnaire: "satisfaccion_servicios", unit: "AF1").map(\.disposition) == ["interrumpida"])
        // Caught endings release the case at once (exit 128 + the signal); kill -9 leaves the claim to expire.
        #expect(try claimedBy(store) == (ending == "SIGKILL" ? "e07" : nil))
        let status: [String: Int32] = ["q": 0, "eof": 0, "SIGINT": 130, "SIGHUP": 129]
        if let expected = status[ending] { #expect(process.terminationStatus == expected) }
        #expect(try reader.cases(of: "satisfaccion_servicios").first { $0.unit == "AF1" }?.unfinished == true)
        let resumed = try SondeoRunner.run(["collect", "satisfaccion_servicios", "--interviewer", "e07", "--store", store, "--unit", "AF1"],
                                           input: "1\n9\n\n5\n5\n4\n4\n5\n\n")
        #expect(resumed.stdout.contains("Se continúa la entrevista: 3 respuestas ya guardadas."))
        #expect(resumed.stdout.hasSuffix("Entrevista terminada: Entrevista completa.\n"))
        // Two calls, two attempts: the first stays «interrumpida», the second took the interview's end.
        #expect(try reader.attempts(questionnaire: "satisfaccion_servicios", unit: "AF1").map(\.disposition) == ["interrumpida", "completa"])
    }

    @Test("«contestó» keyed by mistake is taken back with «<» at the first question; «<» at the note goes back to the list unsaved")
    func undoOutcome() throws {
        let dir = TemporaryDirectory()
        let store = try Self.store(in: dir)
        // 1 (answered), «<» at the consent question, 2 (no answer), «<» at the note, 3 (voicemail), no note.
        let run = try SondeoRunner.run(["collect", "satisfaccion_servicios", "--interviewer", "e07", "--store", store, "--unit", "AF1"],
                                       input: "1\n<\n2\n<\n3\n\n")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("<: deshacer «contestó» · q: suspender]"))
        #expect(run.stdout.contains("Se deshizo «contestó»: esta llamada no quedó registrada. Elija el resultado de la llamada."))
        #expect(run.stdout.contains("No se guardó nada. Elija el resultado de la llamada."))
        #expect(run.stdout.contains("Guardado: Buzón de voz del afiliado."))
        let reader = try SQLStore(sqlite: store)
        #expect(try reader.attempts(questionnaire: "satisfaccion_servicios", unit: "AF1").map(\.disposition) == ["buzon"])
        #expect(try reader.interview(questionnaire: "satisfaccion_servicios", respondent: "AF1") == nil)
        #expect(try reader.cases(of: "satisfaccion_servicios").first { $0.unit == "AF1" }?.disposition == "buzon")
        #expect(try reader.audit().contains { $0.action == "undo_call" })
    }

    @Test("the case card lists the earlier calls with their notes in Colombian time, and a saved outcome says when the case comes back")
    func historyAndNextAttempt() throws {
        let dir = TemporaryDirectory()
        let store = try Self.store(in: dir)
        let writer = try SQLStore(sqlite: store)
        // 15:00 UTC is 10:00 in Colombia (UTC−5); 24 November 2026 was a Tuesday.
        try writer.record(ContactAttempt(unit: "AF1", interviewer: "e03", startedAt: "2026-11-24T15:00:00Z", endedAt: "2026-11-24T15:01:00Z",
                                         disposition: "no_contesta", notes: "timbra y se va a buzón"), questionnaire: "satisfaccion_servicios")
        let run = try SondeoRunner.run(["collect", "satisfaccion_servicios", "--interviewer", "e07", "--store", store, "--unit", "AF1", "--any-day"],
                                       input: "2\nsigue sin contestar\n")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("  Llamadas anteriores:\n    1. martes 24 de noviembre, 10:00 a. m. · e03 · No contesta u ocupado\n       nota: «timbra y se va a buzón»\n"),
                "\(run.stdout)")
        // No answer waits 180 minutes and never twice the same Colombian day (every day calls with --unit): the
        // next attempt is 3 hours on, or the start of tomorrow when that is still today.
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: -5 * 3600)!
        let now = Date(), later = now.addingTimeInterval(180 * 60)
        let weekdays = ["domingo", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado"]
        let months = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"]
        let expected: String
        if calendar.isDate(later, inSameDayAs: now) {
            let tomorrow = calendar.date(byAdding: .day, value: 1, to: now)!
            let c = calendar.dateComponents([.weekday, .day, .month], from: tomorrow)
            expected = "Próximo intento: desde el \(weekdays[c.weekday! - 1]) \(c.day!) de \(months[c.month! - 1])."
        } else {
            let c = calendar.dateComponents([.weekday, .day, .month], from: later)
            expected = "Próximo intento: desde el \(weekdays[c.weekday! - 1]) \(c.day!) de \(months[c.month! - 1]), "
        }
        #expect(run.stdout.contains("Guardado: No contesta u ocupado. " + expected), "\(run.stdout)")
        #expect(try writer.attempts(questionnaire: "satisfaccion_servicios", unit: "AF1").last?.notes == "sigue sin contestar")
    }

    @Test("the script says the encuestador's name from the staff record; without one, the code and a warning")
    func interviewerName() throws {
        let dir = TemporaryDirectory()
        let store = try Self.store(in: dir)
        let unnamed = try SondeoRunner.run(["collect", "satisfaccion_servicios", "--interviewer", "e07", "--store", store, "--unit", "AF1"], input: "1\nq\n")
        #expect(unnamed.stdout.contains("«e07» no tiene nombre registrado"))
        #expect(unnamed.stdout.contains("le habla e07 de Confa"))
        let user = try SondeoRunner.run(["serve", "user", "e07", "--role", "encuestador", "--name", "Laura Gómez", "--store", store], input: "una clave larga\n")
        #expect(user.status == 0, "\(user.stderr)")
        let named = try SondeoRunner.run(["collect", "satisfaccion_servicios", "--interviewer", "e07", "--store", store, "--unit", "AF2"], input: "1\nq\n")
        #expect(named.stdout.contains("Buenos días, le habla Laura Gómez de Confa."))
        #expect(!named.stdout.contains("no tiene nombre registrado"))
        // A new password without --name keeps the name.
        _ = try SondeoRunner.run(["serve", "user", "e07", "--role", "encuestador", "--store", store], input: "otra clave larga\n")
        #expect(try SQLStore(sqlite: store).webUser("e07")?.name == "Laura Gómez")
    }

    @Test("sample assign gives stratum B to e02: e01 is never offered AF3 and cannot call it by name; a quota of 1 in A closes AF2 as cuota_llena once AF1 is complete")
    func assignmentsAndQuotas() throws {
        let dir = TemporaryDirectory()
        let store = try Self.store(in: dir)
        let assign = try SondeoRunner.run(["sample", "assign", "satisfaccion_servicios", "--interviewer", "e02", "--stratum", "B", "--store", store])
        #expect(assign.status == 0 && assign.stdout == "1 caso asignado a e02.\n", "\(assign.stdout)")
        let typo = try SondeoRunner.run(["sample", "assign", "satisfaccion_servicios", "--interviewer", "e02", "--stratum", "b2", "--store", store])
        #expect(typo.status == 64 && typo.stderr.contains("el estrato «b2» no está en la muestra (hay: A, B); ¿quiso decir «B»?"), "\(typo.stderr)")
        let named = try SondeoRunner.run(["collect", "satisfaccion_servicios", "--interviewer", "e01", "--store", store, "--unit", "AF3"], input: "q\n")
        #expect(named.status == 64 && named.stdout.contains("«AF3» está asignado a e02"))
        // e01 works AF1 (no answer) and AF2 (no answer): AF3 never comes up.
        let shift = try SondeoRunner.run(["collect", "satisfaccion_servicios", "--interviewer", "e01", "--store", store, "--any-day"], input: "2\n\n2\n\n")
        #expect(!shift.stdout.contains("Caso AF3") && shift.stdout.contains("No hay casos para llamar ahora"))

        let quota = try SondeoRunner.run(["sample", "quota", "satisfaccion_servicios", "--set", "A=1", "--store", store])
        #expect(quota.stdout == "Cuotas de «satisfaccion_servicios»: A 1\n")
        let writer = try SQLStore(sqlite: store)
        try writer.record(ContactAttempt(unit: "AF1", interviewer: "e01", startedAt: "2026-11-24T15:00:00Z", endedAt: "2026-11-24T15:20:00Z",
                                         disposition: "completa"), questionnaire: "satisfaccion_servicios")
        let next = try SondeoRunner.run(["collect", "satisfaccion_servicios", "--interviewer", "e02", "--store", store, "--any-day"], input: "q\n")
        #expect(next.stdout.contains("1 caso cerrado por cuota llena en su estrato."), "\(next.stdout)")
        #expect(try writer.cases(of: "satisfaccion_servicios").first { $0.unit == "AF2" }?.disposition == "cuota_llena")
        let status = try SondeoRunner.run(["responses", "status", "satisfaccion_servicios", "--store", store, "--format", "json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
        // The quota is the target: A wants 1 and has it; B has no quota (0).
        #expect((json["groups"] as? [[String: Any]])?.map { $0["target"] as? Int } == [1, 0])
    }

    @Test("a shift in a pseudo-terminal: «contestó» undone, an appointment in words, the name in the script, the next attempt, the short menu; Ctrl-C mid-interview leaves one attempt and frees the case; the next call shows the history and resumes")
    func shiftInTerminal() throws {
        let dir = TemporaryDirectory()
        let store = try Self.store(in: dir)
        _ = try SondeoRunner.run(["serve", "user", "e07", "--role", "encuestador", "--name", "Laura Gómez", "--store", store], input: "una clave larga\n")
        let shift = try TerminalSession(["collect", "satisfaccion_servicios", "--interviewer", "e07", "--store", store, "--any-day"])
        try shift.waitForPrompt()
        // AF1: answered by mistake, undone, an appointment tomorrow at 10; AF2: no answer, with a note; AF3: answered,
        // consent, service 2, then Ctrl-C at the uses.
        for line in ["1", "<", "4", "mañana 10 am", "2", "no timbra", "1", "1", "2"] {
            try shift.type(line)
            try shift.waitForPrompt()
        }
        shift.signal(SIGINT)
        let (transcript, status) = try shift.answer([])
        #expect(status == 130, "\(transcript.suffix(600))")
        #expect(transcript.contains("le habla Laura Gómez de Confa"))
        #expect(transcript.contains("<: deshacer «contestó»") && transcript.contains("Se deshizo «contestó»: esta llamada no quedó registrada."))
        #expect(transcript.contains("Cita guardada: ") && transcript.contains(", 10:00 a. m. (hora de Colombia)."))
        #expect(transcript.contains("Resultado: 1 contestó · 2 no contesta · 3 buzón · 4 cita · 5 rechazo · ? todas las opciones · q salir"))
        #expect(transcript.contains("Guardado: No contesta u ocupado. Próximo intento: desde el "))
        #expect(transcript.contains("Entrevista suspendida; las respuestas quedaron guardadas"))
        let reader = try SQLStore(sqlite: store)
        #expect(try reader.attempts(questionnaire: "satisfaccion_servicios", unit: "AF1").map(\.disposition) == ["cita"])
        #expect(try reader.attempts(questionnaire: "satisfaccion_servicios", unit: "AF2").map(\.disposition) == ["no_contesta"])
        #expect(try reader.attempts(questionnaire: "satisfaccion_servicios", unit: "AF3").map(\.disposition) == ["interrumpida"])
        #expect(try reader.cases(of: "satisfaccion_servicios").allSatisfy { $0.claimedBy == nil })
        // The next call to AF3: the earlier call on the card, the interview resumed at the uses.
        let again = try TerminalSession(["collect", "satisfaccion_servicios", "--interviewer", "e07", "--store", store, "--unit", "AF3"]).answer(["1", "q"])
        #expect(again.transcript.contains("Llamadas anteriores:") && again.transcript.contains(" · e07 · Interrumpida; pidió llamar después"))
        #expect(again.transcript.contains("Se continúa la entrevista: 2 respuestas ya guardadas.") && again.transcript.contains("¿Cuántas veces lo utilizó"))
    }

    @Test("three unanswered calls on three days close the case as max_intentos before the next call")
    func exhausted() throws {
        let dir = TemporaryDirectory()
        let store = try Self.store(in: dir)
        let writer = try SQLStore(sqlite: store)
        for day in ["2026-11-24", "2026-11-25", "2026-11-26"] {
            try writer.record(ContactAttempt(unit: "AF1", interviewer: "e07", startedAt: "\(day)T15:00:00Z", endedAt: "\(day)T15:01:00Z",
                                             disposition: "no_contesta"), questionnaire: "satisfaccion_servicios")
        }
        let run = try SondeoRunner.run(["collect", "satisfaccion_servicios", "--interviewer", "e07", "--store", store, "--any-day"], input: "q\n")
        #expect(run.stdout.contains("1 caso cerrado por llegar a 3 intentos."))
        #expect(run.stdout.contains("── Caso AF2"))
        #expect(try writer.cases(of: "satisfaccion_servicios").first?.disposition == "max_intentos")
    }

    @Test("an interview suspended on its third day closes as a break-off when under half of it was answered")
    func breakOff() throws {
        let dir = TemporaryDirectory()
        let store = try Self.store(in: dir)
        // Consent and service 2, then suspended: one attempt today («interrumpida»).
        _ = try SondeoRunner.run(["collect", "satisfaccion_servicios", "--interviewer", "e07", "--store", store, "--unit", "AF1"], input: "1\n1\n2\nq\n")
        let writer = try SQLStore(sqlite: store)
        for day in ["2026-11-24", "2026-11-25"] {
            try writer.record(ContactAttempt(unit: "AF1", interviewer: "e07", startedAt: "\(day)T15:00:00Z", endedAt: "\(day)T15:01:00Z",
                                             disposition: "interrumpida"), questionnaire: "satisfaccion_servicios")
        }
        _ = try SondeoRunner.run(["collect", "satisfaccion_servicios", "--interviewer", "e07", "--store", store, "--any-day"], input: "q\n")
        // Applicable with service 2 and nothing else answered: consent, service, uses, NPS, CSAT and the four
        // grid rows (the «sedes» row applies to service 2) = 9; answered 2 < 4.5.
        let interview = try #require(try writer.interview(questionnaire: "satisfaccion_servicios", respondent: "AF1"))
        #expect(interview.disposition == "abandono" && interview.endedAt != nil)
        #expect(try writer.cases(of: "satisfaccion_servicios").first?.disposition == "abandono")
    }

    @Test("two encuestadores at once are given different cases")
    func twoInterviewers() throws {
        let dir = TemporaryDirectory()
        let store = try Self.store(in: dir)
        // e01 is on a call with AF1 (its process waits for the outcome); e02 starts meanwhile.
        let (first, input) = try SondeoRunner.start(["collect", "satisfaccion_servicios", "--interviewer", "e01", "--store", store, "--any-day"])
        let reader = try SQLStore(sqlite: store)
        for _ in 0..<100 {
            Thread.sleep(forTimeInterval: 0.05)
            if (try? reader.audit().isEmpty) == false, try claimedBy(store) == "e01" { break }
        }
        let second = try SondeoRunner.run(["collect", "satisfaccion_servicios", "--interviewer", "e02", "--store", store, "--any-day"], input: "q\n")
        #expect(second.stdout.contains("── Caso AF2"))
        input.write(Data("q\n".utf8))
        try input.close()
        first.waitUntilExit()
        #expect(try claimedBy(store) == nil)
    }

    /// Who holds AF1, read straight from the file.
    func claimedBy(_ store: String) throws -> String? {
        try DatabaseQueue(path: store).read { try String.fetchOne($0, sql: "SELECT claimed_by FROM sample_case WHERE unit = 'AF1'") }
    }
}


/// `{_muestra.campo}`: a column of the sample file read into the script, the same at the phone, in a
/// rehearsal and back from the XLSForm.
@Suite struct SamplePreloadTests {
    static let questionnaire = """
        encuesta saludo "Saludo"
        versión 1
        modos teléfono
        lista sino: 1 Sí | 2 No
        persona: una de sino
          "Buenos días, ¿hablo con {_muestra.nombre|la persona afiliada}, de {_muestra.municipio}?"
          si persona = 2 → terminar no_elegible
        fin: nota
          "Gracias."

        """

    @Test("the phone script reads the case's name and municipality; an empty name reads the alternative")
    func phone() throws {
        let dir = TemporaryDirectory()
        let store = dir.path("s.sqlite")
        let file = dir.file("saludo.encuesta", text: Self.questionnaire)
        let sample = dir.file("muestra.csv", text: "id_afiliado,nombre,municipio,estrato,peso\nAF1,Ana Gómez,Chinchiná,A,1\nAF2,,Manizales,A,1\n")
        #expect(try SondeoRunner.run(["questionnaire", "publish", file, "--store", store]).status == 0)
        #expect(try SondeoRunner.run(["sample", "load", sample, "--questionnaire", "saludo", "--store", store]).status == 0)
        let first = try SondeoRunner.run(["collect", "saludo", "--interviewer", "e01", "--store", store, "--unit", "AF1"], input: "1\nq\n")
        #expect(first.stdout.contains("Buenos días, ¿hablo con Ana Gómez, de Chinchiná?"), "\(first.stdout)")
        let second = try SondeoRunner.run(["collect", "saludo", "--interviewer", "e01", "--store", store, "--unit", "AF2"], input: "1\nq\n")
        #expect(second.stdout.contains("Buenos días, ¿hablo con la persona afiliada, de Manizales?"), "\(second.stdout)")
    }

    @Test("a rehearsal takes the sample's values from the plan; the XLSForm asks the interviewer for them and comes back as {_muestra.…}")
    func rehearsalAndXLSForm() throws {
        let dir = TemporaryDirectory()
        let file = dir.file("saludo.encuesta", text: Self.questionnaire)
        let plan = dir.file("plan.txt", text: "_muestra.nombre=Ana Gómez\n_muestra.municipio=Chinchiná\npersona=1\n")
        let rehearsal = try SondeoRunner.run(["questionnaire", "rehearse", file, "--plan", plan, "--format", "csv"])
        #expect(rehearsal.stdout == "variable,texto,respuesta\npersona,\"Buenos días, ¿hablo con Ana Gómez, de Chinchiná?\",aceptada\n", "\(rehearsal.stdout)\(rehearsal.stderr)")
        let workbook = dir.path("saludo.xlsx")
        #expect(try SondeoRunner.run(["questionnaire", "render", file, "--format", "xlsform", "--out", workbook, "--mode", "telefono"]).status == 0)
        let back = dir.path("back.encuesta")
        let imported = try SondeoRunner.run(["questionnaire", "import", workbook, "--out", back])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try String(contentsOfFile: back, encoding: .utf8).contains("\"Buenos días, ¿hablo con {_muestra.nombre|la persona afiliada}, de {_muestra.municipio}?\""))
    }

    @Test("inicial: the mobile number on file is offered and Enter accepts it (checked and saved); a fixed value goes to XLSForm's default and back")
    func initialValues() throws {
        let dir = TemporaryDirectory()
        let store = dir.path("s.sqlite")
        let file = dir.file("datos.encuesta", text: """
            encuesta datos "Datos"
            versión 1
            modos teléfono
            lista canal: 1 WhatsApp | 2 Correo | 3 Llamada
            celular: texto
              "¿Sigue siendo este su celular?"
              inicial "{_muestra.celular}"
              validar coincide(celular, "^3[0-9]{9}$") "Diez dígitos, empieza por 3"
            preferido: una de canal
              "¿Por dónde prefiere que le escribamos?"
              inicial "WhatsApp"

            """)
        let sample = dir.file("muestra.csv", text: "id_afiliado,celular,estrato,peso\nAF1,3001234567,A,1\n")
        #expect(try SondeoRunner.run(["questionnaire", "publish", file, "--store", store]).status == 0)
        #expect(try SondeoRunner.run(["sample", "load", sample, "--questionnaire", "datos", "--store", store]).status == 0)
        let run = try SondeoRunner.run(["collect", "datos", "--interviewer", "e01", "--store", store, "--unit", "AF1"], input: "1\n\n\n")
        #expect(run.stdout.contains("Valor inicial: «3001234567» — Enter lo acepta"), "\(run.stdout)")
        #expect(run.stdout.contains("Valor inicial: 1 WhatsApp — Enter lo acepta") || run.stdout.contains("Valor inicial: WhatsApp — Enter lo acepta"), "\(run.stdout)")
        let saved = try #require(try SQLStore(sqlite: store).interview(questionnaire: "datos", respondent: "AF1"))
        #expect(saved.disposition == "completa", "\(run.stdout)")
        #expect(saved.answers.first { $0.variable == "celular" }?.text == "3001234567" && saved.answers.first { $0.variable == "preferido" }?.number == 1)
        let workbook = dir.path("datos.xlsx")
        #expect(try SondeoRunner.run(["questionnaire", "render", file, "--format", "xlsform", "--mode", "telefono", "--out", workbook]).status == 0)
        let back = dir.path("back.encuesta")
        let imported = try SondeoRunner.run(["questionnaire", "import", workbook, "--out", back])
        #expect(imported.status == 0, "\(imported.stderr)")
        let text = try String(contentsOfFile: back, encoding: .utf8)
        #expect(text.contains("  inicial \"WhatsApp\"\n") && text.contains("  inicial \"{_muestra.celular}\"\n"), "\(text)")
    }

    @Test("collect --language en: the script, options and help are read in English, the interviewer's screen stays in Spanish; a language the questionnaire lacks is refused")
    func english() throws {
        let dir = TemporaryDirectory()
        let store = dir.path("s.sqlite")
        let file = dir.file("bi.encuesta", text: """
            encuesta bi "Bilingüe"
            versión 1
            modos teléfono
            idiomas es, en
            lista satisf: 1 Mal @en Bad | 2 Bien @en Good
            servicio: una de satisf
              "¿Cómo le fue, {_muestra.nombre}?"
              @en "How did it go, {_muestra.nombre}?"
              ayuda "Piense en su última visita" @en "Think of your last visit"
            saludo: nota
              [teléfono] "Gracias por su tiempo."
              [teléfono] @en "Thank you for your time."

            """)
        let sample = dir.file("muestra.csv", text: "id_afiliado,nombre,estrato,peso\nAF1,John Smith,A,1\n")
        #expect(try SondeoRunner.run(["questionnaire", "publish", file, "--store", store]).status == 0)
        #expect(try SondeoRunner.run(["sample", "load", sample, "--questionnaire", "bi", "--store", store]).status == 0)
        let run = try SondeoRunner.run(["collect", "bi", "--interviewer", "e01", "--store", store, "--unit", "AF1", "--language", "en"], input: "1\n2\n\n")
        #expect(run.stdout.contains("How did it go, John Smith?") && run.stdout.contains("  1  Bad\n  2  Good") && run.stdout.contains("Ayuda: Think of your last visit"), "\(run.stdout)")
        #expect(run.stdout.contains("Resultado de la llamada:") && run.stdout.contains("Entrevista terminada"), "\(run.stdout)")
        // A mode's own text has its own translation.
        #expect(run.stdout.contains("Thank you for your time."), "\(run.stdout)")
        let french = try SondeoRunner.run(["collect", "bi", "--interviewer", "e01", "--store", store, "--language", "fr"])
        #expect(french.status == 64 && french.stdout.contains("--language fr: «bi» no tiene textos en ese idioma (idiomas: es, en)"), "\(french.stdout)\(french.stderr)")
    }
}
