import Diagnostics
import Foundation
import SondeoTestSupport
import Testing
@testable import Questionnaire

/// The checker on small broken questionnaires: each rule with its exact message and position.
@Suite struct CheckerTests {
    static let header = """
        encuesta prueba "Prueba"
        versión 1
        modos presencial
        especiales NS = 98 "No sabe", NR = 99 "No responde"
        lista sino: 1 Sí | 2 No
        lista cinco: 1 Muy mal | 2 Mal | 3 Regular | 4 Bien | 5 Muy bien

        """

    func diagnostics(_ body: String, header: String = CheckerTests.header) -> [QuestionnaireDiagnostic] {
        QuestionnaireChecker.check(header + body, file: "p.encuesta").diagnostics
    }

    func expect(_ body: String, code: String, line: Int, column: Int, message: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let found = diagnostics(body).filter { $0.code == code }
        guard let d = found.first else {
            Issue.record("no \(code) in \(diagnostics(body).map { "\($0.code) \($0.spanish)" })", sourceLocation: sourceLocation)
            return
        }
        #expect(d.position == TextPosition(line: line, column: column), sourceLocation: sourceLocation)
        #expect(d.spanish == message, sourceLocation: sourceLocation)
    }

    @Test("the real questionnaires of Questionnaires/ pass with no errors")
    func realQuestionnaires() throws {
        for name in ["satisfaccion-servicios", "verificacion-pqrsl", "caracterizacion-segmento"] {
            let text = try String(contentsOfFile: RepositoryFiles.path("Questionnaires/\(name).encuesta"), encoding: .utf8)
            let (q, found) = QuestionnaireChecker.check(text, file: name)
            #expect(found.filter { $0.severity == .error }.isEmpty, "\(name): \(found.map(\.spanish))")
            #expect(q.items.count >= 7)
        }
    }

    @Test("a questionnaire saved on Windows (CRLF) reads as the same questionnaire, diagnostics on the same lines")
    func windowsLineEnds() throws {
        let text = try String(contentsOfFile: RepositoryFiles.path("Questionnaires/satisfaccion-servicios.encuesta"), encoding: .utf8)
        let crlf = text.replacingOccurrences(of: "\n", with: "\r\n")
        let (lf, _) = QuestionnaireChecker.check(text, file: "lf")
        let (windows, found) = QuestionnaireChecker.check(crlf, file: "crlf")
        #expect(found.filter { $0.severity == .error }.isEmpty, "\(found.map(\.spanish))")
        #expect(windows.items.map(\.id) == lf.items.map(\.id))
        #expect(windows.items.map { $0.text(for: .telefono) } == lf.items.map { $0.text(for: .telefono) })
        let bad = "encuesta x \"X\"\r\nversión 1\r\nmodos web\r\n\r\np1: eteros 1..5\r\n  \"x\"\r\n"
        let line = QuestionnaireChecker.check(bad, file: "b").diagnostics.first { $0.code == "DSL-004" }?.location?.line
        #expect(line == 5)
    }

    @Test("unknown keyword, type, list and id, each with «¿quiso decir?»")
    func unknownNames() {
        expect("pregunta_1: eteros 1..5\n  \"x\"\n", code: "DSL-004", line: 7, column: 13,
               message: "«eteros» no es un tipo de pregunta (una de, varias de, escala, entero, decimal, texto, fecha, fecha y hora, hora, sino, nota, calcular, matriz de, ordenar); ¿quiso decir «entero»?")
        expect("seccon \"A\"\n", code: "DSL-001", line: 7, column: 1,
               message: "«seccon» no es una palabra del lenguaje al comienzo de una línea (encuesta, versión, modos, especiales, parcial, lista, sección, repetir, fin repetir o «id: tipo»); ¿quiso decir «seccion»?")
        expect("a: una de sinno\n  \"x\"\n", code: "DSL-050", line: 7, column: 11, message: "la lista «sinno» no existe; ¿quiso decir «sino»?")
        expect("nps: escala 0..10 \"No\" .. \"Sí\"\n  \"x\"\nb: texto\n  \"y\"\n  mostrar si nsp <= 6\n", code: "DSL-060", line: 11, column: 14,
               message: "«nsp» no es una pregunta de este cuestionario; ¿quiso decir «nps»?")
    }

