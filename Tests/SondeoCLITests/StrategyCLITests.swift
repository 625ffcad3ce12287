import Foundation
import GRDB
import SondeoTestSupport
import Testing

/// Issue 24, steps 37–38: the strategy file checked with located messages, printed, and approved with
/// the four questions and the file's SHA-256 in the store's audit log.
@Suite struct StrategyCLITests {
    static let example = RepositoryFiles.path("Examples/estrategia_jovenes.estrategia")
    static let base = RepositoryFiles.path("Examples/data/afiliados.csv")

    @Test("the example strategy: its budget added by hand and its segment counted by Python's csv module (2,018 of 20,000 with edad < 30 and usa_recreacion = 0)")
    func example() throws {
        let check = try SondeoRunner.run(["strategy", "check", Self.example, "--base", Self.base])
        // 2.500.000 + 8.000.000 + 1.200.000 = 11.700.000.
        #expect(check.status == 0 && check.stdout == "\(Self.example): 0 errores · 3 actividades, presupuesto total $ 11.700.000, segmento de 2.018 afiliados de 20.000, 3 indicadores\n",
                "\(check.stdout)\(check.stderr)")
        let dir = TemporaryDirectory()
        let markdown = try SondeoRunner.run(["strategy", "render", Self.example, "--base", Self.base, "--out", dir.path("plan.md")])
        #expect(markdown.status == 0)
        let text = try String(contentsOfFile: dir.path("plan.md"), encoding: .utf8)
        #expect(text.hasPrefix("# Jóvenes que vuelven a la recreación\n") && text.contains("- **Afiliados del segmento**: 2.018 de 20.000")
                && text.contains("| Jornada en la empresa | Inscribir a los jóvenes en su lugar de trabajo | Asesores empresariales |")
                && text.contains("| Uso de recreación en el segmento | proporción usa_recreacion | 0 % | 0,0 % | 25 % |"), "\(text)")
        // The segment's mean visits today, by Python's csv module: 5,549 visits / 2,018 affiliates = 2.7498.
        #expect(text.contains("| Visitas a las sedes en el año | media visitas_12m | 2,75 | 2,75 | 4 |"), "\(text)")
        let html = try SondeoRunner.run(["strategy", "render", Self.example, "--out", dir.path("plan.html")])
        #expect(html.status == 0)
        #expect(try String(contentsOfFile: dir.path("plan.html"), encoding: .utf8).contains("<th>Indicador de cumplimiento</th>"))
        let wrong = try SondeoRunner.run(["strategy", "render", Self.example, "--out", dir.path("plan.txt")])
        #expect(wrong.status == 64 && !FileManager.default.fileExists(atPath: dir.path("plan.txt")))
    }

    @Test("a strategy with every kind of mistake: each located at its line and field, exit 65")
    func mistakes() throws {
        let dir = TemporaryDirectory()
        let file = dir.file("mala.estrategia", text: """
            estrategia prueba "Prueba"
            segmento: edad < 30 and usa_recreasion == 0
            objetivo: Algo
            vigencia: 2027-12-01 a 2027-02-01

            actividad "Bienvenida"
              objetivo: x
              responsable: Mercadeo
              contenido: y
              canal: wasap
              frecuencia: mensual
              presupuesto: dos millones

            esto no es nada

            indicador uso "Uso"
              medida: mediana edad
              línea base: poco
              meta: 25 %

            """)
        let run = try SondeoRunner.run(["strategy", "check", file, "--base", Self.base])
        #expect(run.status == 65)
        let found = run.stderr.split(separator: "\n").filter { $0.hasPrefix("error[") || $0.hasPrefix(" --> ") }.map(String.init)
        #expect(found == [
            "error[STRATEGY-002]: la estrategia no tiene «meta»", " --> \(file)",
            "error[STRATEGY-007]: segmento: la base no tiene la columna «usa_recreasion»; ¿quiso decir «usa_recreacion»?", " --> \(file):2:1",
            "error[STRATEGY-005]: la vigencia termina (2027-02-01) antes de empezar (2027-12-01)", " --> \(file):4:1",
            "error[STRATEGY-002]: la actividad «Bienvenida» no tiene «indicador»", " --> \(file):6",
            "error[STRATEGY-006]: el canal «wasap» no es uno de: correo, whatsapp, sms, llamada, presencial, web, redes sociales, carta, evento, app", " --> \(file):10:1",
            "error[STRATEGY-004]: presupuesto: «dos millones» no es un valor en pesos (por ejemplo 2.500.000 o $ 2.500.000)", " --> \(file):12:1",
            "error[STRATEGY-001]: no se entiende la línea «esto no es nada»: se espera «campo: valor», «actividad \"nombre\"», «indicador nombre \"texto\"» o «medición \"título\"»", " --> \(file):14:1",
            "error[STRATEGY-008]: la medida «mediana edad» no es «proporción COLUMNA», «media COLUMNA», «nps COLUMNA», «csat COLUMNA» ni «casos pqrsl [TIPO…] [servicio SERVICIO]»", " --> \(file):17:1",
            "error[STRATEGY-008]: línea base: «poco» no es un número ni un porcentaje", " --> \(file):18:1",
        ], "\(run.stderr)")
        #expect(run.stdout == "\(file): 9 errores · 1 actividad, presupuesto total $ 0, 1 indicador\n")
        let refused = try SondeoRunner.run(["strategy", "approve", file, "--by", "Ana", "--answers", "si,si,si,si", "--store", dir.path("s.sqlite")])
        #expect(refused.status == 65 && refused.stderr.contains("STRATEGY-002"))
    }

    @Test("approval (step 38): a «no» recorded and not approved; four «sí» approved with the file's SHA-256 (as sha256sum gives it) in the audit log; an edit needs a new approval")
    func approval() throws {
        let dir = TemporaryDirectory()
        let file = dir.path("e.estrategia"), store = dir.path("s.sqlite")
        try FileManager.default.copyItem(atPath: Self.example, toPath: file)
        func run(_ arguments: [String]) throws -> SondeoRun { try SondeoRunner.run(["strategy"] + arguments + ["--store", store]) }
        #expect(try run(["status", file]).stdout == "La estrategia «jovenes_recreacion» no se ha presentado a aprobación (sondeo strategy approve).\n")
        let no = try run(["approve", file, "--by", "Ana Gómez", "--answers", "si,si,no,si"])
        #expect(no.status == 65 && no.stdout.contains("no aprobada por Ana Gómez") && no.stdout.contains("¿Los canales identificados están alineados con el segmento objetivo?"))
        let yes = try run(["approve", file, "--by", "Ana Gómez", "--answers", "sí,si,si,si"])
        let digest = String(try Witness.run("sha256sum", [file]).output.prefix(64))
        #expect(yes.status == 0 && yes.stdout.contains("aprobada por Ana Gómez") && yes.stdout.contains("SHA-256 \(digest.prefix(12))…"), "\(yes.stdout)")
        let status = try run(["status", file])
        #expect(status.status == 0 && status.stdout.contains("aprobada por Ana Gómez"))
        let audit = try DatabaseQueue(path: store).read { db in
            try String.fetchAll(db, sql: "SELECT details FROM audit_log WHERE action = 'strategy-approval' ORDER BY id")
        }.joined(separator: "\n")
        #expect(audit.components(separatedBy: "\"sha256\": \"\(digest)\"").count == 3 && audit.contains("\"canales_alineados\": false") && audit.contains("\"approved\": true"), "\(audit)")
        try (try String(contentsOfFile: file, encoding: .utf8)).replacingOccurrences(of: "presupuesto: 1.200.000", with: "presupuesto: 1.500.000")
            .write(toFile: file, atomically: true, encoding: .utf8)
        let changed = try run(["status", file])
        #expect(changed.status == 65 && changed.stdout.contains("cambió desde su última revisión") && changed.stdout.contains("necesita una nueva aprobación"))
        let short = try run(["approve", file, "--by", "Ana Gómez", "--answers", "si,si"])
        #expect(short.status == 64 && short.stderr.contains("--answers lleva cuatro respuestas"))
    }

    @Test("a saved segment by name (segmentos.txt beside the base): its size counted by Python's csv module (2,696: categoria A, usa_subsidio 1, edad < 35); a misspelt name refused with the closest one")
    func savedSegment() throws {
        let dir = TemporaryDirectory()
        let text = try String(contentsOfFile: Self.example, encoding: .utf8)
        let saved = dir.file("g.estrategia", text: text.replacingOccurrences(of: "segmento: edad < 30 and usa_recreacion == 0", with: "segmento guardado: jovenes_subsidio"))
        let good = try SondeoRunner.run(["strategy", "check", saved, "--base", Self.base])
        #expect(good.status == 0 && good.stdout.contains("segmento de 2.696 afiliados de 20.000"), "\(good.stdout)\(good.stderr)")
        let misspelt = dir.file("h.estrategia", text: text.replacingOccurrences(of: "segmento: edad < 30 and usa_recreacion == 0", with: "segmento guardado: jovenes_subsidi"))
        let bad = try SondeoRunner.run(["strategy", "check", misspelt, "--base", Self.base])
        #expect(bad.status == 65 && bad.stderr.contains("error[STRATEGY-011]: el segmento guardado «jovenes_subsidi» no está en \(RepositoryFiles.path("Examples/data/segmentos.txt")); ¿quiso decir «jovenes_subsidio»?"), "\(bad.stderr)")
        let both = dir.file("i.estrategia", text: text.replacingOccurrences(of: "segmento: edad < 30 and usa_recreacion == 0", with: "segmento: edad < 30\nsegmento guardado: rurales"))
        #expect(try SondeoRunner.run(["strategy", "check", both, "--base", Self.base]).stderr.contains("dé el segmento una sola vez"))
    }
}
