import Foundation
import Questionnaire
import SondeoTestSupport
import Testing

/// `questionnaire import`: XLSForm workbooks made by Sondeo (the round trip) and written by openpyxl as a
/// KoboToolbox user would (an independent writer), converted to `.encuesta` and rehearsed.
@Suite struct XLSFormImportTests {
    /// `.encuesta` → XLSForm (in `mode`) → `.encuesta`: the imported questionnaire checks clean and a plan
    /// rehearsed on both reaches the same questions, reads the same texts and refuses the same answers.
    func roundTrip(_ name: String, mode: String, plan: String) throws -> String {
        let dir = TemporaryDirectory()
        let original = RepositoryFiles.path("Questionnaires/\(name).encuesta")
        let workbook = dir.path("\(name).xlsx"), imported = dir.path("\(name).encuesta")
        let export = try SondeoRunner.run(["questionnaire", "render", original, "--format", "xlsform", "--mode", mode, "--out", workbook])
        #expect(export.status == 0, "\(export.stderr)")
        let run = try SondeoRunner.run(["questionnaire", "import", workbook, "--out", imported])
        #expect(run.status == 0 && run.stderr.hasSuffix("Escrito \(imported) con 0 notas de conversión; revisado sin errores.\n"), "\(run.stderr)")
        let planFile = dir.file("plan.txt", text: plan)
        let before = try SondeoRunner.run(["questionnaire", "rehearse", original, "--plan", planFile, "--mode", mode, "--format", "csv"])
        let after = try SondeoRunner.run(["questionnaire", "rehearse", imported, "--plan", planFile, "--mode", mode == "telefono" ? "presencial" : mode, "--format", "csv"])
        #expect(before.status == 0 && after.status == 0, "\(before.stderr) \(after.stderr)")
        #expect(before.stdout == after.stdout)
        return try String(contentsOfFile: imported, encoding: .utf8)
    }

    @Test("round trip of the satisfaction survey: jumps, NS/NR, scale, grid, «en» and the exclusive option come back as written")
    func satisfaction() throws {
        let text = try roundTrip("satisfaccion-servicios", mode: "web", plan: XLSFormParityTests.detractorPlan)
        for line in ["especiales NS = 98 \"No sabe\", NR = 99 \"No responde\"", "  si consentimiento = 2 → terminar rechazo",
                     "nps: escala 0..10 \"Nada probable\" .. \"Extremadamente probable\", permite NS NR", "atributos: matriz de satisfaccion5, permite NS NR",
                     "  - sedes \"las instalaciones\" si servicio en (2, 3, 6)", "razones: varias de motivos, máximo 3, exclusiva 7",
                     "  mostrar si csat en (1, 2) o (nps <= 6 y no nps es NS y no nps es NR)", "usos: entero 1..90"] {
            #expect(text.contains(line + "\n"), "\(line)\n\(text)")
        }
    }