    @Test("duplicate ids and codes, codes that collide with NS/NR")
    func duplicates() {
        expect("a: texto\n  \"x\"\na: texto\n  \"y\"\n", code: "DSL-041", line: 9, column: 1,
               message: "el id «a» ya se usó en la línea 7; cada pregunta y lista necesita el suyo")
        expect("lista l: 1 A | 1 B\nq: una de l\n  \"x\"\n", code: "DSL-051", line: 7, column: 15,
               message: "el código 1 se repite en la lista «l» (ya está en la línea 7)")
        expect("lista l: 1 A | 98 Otro\nq: una de l\n  \"x\"\n", code: "DSL-053", line: 7, column: 15,
               message: "el código 98 de la lista «l» choca con el código especial NS; use otro")
    }

    @Test("references to later questions, self-reference and cycles among calculations (every member named)")
    func order() {
        expect("a: texto\n  \"x\"\n  mostrar si b respondida\nb: texto\n  \"y\"\n", code: "DSL-061", line: 9, column: 14,
               message: "«b» se pregunta después: una condición solo puede usar respuestas anteriores")
        expect("x: calcular y + 1\ny: calcular z * 2\nz: calcular x\n", code: "DSL-062", line: 7, column: 1,
               message: "cálculos en círculo: x → y → z → x; ninguno se puede calcular")
    }

    @Test("type errors: a code outside the list, incluye on a single choice, text against a number, an impossible range")
    func types() {
        expect("csat: una de cinco\n  \"x\"\nb: texto\n  \"y\"\n  mostrar si csat = 6\n", code: "DSL-063", line: 11, column: 21,
               message: "6 no es un código de la lista «cinco» de «csat» (1, 2, 3, 4, 5)")
        expect("csat: una de cinco\n  \"x\"\nb: texto\n  \"y\"\n  mostrar si csat incluye 2\n", code: "DSL-063", line: 11, column: 19,
               message: "«incluye» es para preguntas de varias respuestas; «csat» tiene una sola: use «=»")
        expect("t: texto\n  \"x\"\nb: texto\n  \"y\"\n  mostrar si t > 3\n", code: "DSL-063", line: 11, column: 16,
               message: "se compara un texto con un número")
        expect("nps: escala 0..10 \"No\" .. \"Sí\"\n  \"x\"\nb: texto\n  \"y\"\n  mostrar si nps > 10\n", code: "DSL-063", line: 11, column: 18,
               message: "«nps > 10» nunca se cumple: «nps» va de 0 a 10")
    }

    @Test("jumps: backwards, unknown disposition; rules that never change; a contradictory condition")
    func logic() {
        expect("a: sino\n  \"x\"\nb: sino\n  \"y\"\n  si b = 2 → ir a a\n", code: "DSL-067", line: 11, column: 3,
               message: "«ir a a»: los saltos solo van hacia adelante y «a» está antes")
        expect("a: sino\n  \"x\"\n  si a = 2 -> terminar rechazado\n", code: "DSL-068", line: 9, column: 3,
               message: "«rechazado» no es una disposición (completa, parcial, rechazo, interrumpida, no_elegible, no_contactado); ¿quiso decir «rechazo»?")
        expect("a: entero 1..9\n  \"x\"\n  validar 1 < 2 \"nunca\"\n", code: "DSL-064", line: 9, column: 13,
               message: "esta regla no usa ninguna respuesta: nunca cambia, así que siempre pasa o siempre falla")
        expect("csat: una de cinco\n  \"x\"\nb: texto\n  \"y\"\n  mostrar si csat = 1 y csat = 2\n", code: "DSL-070", line: 11, column: 23,
               message: "esta condición nunca se cumple: la pregunta nunca se mostrará")
    }

