import Diagnostics
import Foundation
import Questionnaire
import SondeoTestSupport
import Survey
import Testing
@testable import SondeoWeb

/// The browser's copy of the conditions (`form.js`, which shows and hides questions as the respondent
/// answers) against the evaluator every other channel uses: each condition is run by both, in a real
/// headless Chromium and in Swift, on the same answers, and must come out the same. The expected
/// truths are also written out by hand.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium"), "needs chromium (make test installs it)"))
struct FormScriptTests {
    static let questionnaire = """
        encuesta f "F"
        versión 1
        modos web
        especiales NS = 98 "No sabe"
        lista l: 1 A | 2 B | 3 C
        m: varias de l, permite NS
          "M"
        x: decimal
          "X"
        t: texto
          "T"
        d: fecha
          "D"
        k: calcular x * 2
        kk: calcular k + contar(m)
        g: calcular si(x > 1, "alto", "bajo")
        v: calcular sumar_dias(d, 30)

        """

    /// Condition → its truth with m = {1, 3}, x = 2.675, t = "1053123456", d = 2024-03-01, today 2026-12-06 (by hand).
    static let conditions: [(String, Bool)] = [
        ("contar(m) >= 2", true),
        ("si(x > 1, 1, 0) = 1", true),
        ("redondear(x, 2) = 2.68", true),          // 2.675 as written: a half away from zero
        ("redondear(-2.5) = -3", true),
        ("coincide(t, \"^[0-9]{6,10}$\")", true),
        ("coincide(t, \"^3\")", false),
        ("longitud(t) = 10", true),
        ("dias(d, hoy()) = 1010", true),           // 306 + 365 + 339 days
        ("sumar_dias(hoy(), 30) = \"2027-01-05\"", true),
        ("d <= sumar_dias(hoy(), -1000)", true),   // 2024-03-11 is 1,000 days before
        ("d < sumar_dias(hoy(), -1010)", false),
        ("k = 5.35", true),                        // calculated: 2.675 × 2, worked out in the page as answers change
        ("kk > 7", true),                          // 5.35 + 2
        ("k < 5", false),
        ("g = \"alto\"", true),                    // a calculated text
        ("v = \"2024-03-31\"", true),              // a calculated date: 1 March 2024 + 30 days
        ("v respondida", true),
    ]