    @Test("pyxform's CSV layout (a folder with survey.csv, choices.csv, settings.csv, or its survey.csv) imports as the workbook does")
    func csvLayout() throws {
        let dir = TemporaryDirectory()
        let original = RepositoryFiles.path("Questionnaires/satisfaccion-servicios.encuesta")
        #expect(try SondeoRunner.run(["questionnaire", "render", original, "--format", "xlsform", "--out", dir.path("forma") + "/"]).status == 0)
        #expect(try SondeoRunner.run(["questionnaire", "render", original, "--format", "xlsform", "--out", dir.path("forma.xlsx")]).status == 0)
        func imported(_ source: String, _ name: String) throws -> [Substring] {
            let out = dir.path(name)
            let run = try SondeoRunner.run(["questionnaire", "import", source, "--out", out])
            #expect(run.status == 0 && run.stderr.hasSuffix("con 0 notas de conversión; revisado sin errores.\n"), "\(run.stderr)")
            // All but the first line, which names the source.
            return try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).dropFirst().map { $0 }
        }
        let fromWorkbook = try imported(dir.path("forma.xlsx"), "libro.encuesta")
        #expect(try imported(dir.path("forma"), "carpeta.encuesta") == fromWorkbook)
        #expect(try imported(dir.path("forma") + "/survey.csv", "survey.encuesta") == fromWorkbook)
    }

    @Test("round trip of the characterisation survey (face to face) and of the PQRSL verification (phone, with {_radicado})")
    func characterisationAndVerification() throws {
        let text = try roundTrip("caracterizacion-segmento", mode: "presencial", plan: """
            consentimiento=1
            hogar_tipo=3
            personas=4
            menores=4
            menores=2
            medios=1 2
            celular=300123
            celular=3001234567
            correo=ana@gmail.com
            transporte=6
            transporte_otro=Taxi
            tiempo_sede=30
            municipio=17001
            sede=2
            servicios_usados=1
            satisfaccion_servicio_1=5
            """)
        #expect(text.contains("  validar coincide(celular, \"^3[0-9]{9}$\") \"Un celular en Colombia tiene 10 dígitos y empieza por 3.\"\n"), "\(text)")
        #expect(text.contains("adultos: calcular personas - menores\n"), "\(text)")
        let verification = try roundTrip("verificacion-pqrsl", mode: "telefono", plan: "contactado=1\nconsentimiento=1\nrecibio=1\nsatisfecho=2\nmotivo=No me llamaron\nreabrir=1\n")
        #expect(verification.contains("{_encuestador}") && verification.contains("{_radicado}"), "\(verification)")
        #expect(verification.contains("  si contactado en (2, 3, 4) → terminar no_contactado\n  si contactado = 5 → terminar interrumpida\n"), "\(verification)")
    }
}

/// A form as a KoboToolbox user writes it (openpyxl writes the workbook): two languages, names that are
/// not numbers, a list named like its question, or_other, a cascade, a group with a condition, a repeat,
/// a GPS point, a default.
@Suite(.enabled(if: Witness.hasPython("openpyxl"), "needs python3-openpyxl (make test installs it)"))
struct KoboFormImportTests {
    static let workbookScript = """
        import sys, openpyxl
        wb = openpyxl.Workbook()
        s = wb.active; s.title = "survey"
        L = "label::Español (es)"; E = "label::English (en)"
        s.append(["type", "name", L, E, "hint::Español (es)", "required", "relevant", "constraint", "constraint_message::Español (es)", "calculation", "choice_filter", "appearance", "default", "parameters"])
        rows = [
         ["start", "start"], ["end", "end"], ["today", "hoy"],
         ["select_one yesno", "acepta", "¿Acepta participar?", "Do you agree?", None, "yes"],
         ["begin_group", "datos", "Datos del hogar", "Household", None, None, "${acepta} = 'yes'"],
         ["integer", "Edad", "¿Qué edad tiene?", "Age?", "En años cumplidos", "yes", None, ". >= 18 and . <= 99", "Debe ser mayor de edad"],
         ["text", "celular", "Celular", "Phone", None, "no", None, "regex(., '^3[0-9]{9}$')", "Diez dígitos"],
         ["select_one municipio", "municipio", "Municipio", "Town", None, "yes"],
         ["select_one sede", "sede", "Sede", "Site", None, "yes", None, None, None, None, "municipio = ${municipio}"],
         ["select_multiple servicios or_other", "servicios", "Servicios usados", "Services", None, "yes"],
         ["text", "comentario", "¿Por qué?", "Why?", None, "no", "count-selected(${servicios}) >= 2 and not(selected(${servicios}, 'salud'))"],
         ["calculate", "puntaje", None, None, None, None, None, None, None, "if(${Edad} > 60, 1, 0)"],
         ["range", "satisfaccion", "Satisfacción", "Satisfaction", None, "yes", None, None, None, None, None, None, None, "start=1 end=5 step=1"],
         ["geopoint", "ubicacion", "Ubicación", "Location"],
         ["begin_repeat", "hijos", "Hijos", "Children"],
         ["text", "nombre_hijo", "Nombre", "Name"],
         ["end_repeat"],
         ["end_group"],
         ["date", "fecha", "Fecha de la visita", "Date", None, "yes", None, ". <= today()", "No puede ser futura", None, None, None, "today()"],
         ["note", "gracias", "Gracias, ${Edad} años", "Thanks"],
        ]
        for r in rows: s.append(r)
        c = wb.create_sheet("choices")
        c.append(["list_name", "name", L, E, "municipio"])
        for r in [["yesno", "yes", "Sí", "Yes"], ["yesno", "no", "No", "No"], ["municipio", 17001, "Manizales", "Manizales"], ["municipio", 17174, "Chinchiná", "Chinchiná"],
                  ["sede", 1, "Sede Centro", "Downtown", 17001], ["sede", 2, "Sede Chinchiná", "Chinchiná site", 17174],
                  ["servicios", "salud", "Salud", "Health"], ["servicios", "recreacion", "Recreación", "Leisure"], ["servicios", "educacion", "Educación", "Education"]]:
            c.append(r)
        t = wb.create_sheet("settings")
        t.append(["form_title", "form_id", "version", "default_language"])
        t.append(["Encuesta Kobo", "encuesta_kobo", "2025-03", "Español (es)"])
        wb.save(sys.argv[1])
        """