    @Test("a jump into a question its own condition hides; a question that contradicts its section; piping a jumped-over answer")
    func skippedRanges() {
        // Line 7 is the first line after the header.
        expect("a: una de cinco\n  \"x\"\n  si a = 1 → ir a c\nb: texto\n  \"y\"\nc: texto\n  \"z\"\n  mostrar si a en (4, 5)\n",
               code: "DSL-069", line: 9, column: 3,
               message: "«ir a c»: cuando a = 1, «c» no se muestra (solo si a en (4, 5)); el salto cae en una pregunta que se omite")
        expect("a: una de cinco\n  \"x\"\nsección \"Quejas\"\n  mostrar si a en (1, 2)\nb: texto\n  \"y\"\n  mostrar si a = 5\n",
               code: "DSL-070", line: 13, column: 16,
               message: "esta condición contradice la de su sección «Quejas» (a en (1, 2)): la pregunta nunca se mostrará")
        expect("a: sino\n  \"x\"\n  si a = 2 → ir a c\nb: entero 1..9\n  \"¿Cuántos?\"\nc: texto\n  \"¿Por qué {b}?\"\n",
               code: "DSL-072", line: 13, column: 13,
               message: "«{b}» puede quedar sin responder (tiene condición, es opcional o un salto la omite): se mostrará «—»; escriba qué decir entonces: {b|…}")
    }

    @Test("NS/NR left out silently, missing text for a mode, NPS wording on a 1–5 scale, consent before personal data")
    func content() {
        expect("nps: escala 0..10 \"No\" .. \"Sí\", permite NS\n  \"x\"\nb: texto\n  \"y\"\n  mostrar si nps <= 6\n", code: "DSL-071", line: 11, column: 14,
               message: "«nps» permite NS, que esta comparación deja fuera sin decirlo; si es lo que quiere, agregue «y no nps es NS»")
        let twoModes = CheckerTests.header.replacingOccurrences(of: "modos presencial", with: "modos presencial, web")
        let missing = diagnostics("a: texto\n  [presencial] \"x\"\n", header: twoModes).first { $0.code == "DSL-080" }
        #expect(missing?.spanish == "«a» no tiene texto para el modo web (ni un texto sin modo)")
        #expect(missing?.position == TextPosition(line: 7, column: 1))
        expect("r: escala 1..5\n  \"¿Qué tan probable es que nos recomiende?\"\n", code: "DSL-083", line: 7, column: 1,
               message: "la pregunta habla de recomendar pero la escala no es 0..10: el NPS se mide de 0 a 10")
        let phone = CheckerTests.header.replacingOccurrences(of: "modos presencial", with: "modos teléfono")
        let consent = diagnostics("cedula: texto\n  \"¿Su cédula?\"\n", header: phone).first { $0.code == "DSL-090" }
        #expect(consent?.severity == .warning)
        #expect(consent?.position == TextPosition(line: 7, column: 1))
        #expect(consent?.spanish == "«cedula» pide datos personales sin una pregunta de consentimiento antes (Ley 1581 de 2012)")
        // On a web form too: the law asks for the authorisation before the data, whatever the channel.
        let web = CheckerTests.header.replacingOccurrences(of: "modos presencial", with: "modos web")
        #expect(diagnostics("correo: texto\n  \"¿Su correo?\"\n", header: web).contains { $0.code == "DSL-090" })
        let strict = QuestionnaireChecker.check(phone + "cedula: texto\n  \"¿Su cédula?\"\n", file: "p", options: .init(strict: true)).diagnostics
        #expect(strict.first { $0.code == "DSL-090" }?.severity == .error)
    }

    @Test("an unknown list is reported once, not again at every code compared with it")
    func noCascade() {
        let found = diagnostics("csat: una de cincoo\n  \"x\"\nb: texto\n  \"y\"\n  mostrar si csat en (1, 2)\n")
        #expect(found.filter { $0.severity == .error }.map(\.code) == ["DSL-050"])
    }

    @Test("parcial desde N %: read into the questionnaire; a share outside 1–100 is DSL-028")
    func partialThreshold() {
        let good = QuestionnaireParser.parse(CheckerTests.header + "parcial desde 60 %\n", file: "p").file
        #expect(good.partialFrom == 0.6)
        expect("parcial desde 0\n", code: "DSL-028", line: 7, column: 1,
               message: "escriba «parcial desde 50 %»: el porcentaje de preguntas respondidas (1 a 100) desde el que una entrevista sin terminar cuenta como parcial")
    }

    @Test("every error of a file in one run")
    func allAtOnce() {
        let found = diagnostics("a: eteros\nb: una de nada\n  \"x\"\nc: texto\n  mostrar si zz = 1\n  huérfana\nA: texto\n  \"w\"\n")
        #expect(Set(found.filter { $0.severity == .error }.map(\.code)).isSuperset(of: ["DSL-004", "DSL-050", "DSL-080", "DSL-060", "DSL-007", "DSL-040"]))
    }

