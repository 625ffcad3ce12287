import Foundation
import SondeoTestSupport
import Table
import Testing

/// `sondeo calendar` and `sondeo cases` from the command line: a case from intake to a closed
/// verification, reminders sent once, refusals that leave the store as it was, a month imported and its
/// verification sample pinned against an independent implementation (Scripts/reference/pqrsl_sample.py).
@Suite struct CasesCLITests {
    func run(_ arguments: [String], store: String) throws -> SondeoRun {
        try SondeoRunner.run(arguments + ["--store", store])
    }

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("calendar: 2026 has 19 holidays with Chiquinquirá on Monday 13 July; adding and counting business days")
    func calendar() throws {
        let holidays = try SondeoRunner.run(["calendar", "holidays", "2026", "--format", "json"])
        let document = try json(holidays.stdout)
        let dates = (document["holidays"] as! [[String: String]]).map { $0["date"]! }
        #expect(dates.count == 19 && dates.contains("2026-07-13") && !dates.contains("2026-07-09"))
        let add = try SondeoRunner.run(["calendar", "add", "2025-04-15", "15"])
        #expect(add.stdout.hasPrefix("viernes 2025-05-09 (15 días hábiles después del martes 2025-04-15)"))
        let between = try SondeoRunner.run(["calendar", "between", "2025-06-27", "2025-07-21"])
        #expect(between.stdout.hasPrefix("15 días hábiles después del viernes 2025-06-27 hasta el lunes 2025-07-21."))
        #expect(between.stdout.contains("2025-06-30 (San Pedro y San Pablo)") || between.stdout.contains("2025-06-30 (Sagrado Corazón)"))
        let bad = try SondeoRunner.run(["calendar", "add", "2025-13-01", "3"])
        #expect(bad.status == 64 && bad.stderr.contains("«2025-13-01» no es una fecha válida"))
    }

    @Test("a queja from intake to a closed verification: deadline, one reminder, answer, verification call, history")
    func lifecycle() throws {
        let dir = TemporaryDirectory()
        let store = dir.path("pqrsl.sqlite")
        let opened = try run(["cases", "open", "--channel", "presencial", "--type", "queja", "--service", "recreacion", "--text", "La piscina estaba sucia",
                              "--received", "2025-06-27", "--format", "json", "--actor", "radicador1"], store: store)
        #expect(opened.status == 0, "\(opened.stderr)")
        let c = try json(opened.stdout)
        // Filed Fri 2025-06-27; Mon 30 June is a holiday: 15 business days → Mon 2025-07-21; reminder Thu 07-17.
        #expect(c["radicado"] as? String == "CONFA-2025-000001" && c["deadline"] as? String == "2025-07-21" && c["reminder"] as? String == "2025-07-17")
        #expect(c["term_days"] as? Int == 15 && c["state"] as? String == "asignado" && c["effective_receipt"] as? String == "2025-06-27")

        let early = try json(try run(["cases", "due", "--on", "2025-07-16", "--format", "json"], store: store).stdout)
        #expect((early["reminders"] as! [Any]).isEmpty)
        let first = try json(try run(["cases", "due", "--on", "2025-07-17", "--format", "json"], store: store).stdout)
        #expect((first["reminders"] as! [[String: Any]]).map { $0["radicado"] as! String } == ["CONFA-2025-000001"])
        let again = try json(try run(["cases", "due", "--on", "2025-07-17", "--format", "json"], store: store).stdout)
        #expect((again["reminders"] as! [Any]).isEmpty && (again["reminders_already_sent"] as! [Any]).count == 1)

        let responded = try run(["cases", "respond", "CONFA-2025-000001", "--channel", "correo", "--on", "2025-07-18"], store: store)
        #expect(responded.stdout == "CONFA-2025-000001: respondido — respondido el 2025-07-18 por correo, 14 días hábiles, a tiempo\n")
        let tooEarly = try run(["cases", "route-call", "CONFA-2025-000001", "--to", "apr1"], store: store)
        #expect(tooEarly.status != 0 && tooEarly.stderr.contains("enrutar-llamada") && tooEarly.stderr.contains("respondido"), "\(tooEarly.stderr)")
        let closed = try run(["cases", "close", "CONFA-2025-000001", "--on", "2025-07-18"], store: store)
        #expect(closed.stdout.contains("en-verificacion"))
        // Step 30: the call routed to the aprendiz, shown with the case.
        let blankRoute = try run(["cases", "route-call", "CONFA-2025-000001", "--to", " "], store: store)
        #expect(blankRoute.status != 0 && blankRoute.stderr.contains("quién hace la llamada"))
        let routedCall = try run(["cases", "route-call", "CONFA-2025-000001", "--to", "apr1"], store: store)
        #expect(routedCall.stdout.contains("llamada de verificación enrutada a apr1"), "\(routedCall.stdout)")
        #expect(try json(try run(["cases", "show", "CONFA-2025-000001", "--format", "json"], store: store).stdout)["verifier"] as? String == "apr1")
        let call = try run(["cases", "verify", "CONFA-2025-000001", "--outcome", "contactado", "--satisfied", "si", "--on", "2025-07-22", "--time", "10:30",
                            "--notes", "Le limpiaron la piscina"], store: store)
        #expect(call.stdout.contains("cerrado — intento 1 (2025-07-22 10:30): contactado, satisfecho"), "\(call.stdout)")
        let shown = try json(try run(["cases", "show", "CONFA-2025-000001", "--format", "json"], store: store).stdout)
        #expect(shown["state"] as? String == "cerrado" && shown["verification"] as? String == "contactado" && shown["satisfied"] as? Bool == true)
        let history = shown["history"] as! [[String: Any]]
        #expect(history.map { $0["action"] as! String } == ["radicar", "responder", "cerrar", "enrutar-llamada", "verificar"])
        #expect(history.first?["actor"] as? String == "radicador1")
    }

