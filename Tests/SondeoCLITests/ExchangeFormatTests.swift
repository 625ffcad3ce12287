import Foundation
import SondeoTestSupport
import Testing

/// Excel, SPSS and Stata files both ways (issue 17), each checked with the program of the field that
/// opens it — openpyxl for workbooks, PSPP for .sav and .sps, pandas' own Stata reader for .dta,
/// pyxform with ODK Validate for the XLSForm — and files those programs wrote read back by Sondeo.
/// The expected cells are written out by hand from the example data's first rows.
@Suite struct ExchangeFormatTests {
    static let afiliados = RepositoryFiles.exampleData("afiliados.csv")
    static let openpyxl = Witness.hasPython("openpyxl")
    static let pandas = Witness.hasPython("pandas")

    @Test("CSV → .xlsx: openpyxl finds typed cells (text, whole numbers, 0.00 decimals, dd/mm/yyyy dates); back to CSV byte for byte",
          .enabled(if: ExchangeFormatTests.openpyxl, "needs python3-openpyxl (make test installs it)"))
    func workbookRoundTrip() throws {
        let dir = TemporaryDirectory()
        let out = dir.path("afiliados.xlsx")
        let run = try SondeoRunner.run(["data", "convert", Self.afiliados, "--out", out])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr == "Escrito \(out): 20.000 filas, 20 columnas (libro de Excel).\n")
        let seen = try Witness.python("""
            import sys, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1])
            ws = wb.active
            print(wb.sheetnames, ws.max_row, ws.max_column, ws.freeze_panes)
            print([type(c.value).__name__ for c in ws[2]])
            print(ws['A2'].value, ws['D2'].value, ws['H3'].value, ws['H3'].number_format, ws['T2'].value.date(), ws['T2'].number_format, ws['A1'].font.b)
            """, [out])
        #expect(seen.status == 0, "\(seen.output)")
        // Row 2 of afiliados.csv: AF0000108,CC,F,48,A,La Dorada,urbana,1.00,servicios,0,1,0,0,0,0,0,0,3,0,2018-11-21; row 3 has 3.19.
        #expect(seen.output == """
            ['datos'] 20001 20 A2
            ['str', 'str', 'str', 'int', 'str', 'str', 'str', 'int', 'str', 'int', 'int', 'int', 'int', 'int', 'int', 'int', 'int', 'int', 'int', 'datetime']
            AF0000108 48 3.19 0.00 2018-11-21 dd/mm/yyyy True

            """)
        let back = dir.path("vuelta.csv")
        #expect(try SondeoRunner.run(["data", "convert", out, "--out", back]).status == 0)
        #expect(FileManager.default.contents(atPath: back) == FileManager.default.contents(atPath: Self.afiliados))
    }

    @Test("a workbook written by openpyxl: title row skipped, typed cells, 1904 dates, an error cell, empty and repeated names renamed, sheets by name and number",
          .enabled(if: ExchangeFormatTests.openpyxl, "needs python3-openpyxl (make test installs it)"))
    func workbookFromOpenpyxl() throws {
        let dir = TemporaryDirectory()
        let book = dir.path("base.xlsx"), mac = dir.path("mac.xlsx")
        let made = try Witness.python("""
            import sys, datetime, openpyxl
            from openpyxl.utils.datetime import CALENDAR_MAC_1904
            wb = openpyxl.Workbook(); ws = wb.active; ws.title = 'Afiliados'
            ws.append(['Base de afiliados, corte 30/11/2026'])
            ws.append(['id', 'edad', 'salario', 'fecha', 'activo', None, 'edad', 'llamada'])
            ws.append(['AF1', 34, 1.5, datetime.date(2018, 11, 21), True, 'x', 40, datetime.datetime(2026, 11, 29, 10, 30, 15)])
            ws.append(['AF2', 51, 2.25, datetime.date(2020, 2, 1), False, None, 41, datetime.datetime(2026, 11, 30, 8, 0, 0)])
            ws.append(['AF3', '#N/A', 3, datetime.date(1900, 3, 1), True, 'y', 42, None])
            other = wb.create_sheet('Otra'); other.append(['a', 'b']); other.append([1, 'uno'])
            wb.save(sys.argv[1])
            wb = openpyxl.Workbook(); wb.epoch = CALENDAR_MAC_1904; ws = wb.active
            ws.append(['fecha']); ws.append([datetime.date(2026, 12, 6)])
            wb.save(sys.argv[2])
            """, [book, mac])
        #expect(made.status == 0, "\(made.output)")
        let out = dir.path("base.csv")
        let run = try SondeoRunner.run(["data", "convert", book, "--skip", "1", "--out", out])
        #expect(run.status == 0, "\(run.stderr)")
        // By hand: the empty header becomes columna_6, the second «edad» edad_2; #N/A is missing (and said);
        // 1 March 1900 is serial 61, after Excel's phantom 29 February.
        #expect(try String(contentsOfFile: out, encoding: .utf8) == """
            id,edad,salario,fecha,activo,columna_6,edad_2,llamada
            AF1,34,1.5,2018-11-21,VERDADERO,x,40,2026-11-29 10:30:15
            AF2,51,2.25,2020-02-01,FALSO,,41,2026-11-30 08:00:00
            AF3,,3,1900-03-01,VERDADERO,y,42,