    @Test("DSL-042 in linear time: one letter changed, added or left out is a possible typo; ids numbered by a digit (p1, p2, p12) and short ids are not")
    func oneLetterApart() {
        let ids = ["servicio", "servico", "p1", "p2", "p12", "nota", "nata", "edad", "edades", "ab", "ac", "sedes", "sede"]
        let pairs = CheckContext.oneLetterApart(ids).map { "\(ids[$0.0])~\(ids[$0.1])" }
        // servicio/servico: «i» left out; nota/nata: one changed; sedes/sede: «s» added. edad/edades are two apart.
        #expect(pairs == ["servicio~servico", "nota~nata", "sedes~sede"])
        // 5,000 numbered questions: none (comparing every pair gave 94,296 warnings and took 18 s).
        let numbered = (0..<5_000).map { "p\($0)" }
        #expect(CheckContext.oneLetterApart(numbered).isEmpty)
        let body = (0..<5_000).map { "p\($0): entero 0..10\n  \"Pregunta \($0)\"\n" }.joined()
        #expect(diagnostics(body).filter { $0.code == "DSL-042" }.isEmpty)
    }

    @Test("DSL-012: a condition of 30,000 terms is refused where it starts, instead of overflowing the stack; its line is shown cut around the column")
    func expressionTooLong() {
        let terms = (0..<30_000).map { "a = \($0 % 5)" }.joined(separator: " o ")
        let body = "a: entero 0..10\n  \"A\"\nb: texto\n  \"B\"\n  mostrar si \(terms)\n"
        expect(body, code: "DSL-012", line: 11, column: 14,
               message: "la expresión es demasiado larga (119.999 piezas; el máximo es 2.000): divídala en preguntas calculadas o use «en (…)»")
        let rendered = QuestionnaireChecker.check(CheckerTests.header + body, file: "p.encuesta").diagnostics
            .map { DiagnosticRenderer.render($0, language: .es) }.joined(separator: "\n")
        // The source line under the message: at most 120 characters of it, «…» at the cut.
        let excerpt = rendered.split(separator: "\n").filter { $0.hasPrefix("11 | ") }
        #expect(!excerpt.isEmpty && excerpt.allSatisfy { $0.count <= 5 + 121 && $0.hasSuffix("…") } && rendered.count < 2_000, "\(rendered)")
    }

    @Test("DSL-054 only for a code that looks like an undeclared NS/NR: 1–5 then 99 warns; DANE's departments (…, 91, 95, 97, 99), municipalities (17001…) and a code 311 do not")
    func specialLookingCodes() {
        #expect(CheckContext.looksSpecial(99, in: [1, 2, 3, 4, 5, 99]))
        #expect(CheckContext.looksSpecial(999, in: [1, 2, 999]))
        #expect(!CheckContext.looksSpecial(99, in: [5, 8, 11, 13, 91, 94, 95, 97, 99]))
        #expect(!CheckContext.looksSpecial(17013, in: [17001, 17013, 17042]))
        #expect(!CheckContext.looksSpecial(311, in: [1, 2, 311]))
        let header = CheckerTests.header + "lista deptos: 5 Antioquia | 17 Caldas | 91 Amazonas | 97 Vaupés | 99 Vichada\nlista ciiu: 1 Agricultura | 311 Alimentos\n"
        let body = "d: una de deptos\n  \"¿Departamento?\"\nc: una de ciiu\n  \"¿Actividad?\"\n"
        #expect(diagnostics(body, header: header).filter { $0.code == "DSL-054" }.isEmpty)
    }

    @Test("DSL-070 for ranges that never meet: «edad < 18 y edad > 65», a value outside a range beside it; a real range and an «o» pass")
    func impossibleRanges() {
        func never(_ condition: String) -> Bool {
            let body = "edad: entero 0..120\n  \"¿Edad?\"\nx: texto\n  \"¿X?\"\n  mostrar si \(condition)\n"
            return diagnostics(body).contains { $0.code == "DSL-070" }
        }
        #expect(never("edad < 18 y edad > 65"))
        #expect(never("edad = 20 y edad > 30"))
        #expect(never("edad >= 40 y 40 > edad"))
        #expect(never("edad en (1, 2, 3) y edad >= 10"))
        #expect(!never("edad >= 18 y edad <= 65"))
        #expect(!never("edad >= 40 y edad <= 40"))
        #expect(!never("edad < 18 o edad > 65"))
    }