    @Test("refusals leave the store as it was: unknown channel, impossible date, answer before filing, late or too long extension, a second call the same day, a fourth call")
    func refusals() throws {
        let dir = TemporaryDirectory()
        let store = dir.path("pqrsl.sqlite")
        let channel = try run(["cases", "open", "--channel", "fax", "--type", "queja", "--service", "salud", "--text", "x"], store: store)
        #expect(channel.status == 64 && channel.stderr.contains("el canal «fax» no existe; use uno de: presencial, correo-ssf, chat, correo, web, telefono, redes, buzon"))
        let date = try run(["cases", "open", "--channel", "web", "--type", "queja", "--service", "salud", "--text", "x", "--received", "2025-02-29"], store: store)
        #expect(date.status == 64 && date.stderr.contains("«2025-02-29» no es una fecha válida"))
        _ = try run(["cases", "open", "--channel", "web", "--type", "reclamo", "--service", "credito", "--text", "x", "--received", "2025-06-27"], store: store)
        let before = try run(["cases", "respond", "CONFA-2025-000001", "--channel", "correo", "--on", "2025-06-20"], store: store)
        #expect(before.status == 65 && before.stderr.contains("la respuesta (2025-06-20) no puede ser anterior a la radicación (2025-06-27)"))
        let late = try run(["cases", "extend", "CONFA-2025-000001", "--until", "2025-08-01", "--notified", "2025-07-22", "--reason", "r"], store: store)
        #expect(late.status == 65 && late.stderr.contains("después del vencimiento (2025-07-21)"))
        let long = try run(["cases", "extend", "CONFA-2025-000001", "--until", "2025-08-13", "--notified", "2025-07-21", "--reason", "r"], store: store)
        #expect(long.status == 65 && long.stderr.contains("pasa del doble del término inicial (2 × 15 días hábiles: 2025-08-12)"))
        // Texts a step cannot do without: what the person asks, what is missing, why the term is extended, where it goes.
        let blank = try run(["cases", "open", "--channel", "web", "--type", "queja", "--service", "salud", "--text", "  "], store: store)
        #expect(blank.status == 65 && blank.stderr.contains("CASE-025") && blank.stderr.contains("falta el texto de la petición (--text): no puede quedar en blanco"))
        let ssf = try run(["cases", "open", "--channel", "correo-ssf", "--type", "queja", "--service", "salud", "--text", "x"], store: store)
        #expect(ssf.status == 65 && ssf.stderr.contains("CASE-026") && ssf.stderr.contains("indique --from-ssf"))
        let nowhere = try run(["cases", "transfer", "CONFA-2025-000001", "--to", "", "--on", "2025-06-30"], store: store)
        #expect(nowhere.status == 65 && nowhere.stderr.contains("falta la entidad a la que se traslada (--to)"))
        let nothingMissing = try run(["cases", "suspend", "CONFA-2025-000001", "--reason", "", "--on", "2025-06-30"], store: store)
        #expect(nothingMissing.status == 65 && nothingMissing.stderr.contains("falta decir qué le falta a la petición (--reason)"))
        let noReason = try run(["cases", "extend", "CONFA-2025-000001", "--until", "2025-08-01", "--notified", "2025-07-15", "--reason", " "], store: store)
        #expect(noReason.status == 65 && noReason.stderr.contains("falta el motivo de la prórroga (--reason)"))
        // Days the law cannot have: a receipt after today or before Ley 1755 (2015-06-30), an SSF term outside 1…30 days, an answer tomorrow.
        let future = try run(["cases", "open", "--channel", "web", "--type", "queja", "--service", "salud", "--text", "x", "--received", "2031-01-05"], store: store)
        #expect(future.status == 65 && future.stderr.contains("CASE-028") && future.stderr.contains("la fecha de recibo (2031-01-05) no puede ser posterior a hoy"), "\(future.stderr)")
        let old = try run(["cases", "open", "--channel", "web", "--type", "queja", "--service", "salud", "--text", "x", "--received", "1970-01-05"], store: store)
        #expect(old.status == 65 && old.stderr.contains("CASE-029") && old.stderr.contains("es anterior a la Ley 1755 de 2015"), "\(old.stderr)")
        for days in ["0", "31", "100000"] {
            let term = try run(["cases", "open", "--channel", "correo-ssf", "--from-ssf", "--ssf-term", days, "--type", "queja", "--service", "salud", "--text", "x",
                                "--received", "2025-06-27"], store: store)
            #expect(term.status == 65 && term.stderr.contains("CASE-030") && term.stderr.contains("el término de la SSF (\(days) días hábiles) debe ser de 1 a 30"), "\(term.stderr)")
        }
        let tomorrow = CivilDate(daysSinceEpoch: CivilDate.colombianToday().daysSinceEpoch + 1).iso
        let ahead = try run(["cases", "respond", "CONFA-2025-000001", "--channel", "correo", "--on", tomorrow], store: store)
        #expect(ahead.status == 65 && ahead.stderr.contains("la fecha de respuesta (\(tomorrow)) no puede ser posterior a hoy"), "\(ahead.stderr)")
        let shown = try json(try run(["cases", "show", "CONFA-2025-000001", "--format", "json"], store: store).stdout)
        #expect(shown["state"] as? String == "asignado" && (shown["history"] as! [Any]).count == 1 && shown["deadline"] as? String == "2025-07-21")
        let listed = try run(["cases", "list"], store: store).stdout
        #expect(listed.components(separatedBy: "CONFA-2025-").count == 2, "\(listed)")
        // The month of receipt: the case's (June 2025) lists it, another does not, and one that is not aaaa-mm is
        // refused with its words instead of an empty list (nor is an export written).
        #expect(try run(["cases", "list", "--month", "2025-06"], store: store).stdout.contains("CONFA-2025-000001"))
        #expect(!(try run(["cases", "list", "--month", "2025-07"], store: store).stdout.contains("CONFA-2025-000001")))
        for month in ["2025-6", "junio", "2025-13"] {
            let bad = try run(["cases", "list", "--month", month], store: store)
            #expect(bad.status == 64 && bad.stderr.contains("CASE-038") && bad.stderr.contains("«\(month)» no es un mes: escríbalo aaaa-mm (p. ej. 2026-10)"), "\(bad.stderr)")
        }
        let badExport = try run(["cases", "export", "--month", "2025-6", "--out", dir.path("casos.csv")], store: store)
        #expect(badExport.status == 64 && !FileManager.default.fileExists(atPath: dir.path("casos.csv")), "\(badExport.stderr)")

        _ = try run(["cases", "respond", "CONFA-2025-000001", "--channel", "correo", "--on", "2025-07-01"], store: store)
        _ = try run(["cases", "close", "CONFA-2025-000001", "--on", "2025-07-01"], store: store)
        _ = try run(["cases", "verify", "CONFA-2025-000001", "--outcome", "no-contesta", "--on", "2025-07-02", "--time", "9:05"], store: store)
        let twice = try run(["cases", "verify", "CONFA-2025-000001", "--outcome", "no-contesta", "--on", "2025-07-02", "--time", "9:05"], store: store)
        #expect(twice.status == 65 && twice.stderr.contains("los tres intentos deben ser en días distintos"))
        let backwards = try run(["cases", "verify", "CONFA-2025-000001", "--outcome", "no-contesta", "--on", "2025-07-01", "--time", "9:00"], store: store)
        #expect(backwards.status == 65 && backwards.stderr.contains("la llamada (2025-07-01) no puede ser anterior al intento anterior (2025-07-02)"), "\(backwards.stderr)")
        // An earlier day's call needs its time (step 32 keeps the date and the hour of each attempt), written as a time.
        let noTime = try run(["cases", "verify", "CONFA-2025-000001", "--outcome", "no-contesta", "--on", "2025-07-03"], store: store)
        #expect(noTime.status != 0 && noTime.stderr.contains("CASE-036") && noTime.stderr.contains("indique la hora de la llamada del 2025-07-03 con --time"), "\(noTime.stderr)")
        let badTime = try run(["cases", "verify", "CONFA-2025-000001", "--outcome", "no-contesta", "--on", "2025-07-03", "--time", "25:00"], store: store)
        #expect(badTime.status != 0 && badTime.stderr.contains("«25:00» no es una hora"), "\(badTime.stderr)")
        _ = try run(["cases", "verify", "CONFA-2025-000001", "--outcome", "no-contesta", "--on", "2025-07-03", "--time", "16:40"], store: store)
        let third = try run(["cases", "verify", "CONFA-2025-000001", "--outcome", "no-contesta", "--on", "2025-07-04", "--time", "11:15"], store: store)
        #expect(third.stdout.contains("cerrado como no contactado"))
        let fourth = try run(["cases", "verify", "CONFA-2025-000001", "--outcome", "no-contesta", "--on", "2025-07-07", "--time", "8:30"], store: store)
        #expect(fourth.status == 65 && fourth.stderr.contains("ya terminó («no-contactado»)"))
    }