            """)
        #expect(run.stderr.contains("columna_6") && run.stderr.contains("edad_2"), "\(run.stderr)")
        #expect(run.stderr.contains("#N/A") || run.stderr.contains("1 celda con error"), "\(run.stderr)")

        let macRun = try SondeoRunner.run(["data", "convert", mac, "--out", dir.path("mac.csv")])
        #expect(macRun.status == 0)
        #expect(try String(contentsOfFile: dir.path("mac.csv"), encoding: .utf8) == "fecha\n2026-12-06\n")

        for sheet in ["Otra", "2", "otra"] {
            let other = try SondeoRunner.run(["data", "head", book, "--sheet", sheet, "--format", "csv"])
            #expect(other.status == 0 && other.stdout == "a,b\n1,uno\n", "\(sheet): \(other.stderr)")
        }
        let wrong = try SondeoRunner.run(["data", "inspect", book, "--sheet", "Otro"])
        #expect(wrong.status == 64)
        #expect(wrong.stderr.contains("no tiene la hoja «Otro»; ¿quiso decir «Otra»?; sus hojas son: Afiliados, Otra"), "\(wrong.stderr)")
    }

    @Test("CSV → .sav: PSPP reads the formats, labels and values; .zsav too",
          .enabled(if: Witness.hasPSPP, "needs pspp (make test installs it)"))
    func spssFileInPSPP() throws {
        let dir = TemporaryDirectory()
        for name in ["a.sav", "a.zsav"] {
            let run = try SondeoRunner.run(["data", "convert", Self.afiliados, "--out", dir.path(name)])
            #expect(run.status == 0, "\(run.stderr)")
            let pspp = try Witness.pspp("""
                GET FILE='\(name)'.
                DISPLAY DICTIONARY /VARIABLES=edad municipio salario_smmlv usa_salud fecha_afiliacion.
                LIST /VARIABLES=id_afiliado edad municipio salario_smmlv fecha_afiliacion /CASES=FROM 1 TO 2.
                DESCRIPTIVES edad.
                """, in: dir.url.path)
            #expect(pspp.status == 0, "\(pspp.output)")
            #expect(!pspp.output.contains("warning"), "\(pspp.output)")
            // Formats from the CSV: edad up to 85 (F2.0), municipio's longest name «Villamaría» … «La Dorada» (A11),
            // two decimals, sí/no 0/1 as nominal, the date as dd.mm.yyyy.
            for row in ["|edad            |       4|Scale", "|F2.0", "|municipio       |       6|Nominal", "|A11",
                        "|salario_smmlv   |       8|Scale", "|F5.2", "|usa_salud       |      11|Nominal", "|EDATE10"] {
                #expect(pspp.output.contains(row), "\(name): \(row)\n\(pspp.output)")
            }
            #expect(pspp.output.contains("|AF0000108  |  48|La Dorada|         1.00|      21.11.2018|"), "\(pspp.output)")
            #expect(pspp.output.contains("|AF0000371  |  45|Supía    |         3.19|      16.10.2021|"), "\(pspp.output)")
            // N and mean of edad over 20,000 rows (mean 40.34 from `awk -F, 'NR>1{s+=$4}END{print s/(NR-1)}'`).
            #expect(pspp.output.contains("20000") && pspp.output.contains("40.34"), "\(pspp.output)")
        }
    }

    @Test("a .sav written by PSPP: labels, a user-missing code, dates and decimals read; converted to .dta the labels go on (pandas reads them)",
          .enabled(if: Witness.hasPSPP && ExchangeFormatTests.pandas, "needs pspp and python3-pandas (make test installs them)"))
    func spssFileFromPSPP() throws {
        let dir = TemporaryDirectory()
        let made = try Witness.pspp("""
            DATA LIST LIST /id (A5) edad (F3.0) satisf (F1.0) fecha (EDATE10) ingreso (F8.2).
            BEGIN DATA
            AF001 34 5 21.11.2018 1500.50
            AF002 51 9 01.02.2020 2300.00
            AF003 27 1 15.07.2023 .
            END DATA.
            VARIABLE LABELS satisf 'Satisfacción general' edad 'Edad en años'.
            VALUE LABELS satisf 1 'Muy insatisfecho' 5 'Muy satisfecho' 9 'NS/NR'.
            MISSING VALUES satisf (9).
            SAVE OUTFILE='p.sav'.
            """, in: dir.url.path)
        #expect(made.status == 0, "\(made.output)")
        let csv = try SondeoRunner.run(["data", "convert", dir.path("p.sav"), "--out", dir.path("p.csv")])
        #expect(csv.status == 0, "\(csv.stderr)")
        // The codes stay (9 is NS/NR) and the two decimals of F8.2 with them.
        #expect(try String(contentsOfFile: dir.path("p.csv"), encoding: .utf8) == """
            id,edad,satisf,fecha,ingreso
            AF001,34,5,2018-11-21,1500.50
            AF002,51,9,2020-02-01,2300.00
            AF003,27,1,2023-07-15,