    @Test("DSL-075: a misspelt system value in a text («{_encuestadr}») is an error with its column and the right name suggested")
    func unknownSystemValue() {
        let body = "a: texto\n  \"Le habla {_encuestadr} de Confa\"\n"
        let found = diagnostics(body).filter { $0.code == "DSL-075" }
        #expect(found.count == 1)
        #expect(found.first?.position == TextPosition(line: 8, column: 13))
        #expect(found.first?.spanish.hasPrefix("«{_encuestadr}» no es un valor del sistema (hay: {_encuestador}, {_modo}, {_radicado} y {_muestra.columna})") == true)
        #expect(found.first?.spanish.contains("_encuestador»?") == true, "\(found.first?.spanish ?? "")")
        #expect(diagnostics("a: texto\n  \"Le habla {_encuestador}\"\n").filter { $0.code == "DSL-075" }.isEmpty)
    }

    @Test("one mistake, one message: a question line with a wrong type is one DSL-004, not one DSL-006 more for each of its indented lines")
    func brokenItemBody() {
        let body = "x: uno de sino\n  \"¿X?\"\n  mostrar si 1 = 1\n  [encuestador] algo\nz: una de sino\n  \"¿Z?\"\n"
        let found = diagnostics(body).filter { $0.severity == .error }
        #expect(found.map(\.code) == ["DSL-004"], "\(found.map { "\($0.code) \($0.spanish)" })")
        // An indented line under no question at all is still DSL-006.
        #expect(diagnostics("  \"suelto\"\n").contains { $0.code == "DSL-006" })
    }

    @Test("a jump written on a grid row is an error at its arrow (it was dropped without a word)")
    func jumpOnGridRow() {
        let body = "a: una de sino\n  \"¿A?\"\nm: matriz de cinco\n  \"¿M?\"\n  - r1 \"uno\"\n  - r2 \"dos\" si a = 1 → terminar rechazo\n"
        expect(body, code: "DSL-036", line: 12, column: 23,
               message: "una fila de matriz no lleva saltos: escriba el salto debajo de la matriz, con la variable de la fila («si m_r2 = 1 → …»)")
    }

    @Test("a date compared with a text that is not a date, or with a number, is a type error where that side is; \"aaaa-mm-dd\" passes")
    func dateComparedWithText() {
        func errors(_ condition: String) -> [QuestionnaireDiagnostic] {
            diagnostics("f: fecha\n  \"¿Cuándo?\"\nx: texto\n  \"¿X?\"\n  mostrar si \(condition)\n").filter { $0.severity == .error }
        }
        let text = errors("f > \"hola\"")
        #expect(text.count == 1 && text.first?.position == TextPosition(line: 11, column: 18), "\(text.map { "\($0.position) \($0.spanish)" })")
        #expect(text.first?.spanish == "una fecha se compara con otra fecha o con una fecha escrita \"aaaa-mm-dd\" (p. ej. \"2026-01-31\")")
        #expect(errors("f = 5").count == 1)
        #expect(errors("f >= \"2026-01-31\"").isEmpty)
    }

    @Test("DSL-072 not for a pipe whose answer is conditional only by its section's condition, from a question of that same section; still from another section")
    func pipeUnderSameSection() {
        let body = """
            a: una de sino
              "¿A?"
            sección "Uso"
              mostrar si a = 1
            n: entero 0..10
              "¿Cuántas veces?"
            m: texto
              "¿Por qué {n} veces?"
            sección "Cierre"
            z: texto
              "Usted dijo {n}"

            """
        let found = diagnostics(body).filter { $0.code == "DSL-072" }
        #expect(found.map(\.position.line) == [17], "\(found.map { "\($0.position) \($0.spanish)" })")
    }

