import Foundation
import Synchronization
import SondeoTestSupport
import Store
import Testing

/// Publishing a questionnaire, loading a drawn sample and reading fieldwork status from the store.
@Suite struct FieldworkCLITests {
    static let satisfaccion = RepositoryFiles.path("Questionnaires/satisfaccion-servicios.encuesta")

    /// A drawn sample of 15 cases in two strata plus one reserve case, as `sample draw` writes it.
    static func sampleFile(in dir: TemporaryDirectory) throws -> String {
        var lines = ["id_afiliado,telefono,estrato,peso,N_estrato,orden,reserva"]
        for i in 1...15 { lines.append("AF\(i),300000\(i),\(i <= 10 ? "A" : "B"),\(i <= 10 ? "20" : "12.5"),\(i <= 10 ? 200 : 62),\(i),0") }
        lines.append("AF16,3000016,A,20,200,16,1")
        let path = dir.path("muestra.csv")
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("publish: once, again with the same text, refused with another text under the same version")
    func publish() throws {
        let dir = TemporaryDirectory()
        let store = dir.path("campo.sqlite")
        let first = try SondeoRunner.run(["questionnaire", "publish", Self.satisfaccion, "--store", store])
        #expect(first.status == 0)
        #expect(first.stdout.hasPrefix("Publicado «satisfaccion_servicios» versión 2026.12 en \(store) (SHA-256 "))
        let again = try SondeoRunner.run(["questionnaire", "publish", Self.satisfaccion, "--store", store])
        #expect(again.stdout.contains("ya estaba publicado con este mismo texto"))
        let edited = dir.path("editada.encuesta")
        try String(contentsOfFile: Self.satisfaccion, encoding: .utf8).replacingOccurrences(of: "¿Qué deberíamos mejorar?", with: "¿Qué mejoraría?")
            .write(toFile: edited, atomically: true, encoding: .utf8)
        let changed = try SondeoRunner.run(["questionnaire", "publish", edited, "--store", store])
        #expect(changed.status == 65)
        #expect(changed.stderr == "error[STORE-002]: la versión 2026.12 de «satisfaccion_servicios» ya se publicó con otro texto: cambie el número de versión en el archivo\n")
    }

    @Test("sample load: once, the same file again adds nothing; an unpublished questionnaire is suggested")
    func load() throws {
        let dir = TemporaryDirectory()
        let store = dir.path("campo.sqlite"), sample = try Self.sampleFile(in: dir)
        let unpublished = try SondeoRunner.run(["sample", "load", sample, "--questionnaire", "satisfaccion_servicios", "--store", store])
        #expect(unpublished.status == 64)
        #expect(unpublished.stderr.contains("no está publicado en este almacén: publíquelo con «sondeo questionnaire publish ARCHIVO»"))
        _ = try SondeoRunner.run(["questionnaire", "publish", Self.satisfaccion, "--store", store])
        let run = try SondeoRunner.run(["sample", "load", sample, "--questionnaire", "satisfaccion_servicios", "--store", store])
        #expect(run.stdout == "Cargados 16 casos nuevos de «satisfaccion_servicios» en \(store) (15 de muestra y 1 de reserva en el archivo; 0 ya estaban).\n")
        let again = try SondeoRunner.run(["sample", "load", sample, "--questionnaire", "satisfaccion_servicios", "--store", store])
        #expect(again.stdout.hasPrefix("Cargados 0 casos nuevos"))
        let misspelt = try SondeoRunner.run(["sample", "load", sample, "--questionnaire", "satisfacion_servicios", "--store", store])
        #expect(misspelt.stderr.contains("¿quiso decir «satisfaccion_servicios»?"))
    }

    @Test("status: outcomerate's x1 outcomes give its published rates with e = 0.5; progress per stratum")
    func status() throws {
        let dir = TemporaryDirectory()
        let path = dir.path("campo.sqlite"), sample = try Self.sampleFile(in: dir)
        _ = try SondeoRunner.run(["questionnaire", "publish", Self.satisfaccion, "--store", path])
        _ = try SondeoRunner.run(["sample", "load", sample, "--questionnaire", "satisfaccion_servicios", "--store", path])
        // x1 = I P I NC UH I R UO I O P I R O P (ropensci/outcomerate tests), one case each, as dispositions.
        let codes = ["completa", "parcial", "completa", "buzon", "no_contesta", "completa", "rechazo", "falla_tecnica",
                     "completa", "colgo", "parcial", "completa", "rechazo", "colgo", "parcial"]
        let store = try SQLStore(sqlite: path)
        for (i, code) in codes.enumerated() {
            try store.record(ContactAttempt(unit: "AF\(i + 1)", interviewer: i % 2 == 0 ? "e01" : "e02", startedAt: "2026-11-30T14:00:00Z",
                                            endedAt: "2026-11-30T14:05:00Z", disposition: code), questionnaire: "satisfaccion_servicios")
        }
        let run = try SondeoRunner.run(["responses", "status", "satisfaccion_servicios", "--store", path, "--e", "0.5", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let rates = try #require(json["rates"] as? [String: Double])
        let expected: [String: Double] = ["RR1": 1.0 / 3, "RR2": 8.0 / 15, "RR3": 5.0 / 14, "RR4": 4.0 / 7, "RR5": 5.0 / 13, "RR6": 8.0 / 13,
                                          "COOP1": 5.0 / 12, "COOP2": 2.0 / 3, "COOP3": 1.0 / 2, "COOP4": 4.0 / 5, "REF1": 2.0 / 15,
                                          "REF2": 1.0 / 7, "REF3": 2.0 / 13, "CON1": 4.0 / 5, "CON2": 6.0 / 7, "CON3": 12.0 / 13]
        for (name, value) in expected { expectClose(rates[name]!, value, rtol: 1e-14) }
        #expect(json["target"] as? Int == 15 && json["completes"] as? Int == 5 && json["reserve_used"] as? Int == 0)
        let groups = try #require(json["groups"] as? [[String: Any]])
        // Stratum A holds AF1–AF10: completes at 1, 3, 6, 9 → 4 of a target of 10.
        #expect(groups.map { $0["group"] as! String } == ["A", "B"])
        #expect(groups[0]["target"] as? Int == 10 && groups[0]["completes"] as? Int == 4)

        let table = try SondeoRunner.run(["responses", "status", "satisfaccion_servicios", "--store", path])
        #expect(table.stdout.contains("A          10          4  40,0 %"))

        // Targets from an allocation file: 4 completes of 8 wanted in A, 1 of 2 in B.
        let allocation = dir.path("asignacion.json")
        try #"{"total": 10, "strata": [{"stratum": "A", "N": 200, "n": 8}, {"stratum": "B", "N": 62, "n": 2}]}"#
            .write(toFile: allocation, atomically: true, encoding: .utf8)
        let allocated = try SondeoRunner.run(["responses", "status", "satisfaccion_servicios", "--store", path, "--allocation", allocation, "--format", "json"])
        let byAllocation = try #require(try JSONSerialization.jsonObject(with: Data(allocated.stdout.utf8)) as? [String: Any])
        #expect(byAllocation["target"] as? Int == 10)
        #expect((byAllocation["groups"] as? [[String: Any]])?.map { $0["target"] as? Int } == [8, 2])
    }

    @Test("status while cases are open: a pending appointment and an interview left before its first answer are contacted non-interviews (O), not refusals; a half-done one counts by its answers")
    func interimClasses() throws {
        let dir = TemporaryDirectory()
        let path = dir.path("campo.sqlite"), sample = try Self.sampleFile(in: dir)
        _ = try SondeoRunner.run(["questionnaire", "publish", Self.satisfaccion, "--store", path])
        _ = try SondeoRunner.run(["sample", "load", sample, "--questionnaire", "satisfaccion_servicios", "--store", path])
        let store = try SQLStore(sqlite: path)
        func call(_ unit: String, _ code: String) throws {
            try store.record(ContactAttempt(unit: unit, interviewer: "e01", startedAt: "2026-11-30T14:00:00Z", endedAt: "2026-11-30T14:05:00Z",
                                            disposition: code), questionnaire: "satisfaccion_servicios")
        }
        // AF1: an appointment. AF2: answered, nothing typed, left. AF3: consent and service typed, left (2 of 9 applicable: a break-off, R).
        // AF4: answered 8 of the 9 (partial, P). AF5: a refusal. The other ten: never tried (UH).
        try call("AF1", "cita")
        try store.addAppointment(questionnaire: "satisfaccion_servicios", unit: "AF1", at: "2026-12-20T10:00:00-05:00", interviewer: "e01")
        for (unit, answers) in [("AF2", [(String, Double)]()), ("AF3", [("consentimiento", 1), ("servicio", 2)]),
                                ("AF4", [("consentimiento", 1), ("servicio", 2), ("usos", 3), ("nps", 8), ("csat", 4), ("atributos_amabilidad", 4),
                                         ("atributos_espera", 3), ("atributos_informacion", 4)])] {
            let record = InterviewRecord(questionnaire: "satisfaccion_servicios", version: "2026.12", respondent: unit, mode: "telefono", interviewer: "e01",
                                         startedAt: "2026-11-30T14:00:00Z", endedAt: nil, disposition: nil, source: "collect", answers: [])
            _ = try store.answerCall(record, attempt: ContactAttempt(unit: unit, interviewer: "e01", startedAt: "2026-11-30T14:00:00Z",
                                                                     endedAt: "2026-11-30T14:00:00Z", disposition: "interrumpida"))
            for (name, value) in answers {
                try store.saveAnswer(StoredAnswer(variable: name, number: value), variable: name,
                                     questionnaire: "satisfaccion_servicios", respondent: unit)
            }
        }
        try call("AF5", "rechazo")
        let run = try SondeoRunner.run(["responses", "status", "satisfaccion_servicios", "--store", path, "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let counts = try #require(json["counts"] as? [String: Double])
        #expect(counts == ["I": 0, "P": 1, "R": 2, "NC": 0, "O": 2, "UH": 10, "UO": 0, "NE": 0])
        // Nothing closed yet: the partial is only how AF4 would end.
        #expect(json["closed"] as? Int == 1 && json["partials"] as? Int == 0)
    }

    /// A store with the satisfaction questionnaire published and the demo's web answers' affiliates as cases.
    static func storeWithWebAnswers(in dir: TemporaryDirectory) throws -> (store: String, answers: String) {
        let store = dir.path("campo.sqlite")
        _ = try SondeoRunner.run(["questionnaire", "publish", Self.satisfaccion, "--store", store])
        return (store, RepositoryFiles.exampleData("respuestas_web.csv"))
    }

    @Test("import: a bad row names file, line and column; nothing is saved unless --only-valid; a second import adds nothing")
    func importResponses() throws {
        let dir = TemporaryDirectory()
        let (store, answers) = try Self.storeWithWebAnswers(in: dir)
        // Two rows of the example file, the second with csat = 6 (the list goes 1..5) and usos = 95 (1..90).
        // That row had csat = 3 and chose reasons; with csat = 6 «razones» (shown only if csat en (1, 2, 3))
        // no longer applies, so its answers are a third error.
        let lines = try String(contentsOfFile: answers, encoding: .utf8).split(separator: "\n").map(String.init)
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        var bad = lines[2].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        bad[header.firstIndex(of: "csat")!] = "6"
        bad[header.firstIndex(of: "usos")!] = "95"
        let file = dir.path("web.csv")
        try ([lines[0], lines[1], bad.joined(separator: ",")].joined(separator: "\n") + "\n").write(toFile: file, atomically: true, encoding: .utf8)

        let dry = try SondeoRunner.run(["responses", "import", "satisfaccion_servicios", file, "--store", store, "--dry-run"])
        #expect(dry.status == 65)
        #expect(dry.stderr.contains("\(file):3 [usos]: error: 95 es mayor que el máximo 90\n"))
        #expect(dry.stderr.contains("\(file):3 [csat]: error: 6 no es un código de la lista «satisfaccion5» (1, 2, 3, 4, 5)\n"))
        #expect(dry.stderr.contains("\(file):3 [razones]: error: hay respuesta en «razones», que no aplica (su condición no se cumple)\n"))
        #expect(dry.stdout == "2 filas: 1 válida, 1 con errores (3 errores, 0 avisos). Revisión sin guardar (--dry-run).\n")

        let atomic = try SondeoRunner.run(["responses", "import", "satisfaccion_servicios", file, "--store", store])
        #expect(atomic.status == 65 && atomic.stdout.contains("No se importó nada"))
        #expect(try SQLStore(sqlite: store).interviews(of: "satisfaccion_servicios").isEmpty)

        let valid = try SondeoRunner.run(["responses", "import", "satisfaccion_servicios", file, "--store", store, "--only-valid"])
        #expect(valid.status == 0 && valid.stdout.hasSuffix("Guardada 1 entrevista nueva en \(store); 0 ya estaban.\n"))

        let all = try SondeoRunner.run(["responses", "import", "satisfaccion_servicios", answers, "--store", store])
        #expect(all.status == 0 && all.stdout.hasSuffix("Guardadas 59 entrevistas nuevas en \(store); 1 ya estaba.\n"))
        let again = try SondeoRunner.run(["responses", "import", "satisfaccion_servicios", answers, "--store", store])
        #expect(again.stdout.hasSuffix("Guardadas 0 entrevistas nuevas en \(store); 60 ya estaban.\n"))
    }

    @Test("export: the web answers come back as they were imported, with the sample's design columns; --anonymize drops what re-identifies; exports are 0600")
    func export() throws {
        let dir = TemporaryDirectory()
        let (store, answers) = try Self.storeWithWebAnswers(in: dir)
        // The demo's sample, from which Scripts/examples/respuestas_web.py took the respondents.
        let sample = dir.path("muestra.csv")
        _ = try SondeoRunner.run(["sample", "draw", RepositoryFiles.exampleData("afiliados.csv"), "--strata", "categoria", "--total", "850",
                                  "--seed", "20261129", "--reserve", "0.5", "--out", sample])
        _ = try SondeoRunner.run(["sample", "load", sample, "--questionnaire", "satisfaccion_servicios", "--store", store])
        _ = try SondeoRunner.run(["responses", "import", "satisfaccion_servicios", answers, "--store", store])
        let out = dir.path("export.csv")
        let run = try SondeoRunner.run(["responses", "export", "satisfaccion_servicios", "--store", store, "--out", out])
        #expect(run.status == 0, "\(run.stderr)")
        let exported = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n").map(String.init)
        let original = try String(contentsOfFile: answers, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(exported.count == original.count)
        let exportedHeader = exported[0].split(separator: ",").map(String.init)
        func cells(_ line: String) -> [String] { line.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(Array(exportedHeader.prefix(7)) == ["id_afiliado", "_version", "_modo", "_encuestador", "_inicio", "_fin", "_disposicion"])
        let peso = exportedHeader.firstIndex(of: "peso")!, estrato = exportedHeader.firstIndex(of: "estrato")!
        #expect(exported.dropFirst().allSatisfy { !cells($0)[peso].isEmpty && ["A", "B", "C"].contains(cells($0)[estrato]) })
        // Every answer cell of the original file is in the export, under the same column.
        let originalHeader = original[0].split(separator: ",").map(String.init)
        for (a, b) in zip(original.dropFirst(), exported.dropFirst()) {
            let x = cells(a), y = cells(b)
            for (index, name) in originalHeader.enumerated() where !["_inicio", "_fin"].contains(name) {
                #expect(y[exportedHeader.firstIndex(of: name)!] == x[index], "\(name)")
            }
        }
        #expect(FileManager.default.fileExists(atPath: dir.path("libro_de_codigos.md")))

        let anonymous = dir.path("anonima.csv")
        _ = try SondeoRunner.run(["responses", "export", "satisfaccion_servicios", "--store", store, "--out", anonymous, "--anonymize"])
        let anonymousHeader = try String(contentsOfFile: anonymous, encoding: .utf8).prefix { $0 != "\n" }.split(separator: ",").map(String.init)
        #expect(anonymousHeader.first == "_fila" && !anonymousHeader.contains("id_afiliado"))
        #expect(anonymousHeader.contains("tipo_documento") && anonymousHeader.contains("municipio"))
        // The order seed is a function of the id; the timestamps are cut to the day; the rows are not in
        // the identified export's order (60 rows: the same order by chance has probability 1/60!).
        #expect(!anonymousHeader.contains("_orden"))
        let anonymousRows = try String(contentsOfFile: anonymous, encoding: .utf8).split(separator: "\n").dropFirst().map { cells(String($0)) }
        let inicio = anonymousHeader.firstIndex(of: "_inicio")!, nps = anonymousHeader.firstIndex(of: "nps")!, exportedNPS = exportedHeader.firstIndex(of: "nps")!
        #expect(anonymousRows.allSatisfy { $0[inicio].count == 10 && $0[inicio].hasPrefix("2026-") })
        #expect(anonymousRows.map { $0[0] } == (1...60).map(String.init))
        #expect(anonymousRows.map { $0[nps] }.sorted() == exported.dropFirst().map { cells($0)[exportedNPS] }.sorted())
        // Row signatures over the answer columns both files have: the same multiset, another order.
        let shared = anonymousHeader.filter { $0 != "_inicio" && $0 != "_fin" && $0 != "_fila" && exportedHeader.contains($0) }
        let anonymousOrder = anonymousRows.map { row in shared.map { row[anonymousHeader.firstIndex(of: $0)!] }.joined(separator: ",") }
        let identifiedOrder = exported.dropFirst().map { line in shared.map { cells(line)[exportedHeader.firstIndex(of: $0)!] }.joined(separator: ",") }
        #expect(anonymousOrder.sorted() == identifiedOrder.sorted() && anonymousOrder != identifiedOrder)
        // Files with answers and contacts are readable by their owner only.
        for file in [out, anonymous, store] {
            let mode = (try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int) ?? 0
            #expect(mode == 0o600, "\(file): \(String(mode, radix: 8))")
        }
    }

    @Test("two imports into the same store at once lose nothing; an import that fails in the store leaves it as it was")
    func concurrentAndAtomic() throws {
        let dir = TemporaryDirectory()
        let (store, answers) = try Self.storeWithWebAnswers(in: dir)
        let lines = try String(contentsOfFile: answers, encoding: .utf8).split(separator: "\n").map(String.init)
        let halves = [dir.path("a.csv"), dir.path("b.csv")]
        try ([lines[0]] + lines[1...30]).joined(separator: "\n").appending("\n").write(toFile: halves[0], atomically: true, encoding: .utf8)
        try ([lines[0]] + lines[31...]).joined(separator: "\n").appending("\n").write(toFile: halves[1], atomically: true, encoding: .utf8)
        let statuses = Mutex([Int32](repeating: -1, count: 2))
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            let run = try? SondeoRunner.run(["responses", "import", "satisfaccion_servicios", halves[i], "--store", store])
            statuses.withLock { $0[i] = run?.status ?? -2 }
        }
        #expect(statuses.withLock { $0 } == [0, 0])
        #expect(try SQLStore(sqlite: store).interviews(of: "satisfaccion_servicios").count == 60)

        // A file with one new respondent and one already stored with another (valid) reason for the NPS:
        // the store refuses the second inside the transaction, so the first is not saved either.
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        var changed = lines[2].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        changed[header.firstIndex(of: "nps_razon")!] = "Otra razón"
        let other = dir.path("otra.sqlite")
        _ = try SondeoRunner.run(["questionnaire", "publish", Self.satisfaccion, "--store", other])
        let first = dir.path("primera.csv"), second = dir.path("segunda.csv")
        try [lines[0], lines[2]].joined(separator: "\n").appending("\n").write(toFile: first, atomically: true, encoding: .utf8)
        try [lines[0], lines[1], changed.joined(separator: ",")].joined(separator: "\n").appending("\n").write(toFile: second, atomically: true, encoding: .utf8)
        _ = try SondeoRunner.run(["responses", "import", "satisfaccion_servicios", first, "--store", other])
        let refused = try SondeoRunner.run(["responses", "import", "satisfaccion_servicios", second, "--store", other])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("error[STORE-006]"))
        #expect(try SQLStore(sqlite: other).interviews(of: "satisfaccion_servicios").map(\.respondent) == [cellsOf(lines[2])[0]])
    }

    func cellsOf(_ line: String) -> [String] { line.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }

    @Test("a KoboToolbox export of the same answers (group paths, codes in one column, start/end, extra columns) imports the same")
    func koboExport() throws {
        let dir = TemporaryDirectory()
        let (store, answers) = try Self.storeWithWebAnswers(in: dir)
        let lines = try String(contentsOfFile: answers, encoding: .utf8).split(separator: "\n").map(String.init)
        let header = cellsOf(lines[0])
        // The sections of satisfaccion-servicios.encuesta as the XLSForm export names its groups.
        let group: [String: String] = ["consentimiento": "seccion_1", "servicio": "seccion_2", "usos": "seccion_2", "nps": "seccion_3",
                                       "nps_razon": "seccion_3", "csat": "seccion_3", "mejora": "seccion_4", "contacto": "seccion_4"]
        var kobo = ["start,end,id_afiliado," + group.keys.sorted().map { "\(group[$0]!)/\($0)" }.joined(separator: ",")
                    + ",seccion_3/atributos/atributos_amabilidad,seccion_3/atributos/atributos_espera,seccion_3/atributos/atributos_informacion,"
                    + "seccion_3/atributos/atributos_sedes,seccion_3/razones,_uuid,_submission_time"]
        for line in lines.dropFirst() {
            let c = cellsOf(line)
            func v(_ name: String) -> String { c[header.firstIndex(of: name)!] }
            let codes = (1...7).filter { v("razones_\($0)") == "1" }.map(String.init).joined(separator: " ")
            let razones = (1...7).allSatisfy { v("razones_\($0)").isEmpty } ? "" : codes
            kobo.append([v("_inicio"), v("_fin"), v("id_afiliado")].joined(separator: ",") + "," + group.keys.sorted().map(v).joined(separator: ",") + ","
                        + ["atributos_amabilidad", "atributos_espera", "atributos_informacion", "atributos_sedes"].map(v).joined(separator: ",")
                        + ",\(razones),uuid-\(v("id_afiliado")),2026-12-05T10:00:00")
        }
        let file = dir.path("kobo.csv")
        try (kobo.joined(separator: "\n") + "\n").write(toFile: file, atomically: true, encoding: .utf8)
        let run = try SondeoRunner.run(["responses", "import", "satisfaccion_servicios", file, "--store", store])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        // The same answers as the plain file: importing that one now changes nothing.
        let plain = try SondeoRunner.run(["responses", "import", "satisfaccion_servicios", answers, "--store", store])
        #expect(plain.stdout.hasSuffix("Guardadas 0 entrevistas nuevas en \(store); 60 ya estaban.\n"), "\(plain.stdout)\(plain.stderr)")
    }

    @Test("export --labels writes the list's labels, --format json one object per interview, --excel what Excel reads")
    func exportOptions() throws {
        let dir = TemporaryDirectory()
        let (store, answers) = try Self.storeWithWebAnswers(in: dir)
        _ = try SondeoRunner.run(["responses", "import", "satisfaccion_servicios", answers, "--store", store])
        let original = try String(contentsOfFile: answers, encoding: .utf8).split(separator: "\n").map(String.init)
        let header = cellsOf(original[0]), first = cellsOf(original[1])
        let csat = first[header.firstIndex(of: "csat")!]
        let labelsOf = ["1": "Muy insatisfecho", "2": "Insatisfecho", "3": "Ni satisfecho ni insatisfecho", "4": "Satisfecho", "5": "Muy satisfecho",
                        "98": "No sabe", "99": "No responde"]

        let labelled = dir.path("etiquetas.csv")
        _ = try SondeoRunner.run(["responses", "export", "satisfaccion_servicios", "--store", store, "--out", labelled, "--labels"])
        let rows = try String(contentsOfFile: labelled, encoding: .utf8).split(separator: "\n").map(String.init)
        let labelledHeader = cellsOf(rows[0])
        #expect(cellsOf(rows[1])[labelledHeader.firstIndex(of: "csat")!] == labelsOf[csat]!)

        let json = dir.path("entrevistas.json")
        _ = try SondeoRunner.run(["responses", "export", "satisfaccion_servicios", "--store", store, "--out", json, "--format", "json"])
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [[String: Any]])
        #expect(objects.count == 60)
        #expect(objects[0]["id_afiliado"] as? String == first[0] && objects[0]["csat"] as? Double == Double(csat))

        let excel = dir.path("excel.csv")
        _ = try SondeoRunner.run(["responses", "export", "satisfaccion_servicios", "--store", store, "--out", excel, "--excel"])
        let bytes = try Data(contentsOf: URL(fileURLWithPath: excel))
        // Windows-1252: «á» (in «rápido», «Más») is the single byte 0xE1, never UTF-8's 0xC3 0xA1.
        #expect(bytes.contains(0xE1) && !bytes.contains(0xC3))
        #expect(String(decoding: bytes.prefix(40), as: UTF8.self).hasPrefix("id_afiliado;_version;_modo;"))
        #expect(bytes.contains(0x0D))  // CRLF
    }
}

