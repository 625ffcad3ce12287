import Foundation
import Randomness
import SondeoTestSupport
import Testing
@testable import Questionnaire

@Suite struct RenderTests {
    static let satisfaction: QuestionnaireFile = {
        let text = try! String(contentsOfFile: RepositoryFiles.path("Questionnaires/satisfaccion-servicios.encuesta"), encoding: .utf8)
        return QuestionnaireParser.parse(text, file: "s").file
    }()

    @Test("expressions print back in the language and in XPath")
    func expressions() throws {
        let q = Self.satisfaction
        let mejora = try #require(q.item("mejora")?.condition)
        #expect(mejora.source == "csat en (1, 2) o (nps <= 6 y no nps es NS y no nps es NR)")
        #expect(mejora.xpath(specials: ["NS": 98, "NR": 99])
                == "(${csat} = 1 or ${csat} = 2) or (${nps} <= 6 and not(${nps} = 98) and not(${nps} = 99))")
        #expect(try #require(q.item("razones")?.condition).xpath() == "(${csat} = 1 or ${csat} = 2 or ${csat} = 3)")
    }

    @Test("«ayuda»: the respondent's hint on paper, in JSON and in the XLSForm hint column (before an «advertir» message); two, or one without quotes, are errors")
    func help() throws {
        let text = """
            encuesta a "A"
            versión 1
            modos web
            personas: entero 1..20
              "¿Cuántas personas viven en su hogar?"
              ayuda "Cuente a quienes duermen allí."
              advertir personas <= 12 "Más de 12: confirme."

            """
        let (q, found) = QuestionnaireChecker.check(text, file: "a")
        #expect(found.isEmpty, "\(found.map(\.spanish))")
        #expect(q.item("personas")?.help == "Cuente a quienes duermen allí.")
        #expect(QuestionnaireDocument.markdown(q, mode: nil).contains("_Ayuda: Cuente a quienes duermen allí._"))
        #expect(XLSFormExport.render(q).survey.contains("integer,personas,¿Cuántas personas viven en su hogar?,Cuente a quienes duermen allí. Más de 12: confirme.,yes,"))
        #expect(QuestionnaireJSON.render(q, sha256: "x").contains("\"help\" : \"Cuente a quienes duermen allí.\""))
        let twice = QuestionnaireChecker.check(text + "  ayuda \"Otra\"\n", file: "a").diagnostics
        #expect(twice.map(\.code) == ["DSL-008"] && twice.first?.position == TextPosition(line: 8, column: 3), "\(twice.map(\.spanish))")
        let bare = QuestionnaireChecker.check(text.replacingOccurrences(of: "ayuda \"Cuente a quienes duermen allí.\"", with: "ayuda cuente"), file: "a").diagnostics
        #expect(bare.map(\.code) == ["DSL-038"], "\(bare.map(\.spanish))")
    }

    @Test("XLSForm: «opciones al azar» is ODK's randomize only when no option stays in place; with «Ninguna» or NS the order is written and the interviewer told")
    func randomizedOptions() {
        let text = """
            encuesta a "A"
            versión 1
            modos presencial
            especiales NS = 98 "No sabe"
            lista canales: 1 Web | 2 Sede | 3 Teléfono
            lista motivos: 1 Precio | 2 Tiempo | 3 Ninguno [exclusiva]
            c: una de canales, opciones al azar
              "¿Por dónde?"
            m: varias de motivos, opciones al azar, permite NS
              "¿Por qué?"

            """
        let q = QuestionnaireChecker.check(text, file: "a").file
        let rows = XLSFormExport.render(q, mode: .presencial).workbook[0].rows
        let c = rows.first { $0[1] == "c" }!, m = rows.first { $0[1] == "m" }!
        #expect(c[10] == "randomize=true" && c[11] == "")
        #expect(m[10] == "" && m[11] == "Lea las opciones en un orden distinto en cada entrevista, con «Ninguno», «No sabe» al final.")
    }

    @Test("XLSForm: the survey, choices and settings sheets with their columns; NS/NR lists; jumps as relevance")
    func xlsform() throws {
        let sheets = XLSFormExport.render(Self.satisfaction)
        let survey = sheets.survey.split(separator: "\n").map(String.init)
        #expect(survey[0] == "type,name,label,hint,required,relevant,constraint,constraint_message,calculation,appearance,parameters,guidance_hint")
        #expect(sheets.choices.hasPrefix("list_name,name,label\n"))
        #expect(sheets.settings == "form_title,form_id,version,default_language\nSatisfacción con los servicios de Confa,satisfaccion_servicios,2026.12,Español (es)\n")
        #expect(survey.contains { $0.hasPrefix("select_one escala_0_10_ns_nr,nps,") })
        #expect(sheets.choices.contains("escala_0_10_ns_nr,98,No sabe\n"))
        // «si consentimiento = 2 → terminar rechazo» becomes the relevance of everything after it
        #expect(survey.contains { $0.hasPrefix("select_one servicios_ns,servicio,") && $0.contains("not(${consentimiento} = 2)") })
        #expect(survey.contains { $0.hasPrefix("select_multiple motivos,razones,") && $0.contains("count-selected(.) <= 3") })
        #expect(survey.filter { $0.hasPrefix("begin_group") }.count == survey.filter { $0.hasPrefix("end_group") }.count)
        // For interviewers with ODK Collect: the face-to-face wording, and `modo` is that mode.
        let faceToFace = XLSFormExport.render(Self.satisfaction, mode: .presencial).survey
        #expect(faceToFace.contains("select_one sino,consentimiento,Buenos días. Confa quiere conocer su opinión sobre el servicio que acaba de recibir."))
        #expect(Expression.binary("=", .mode(TextPosition(line: 1, column: 1)), .text("web", TextPosition(line: 1, column: 1)), TextPosition(line: 1, column: 1))
            .xpath(mode: .presencial) == "'presencial' = 'web'")
    }

    @Test("XLSForm keeps the meaning: NS/NR pass a number's range; a condition with «o» stays one term beside a jump's guard")
    func xlsformMeaning() throws {
        let source = """
            encuesta x "X"
            versión 1
            modos web
            especiales NS = 98 "No sabe", NR = 99 "No responde"
            lista sino: 1 Sí | 2 No
            lista motivos:
              1 Precio
              2 Atención
              3 Ninguna [exclusiva]
            c: una de sino
              "¿Acepta?"
              si c = 2 → terminar rechazo
            a: una de sino
              "¿A?"
            b: una de sino
              "¿B?"
            edad: entero 18..90, permite NS NR
              "¿Edad?"
            d: texto
              "¿Por qué?"
              mostrar si a = 1 o b = 1
            f: fecha
              "¿Cuándo?"
              validar f >= "2020-01-01" "Desde 2020"
            m: varias de motivos, permite NS
              "¿Qué influyó?"
              [encuestador] Lea las opciones.
            """
        let (q, found) = QuestionnaireChecker.check(source, file: "x")
        #expect(found.filter { $0.severity == .error }.isEmpty, "\(found.map(\.spanish))")
        let survey = XLSFormExport.render(q).survey.split(separator: "\n").map(String.init)
        // By hand: the range, then each allowed code as an alternative.
        let edad = try #require(survey.first { $0.hasPrefix("integer,edad,") })
        #expect(edad.contains("(. >= 18 and . <= 90) or . = 98 or . = 99"))
        // «a = 1 o b = 1» and the guard of «si c = 2 → terminar», each in parentheses.
        let d = try #require(survey.first { $0.hasPrefix("text,d,") })
        #expect(d.contains("(${a} = 1 or ${b} = 1) and (not(${c} = 2))"), "\(d)")
        // A date compared with a date written as text: dates on both sides (XLSForm spec: `. >= date('2020-01-01')`),
        // not a string comparison that refuses every answer.
        let f = try #require(survey.first { $0.hasPrefix("date,f,") })
        #expect(f.contains("(date(.) >= date('2020-01-01'))"), "\(f)")
        // «Ninguna [exclusiva]» of the list and NS (98) stand alone; the interviewer's instruction is the guidance hint.
        let m = try #require(survey.first { $0.hasPrefix("select_multiple motivos_ns,m,") })
        #expect(m.contains("(not(selected(., '3')) or count-selected(.) = 1) and (not(selected(., '98')) or count-selected(.) = 1)"), "\(m)")
        #expect(m.hasSuffix(",Lea las opciones."), "\(m)")
        #expect(survey.first?.hasSuffix(",parameters,guidance_hint") == true)
        // «si c = 2 → terminar rechazo» is also recorded: the disposition as Sondeo would store it.
        #expect(survey.contains { $0.hasPrefix("calculate,disposicion_final,") && $0.contains("if(${c} = 2, 'rechazo', 'completa')") }, "\(survey)")
    }

    @Test("JSON contract: the questionnaire and its variables")
    func jsonAndCodebook() throws {
        let json = QuestionnaireJSON.render(Self.satisfaction, sha256: "abc")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["id"] as? String == "satisfaccion_servicios")
        let variables = (object["variables"] as! [[String: Any]]).map { $0["name"] as! String }
        #expect(variables.contains("atributos_amabilidad") && variables.contains("razones_7"))
    }

    @Test("piped answers: «id» and [nombre del encuestador] on paper, ${id} in XLSForm; there {_encuestador} is ODK's username metadata")
    func pipes() {
        let text = "Hola, le habla {_encuestador}. ¿Por qué dio {nps} puntos a {servicio.codigo}?"
        #expect(QuestionnaireFile.replacingPipes(in: text) { $0.hasPrefix("_") ? "[\(QuestionnaireFile.systemValueLabel($0))]" : "«\($0)»" }
                == "Hola, le habla [nombre del encuestador]. ¿Por qué dio «nps» puntos a «servicio»?")
        #expect(XLSFormExport.pipe(text) == "Hola, le habla . ¿Por qué dio ${nps} puntos a ${servicio}?")
        #expect(XLSFormExport.pipe("sin llaves { abiertas") == "sin llaves { abiertas")
        let document = QuestionnaireDocument.markdown(Self.satisfaction, mode: .telefono)
        #expect(document.contains("**1. Buenos días, le habla [nombre del encuestador] de Confa."))
        // For the phone: a `username` field first, piped where the script names the interviewer.
        let phone = XLSFormExport.render(Self.satisfaction, mode: .telefono).survey.split(separator: "\n").map(String.init)
        #expect(phone[1].hasPrefix("username,encuestador_nombre,"))
        #expect(phone.contains { $0.contains("Buenos días, le habla ${encuestador_nombre} de Confa.") })
    }

    @Test("versions: a published version with another text, a code that changed meaning, a type that changed")
    func versions() {
        let old = "encuesta e \"E\"\nversión 1\nmodos web\nlista l: 1 Sí | 2 No\na: una de l\n  \"x\"\nb: texto\n  \"y\"\n"
        let new = "encuesta e \"E\"\nversión 1\nmodos web\nlista l: 1 No | 2 Sí\na: una de l\n  \"x\"\nb: entero\n  \"y\"\n"
        let found = VersionComparison.compare(current: QuestionnaireParser.parse(new, file: "n").file, currentHash: "2", file: "n", text: new,
                                              previous: QuestionnaireParser.parse(old, file: "o").file, previousHash: "1")
        #expect(found.map(\.code) == ["DSL-101", "DSL-104", "DSL-104", "DSL-103"])
        #expect(found[1].spanish == "en «a», el código 1 era «Sí» y ahora es «No»: los datos ya recogidos cambiarían de significado")
    }

    @Test("the parser never crashes or hangs: random bytes, mutations, deep nesting")
    func fuzz() {
        // The satisfaction survey and the constructs of language 2.0 (functions, cascades, «otro», repeats,
        // rankings, times, initial values, alternative pipes).
        let text = try! String(contentsOfFile: RepositoryFiles.path("Questionnaires/satisfaccion-servicios.encuesta"), encoding: .utf8) + """

            lista municipios: 17001 Manizales | 17174 Chinchiná
            lista sedes: 1 Centro [municipio = 17001] | 2 Chinchiná [municipio = 17174] | 3 Otra [otro]
            ciudad: una de municipios
              "¿Dónde?"
            sede: una de sedes donde municipio = ciudad
              "Sede"
            repetir por cada razones
            por_que: texto
              "¿Por qué {_opcion}, con {csat|su calificación}?"
              validar coincide(por_que, "^[a-z ]+$") y longitud(por_que) <= si(nps > 5, 40, 80) "x"
            fin repetir
            orden: ordenar motivos hasta 2
              "Ordene"
            hora_visita: hora
              "Hora"
              inicial "{_muestra.hora}"
              validar hora_visita >= "07:00" "Abierto desde las 7"
            cuando: fecha y hora
              "Cuándo"
            fecha_visita: fecha
              "Fecha"
              validar dias(fecha_visita, hoy()) <= redondear(30.5) y fecha_visita >= sumar_dias(hoy(), -365) "x"

            """
        var generator = SplitMix64(seed: 42)
        let pieces = ["\"", "\t", "  ", "\n", ":", "|", "(", ")", "→", "mostrar si", "y", "no", "{", "}", "..", "[", "]", "#", "\u{FFFD}",
                      "repetir por cada ", "fin repetir", "donde ", "ordenar ", "@", ",", "=", "hoy(", "[otro]", "[municipio = 1]"]
        #expect(QuestionnaireChecker.check(text, file: "f").diagnostics.filter { $0.severity == .error }.isEmpty,
                "\(QuestionnaireChecker.check(text, file: "f").diagnostics.filter { $0.severity == .error }.map { "\($0.position) \($0.spanish)" })")
        for round in 0..<1_500 {
            var sample: String
            if round % 3 == 0 {
                sample = String(decoding: generator.bytes(generator.below(400)), as: UTF8.self)
            } else {
                var chars = Array(text)
                for _ in 0..<(1 + generator.below(10)) {
                    let at = generator.below(chars.count)
                    switch generator.below(3) {
                    case 0: chars.insert(contentsOf: Array(pieces[generator.below(pieces.count)]), at: at)
                    case 1: chars.removeSubrange(at..<min(chars.count, at + generator.below(30)))
                    default: chars.insert("\n", at: at)
                    }
                }
                sample = String(chars)
            }
            let (_, diagnostics) = QuestionnaireChecker.check(sample, file: "f")
            #expect(diagnostics.allSatisfy { !$0.spanish.isEmpty })
        }
        let deep = "encuesta e \"E\"\nversión 1\nmodos web\na: texto\n  \"x\"\n  mostrar si " + String(repeating: "(", count: 10_000) + "a" + String(repeating: ")", count: 10_000) + "\n"
        // Refused where it starts, as too deep (DSL-010) or too long (DSL-012): never a crash.
        #expect(QuestionnaireChecker.check(deep, file: "d").diagnostics.contains { ["DSL-010", "DSL-012"].contains($0.code) })
        let negations = "encuesta e \"E\"\nversión 1\nmodos web\na: texto\n  \"x\"\nb: texto\n  \"y\"\n  mostrar si " + String(repeating: "no ", count: 10_000) + "a respondida\n"
        #expect(QuestionnaireChecker.check(negations, file: "d").diagnostics.contains { ["DSL-010", "DSL-012"].contains($0.code) })
    }

    @Test("XLSForm scales: two 0–10 scales with different end labels get two choice lists; the ends in each language's column")
    func scaleListsAndTheirLanguages() throws {
        let text = """
            encuesta prueba "Prueba"
            idiomas es, en

            nps: escala 0..10 "Nada probable" .. "Extremadamente probable"
              "¿Recomendaría Confa?"
              @en "Would you recommend Confa?"
              @en extremos "Not at all likely" .. "Extremely likely"
            calidad: escala 0..10 "Muy mala" .. "Excelente"
              "¿Cómo califica la calidad?"
              @en "How do you rate the quality?"
              @en extremos "Very poor" .. "Excellent"
            otra: escala 0..10 "Nada probable" .. "Extremadamente probable"
              "¿Y la recomendaría a un amigo?"
              @en "And to a friend?"
              @en extremos "Not at all likely" .. "Extremely likely"

            """
        let parsed = QuestionnaireParser.parse(text, file: "p")
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics)")
        let sheets = XLSFormExport.render(parsed.file)
        let survey = sheets.survey.split(separator: "\n").map(String.init)
        // The same ends share a list; different ends do not (the second scale used to show «Nada probable»).
        #expect(survey.contains { $0.hasPrefix("select_one escala_0_10,nps,") } && survey.contains { $0.hasPrefix("select_one escala_0_10_2,calidad,") }
                && survey.contains { $0.hasPrefix("select_one escala_0_10,otra,") })
        let choices = sheets.choices.split(separator: "\n").map(String.init)
        #expect(choices.contains("escala_0_10,0,0 Nada probable,0 Not at all likely"))
        #expect(choices.contains("escala_0_10,10,10 Extremadamente probable,10 Extremely likely"))
        #expect(choices.contains("escala_0_10_2,0,0 Muy mala,0 Very poor") && choices.contains("escala_0_10_2,10,10 Excelente,10 Excellent"))
        #expect(choices.contains("escala_0_10_2,5,5,5"))
    }

    @Test("XLSForm: {_muestra.campo|texto} keeps its alternative (an optional field and a calculate that stands in when it is blank)")
    func sampleFallback() throws {
        let text = """
            encuesta prueba "Prueba"

            saludo: nota
              "Buenos días, ¿hablo con {_muestra.nombre|la persona afiliada}, de {_muestra.municipio}?"

            """
        let parsed = QuestionnaireParser.parse(text, file: "p")
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics)")
        let survey = XLSFormExport.render(parsed.file).survey.split(separator: "\n").map(String.init)
        #expect(survey.contains { $0.hasPrefix("text,muestra_nombre,Dato de la muestra: nombre,") && $0.contains("déjelo vacío.\",,") })
        #expect(survey.contains { $0.hasPrefix("calculate,muestra_nombre_etiqueta,") && $0.contains("if(string-length(${muestra_nombre}) = 0, 'la persona afiliada', ${muestra_nombre})") })
        #expect(survey.contains { $0.hasPrefix("text,muestra_municipio,") && $0.contains(",yes,") })
        #expect(survey.contains { $0.contains("¿hablo con ${muestra_nombre_etiqueta}, de ${muestra_municipio}?") })
    }

    @Test("XLSForm: an initial text with several references (or words, or an alternative) is a concat() set by a trigger on each")
    func initialWithSeveralReferences() throws {
        let text = """
            encuesta prueba "Prueba"

            ciudad: texto, opcional
              "¿En qué ciudad vive?"
            nombre: texto
              "¿Cuál es su nombre completo?"
              inicial "{_muestra.nombre} {_muestra.apellido}"
            envio: texto
              "¿Adónde le enviamos la carta?"
              inicial "{ciudad|Manizales}, Caldas"

            """
        let parsed = QuestionnaireParser.parse(text, file: "p")
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics)")
        let rows = XLSFormExport.render(parsed.file).workbook[0].rows
        let header = rows[0]
        func cell(_ name: String, _ column: String) -> String? { rows.first { $0[1] == name }.map { $0[header.firstIndex(of: column)!] } }
        #expect(cell("nombre", "calculation") == "concat(${muestra_nombre}, ' ', ${muestra_apellido})")
        #expect(cell("nombre", "trigger") == "${muestra_nombre}, ${muestra_apellido}")
        #expect(cell("envio", "calculation") == "concat(${ciudad_etiqueta}, ', Caldas')")
        #expect(cell("ciudad_etiqueta", "calculation") == "if(string-length(${ciudad}) = 0, 'Manizales', ${ciudad})")
    }
}