    @Test("functions: «validar d <= hoy()» checks clean; an unknown name, a wrong count, a wrong type and a bad pattern are one located error each")
    func functionCalls() {
        let clean = """
            d: fecha
              "¿Cuándo?"
              validar d <= hoy() "No puede ser futura"
              validar dias(d, hoy()) <= 365 y d >= sumar_dias(hoy(), -365) "Del último año"
            t: texto
              "Teléfono"
              validar coincide(t, "^3[0-9]{9}$") y longitud(t) = 10 "Un celular de 10 dígitos"
            m: varias de cinco
              "¿Cuáles?"
            n: calcular si(contar(m) > 2, redondear(contar(m) / 5, 1), 0)

            """
        #expect(diagnostics(clean).filter { $0.severity == .error }.isEmpty, "\(diagnostics(clean).map { "\($0.code) \($0.spanish)" })")
        func only(_ body: String) -> [QuestionnaireDiagnostic] { diagnostics(body).filter { $0.severity == .error } }
        let misspelt = only("d: fecha\n  \"¿Cuándo?\"\n  validar d <= hoyy() \"No puede ser futura\"\n")
        #expect(misspelt.map(\.code) == ["DSL-010"] && misspelt.first?.position == TextPosition(line: 9, column: 16))
        #expect(misspelt.first?.spanish == "«hoyy» no es una función del lenguaje; ¿quiso decir «hoy»?; las funciones son: si, redondear, contar, longitud, hoy, dias, sumar_dias, coincide")
        let count = only("d: fecha\n  \"¿Cuándo?\"\n  validar dias(d) > 3 \"x\"\n")
        #expect(count.map(\.code) == ["DSL-010"] && count.first?.spanish == "«dias» lleva 2 argumentos y aquí tiene 1: dias(desde, hasta)", "\(count.map(\.spanish))")
        let dateText = only("d: texto\n  \"¿Cuándo?\"\n  validar dias(d, hoy()) > 3 \"x\"\n")
        #expect(dateText.map(\.code) == ["DSL-063"] && dateText.first?.position == TextPosition(line: 9, column: 16), "\(dateText.map(\.spanish))")
        #expect(dateText.first?.spanish == "«dias»: cuenta los días entre dos fechas (dias(desde, hasta))")
        let arithmetic = only("d: fecha\n  \"¿Cuándo?\"\n  validar hoy() - d < 30 \"x\"\n")
        #expect(arithmetic.first?.spanish == "las fechas no se suman ni se restan con «-»: use dias(desde, hasta) o sumar_dias(fecha, n)", "\(arithmetic.map(\.spanish))")
        let pattern = only("t: texto\n  \"Correo\"\n  validar coincide(t, \"[a-z\") \"x\"\n")
        #expect(pattern.map(\.code) == ["DSL-063"] && pattern.first?.position == TextPosition(line: 9, column: 23), "\(pattern.map { "\($0.position) \($0.spanish)" })")
        let counted = only("t: texto\n  \"Correo\"\n  validar contar(t) > 1 \"x\"\n")
        #expect(counted.first?.spanish == "«contar»: cuenta las opciones marcadas en una pregunta de «varias de»; «t» no lo es (contar(pregunta_de_varias))", "\(counted.map(\.spanish))")
        // A calculation may give a date or a text, and is typed as one where it is used; the options of a «varias de» it may not give.
        let calculatedDate = only("d: fecha\n  \"¿Cuándo?\"\nc: calcular sumar_dias(d, 30)\nt: texto\n  \"¿Por qué?\"\n  mostrar si c > \"2026-01-01\" y dias(d, c) = 30\n")
        #expect(calculatedDate.isEmpty, "\(calculatedDate.map(\.spanish))")
        let dateAsNumber = only("d: fecha\n  \"¿Cuándo?\"\nc: calcular sumar_dias(d, 30)\nt: texto\n  \"¿Por qué?\"\n  mostrar si c + 1 > 3\n")
        #expect(dateAsNumber.first?.spanish == "las fechas no se suman ni se restan con «+»: use dias(desde, hasta) o sumar_dias(fecha, n)", "\(dateAsNumber.map(\.spanish))")
        let options = only("m: varias de sino\n  \"¿Cuáles?\"\nc: calcular m\n")
        #expect(options.map(\.code) == ["DSL-063"] && options.first?.spanish.hasPrefix("un cálculo da un número (una condición vale 1 o 0), un texto o una fecha") == true, "\(options.map(\.spanish))")
    }