    @Test("a felicitación has no term: no deadline in the filing, never due or overdue, no extension, its thanks neither on time nor late")
    func compliment() throws {
        let dir = TemporaryDirectory()
        let store = dir.path("pqrsl.sqlite")
        let opened = try run(["cases", "open", "--channel", "web", "--type", "felicitacion", "--service", "salud", "--text", "Muy buena atención",
                              "--received", "2026-11-03"], store: store)
        #expect(opened.stdout == "Radicado CONFA-2026-000001: felicitación por web, asignado a salud.\nUna felicitación no tiene término (no pide respuesta): se notifica al servicio.\n",
                "\(opened.stdout)\(opened.stderr)")
        _ = try run(["cases", "open", "--channel", "web", "--type", "queja", "--service", "salud", "--text", "Nadie contestó", "--received", "2026-11-03"], store: store)
        // Filed Tue 3 November 2026; 15 business days (holidays Mon 2 Nov and Mon 16 Nov) → Wed 25 Nov: only the queja is overdue on 1 December.
        let due = try json(try run(["cases", "due", "--on", "2026-12-01", "--format", "json"], store: store).stdout)
        #expect((due["overdue"] as! [[String: Any]]).map { $0["radicado"] as! String } == ["CONFA-2026-000002"], "\(due)")
        let extend = try run(["cases", "extend", "CONFA-2026-000001", "--until", "2026-12-10", "--notified", "2026-11-10", "--reason", "r"], store: store)
        #expect(extend.status == 65 && extend.stderr.contains("CASE-027") && extend.stderr.contains("es una felicitación: no tiene término que prorrogar"), "\(extend.stderr)")
        // 4–6, 9–13, 17–20, 23–27, 30 November and 1 December: 19 business days.
        let thanked = try run(["cases", "respond", "CONFA-2026-000001", "--channel", "correo", "--on", "2026-12-01"], store: store)
        #expect(thanked.stdout == "CONFA-2026-000001: respondido — respondido el 2026-12-01 por correo, 19 días hábiles, sin término\n", "\(thanked.stdout)")
        // Extended on the day it came (until 10 December, within twice the term: 17 December), then answered.
        let extended = try run(["cases", "extend", "CONFA-2026-000002", "--until", "2026-12-10", "--notified", "2026-11-04", "--reason", "Falta el informe de la sede"], store: store)
        #expect(extended.status == 0, "\(extended.stderr)")
        let answered = try run(["cases", "respond", "CONFA-2026-000002", "--channel", "correo", "--on", "2026-11-04"], store: store)
        #expect(answered.stdout.contains("por correo, 1 día hábil, a tiempo"), "\(answered.stdout)")
        let report = try json(try run(["cases", "report", "--month", "2026-11", "--on", "2026-12-01", "--format", "json"], store: store).stdout)
        let counted = report["answered"] as! [String: Any]
        #expect(report["received"] as? Int == 2 && counted["on_time"] as? Int == 1 && counted["late"] as? Int == 0, "\(report)")
        #expect(report["extended"] as? Int == 1 && report["suspended"] as? Int == 0, "\(report)")
    }

    @Test("the SSF's certificate is required and not before the answer; a transfer after art. 21's five business days is recorded and said late")
    func ssfUploadAndLateTransfer() throws {
        let dir = TemporaryDirectory()
        let store = dir.path("pqrsl.sqlite")
        _ = try run(["cases", "open", "--channel", "correo-ssf", "--from-ssf", "--type", "queja", "--service", "salud", "--text", "x", "--received", "2026-11-03"], store: store)
        _ = try run(["cases", "respond", "CONFA-2026-000001", "--channel", "correo", "--on", "2026-11-10"], store: store)
        let blank = try run(["cases", "upload-ssf", "CONFA-2026-000001", "--certificate", " ", "--on", "2026-11-12"], store: store)
        #expect(blank.status == 65 && blank.stderr.contains("falta el certificado de cargue de la SSF (--certificate)"), "\(blank.stderr)")
        let early = try run(["cases", "upload-ssf", "CONFA-2026-000001", "--certificate", "SSF-1", "--on", "2026-11-05"], store: store)
        #expect(early.status == 65 && early.stderr.contains("el cargue en la SSF (2026-11-05) no puede ser anterior a la respuesta (2026-11-10)"), "\(early.stderr)")
        let uploaded = try run(["cases", "upload-ssf", "CONFA-2026-000001", "--certificate", "SSF-1", "--on", "2026-11-12"], store: store)
        #expect(uploaded.status == 0, "\(uploaded.stderr)")
        // Filed Mon 2026-06-01; Corpus Christi moved to Mon 8 June: five business days end Tue 9 June.
        _ = try run(["cases", "open", "--channel", "web", "--type", "queja", "--service", "salud", "--text", "y", "--received", "2026-06-01"], store: store)
        let late = try run(["cases", "transfer", "CONFA-2026-000002", "--to", "Colpensiones", "--on", "2026-11-30"], store: store)
        #expect(late.stdout == "CONFA-2026-000002: trasladado — trasladado a Colpensiones el 2026-11-30; fuera del término del art. 21 de la Ley 1755 (5 días hábiles, hasta el 2026-06-09)\n", "\(late.stdout)")
        _ = try run(["cases", "open", "--channel", "web", "--type", "queja", "--service", "salud", "--text", "z", "--received", "2026-06-01"], store: store)
        let inTime = try run(["cases", "transfer", "CONFA-2026-000003", "--to", "Colpensiones", "--on", "2026-06-09"], store: store)
        #expect(inTime.stdout == "CONFA-2026-000003: trasladado — trasladado a Colpensiones el 2026-06-09\n", "\(inTime.stdout)")
    }

    @Test("work on a case: routed by hand with a reason, an internal request due in «cases due» and answered late, a document kept by its SHA-256 and given back")
    func caseWork() throws {
        let dir = TemporaryDirectory()
        let store = dir.path("pqrsl.sqlite")
        // Tue 3 Nov 2026: due Wed 25 Nov; reminder Mon 23 Nov.
        _ = try run(["cases", "open", "--channel", "web", "--type", "reclamo", "--service", "credito", "--text", "Me cobraron intereses de más", "--received", "2026-11-03"], store: store)
        let misspelt = try run(["cases", "route", "CONFA-2026-000001", "--owner", "secretaria-generl", "--reason", "Concepto jurídico"], store: store)
        #expect(misspelt.status == 64 && misspelt.stderr.contains("el responsable «secretaria-generl» no existe; ¿quiso decir «secretaria-general»?"), "\(misspelt.stderr)")
        let routed = try run(["cases", "route", "CONFA-2026-000001", "--owner", "secretaria-general", "--reason", "Requiere concepto jurídico"], store: store)
        #expect(routed.stdout == "CONFA-2026-000001: asignado — asignado a secretaria-general (antes credito): Requiere concepto jurídico\n", "\(routed.stdout)")
        // Asked Wed 4 Nov: five business days → Wed 11 Nov (before the reminder of 23 Nov).
        let asked = try run(["cases", "request", "CONFA-2026-000001", "--owner", "credito", "--what", "Extracto del crédito", "--on", "2026-11-04"], store: store)
        #expect(asked.stdout == "CONFA-2026-000001: solicitud 1 a credito, para el miércoles 2026-11-11.\n", "\(asked.stdout)\(asked.stderr)")
        let notYet = try json(try run(["cases", "due", "--on", "2026-11-10", "--format", "json"], store: store).stdout)
        #expect((notYet["requests_due"] as! [Any]).isEmpty)
        let due = try json(try run(["cases", "due", "--on", "2026-11-11", "--format", "json"], store: store).stdout)
        #expect((due["requests_due"] as! [[String: Any]]).map { "\($0["radicado"]!) \($0["request"]!) \($0["owner"]!) \($0["due_on"]!)" } == ["CONFA-2026-000001 1 credito 2026-11-11"])
        let answered = try run(["cases", "request-done", "CONFA-2026-000001", "1", "--on", "2026-11-12"], store: store)
        #expect(answered.stdout == "CONFA-2026-000001: solicitud 1 respondida por credito el 2026-11-12, después de su fecha límite (2026-11-11).\n", "\(answered.stdout)")
        let twice = try run(["cases", "request-done", "CONFA-2026-000001", "1", "--on", "2026-11-13"], store: store)
        #expect(twice.status == 65 && twice.stderr.contains("la solicitud 1 de CONFA-2026-000001 ya se respondió el 2026-11-12"), "\(twice.stderr)")

        // A binary document: its SHA-256 as sha256sum computes it; kept once; given back byte for byte under its own extension only.
        let original = dir.path("formato.pdf")
        try Data([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x0a] + Array("formato de prueba".utf8)).write(to: URL(fileURLWithPath: original))
        let digest = String(try Witness.run("sha256sum", [original]).output.prefix(64))
        let kept = try run(["cases", "attach", "CONFA-2026-000001", original, "--kind", "formato"], store: store)
        #expect(kept.stdout == "CONFA-2026-000001: guardado «formato.pdf» como formato (SHA-256 \(digest)).\n", "\(kept.stdout)\(kept.stderr)")
        #expect(try run(["cases", "attach", "CONFA-2026-000001", original, "--kind", "formato"], store: store).stdout.contains("ya estaba guardado"))
        let wrongKind = try run(["cases", "attach", "CONFA-2026-000001", original, "--kind", "formulario"], store: store)
        #expect(wrongKind.status == 64 && wrongKind.stderr.contains("el tipo de documento «formulario» no existe"), "\(wrongKind.stderr)")
        let asText = try run(["cases", "attachment", "CONFA-2026-000001", String(digest.prefix(8)), "--out", dir.path("copia.txt")], store: store)
        #expect(asText.status == 65 && asText.stderr.contains("«formato.pdf» es un .pdf: escríbalo en un archivo .pdf, no en"), "\(asText.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.path("copia.txt")))
        let back = try run(["cases", "attachment", "CONFA-2026-000001", String(digest.prefix(8)), "--out", dir.path("copia.pdf")], store: store)
        #expect(back.status == 0 && FileManager.default.contents(atPath: dir.path("copia.pdf")) == FileManager.default.contents(atPath: original), "\(back.stderr)")
        let shown = try json(try run(["cases", "show", "CONFA-2026-000001", "--format", "json"], store: store).stdout)
        #expect(shown["owner"] as? String == "secretaria-general" && (shown["attachments"] as! [[String: Any]]).first?["sha256"] as? String == digest)
        #expect((shown["history"] as! [[String: Any]]).map { $0["action"] as! String } == ["radicar", "asignar", "solicitar", "recibir-informacion", "adjuntar"])
    }

    @Test("a month imported (twice adds nothing), its verification sample pinned, due and report")
    func month() throws {
        let dir = TemporaryDirectory()
        let store = dir.path("pqrsl.sqlite")
        let file = RepositoryFiles.exampleData("pqrsl_octubre.csv")
        let imported = try run(["cases", "import", file], store: store)
        #expect(imported.status == 0 && imported.stdout.hasSuffix("Guardados 768 casos nuevos; 0 ya estaban.\n"), "\(imported.stderr)")
        let twice = try run(["cases", "import", file], store: store)
        #expect(twice.stdout.hasSuffix("Guardados 0 casos nuevos; 768 ya estaban.\n"))
        // Scripts/reference/pqrsl_sample.py Examples/data/pqrsl_octubre.csv 2026-10 20261101 (an independent implementation):
        // N 120, sha256 50b53a8d1aa58aed…, first drawn CONFA-2026-000380 CONFA-2026-000293 CONFA-2026-000420 CONFA-2026-000648 CONFA-2026-000064.
        let drawn = try run(["cases", "verify-sample", "--month", "2026-10", "--seed", "20261101", "--on", "2026-11-03"], store: store)
        #expect(drawn.stdout.hasPrefix("Muestra de verificación de 2026-10: 100 de 120 reclamos sobre subsidios (semilla 20261101, splitmix64+lemire+fisher-yates/1, huella 50b53a8d1aa58aed…)."))
        #expect(drawn.stdout.contains("Por llamar, en este orden: CONFA-2026-000380, CONFA-2026-000293, CONFA-2026-000420, CONFA-2026-000648, CONFA-2026-000064, "))
        let report = try json(try run(["cases", "report", "--month", "2026-10", "--on", "2026-11-03", "--format", "json"], store: store).stdout)
        let rows = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n").dropFirst()
        #expect(report["received"] as? Int == rows.count)
        // Answered in October, felicitaciones apart (they have no term: neither on time nor late).
        let answeredInOctober = rows.map { $0.split(separator: ",", omittingEmptySubsequences: false) }
            .filter { $0[13].hasPrefix("2026-10-") && $0[2] != "felicitacion" }.count
        let answered = report["answered"] as! [String: Any]
        #expect((answered["on_time"] as! Int) + (answered["late"] as! Int) == answeredInOctober)
        // By SSF type and answers by type, counted from the file itself.
        let fields = rows.map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        var ssf: [String: Int] = [:], answeredByType: [String: Int] = [:]
        for f in fields where !f[5].isEmpty { ssf[f[5], default: 0] += 1 }
        for f in fields where f[13].hasPrefix("2026-10-") && f[2] != "felicitacion" { answeredByType[f[2], default: 0] += 1 }
        let reportedSSF = Dictionary(uniqueKeysWithValues: (report["by_ssf_type"] as! [[String: Any]]).map { ($0["ssf_type"] as! String, $0["count"] as! Int) })
        #expect(reportedSSF == ssf, "\(reportedSSF) \(ssf)")
        let byType = (report["timeliness"] as! [[String: Any]]).filter { $0["dimension"] as? String == "tipo" }
        #expect(Dictionary(uniqueKeysWithValues: byType.map { ($0["value"] as! String, $0["answered"] as! Int) }) == answeredByType)
        #expect(byType.map { $0["on_time"] as! Int }.reduce(0, +) == answered["on_time"] as! Int)
        #expect(report["extended"] as? Int == 0 && report["suspended"] as? Int == 0)
        let verification = report["verification"] as! [String: Int]
        #expect(verification["no_seleccionado"] == 20)
        let html = dir.path("pqrsl.html")
        let written = try run(["cases", "report", "--month", "2026-10", "--format", "html", "--out", html], store: store)
        #expect(written.status == 0)
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.contains("<h1>PQRSL de 2026-10</h1>"))
        // Issue 21: open cases grouped by responsible office with their type, deadline and a light in words.
        #expect(page.contains("<h2>Abiertos por responsable</h2>") && page.contains("<h3>Subsidio monetario <span class=\"small\">· "))
        #expect(page.contains("<td>queja</td>") && page.contains("</span>vencido</td>") && page.contains("</span>a tiempo</td>"))
        #expect(page.contains("cumple la meta de 95 %") && page.contains("aria-label=\"Casos recibidos por servicio\""))
        let openCount = (try json(try run(["cases", "report", "--month", "2026-10", "--format", "json"], store: store).stdout)["open"] as! [Any]).count

        // The workbook, read by openpyxl (what Excel users' scripts use): a sheet per table, numbers as numbers.
        if Witness.hasPython("openpyxl") {
            let book = dir.path("pqrsl.xlsx")
            #expect(try run(["cases", "report", "--month", "2026-10", "--out", book], store: store).status == 0)
            let read = try Witness.python("""
                import openpyxl, sys
                wb = openpyxl.load_workbook(sys.argv[1])
                ws = wb["Abiertos"]
                print(wb.sheetnames, ws.max_row - 1, [c.value for c in ws[1]], type(ws.cell(2, 4).value).__name__, wb["Resumen"].cell(2, 3).value)
                """, [book])
            #expect(read.output.contains("['Resumen', 'Canal y tipo', 'Servicio', 'Atributo', 'Tipo SSF', 'Oportunidad', 'Abiertos'] \(openCount) ['radicado', 'tipo', 'responsable', 'días hábiles', 'vence', 'estado'] int 768"), "\(read.output)")
        }

        // The last twelve months: October's 768 received, and the answers given each month (on time against the target).
        let november = try json(try run(["cases", "report", "--month", "2026-11", "--format", "json"], store: store).stdout)
        let history = november["history"] as! [[String: Any]]
        #expect(history.count == 12 && history.first?["month"] as? String == "2025-12" && history.last?["month"] as? String == "2026-11")
        #expect(history[10]["received"] as? Int == 768 && history[10]["answered"] as? Int == answeredInOctober)
        let novemberPage = dir.path("noviembre.html")
        #expect(try run(["cases", "report", "--month", "2026-11", "--out", novemberPage], store: store).status == 0)
        #expect(try String(contentsOfFile: novemberPage, encoding: .utf8).contains("<h2>Últimos 12 meses</h2>"))

        // A case filed on Saturday 31 October starts on the next business day: on the 31st it is 0 days old, never −1.
        let saturday = try json(try run(["cases", "report", "--month", "2026-10", "--on", "2026-10-31", "--format", "json"], store: store).stdout)
        let open = saturday["open"] as! [[String: Any]]
        #expect(open.allSatisfy { ($0["age_business_days"] as! Int) >= 0 })
        let filedSaturday = Set(rows.filter { $0.contains(",2026-10-31") }.map { String($0.split(separator: ",")[0]) })
        #expect(!filedSaturday.isEmpty)
        #expect(open.filter { filedSaturday.contains($0["radicado"] as! String) }.allSatisfy { ($0["age_business_days"] as! Int) == 0 })
    }
}