    @Test("form.js and the evaluator agree on every function, in a real browser")
    func functionsAgree() throws {
        var text = Self.questionnaire
        for (index, (condition, _)) in Self.conditions.enumerated() { text += "c\(index): texto\n  \"C\"\n  mostrar si \(condition)\n" }
        let (q, diagnostics) = QuestionnaireChecker.check(text, file: "f")
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics.map(\.spanish))")
        let answers = Responses(["m": .codes([1, 3]), "x": .number(2.675), "t": .text("1053123456"), "d": .text("2024-03-01")])
        let evaluator = Evaluator(q, mode: .web, clock: .fixed(Date(timeIntervalSince1970: 1_796_612_400)))  // 2026-12-06 22:00 in Bogotá
        var swift: [String] = []
        var page = "<!doctype html><meta charset=\"utf-8\"><body><form id=\"encuesta\" data-modo=\"web\" data-hoy=\"\(evaluator.today.iso)\">"
        for (index, (_, expected)) in Self.conditions.enumerated() {
            let condition = try #require(q.item("c\(index)")?.condition)
            let holds = evaluator.holds(condition, answers)
            #expect(holds == expected, "\(Self.conditions[index].0)")
            swift.append("c\(index):\(holds)")
            page += "<div id=\"c\(index)\" data-cond=\"\(FormHTML.esc(ConditionScript.json(condition, in: q)))\"></div>"
        }
        page += "</form><script type=\"application/json\" id=\"previas\">\(ConditionScript.answers(answers, specials: q.specials))</script>"
        page += "<script type=\"application/json\" id=\"especiales\">{\"NS\":98}</script><script>\(ConditionScript.formJS)</script>"
        page += "<script>document.title = Array.from(document.querySelectorAll('[data-cond]')).map(function (e) { return e.id + ':' + !e.hidden; }).join(' ');</script>"
        let dir = TemporaryDirectory()
        let file = dir.file("funciones.html", text: page)
        let run = try Witness.run("chromium", ["--headless=new", "--no-sandbox", "--disable-gpu", "--dump-dom", "file://" + file])
        let title = run.output.components(separatedBy: "<title>").dropFirst().first?.components(separatedBy: "</title>").first
        #expect(title == swift.joined(separator: " "), "\(run.output.suffix(500))")
    }

    @Test("a problem shows on its own question only: «transporte_otro» is not «transporte», «p1» is not «p10»")
    func problemsOnTheirQuestion() throws {
        let text = """
            encuesta t "T"
            versión 1
            modos web
            lista medios: 1 Bus | 2 Otro medio [otro]
            transporte: una de medios
              "¿Cómo llega?"
            p1: texto
              "Uno"
            p10: texto
              "Diez"

            """
        let (q, _) = QuestionnaireChecker.check(text, file: "t")
        let form = SurveyForm(q)
        let problems = [AnswerProblem(severity: .error, variable: "transporte_otro", spanish: "Responda esta pregunta.", english: ""),
                        AnswerProblem(severity: .error, variable: "p10", spanish: "Responda esta pregunta.", english: "")]
        let html = FormHTML.form(form, page: 0, action: "/r/x", csrf: "c", responses: Responses(["transporte": .number(2)]), problems: problems,
                                 order: PresentationOrder(seed: 1))
        func fieldset(_ id: String) -> String {
            html.components(separatedBy: "id=\"p-\(id)\"").dropFirst().first?.components(separatedBy: "</fieldset>").first ?? ""
        }
        #expect(!fieldset("transporte").contains("class=\"error\"") && fieldset("transporte_otro").contains("class=\"error\""))
        #expect(!fieldset("p1").contains("class=\"error\"") && fieldset("p10").contains("class=\"error\""))
    }

    @Test("inicial: the web page shows the sample's value filled in (and the option on file chosen), before anything is stored")
    func initialValuesShown() throws {
        let text = """
            encuesta d "D"
            versión 1
            modos web
            lista canal: 1 WhatsApp | 2 Correo
            celular: texto
              "¿Sigue siendo este su celular?"
              inicial "{_muestra.celular}"
            preferido: una de canal
              "¿Por dónde le escribimos?"
              inicial "Correo"

            """
        let (q, _) = QuestionnaireChecker.check(text, file: "d")
        let html = FormHTML.form(SurveyForm(q), page: 0, action: "/r/x", csrf: "c", responses: Responses(), problems: [], order: PresentationOrder(seed: 1),
                                 system: ["_muestra.celular": "3001234567"])
        #expect(html.contains("name=\"celular\" rows=\"3\" aria-label=\"¿Sigue siendo este su celular?\">3001234567</textarea>"), "\(html)")
        #expect(html.contains("name=\"preferido\" value=\"2\" checked>"), "\(html)")
    }

    @Test("idiomas: /r/…?idioma=en shows the questionnaire's English texts, options, sections, help and NS, with the page's own words in English")
    func englishPage() throws {
        let text = """
            encuesta bilingue "Encuesta"
            versión 1
            modos web
            idiomas es, en
            especiales NS = 98 "No sabe" @en "Don't know"
            lista satisf: 1 Mal @en Bad | 2 Bien @en Good
            sección "Su visita" @en "Your visit"
            servicio: una de satisf, permite NS
              "¿Cómo le fue?"
              @en "How did it go?"
              ayuda "Piense en su última visita" @en "Think of your last visit"
            porque: texto, opcional
              "¿Por qué {servicio|así}?"
              @en "Why {servicio|so}?"
            nota: escala 0..10 "Nada" .. "Mucho"
              "¿Cuánto nos recomendaría?"
              @en "How likely are you to recommend us?"
              @en extremos "Not at all" .. "Very likely"
            visitas: entero 0..50
              "¿Cuántas visitas?"
              @en "How many visits?"
              validar visitas <> 13 "No aceptamos 13" @en "We do not take 13"

            """
        let (q, found) = QuestionnaireChecker.check(text, file: "b")
        #expect(found.isEmpty, "\(found.map(\.spanish))")
        let form = SurveyForm(q.translated(to: "en"))
        let html = Language.$request.withValue(.en) {
            FormHTML.form(form, page: 0, action: "/r/x?idioma=en", csrf: "c", responses: Responses(["servicio": .number(2)]), problems: [], order: PresentationOrder(seed: 1))
        }
        for piece in ["<html lang=\"en\">", "Page 1 of 1 · Your visit", "How did it go?", "<span>Bad</span>", "<span>Good</span>", " Don&#39;t know</label>",
                      "Think of your last visit", "Why <span class=\"pipe\" data-pipe=\"servicio\" data-alt=\"so\">Good</span>?", "(optional)", ">Review answers</button>",
                      "<a href=\"/r/x\" lang=\"es\" hreflang=\"es\">Español</a>", "<span>Not at all</span><span>Very likely</span>", "Number from 0 to 50"] {
            #expect(html.contains(piece), "\(piece)")
        }
        // A refused answer says the English message.
        let problems = form.check.problems(item: form.questionnaire.item("visitas")!, variable: "visitas", answer: .number(13), in: Responses())
        let refused = Language.$request.withValue(.en) {
            FormHTML.form(form, page: 0, action: "/r/x?idioma=en", csrf: "c", responses: Responses(["visitas": .number(13)]), problems: problems, order: PresentationOrder(seed: 1))
        }
        #expect(refused.contains("We do not take 13.") && refused.contains("Check the marked answer"), "\(refused)")
        // Without the language, the same page in Spanish, with a link to English.
        let spanish = FormHTML.form(SurveyForm(q), page: 0, action: "/r/x", csrf: "c", responses: Responses(), problems: [], order: PresentationOrder(seed: 1))
        #expect(spanish.contains("¿Cómo le fue?") && spanish.contains("Página 1 de 1 · Su visita") && spanish.contains("<a href=\"/r/x?idioma=en\" lang=\"en\" hreflang=\"en\">English</a>"))
    }
}