            """)
        let inspect = try SondeoRunner.run(["data", "inspect", dir.path("p.sav")])
        #expect(inspect.stdout.contains("Formato:   SPSS (.sav)\nEtiquetas: 1 variable con etiquetas de valor, 1 con códigos de faltante (NS/NR)"), "\(inspect.stdout)")
        // As SPSS does, analysis leaves the user-missing 9 out: the mean of 5 and 1.
        let mean = try SondeoRunner.run(["analyze", "mean", dir.path("p.sav"), "--var", "satisf", "--format", "json"])
        #expect(mean.status == 0, "\(mean.stderr)")
        #expect(mean.stdout.contains("\"estimate\" : 3,") || mean.stdout.contains("\"estimate\": 3,") || mean.stdout.contains("\"estimate\":3,"), "\(mean.stdout)")

        let dta = try SondeoRunner.run(["data", "convert", dir.path("p.sav"), "--out", dir.path("p.dta")])
        #expect(dta.status == 0, "\(dta.stderr)")
        let seen = try Witness.python("""
            import sys, pandas as pd
            r = pd.io.stata.StataReader(sys.argv[1])
            d = r.read(convert_categoricals=False, convert_missing=True)
            print(r.variable_labels()['satisf'], '|', r.variable_labels()['edad'])
            print(sorted((int(k), v) for k, v in r.value_labels()['satisf'].items() if k < 100))
            print(list(d['satisf'].astype(str)), list(d['fecha'].astype(str)), list(d['ingreso'].astype(str)))
            """, [dir.path("p.dta")])
        #expect(seen.output == """
            Satisfacción general | Edad en años
            [(1, 'Muy insatisfecho'), (5, 'Muy satisfecho')]
            ['5', '.a', '1'] ['2018-11-21', '2020-02-01', '2023-07-15'] ['1500.5', '2300.0', '.']

            """, "\(seen.output)")
    }

    @Test("a .dta written by pandas is read: numbers, text, dates, labels",
          .enabled(if: ExchangeFormatTests.pandas, "needs python3-pandas (make test installs it)"))
    func stataFileFromPandas() throws {
        let dir = TemporaryDirectory()
        let made = try Witness.python("""
            import sys, datetime, pandas as pd
            d = pd.DataFrame({'id': ['AF1', 'AF2', 'AF3'], 'edad': [34, 51, 27], 'peso': [1.5, 2.25, None],
                              'fecha': pd.to_datetime(['2018-11-21', '2020-02-01', '2023-07-15'])})
            d.to_stata(sys.argv[1], write_index=False, convert_dates={'fecha': 'td'}, variable_labels={'edad': 'Edad en años'}, version=118)
            """, [dir.path("s.dta")])
        #expect(made.status == 0, "\(made.output)")
        let run = try SondeoRunner.run(["data", "convert", dir.path("s.dta"), "--out", dir.path("s.csv")])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try String(contentsOfFile: dir.path("s.csv"), encoding: .utf8) == """
            id,edad,peso,fecha
            AF1,34,1.5,2018-11-21
            AF2,51,2.25,2020-02-01
            AF3,27,,2023-07-15