    @Test("[otro]: the «¿cuál?» text follows its question, shown only when the option is chosen; two in a list or an unknown attribute are errors")
    func otherOption() throws {
        let body = """
            lista medios: 1 Bus | 2 Moto | 3 Otro medio [otro]
            lista vias: 1 Web | 2 Sede | 9 Otro canal, ¿cuál? [otro]
            sección "Transporte"
            medio: una de medios
              "¿Cómo llega?"
            canales: varias de vias
              "¿Por dónde?"
            fin: texto
              "Fin"

            """
        let (q, found) = QuestionnaireChecker.check(Self.header + body, file: "p")
        #expect(found.filter { $0.severity == .error }.isEmpty, "\(found.map(\.spanish))")
        #expect(q.items.map(\.id) == ["medio", "medio_otro", "canales", "canales_otro", "fin"])
        #expect(q.item("medio_otro")?.mainText == "Otro medio, ¿cuál?" && q.item("canales_otro")?.mainText == "Otro canal, ¿cuál?")
        #expect(q.item("medio_otro")?.condition?.source == "medio = 3" && q.item("canales_otro")?.condition?.source == "canales incluye 9")
        #expect(q.item("canales_otro")?.section == 0 && q.item("medio_otro")?.otherOf == "medio")
        let routing = Routing(Evaluator(q, mode: .presencial))
        #expect(routing.states(Responses(["medio": .number(3)])).states[1] == .applies)
        #expect(routing.states(Responses(["medio": .number(1)])).states[1] == .hidden)
        let two = diagnostics("lista m: 1 A [otro] | 2 B [otro]\nx: una de m\n  \"X\"\n")
        #expect(two.filter { $0.code == "DSL-056" }.map(\.position) == [TextPosition(line: 7, column: 22)], "\(two.map { "\($0.code) \($0.position)" })")
        let typo = diagnostics("lista m: 1 A | 2 B [otra]\nx: una de m\n  \"X\"\n").filter { $0.code == "DSL-027" }
        #expect(typo.first?.spanish == "«[otra]» no es un atributo de opción (exclusiva, otro); ¿quiso decir «otro»?", "\(typo.map(\.spanish))")
    }

    @Test("«donde»: a column the list lacks (with «¿quiso decir?»), an option without it, a filter naming a later question")
    func choiceFilters() {
        let lists = "lista muni: 1 Manizales | 2 Chinchiná\nlista sedes: 1 Centro [municipio = 1] | 2 Cable [municipio = 1] | 3 Chinchiná [municipio = 2] | 4 Virtual\n"
        let typo = diagnostics(lists + "c: una de muni\n  \"C\"\ns: una de sedes donde municpio = c\n  \"S\"\n").filter { $0.code == "DSL-063" }
        #expect(typo.map(\.position) == [TextPosition(line: 11, column: 23)], "\(typo.map { "\($0.position) \($0.spanish)" })")
        #expect(typo.first?.spanish == "la lista «sedes» no tiene la columna «municpio» (tiene: municipio); ¿quiso decir «municipio»?")
        let found = diagnostics(lists + "c: una de muni\n  \"C\"\ns: una de sedes donde municipio = c\n  \"S\"\n")
        #expect(found.filter { $0.severity == .error }.isEmpty, "\(found.map(\.spanish))")
        #expect(found.filter { $0.code == "DSL-056" }.map(\.spanish) == ["la opción 4 no tiene «municipio»: «s» nunca la ofrecerá"])
        let later = diagnostics(lists + "s: una de sedes donde municipio = c\n  \"S\"\nc: una de muni\n  \"C\"\n").filter { $0.code == "DSL-061" }
        #expect(later.count == 1 && later.first?.position == TextPosition(line: 9, column: 35), "\(later.map { "\($0.position) \($0.spanish)" })")
        let bare = diagnostics(lists + "s: entero donde municipio = 1\n  \"S\"\n").filter { $0.code == "DSL-031" }
        #expect(bare.first?.spanish == "«donde» filtra las opciones de «una de» o «varias de»", "\(bare.map(\.spanish))")
    }

