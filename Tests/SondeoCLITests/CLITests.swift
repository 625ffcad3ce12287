import Foundation
import SondeoTestSupport
import Testing

/// The `sondeo` executable as a person meets it: help, tables, JSON, errors and exit codes.
@Suite struct CLITests {
    static func fixture(_ name: String) -> String {
        Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil)!.path
    }

    @Test("sondeo --help is Spanish from top to bottom")
    func topLevelHelp() throws {
        let run = try SondeoRunner.run(["--help"])
        #expect(run.status == 0)
        #expect(run.stdout == """
            DESCRIPCIÓN: Diseño de encuestas y análisis estadístico para la experiencia de
            servicio.

            Lee archivos CSV como los guarda Excel (UTF-8 o Windows-1252, «,» o «;», coma
            decimal). Los mensajes están en español; use --lang en o SONDEO_LANG=en para
            inglés.

            USO: sondeo [--lang <idioma>] <subcomando>

            OPCIONES:
              --lang <idioma>         Idioma de los mensajes: es o en.
              --version               Muestra la versión.
              -h, --help              Muestra esta ayuda.

            SUBCOMANDOS:
              data                    Inspecciona, filtra y convierte archivos de datos
                                      (CSV).
              segment                 Determina un segmento de la base: cuántos son, qué
                                      parte de la base y cómo se reparten por grupos.
              map                     Mapa de un segmento: quién es, qué es, cómo es, dónde
                                      está, qué experiencia ha tenido y cómo le fue, frente
                                      al resto de la base.
              cluster                 Segmentos a partir de los datos: k-medias sobre
                                      columnas numéricas, con semilla y varios reinicios.
              sample                  Muestra representativa: tamaño, asignación por
                                      estratos, selección reproducible y pesos.
              questionnaire           Cuestionarios en texto plano (.encuesta): revisarlos,
                                      ensayarlos, traerlos de un XLSForm y convertirlos en
                                      documento, HTML, JSON, XLSForm o libro de códigos.
              collect                 Entrevista en la terminal: elige el siguiente caso
                                      por llamar, registra el resultado de la llamada y
                                      hace las preguntas una a una.
              responses               Respuestas y trabajo de campo: avance por estrato y
                                      tasas de respuesta AAPOR.
              analyze                 Analiza la encuesta: medias, totales, proporciones,
                                      cuantiles, tablas cruzadas, NPS, CSAT, CES,
                                      regresiones y factores clave, con su error según el
                                      diseño.
              report                  Informe de la encuesta en un solo archivo HTML (o
                                      Markdown): indicadores, muestra y diseño, factores
                                      clave, cada pregunta con intervalos, cruces y notas
                                      de precisión.
              cases                   Casos PQRSL: radicar, clasificar, responder y cerrar
                                      peticiones, quejas, reclamos, sugerencias y
                                      felicitaciones, con sus términos legales,
                                      recordatorios y la verificación de satisfacción.
              calendar                Calendario de días hábiles de Colombia: festivos (Ley
                                      51 de 1983 y Ley 2578 de 2026), sumar días hábiles y
                                      contarlos.
              strategy                La estrategia de fidelización (pasos 37 y 38): un
                                      archivo .estrategia con su segmento, objetivo, meta,
                                      plan táctico e indicadores; revisarla, imprimirla y
                                      aprobarla.
              serve                   Encuesta web: cada afiliado de la muestra responde
                                      desde su enlace personal, en el celular o el
                                      computador.

              Vea 'sondeo help <subcomando>' para la ayuda de cada uno.

            """)
    }

    @Test("every subcommand's help is in Spanish, and in English with --lang en",
          arguments: [["strategy", "check"], ["strategy", "approve"], ["data", "inspect"], ["data", "head"], ["data", "convert"], ["sample", "size"], ["sample", "allocate"],
                      ["sample", "draw"], ["sample", "weights"], ["analyze", "mean"], ["analyze", "total"], ["analyze", "proportion"],
                      ["analyze", "quantile"], ["analyze", "crosstab"], ["analyze", "nps"], ["analyze", "csat"], ["analyze", "ces"], ["analyze", "regress"], ["analyze", "logit"], ["analyze", "drivers"], ["report"],
                      ["calendar", "holidays"], ["calendar", "add"], ["calendar", "between"], ["calendar"], ["cases"], ["cases", "open"], ["cases", "show"],
                      ["cases", "list"], ["cases", "classify"], ["cases", "transfer"], ["cases", "suspend"], ["cases", "resume"], ["cases", "desist"],
                      ["cases", "extend"], ["cases", "respond"], ["cases", "upload-ssf"], ["cases", "close"], ["cases", "due"], ["cases", "verify-sample"],
                      ["cases", "verify"], ["cases", "report"], ["cases", "import"], ["cases", "export"], ["cases", "notify"], ["cases", "route"], ["cases", "request"], ["cases", "request-done"], ["cases", "attach"], ["cases", "attachment"], ["serve"], ["serve", "run"], ["serve", "links"], ["serve", "user"],
                      ["segment"], ["map"], ["cluster"], ["questionnaire", "check"], ["questionnaire", "render"],
                      ["questionnaire", "publish"], ["sample", "load"], ["responses", "status"], ["responses", "import"], ["responses", "export"], ["collect"],
                      ["data"], ["sample"], ["analyze"], ["questionnaire"], ["responses"]])
    func subcommandHelp(name: [String]) throws {
        let spanish = try SondeoRunner.run(name + ["--help"])
        #expect(spanish.status == 0)
        for heading in ["DESCRIPCIÓN:", "USO:", "OPCIONES:", "Muestra esta ayuda."] {
            #expect(spanish.stdout.contains(heading), "\(heading)")
        }
        for english in ["OVERVIEW", "USAGE", "Show help", "default:", "See '", "for detailed help"] { #expect(!spanish.stdout.contains(english), "\(english)") }
        let english = try SondeoRunner.run(name + ["--help", "--lang", "en"])
        #expect(english.stdout.contains("USAGE:") && english.stdout.contains("OVERVIEW:"))
    }

    @Test("data inspect: the table a person reads")
    func inspectTable() throws {
        let run = try SondeoRunner.run(["data", "inspect", Self.fixture("mini_excel.csv")])
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[1] == "Codificación:  Windows-1252")
        #expect(lines[2] == "Separador:     «;»")
        #expect(lines[3] == "Marca decimal: «,»")
        #expect(lines[4] == "Fin de línea:  CRLF")
        #expect(lines[5] == "Filas:         5")
        #expect(lines.contains("ingreso     decimal             1          4        0,75          10   3,625"))
        #expect(lines.contains("hijos       entero              1          4           0           3   1,500"))
        #expect(lines.contains("fecha       fecha               0          5  1999-07-01  2026-10-31"))
    }

    @Test("data inspect --format json: the shape of DESIGN.md with hand-computed figures")
    func inspectJSON() throws {
        let run = try SondeoRunner.run(["data", "inspect", Self.fixture("mini.csv"), "--format", "json"])
        #expect(run.status == 0 && run.stderr.isEmpty)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(json["rows"] as? Int == 5)
        #expect(json["encoding"] as? String == "utf-8")
        #expect(json["delimiter"] as? String == ",")
        #expect(json["decimal"] as? String == ".")
        let columns = try #require(json["columns"] as? [[String: Any]])
        #expect(columns.map { $0["type"] as? String } == ["categorical", "categorical", "categorical", "decimal", "date", "boolean", "categorical", "integer"])
        let ingreso = columns[3]
        // (1.50 + 2.25 + 10.00 + 0.75) / 4 = 3.625, one missing
        #expect(ingreso["mean"] as? Double == 3.625)
        #expect(ingreso["min"] as? Double == 0.75 && ingreso["max"] as? Double == 10)
        #expect(ingreso["missing"] as? Int == 1 && ingreso["distinct"] as? Int == 4)
        #expect(columns[4]["min"] as? String == "1999-07-01")
        // 3 of 5 said «sí»
        #expect(columns[5]["mean"] as? Double == 0.6)
    }

    @Test("data head with a filter")
    func headFiltered() throws {
        let run = try SondeoRunner.run(["data", "head", Self.fixture("mini.csv"), "--where", "satisfecho == \"sí\" and hijos >= 2",
                                        "--columns", "id,nombre,ingreso,fecha"])
        #expect(run.status == 0)
        #expect(run.stdout == """
            id    nombre     ingreso  fecha
            ────  ─────────  ───────  ──────────
            P001  Ana María     1,50  2024-01-31
            P005  Sofía         0,75  2026-10-31

            2 de 2 filas que cumplen el filtro (de 5 en total).

            """)
    }

    @Test("data convert --excel writes what Excel wrote; a bad filter writes nothing")
    func convert() throws {
        let dir = TemporaryDirectory()
        let out = dir.path("excel.csv")
        let run = try SondeoRunner.run(["data", "convert", Self.fixture("mini.csv"), "--out", out, "--excel"])
        #expect(run.status == 0)
        #expect(run.stderr == "Escrito \(out): 5 filas, 8 columnas (Windows-1252, «;», coma decimal, CRLF).\n")
        let written = try Data(contentsOf: URL(fileURLWithPath: out))
        #expect(written == (try Data(contentsOf: URL(fileURLWithPath: Self.fixture("mini_excel.csv")))))

        let failed = dir.path("nada.csv")
        let bad = try SondeoRunner.run(["data", "convert", Self.fixture("mini.csv"), "--out", failed, "--where", "hjos > 1"])
        #expect(bad.status == 64)
        #expect(bad.stderr.hasPrefix("error[EXPR-007]: la columna «hjos» no existe; ¿quiso decir «hijos»?"))
        #expect(!FileManager.default.fileExists(atPath: failed))
    }

    @Test("errors: Spanish message, location, sysexits code")
    func errors() throws {
        let dir = TemporaryDirectory()
        let missing = try SondeoRunner.run(["data", "inspect", dir.path("no.csv")])
        #expect(missing.status == 66)
        #expect(missing.stderr == "error[CSV-001]: no existe el archivo «\(dir.path("no.csv"))»\n --> \(dir.path("no.csv"))\n")

        let badPath = dir.file("malo.csv", text: "a,b\n1,2\n3,4,5\n")
        let bad = try SondeoRunner.run(["data", "inspect", badPath])
        #expect(bad.status == 65)
        #expect(bad.stderr == """
            error[CSV-009]: la línea 3 tiene 3 campos pero el encabezado tiene 2; revise separadores y comillas, o use --skip-bad-rows para omitir estas filas
             --> \(badPath):3

            """)
        let skipped = try SondeoRunner.run(["data", "inspect", badPath, "--skip-bad-rows", "--format", "json"])
        #expect(skipped.status == 0)
        #expect(skipped.stderr == "aviso: se omitió 1 fila cuyo número de campos no es 2: línea 3 (3 campos)\n")

        let usage = try SondeoRunner.run(["data", "inspect"])
        #expect(usage.status == 64)
        #expect(usage.stderr.hasPrefix("Error: falta el argumento obligatorio '<archivo>'"))

        let option = try SondeoRunner.run(["data", "inspect", badPath, "--encoding", "ebcdic"])
        #expect(option.status == 64)
        #expect(option.stderr.hasPrefix("Error: --encoding debe ser utf-8 o windows-1252, no «ebcdic»"))

        let english = try SondeoRunner.run(["data", "inspect", dir.path("no.csv")], environment: ["SONDEO_LANG": "en"])
        #expect(english.stderr.hasPrefix("error[CSV-001]: file «\(dir.path("no.csv"))» does not exist"))
        let flag = try SondeoRunner.run(["--lang", "en", "data", "inspect", dir.path("no.csv")])
        #expect(flag.stderr == english.stderr)
    }
}

/// Issue 17: an output's extension is a promise; a name the command cannot honour is refused (exit 64)
/// and nothing is written.
@Suite struct OutputExtensionTests {
    @Test("data convert, responses export, sample draw, report and map refuse names they cannot honour")
    func refused() throws {
        let dir = TemporaryDirectory()
        let data = CLITests.fixture("mini.csv")
        for name in ["resp.xls", "resp.pdf", "resp", "resp.txt", "resp.sps"] {
            let out = dir.path(name)
            let run = try SondeoRunner.run(["data", "convert", data, "--out", out])
            #expect(run.status == 64, "\(name)")
            #expect(run.stderr.contains("este comando escribe: .csv, .xlsx, .sav, .zsav, .dta."), "\(name): \(run.stderr)")
            #expect(!FileManager.default.fileExists(atPath: out))
        }
        // The report prints a PDF itself (PDFCLITests), but not a spreadsheet.
        let xls = try SondeoRunner.run(["report", data, "--questionnaire", "q.encuesta", "--out", dir.path("reporte.xls")])
        #expect(xls.status == 64)
        #expect(xls.stderr.contains("escribe: .html, .md, .pdf"))
        let export = try SondeoRunner.run(["responses", "export", "q", "--out", dir.path("r.pdf"), "--store", dir.path("s.sqlite")])
        #expect(export.status == 64)
        #expect(export.stderr.contains("escribe: .csv, .xlsx, .sav, .zsav, .dta, .json"))
        // --excel is a CSV dialect: refused beside a workbook's name.
        let dialect = try SondeoRunner.run(["data", "convert", data, "--out", dir.path("x.xlsx"), "--excel"])
        #expect(dialect.status == 64 && dialect.stderr.contains("--excel es un dialecto de CSV"))
        #expect(!FileManager.default.fileExists(atPath: dir.path("x.xlsx")))
        let clash = try SondeoRunner.run(["map", data, "--where", "hijos > 0", "--format", "json", "--out", dir.path("m.html")])
        #expect(clash.status == 64)
        #expect(clash.stderr.contains("dice .html pero --format pide .json"))
        let english = try SondeoRunner.run(["data", "convert", data, "--out", dir.path("x.pdf"), "--lang", "en"])
        #expect(english.stderr.contains("this command writes: .csv, .xlsx"))
    }

    @Test("without --format, map's --out extension chooses the format")
    func mapFormatFromExtension() throws {
        let dir = TemporaryDirectory()
        let out = dir.path("m.json")
        let run = try SondeoRunner.run(["map", CLITests.fixture("mini.csv"), "--where", "hijos > 0", "--out", out])
        #expect(run.status == 0, "\(run.stderr)")
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(text.hasPrefix("["))
        #expect((try? JSONSerialization.jsonObject(with: Data(text.utf8))) != nil)
    }
}
