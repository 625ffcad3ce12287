import Foundation
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
        #expect(first.stdout.hasPrefix("Publicado «satisfaccion_servicios» versión 2026.11 en \(store) (SHA-256 "))
        let again = try SondeoRunner.run(["questionnaire", "publish", Self.satisfaccion, "--store", store])
        #expect(again.stdout.contains("ya estaba publicado con este mismo texto"))
        let edited = dir.path("editada.encuesta")
        try String(contentsOfFile: Self.satisfaccion, encoding: .utf8).replacingOccurrences(of: "¿Qué deberíamos mejorar?", with: "¿Qué mejoraría?")
            .write(toFile: edited, atomically: true, encoding: .utf8)
        let changed = try SondeoRunner.run(["questionnaire", "publish", edited, "--store", store])
        #expect(changed.status == 65)
        #expect(changed.stderr == "error[STORE-002]: la versión 2026.11 de «satisfaccion_servicios» ya se publicó con otro texto: cambie el número de versión en el archivo\n")
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
        let store = try SQLiteStore(path: path)
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
    }
}