/// Issue 22: a report as of an earlier day sees each case as it was then.
@Suite struct ReportAsOfTests {
    @Test("a case transferred on 9 October is open in the report as of the 8th and not as of the 12th")
    func transferredLater() throws {
        let dir = TemporaryDirectory()
        let store = dir.path("casos.sqlite")
        #expect(try SondeoRunner.run(["cases", "open", "--channel", "web", "--type", "peticion", "--service", "salud", "--text", "Pregunta",
                                      "--received", "2026-10-05", "--store", store]).status == 0)
        #expect(try SondeoRunner.run(["cases", "transfer", "CONFA-2026-000001", "--to", "Ministerio de Salud", "--on", "2026-10-09", "--store", store]).status == 0)
        func open(_ day: String) throws -> [String] {
            let run = try SondeoRunner.run(["cases", "report", "--month", "2026-10", "--on", day, "--format", "json", "--store", store])
            let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
            return (document["open"] as! [[String: Any]]).map { $0["radicado"] as! String }
        }
        #expect(try open("2026-10-08") == ["CONFA-2026-000001"])
        #expect(try open("2026-10-12") == [])
    }

    @Test("a report of an earlier day shows each case as it stood then: the deadline before a later extension, a suspension as a stopped term, an answer recorded later still open")
    func stoodThen() throws {
        let dir = TemporaryDirectory()
        let store = dir.path("casos.sqlite")
        func run(_ arguments: [String]) throws {
            let done = try SondeoRunner.run(arguments + ["--store", store])
            #expect(done.status == 0, "\(arguments): \(done.stderr)")
        }
        for text in ["Demora", "Cobro doble"] {
            try run(["cases", "open", "--channel", "web", "--type", "queja", "--service", "salud", "--text", text, "--received", "2026-11-03"])
        }
        // Both filed Tue 3 Nov 2026: 15 business days (2 and 16 Nov holidays) → Wed 25 Nov.
        // 000001: extension notified Tue 24 Nov to Wed 9 Dec; answered Fri 4 Dec (recorded all at once, today).
        try run(["cases", "extend", "CONFA-2026-000001", "--until", "2026-12-09", "--notified", "2026-11-24", "--reason", "Concepto jurídico"])
        try run(["cases", "respond", "CONFA-2026-000001", "--on", "2026-12-04", "--channel", "correo"])
        // 000002: suspended Thu 5 Nov (art. 17), completed Tue 10 Nov: 15 business days from the 10th → Wed 2 Dec.
        try run(["cases", "suspend", "CONFA-2026-000002", "--on", "2026-11-05", "--reason", "Falta la factura"])
        try run(["cases", "resume", "CONFA-2026-000002", "--on", "2026-11-10"])
        func open(_ day: String) throws -> [String] {
            let report = try SondeoRunner.run(["cases", "report", "--month", "2026-11", "--on", day, "--format", "json", "--store", store])
            let document = try #require(try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])
            return (document["open"] as! [[String: Any]]).map { "\($0["radicado"]!) \($0["deadline"]!) \($0["urgency"]!)" }.sorted()
        }
        // Mon 23 Nov: two business days ahead is Wed 25 → 000001 «por vencer» on its first deadline (the extension came the 24th).
        #expect(try open("2026-11-23") == ["CONFA-2026-000001 2026-11-25 por vencer", "CONFA-2026-000002 2026-12-02 a tiempo"])
        // Fri 6 Nov: 000002 suspended, its term stopped: not overdue, with the deadline it had.
        #expect(try open("2026-11-06") == ["CONFA-2026-000001 2026-11-25 a tiempo", "CONFA-2026-000002 2026-11-25 a tiempo"])
        // Thu 3 Dec: 000001 extended and not yet answered; 000002 past its new deadline.
        #expect(try open("2026-12-03") == ["CONFA-2026-000001 2026-12-09 a tiempo", "CONFA-2026-000002 2026-12-02 vencido"])
        #expect(try open("2026-12-04") == ["CONFA-2026-000002 2026-12-02 vencido"])
    }
}