    @Test("piping an answer that allows NS/NR asks for the text to say instead ({x|…}); with it, or under «no x es NS», no warning")
    func pipedSpecials() {
        let body = """
            s: una de cinco, permite NS
              "¿Cuál?"
            a: texto
              "¿Por qué {s}?"
            b: texto
              "¿Por qué {s|ese servicio}?"
            c: texto
              "¿Por qué {s}?"
              mostrar si no s es NS

            """
        let found = diagnostics(body).filter { $0.code == "DSL-072" }
        #expect(found.map(\.position) == [TextPosition(line: 10, column: 13)], "\(found.map { "\($0.position) \($0.spanish)" })")
        #expect(found.first?.spanish == "«{s}» permite NS: con esa respuesta el texto diría «—»; escriba qué decir entonces: {s|…}")
        let q = QuestionnaireChecker.check(Self.header + body, file: "p").file
        #expect(q.piped("¿Por qué {s|ese servicio}?", Responses(["s": .special("NS")])) { "\($0)" } == "¿Por qué ese servicio?")
        #expect(q.piped("¿Por qué {s|ese servicio}?", Responses(["s": .number(4)])) { "\($0)" } == "¿Por qué Bien?")
        #expect(q.piped("¿Por qué {s}?", Responses()) { "\($0)" } == "¿Por qué —?")
    }

    @Test("a question every answer jumps over (DSL-076): each code, each special and no answer tried; one answer that reaches it is enough")
    func unreachable() {
        let body = """
            acepta: una de sino, permite NS
              "¿Acepta?"
              si acepta = 2 → terminar rechazo
              si acepta = 1 → ir a fin
              si acepta es NS → terminar rechazo
            edad: entero 0..120
              "Edad"
            otra: texto
              "Otra"
            fin: texto
              "Fin"

            """
        let found = diagnostics(body).filter { $0.code == "DSL-076" }
        #expect(found.map(\.position) == [TextPosition(line: 12, column: 1)], "\(found.map { "\($0.position) \($0.spanish)" })")
        #expect(found.first?.spanish == "«edad» y 1 pregunta más después de ella nunca se preguntan: toda respuesta de «acepta» (línea 7) salta por encima")
        // Without the NS jump, «No sabe» reaches «edad»: nothing to say.
        let reachable = body.replacingOccurrences(of: "  si acepta es NS → terminar rechazo\n", with: "")
        #expect(diagnostics(reachable).filter { $0.code == "DSL-076" }.isEmpty)
    }

    @Test("repetir: copies named by option or number; a mistake inside said once; an indented question, a missing «fin repetir» and a question that is not «varias de» located")
    func repeatBlocks() {
        let body = """
            m: varias de cinco
              "¿Cuáles?"
            repetir por cada m
            nota_m: escala 1..5
              "Califique {_opcion}"
              mostrar si nota_m > 9
            fin repetir

            """
        let (q, found) = QuestionnaireChecker.check(Self.header + body, file: "p")
        #expect(q.items.map(\.id) == ["m", "nota_m_1", "nota_m_2", "nota_m_3", "nota_m_4", "nota_m_5"])
        #expect(q.item("nota_m_4")?.mainText == "Califique Bien" && q.item("nota_m_4")?.condition?.source == "m incluye 4 y nota_m_4 > 9")
        // «nota_m > 9» never holds and cannot name its own question: one error of each kind, not five.
        #expect(found.filter { $0.code == "DSL-061" }.count == 1, "\(found.map { "\($0.code) \($0.position) \($0.spanish)" })")
        let indented = diagnostics("m: varias de cinco\n  \"¿Cuáles?\"\nrepetir por cada m\n  x: texto\n    \"X\"\nfin repetir\n").filter { $0.severity == .error }
        #expect(indented.contains { $0.spanish == "dentro de «repetir» (línea 9) las preguntas van sin sangría, como fuera del bloque: «id: tipo» al comienzo de la línea" }, "\(indented.map(\.spanish))")
        let open = diagnostics("m: varias de cinco\n  \"¿Cuáles?\"\nrepetir por cada m\nx: texto\n  \"X\"\n").filter { $0.code == "DSL-014" }
        #expect(open.map(\.spanish) == ["falta «fin repetir» para este bloque"] && open.first?.position == TextPosition(line: 9, column: 1))
        let notMultiple = diagnostics("t: texto\n  \"T\"\nrepetir por cada t\nx: texto\n  \"X\"\nfin repetir\n").filter { $0.code == "DSL-014" }
        #expect(notMultiple.first?.spanish == "«repetir por cada» va con una pregunta de «varias de» (o «una de»); «t» no lo es", "\(notMultiple.map(\.spanish))")
    }
}