            """)
    }

    @Test("responses export as .sav, .dta, .xlsx and CSV with its .sps: PSPP, pandas and openpyxl find the questionnaire's labels and NS/NR as missing",
          .enabled(if: Witness.hasPSPP && ExchangeFormatTests.pandas && ExchangeFormatTests.openpyxl, "needs pspp, python3-pandas and python3-openpyxl"))
    func responsesWithLabels() throws {
        let dir = TemporaryDirectory()
        let (store, answers) = try FieldworkCLITests.storeWithWebAnswers(in: dir)
        #expect(try SondeoRunner.run(["responses", "import", "satisfaccion_servicios", answers, "--store", store]).status == 0)
        for name in ["r.sav", "r.dta", "r.xlsx", "r.csv"] {
            let run = try SondeoRunner.run(["responses", "export", "satisfaccion_servicios", "--store", store, "--out", dir.path(name)])
            #expect(run.status == 0, "\(name): \(run.stderr)")
        }
        // From the questionnaire: nps «En una escala de 0 a 10, …», 0 «Nada probable», 10 «Extremadamente probable», NS 98, NR 99.
        let pspp = try Witness.pspp("""
            GET FILE='r.sav'.
            DISPLAY DICTIONARY /VARIABLES=v_version nps.
            """, in: dir.url.path)
        #expect(pspp.status == 0, "\(pspp.output)")
        for text in ["Versión del cuestionario", "En una escala de 0 a 10", "|98; 99", "Nada probable", "Extremadamente probable", "98[a]|No sabe", "99[a]|No responde"] {
            #expect(pspp.output.contains(text), "\(text)\n\(pspp.output)")
        }
        // The .sps beside the CSV reads it into the same data as the .sav.
        let fromSyntax = try Witness.pspp((try String(contentsOfFile: dir.path("r.sps"), encoding: .utf8)) + "SAVE OUTFILE='desde_sps.sav'.\n", in: dir.url.path)
        #expect(fromSyntax.status == 0 && !fromSyntax.output.contains("error"), "\(fromSyntax.output)")
        _ = try Witness.run("pspp-convert", ["desde_sps.sav", "desde_sps.csv"], in: dir.url.path)
        _ = try Witness.run("pspp-convert", ["r.sav", "desde_sav.csv"], in: dir.url.path)
        let a = try String(contentsOfFile: dir.path("desde_sps.csv"), encoding: .utf8), b = try String(contentsOfFile: dir.path("desde_sav.csv"), encoding: .utf8)
        #expect(a == b && a.split(separator: "\n").count == 61)

        let stata = try Witness.python("""
            import sys, pandas as pd
            r = pd.io.stata.StataReader(sys.argv[1])
            d = r.read(convert_categoricals=False, convert_missing=True)
            labels = r.value_labels()['nps']
            print(labels[0], '|', labels[10], '|', sorted(v for k, v in labels.items() if k > 100))
            print(r.variable_labels()['nps'][:23], len(d), sorted(set(str(x) for x in d['nps'] if str(x).startswith('.'))))
            """, [dir.path("r.dta")])
        #expect(stata.output.hasPrefix("Nada probable | Extremadamente probable | ['No responde', 'No sabe']\nEn una escala de 0 a 10 60"), "\(stata.output)")

        let book = try Witness.python("""
            import sys, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1])
            rows = [r for r in wb['etiquetas'].iter_rows(values_only=True) if r[0] == 'nps']
            print(wb.sheetnames, rows[0][1][:23], rows[0][5], [r[2:5] for r in rows[1:]])
            """, [dir.path("r.xlsx")])
        #expect(book.output == "['datos', 'etiquetas'] En una escala de 0 a 10 ordinal [(0, 'Nada probable', None), (10, 'Extremadamente probable', None), (98, 'No sabe', 'sí'), (99, 'No responde', 'sí')]\n", "\(book.output)")
    }

    @Test("the XLSForm as one workbook: survey, choices and settings sheets that pyxform converts and ODK Validate accepts",
          .enabled(if: Witness.hasPython("pyxform"), "needs pyxform (make test installs it with pip)"))
    func xlsformWorkbook() throws {
        let dir = TemporaryDirectory()
        let out = dir.path("formulario.xlsx")
        let run = try SondeoRunner.run(["questionnaire", "render", RepositoryFiles.path("Questionnaires/satisfaccion-servicios.encuesta"), "--format", "xlsform", "--out", out])
        #expect(run.status == 0, "\(run.stderr)")
        let validate = FileManager.default.isExecutableFile(atPath: "/usr/bin/java") ? "True" : "False"
        let seen = try Witness.python("""
            import sys, openpyxl
            from pyxform.xls2xform import convert
            print(openpyxl.load_workbook(sys.argv[1]).sheetnames)
            result = convert(xlsform=sys.argv[1], validate=\(validate))
            print('nps' in result.xform, result.warnings)
            # «…con el servicio de {servicio}?» reads the service's name, as Sondeo shows it, not its code.
            print("jr:choice-name( /data/seccion_2/servicio , ' /data/seccion_2/servicio ')" in result.xform,
                  '<output value=" /data/seccion_2/servicio_etiqueta "/>' in result.xform)
            """, [out])
        #expect(seen.status == 0 && seen.output == "['survey', 'choices', 'settings']\nTrue []\nTrue True\n", "\(seen.output)")
        let wrong = try SondeoRunner.run(["questionnaire", "render", RepositoryFiles.path("Questionnaires/satisfaccion-servicios.encuesta"), "--format", "xlsform", "--out", dir.path("f.xls")])
        #expect(wrong.status == 64 && wrong.stderr.contains("este comando escribe: .xlsx"), "\(wrong.stderr)")
    }

    @Test("analyze --out resultado.xlsx: the estimates as a typed table; --format xlsx without --out is refused",
          .enabled(if: ExchangeFormatTests.openpyxl, "needs python3-openpyxl (make test installs it)"))
    func analysisWorkbook() throws {
        let dir = TemporaryDirectory()
        let data = RepositoryFiles.exampleData("respuestas.csv")
        let out = dir.path("nps.xlsx")
        let run = try SondeoRunner.run(["analyze", "nps", data, "--var", "nps", "--by", "canal", "--out", out])
        #expect(run.status == 0 && run.stderr == "Escrito \(out).\n", "\(run.stderr)")
        let csv = try SondeoRunner.run(["analyze", "nps", data, "--var", "nps", "--by", "canal", "--format", "csv"])
        let seen = try Witness.python("""
            import sys, openpyxl
            ws = openpyxl.load_workbook(sys.argv[1]).active
            rows = list(ws.iter_rows(values_only=True))
            print(rows[0]); print([type(v).__name__ for v in rows[1]]); print(len(rows))
            """, [out])
        #expect(seen.output.hasPrefix("('canal', 'estimate', 'se', 'ci_lower', 'ci_upper', 'n', 'deff', 'promoters', 'passives', 'detractors')\n['str', 'float', 'float', 'float', 'float', 'int',"), "\(seen.output)")
        #expect(seen.output.hasSuffix("\n4\n"))
        #expect(csv.stdout.split(separator: "\n").count == 4)
        let screen = try SondeoRunner.run(["analyze", "nps", data, "--var", "nps", "--format", "xlsx"])
        #expect(screen.status == 64 && screen.stderr.hasPrefix("Error: un libro de Excel no se muestra en la pantalla: añada --out resultado.xlsx"))
    }

    @Test("--out naming a folder: a Spanish message, an error exit, nothing written (not «NSCocoaErrorDomain error 512»)")
    func outputIsAFolder() throws {
        let dir = TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: dir.path("salida.csv"), withIntermediateDirectories: true)
        let run = try SondeoRunner.run(["data", "convert", CLITests.fixture("mini.csv"), "--out", dir.path("salida.csv")])
        #expect(run.status != 0)
        #expect(run.stderr.contains("«\(dir.path("salida.csv"))» es una carpeta, no un archivo"), "\(run.stderr)")
        #expect(!run.stderr.contains("NSCocoaErrorDomain"))
    }
}