/// Issue 22: a step's own message follows `--lang en`; the history keeps Confa's Spanish record.
@Suite struct CaseStepLanguageTests {
    @Test("with --lang en each step says what it did in English; cases show still lists the history in Spanish")
    func english() throws {
        let dir = TemporaryDirectory()
        let store = dir.path("casos.sqlite")
        func run(_ arguments: [String]) throws -> SondeoRun {
            let done = try SondeoRunner.run(arguments + ["--store", store, "--lang", "en"])
            #expect(done.status == 0, "\(arguments): \(done.stderr)")
            return done
        }
        _ = try run(["cases", "open", "--channel", "web", "--type", "queja", "--service", "salud", "--text", "Demora", "--received", "2026-11-03"])
        let early = try SondeoRunner.run(["cases", "suspend", "CONFA-2026-000001", "--on", "2026-11-01", "--reason", "r", "--store", store, "--lang", "en"])
        #expect(early.stderr.contains("the suspension (2026-11-01) cannot be earlier than the filing (2026-11-03)"), "\(early.stderr)")
        // Tue 3 Nov → Wed 25 Nov (2 and 16 Nov holidays); the answer on Fri 20 Nov is the 12th business day.
        #expect(try run(["cases", "extend", "CONFA-2026-000001", "--until", "2026-12-09", "--notified", "2026-11-20", "--reason", "Legal opinion"]).stdout
                == "CONFA-2026-000001: prorrogado — extension notified on 2026-11-20: new deadline 2026-12-09 (was 2026-11-25); Legal opinion\n")
        #expect(try run(["cases", "respond", "CONFA-2026-000001", "--on", "2026-11-20", "--channel", "correo"]).stdout
                == "CONFA-2026-000001: respondido — answered on 2026-11-20 by correo, 12 business days, on time\n")
        #expect(try run(["cases", "close", "CONFA-2026-000001", "--on", "2026-11-20"]).stdout == "CONFA-2026-000001: en-verificacion — goes to satisfaction verification\n")
        let shown = try SondeoRunner.run(["cases", "show", "CONFA-2026-000001", "--store", store]).stdout
        #expect(shown.contains("respondido el 2026-11-20 por correo, 12 días hábiles, a tiempo") && !shown.contains("answered on"), "\(shown)")
    }
}