    @Test("the Kobo form converts with its notes located by sheet and row; the converted text says what the form said")
    func converts() throws {
        let dir = TemporaryDirectory()
        let workbook = dir.path("kobo.xlsx"), out = dir.path("kobo.encuesta")
        let made = try Witness.python(Self.workbookScript, [workbook])
        #expect(made.status == 0, "\(made.output)")
        let run = try SondeoRunner.run(["questionnaire", "import", workbook, "--out", out])
        #expect(run.status == 0, "\(run.stderr)")
        // Each note checked against the workbook written above (row 1 is the header).
        for (sheet, row, text) in [("choices", "2", "la lista «yesno» tiene nombres que no son números: se numeraron en orden (1 = yes, 2 = no)"),
                                   ("choices", "8", "la lista «servicios» tiene nombres que no son números: se numeraron en orden (1 = salud, 2 = recreacion, 3 = educacion)"),
                                   ("survey", "7", "«Edad» se llama «edad»"),
                                   ("survey", "7", "la restricción de «Edad» es un rango y pasó al tipo (entero 18..99)"),
                                   ("survey", "11", "«or_other» de «servicios»"),
                                   ("survey", "15", "«ubicacion» (geopoint) no se convirtió"),
                                   ("survey", "16", "el grupo que se repite «hijos» y sus preguntas no se convirtieron"),
                                   ("survey", "20", "el valor por defecto de «fecha» («today()») no se convirtió")] {
            #expect(run.stderr.split(separator: "\n").contains { $0.hasPrefix(sheet) && $0.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first == Substring(row) && $0.contains(text) },
                    "\(sheet) \(row) \(text)\n\(run.stderr)")
        }
        #expect(run.stderr.hasSuffix("Escrito \(out) con 8 notas de conversión; revisado sin errores.\n"), "\(run.stderr)")
        let text = try String(contentsOfFile: out, encoding: .utf8)
        // Both languages: Spanish (the default language) as the texts, English as translations.
        for line in ["encuesta encuesta_kobo \"Encuesta Kobo\"", "versión 2025-03", "idiomas es, en", "  1 Sede Centro @en Downtown [municipio = 17001]",
                     "acepta: una de yesno\n  \"¿Acepta participar?\"\n  @en \"Do you agree?\"", "sección \"Datos del hogar\" @en \"Household\"", "lista servicios_opciones:\n  1 Salud @en Health\n  2 Recreación @en Leisure\n  3 Educación @en Education\n  4 Otro [otro]",
                     "sección \"Datos del hogar\" @en \"Household\"\n  mostrar si acepta = 1", "edad: entero 18..99\n  \"¿Qué edad tiene?\"\n  @en \"Age?\"\n  ayuda \"En años cumplidos\"",
                     "  validar coincide(celular, \"^3[0-9]{9}$\") \"Diez dígitos\"", "sede: una de sede_opciones donde municipio = municipio",
                     "  mostrar si contar(servicios) >= 2 y no servicios incluye 1", "puntaje: calcular si(edad > 60, 1, 0)", "satisfaccion: escala 1..5",
                     "sección \"Continuación\"\nfecha: fecha", "  validar fecha <= hoy() \"No puede ser futura\"", "  \"Gracias, {edad} años\""] {
            #expect(text.contains(line + "\n"), "\(line)\n---\n\(text)")
        }
    }

    @Test("the converted questionnaire behaves as the Kobo form does in JavaRosa: same questions reached, same answers refused",
          .enabled(if: Witness.hasJavaRosa, "needs pyxform's ODK Validate jar and javac"))
    func behavesAsKobo() throws {
        let dir = TemporaryDirectory()
        let workbook = dir.path("kobo.xlsx"), out = dir.path("kobo.encuesta")
        #expect(try Witness.python(Self.workbookScript, [workbook]).status == 0)
        #expect(try SondeoRunner.run(["questionnaire", "import", workbook, "--out", out]).status == 0)
        // The same interview in each one's names and codes: yes = 1, salud = 1, recreacion = 2, other = 4.
        let kobo = "acepta=yes\nEdad=17\nEdad=70\ncelular=12345\ncelular=3001234567\nmunicipio=17174\nsede=1\nsede=2\nservicios=recreacion other\nservicios_other=Bienestar\ncomentario=Uso dos\nsatisfaccion=4\nfecha=2030-01-01\nfecha=2026-01-15\n"
        let sondeo = "acepta=1\nedad=17\nedad=70\ncelular=12345\ncelular=3001234567\nmunicipio=17174\nsede=1\nsede=2\nservicios=2 4\nservicios_otro=Bienestar\ncomentario=Uso dos\nsatisfaccion=4\nfecha=2030-01-01\nfecha=2026-01-15\n"
        let (xform, converted) = try Witness.xform(fromXLSForm: workbook)
        #expect(converted.status == 0, "\(converted.output)")
        let javaRosa = try Witness.javaRosaReplay(xform: xform, plan: kobo, in: dir.url.path)
        #expect(javaRosa.status == 0, "\(javaRosa.output)")
        let (q, diagnostics) = QuestionnaireChecker.check(try String(contentsOfFile: out, encoding: .utf8), file: out)
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty)
        let steps = try AnswerPlan(text: sondeo, file: "plan.txt", questionnaire: q).replay(AnswerCheck(q, mode: .web), file: "plan.txt")
        let ours = steps.map { "\($0.variable) \($0.outcomes.isEmpty ? "-" : $0.outcomes.joined(separator: ","))" }
        // Variable and outcome of each question reached; the GPS point and the repeat are what did not convert.
        let names = ["Edad": "edad", "servicios_other": "servicios_otro"]
        var odk: [String] = []
        for line in javaRosa.output.split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 3, fields[0] != "ubicacion", fields[0] != "nombre_hijo" else { continue }
            odk.append((names[fields[0]] ?? fields[0]) + " " + fields[2])
        }
        #expect(odk == ours, "JavaRosa:\n\(javaRosa.output)")
        #expect(ours == ["acepta ok", "edad restriccion,ok", "celular restriccion,ok", "municipio ok", "sede restriccion,ok", "servicios ok", "servicios_otro ok",
                         "comentario ok", "satisfaccion ok", "fecha restriccion,ok"], "\(ours)")
    }

    @Test("a cascade whose column holds the earlier list's names gets their codes; a name that is not an option is noted, not dropped silently")
    func cascadeByNames() throws {
        let dir = TemporaryDirectory()
        let workbook = dir.path("c.xlsx"), out = dir.path("c.encuesta")
        let made = try Witness.python("""
            import sys, openpyxl
            wb = openpyxl.Workbook(); s = wb.active; s.title = "survey"
            s.append(["type", "name", "label", "choice_filter"])
            s.append(["select_one region", "region", "Región"])
            s.append(["select_one municipio", "municipio", "Municipio", "region=${region}"])
            c = wb.create_sheet("choices"); c.append(["list_name", "name", "label", "region"])
            for r in [["region", "centro", "Centro"], ["region", "norte", "Norte"],
                      ["municipio", 17001, "Manizales", "centro"], ["municipio", 17614, "Riosucio", "norte"], ["municipio", 17042, "Anserma", "occidente"]]:
                c.append(r)
            wb.save(sys.argv[1])
            """, [workbook])
        #expect(made.status == 0, "\(made.output)")
        let run = try SondeoRunner.run(["questionnaire", "import", workbook, "--out", out])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("la columna «region» de la lista «municipio» tiene valores que no son opciones de «region» (occidente): esas opciones no aparecerán"), "\(run.stderr)")
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(text.contains("lista municipio_opciones:\n  17001 Manizales [region = 1]\n  17614 Riosucio [region = 2]\n  17042 Anserma\n"), "\(text)")
    }

    @Test("a household roster (repeat_count = ${personas}, personas 1..6) becomes «repetir 6 veces según personas»; copy k asked when personas >= k")
    func roster() throws {
        let dir = TemporaryDirectory()
        let workbook = dir.path("hogar.xlsx"), out = dir.path("hogar.encuesta")
        let made = try Witness.python("""
            import sys, openpyxl
            wb = openpyxl.Workbook(); s = wb.active; s.title = "survey"
            s.append(["type", "name", "label", "required", "constraint", "repeat_count"])
            s.append(["integer", "personas", "¿Cuántas personas viven en el hogar?", "yes", ". >= 1 and . <= 6"])
            s.append(["begin_repeat", "miembros", "Personas del hogar", None, None, "${personas}"])
            s.append(["text", "nombre", "Nombre de la persona", "yes"])
            s.append(["integer", "edad", "Edad de ${nombre}", "yes", ". >= 0 and . <= 110"])
            s.append(["end_repeat"])
            t = wb.create_sheet("settings"); t.append(["form_id", "form_title"]); t.append(["hogar", "Hogar"])
            wb.save(sys.argv[1])
            """, [workbook])
        #expect(made.status == 0, "\(made.output)")
        let run = try SondeoRunner.run(["questionnaire", "import", workbook, "--out", out])
        #expect(run.status == 0 && run.stderr.contains("el grupo que se repite «miembros» pasó a «repetir 6 veces según personas»"), "\(run.stderr)")
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(text.contains("repetir 6 veces según personas\nnombre: texto\n  \"Nombre de la persona\"\nedad: entero 0..110\n  \"Edad de {nombre}\"\nfin repetir\n"), "\(text)")
        let plan = dir.file("plan.txt", text: "personas=2\nnombre_1=Ana\nedad_1=40\nnombre_2=Luis\nedad_2=12\n")
        let rehearsal = try SondeoRunner.run(["questionnaire", "rehearse", out, "--plan", plan, "--format", "csv"])
        // By hand: two people, so copies 1 and 2; each age question names its own person.
        #expect(rehearsal.stdout == """
            variable,texto,respuesta
            personas,¿Cuántas personas viven en el hogar?,aceptada
            nombre_1,Nombre de la persona,aceptada
            edad_1,Edad de Ana,aceptada
            nombre_2,Nombre de la persona,aceptada
            edad_2,Edad de Luis,aceptada

            """, "\(rehearsal.stdout)\(rehearsal.stderr)")
    }
}