/// Issue 22: looking ahead with `cases due --on` a future day must not use up that day's reminders.
@Suite struct DueLookAheadTests {
    func run(_ arguments: [String], store: String) throws -> SondeoRun {
        try SondeoRunner.run(arguments + ["--store", store])
    }

    @Test("a future day's reminders are shown, not noted; the same list again still shows them as new")
    func futureDayNotesNothing() throws {
        let dir = TemporaryDirectory()
        let store = dir.path("pqrsl.sqlite")
        // Received today (the default): its deadline and reminder are days ahead of today.
        let opened = try run(["cases", "open", "--channel", "web", "--type", "queja", "--service", "salud", "--text", "Demora en la cita",
                              "--format", "json"], store: store)
        #expect(opened.status == 0, "\(opened.stderr)")
        let c = try JSONSerialization.jsonObject(with: Data(opened.stdout.utf8)) as! [String: Any]
        let reminder = try #require(c["reminder"] as? String)
        for _ in 0..<2 {
            let ahead = try run(["cases", "due", "--on", reminder, "--format", "json"], store: store)
            let j = try JSONSerialization.jsonObject(with: Data(ahead.stdout.utf8)) as! [String: Any]
            #expect(j["reminders_noted"] as? Bool == false)
            #expect((j["reminders"] as! [Any]).count == 1)
            #expect((j["reminders_already_sent"] as! [Any]).isEmpty)
        }
        let text = try run(["cases", "due", "--on", reminder], store: store)
        #expect(text.stdout.contains("no se anotan todavía"))
        #expect(!text.stdout.contains("quedan anotados"))
    }
}
