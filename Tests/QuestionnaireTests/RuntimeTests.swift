import Foundation
import SondeoTestSupport
import Testing
@testable import Questionnaire

/// Routing and answer checks on the real questionnaires: what applies after each answer, and what
/// is refused, worked out by hand from the files' text.
@Suite struct RuntimeTests {
    static func load(_ name: String) -> QuestionnaireFile {
        let text = try! String(contentsOfFile: RepositoryFiles.path("Questionnaires/\(name).encuesta"), encoding: .utf8)
        return QuestionnaireChecker.check(text, file: name).file
    }
    static let satisfaction = load("satisfaccion-servicios")

    /// A complete, valid interview: consent, service 2 (recreación), 4 uses, NPS 9, CSAT 5, grid, comments.
    static let valid: [String: Answer] = [
        "consentimiento": .number(1), "servicio": .number(2), "usos": .number(4), "nps": .number(9), "nps_razon": .text("Buena atención"),
        "csat": .number(5), "atributos_amabilidad": .number(5), "atributos_espera": .number(4), "atributos_informacion": .number(4),
        "atributos_sedes": .number(5), "contacto": .number(1), "mejora": .text("Más horarios"),
    ]

    @Test("a valid interview has no problems")
    func valid() {
        let check = AnswerCheck(Self.satisfaction, mode: .telefono)
        // «contacto» only applies when «mejora» is answered, and «mejora» only when csat ≤ 2 or nps ≤ 6:
        // with csat 5 and nps 9 neither applies, so a valid interview leaves both out.
        var answers = Self.valid
        answers["contacto"] = nil
        answers["mejora"] = nil
        #expect(check.problems(of: Responses(answers)) == [])
    }

    @Test("no consent ends the interview (rechazo): later questions do not apply and their answers are refused")
    func refusal() {
        let routing = Routing(Evaluator(Self.satisfaction, mode: .telefono))
        let (states, ending) = routing.states(Responses(["consentimiento": .number(2)]))
        #expect(ending?.item == "consentimiento" && ending?.disposition == "rechazo")
        #expect(states[0] == .applies && states[1] == .ended(by: "consentimiento", disposition: "rechazo"))
        let check = AnswerCheck(Self.satisfaction, mode: .telefono)
        let problems = check.problems(of: Responses(["consentimiento": .number(2), "servicio": .number(1)]))
        #expect(problems.map(\.spanish) == ["hay respuesta en «servicio», que no aplica (la entrevista terminó en «consentimiento» (rechazo))"])
    }

    @Test("conditions: the reason for the NPS is not asked after NS; the «sedes» row only for services 2, 3 and 6")
    func conditions() {
        let routing = Routing(Evaluator(Self.satisfaction, mode: .telefono))
        let q = Self.satisfaction
        let reasonIndex = q.items.firstIndex { $0.id == "nps_razon" }!
        #expect(routing.states(Responses(["consentimiento": .number(1), "nps": .special("NS")])).states[reasonIndex] == .hidden)
        #expect(routing.states(Responses(["consentimiento": .number(1), "nps": .number(3)])).states[reasonIndex] == .applies)
        let grid = q.item("atributos")!
        let sedes = grid.rows.first { $0.id == "sedes" }!
        #expect(routing.rowApplies(sedes, itemState: .applies, Responses(["servicio": .number(2)])))
        #expect(!routing.rowApplies(sedes, itemState: .applies, Responses(["servicio": .number(1)])))
        #expect(!routing.rowApplies(sedes, itemState: .applies, Responses([:])))
    }

    @Test("answers refused: out of range, a code not in the list, too many reasons, an exclusive option combined; a soft warning")
    func refused() {
        let check = AnswerCheck(Self.satisfaction, mode: .telefono)
        let q = Self.satisfaction
        let base = Responses(Self.valid)
        #expect(check.problems(item: q.item("usos")!, variable: "usos", answer: .number(95), in: base).map(\.spanish) == ["95 es mayor que el máximo 90"])
        #expect(check.problems(item: q.item("usos")!, variable: "usos", answer: .number(2.5), in: base).map(\.spanish) == ["«usos» espera un número entero, no 2.5"])
        let warning = check.problems(item: q.item("usos")!, variable: "usos", answer: .number(40), in: base)
        #expect(warning.map(\.severity) == [.warning])
        #expect(warning.first?.spanish == "Más de 30 usos en tres meses: confirme la cifra con el afiliado.")
        #expect(check.problems(item: q.item("csat")!, variable: "csat", answer: .number(6), in: base).map(\.spanish)
                == ["6 no es un código de la lista «satisfaccion5» (1, 2, 3, 4, 5)"])
        #expect(check.problems(item: q.item("servicio")!, variable: "servicio", answer: .special("NR"), in: base).map(\.spanish)
                == ["«servicio» no admite NR"])
        let razones = q.item("razones")!
        #expect(check.problems(item: razones, variable: "razones", answer: .codes([1, 2, 3, 4]), in: base).map(\.spanish)
                == ["se eligieron 4 opciones y el máximo es 3"])
        #expect(check.problems(item: razones, variable: "razones", answer: .codes([2, 7]), in: base).map(\.spanish)
                == ["la opción 7 es excluyente: no se combina con otras"])
    }

    @Test("required answers missing, and a hard validation with its message (caracterización: menores < personas)")
    func requiredAndValidation() {
        let check = AnswerCheck(Self.satisfaction, mode: .telefono)
        let missing = check.problems(of: Responses(["consentimiento": .number(1)]))
        #expect(missing.first?.spanish == "falta la respuesta obligatoria de «servicio»")
        let household = Self.load("caracterizacion-segmento")
        let hogar = AnswerCheck(household, mode: .presencial)
        let problems = hogar.problems(item: household.item("menores")!, variable: "menores", answer: .number(3), in: Responses(["personas": .number(3)]))
        #expect(problems.map(\.spanish) == ["Los menores no pueden ser todas las personas del hogar: revise las dos cifras."])
        // The calculated «adultos» = personas − menores.
        let evaluator = Evaluator(household, mode: .presencial)
        #expect(evaluator.evaluate(.reference("adultos", TextPosition(line: 1, column: 1)), Responses(["personas": .number(5), "menores": .number(2)])) == .number(3))
    }

    @Test("XPath semantics: an unanswered question is false in comparisons except <>; specials compare as their codes")
    func semantics() throws {
        let header = "encuesta e \"E\"\nversión 1\nmodos web\nespeciales NS = 98 \"No sabe\"\nn: escala 0..10 \"a\" .. \"b\", permite NS\n  \"x\"\n"
        let evaluator = Evaluator(QuestionnaireParser.parse(header, file: "e").file, mode: .web)
        func condition(_ text: String) -> Questionnaire.Expression {
            QuestionnaireParser.parse(header + "t: texto\n  \"y\"\n  mostrar si \(text)\n", file: "e").file.item("t")!.condition!
        }
        #expect(!evaluator.holds(condition("n <= 6"), Responses()))
        #expect(evaluator.holds(condition("n <> 6"), Responses()))
        #expect(evaluator.holds(condition("n > 6"), Responses(["n": .special("NS")])))
        #expect(evaluator.holds(condition("n es NS y n respondida"), Responses(["n": .special("NS")])))
        #expect(!evaluator.holds(condition("n respondida"), Responses()))
    }

    @Test("a piped answer reads as its option's label, a number as written, and «—» when unanswered or NS/NR")
    func pipedAnswers() {
        let q = Self.satisfaction
        // «servicio» list: 2 = «Recreación y turismo» (Questionnaires/satisfaccion-servicios.encuesta).
        #expect(q.pipedText("servicio", Responses(["servicio": .number(2)]), number: { "\($0)" }) == "Recreación y turismo")
        #expect(q.pipedText("nps", Responses(["nps": .number(9)]), number: { String(Int($0)) }) == "9")
        #expect(q.pipedText("servicio", Responses([:]), number: { "\($0)" }) == "—")
        #expect(q.pipedText("servicio", Responses(["servicio": .special("NS")]), number: { "\($0)" }) == "—")
        #expect(q.pipedText("nps", Responses(["nps": .special("NR")]), number: { "\($0)" }) == "—")
    }

    @Test("functions with a fixed clock, worked out by hand: 2026-12-06 in Colombia is still the 6th at 03:00 UTC on the 7th")
    func functions() {
        let text = """
            encuesta f "F"
            versión 1
            modos web
            especiales NS = 98 "No sabe"
            lista l: 1 A | 2 B | 3 C
            d: fecha
              "D"
            m: varias de l, permite NS
              "M"
            x: decimal
              "X"
            t: texto
              "T"

            """
        let q = QuestionnaireChecker.check(text, file: "f").file
        // 2026-12-07T03:00Z is 22:00 on 6 December in Bogotá (UTC−5).
        let evaluator = Evaluator(q, mode: .web, clock: .fixed(Date(timeIntervalSince1970: 1_796_612_400)))
        #expect(evaluator.today.iso == "2026-12-06")
        func value(_ expression: String, _ answers: [String: Answer] = [:]) -> Evaluator.Value {
            let parsed = QuestionnaireChecker.check(text + "c: calcular 0\n  validar \(expression) = 0 \"\"\n", file: "f").file
            guard case .binary(_, let left, _, _)? = parsed.item("c")?.validations.first?.condition else { return .missing }
            return evaluator.evaluate(left, Responses(answers))
        }
        #expect(value("hoy()") == .text("2026-12-06"))
        // 1 March 2024 to 6 December 2026: 306 days left in 2024 (leap year, from 1 March), 365 in 2025, 339 in 2026 up to the 6th.
        #expect(value("dias(d, hoy())", ["d": .text("2024-03-01")]) == .number(306 + 365 + 339))
        #expect(value("dias(d, hoy())") == .missing)
        // 6 December + 30 days = 5 January 2027 (25 days left in December, 5 in January); −366 from 2024-03-01 is 2023-03-01.
        #expect(value("sumar_dias(hoy(), 30)") == .text("2027-01-05"))
        #expect(value("sumar_dias(d, -366)", ["d": .text("2024-03-01")]) == .text("2023-03-01"))
        // NS ticked alone is an answer, not an option counted; nothing ticked counts 0.
        #expect(value("contar(m)", ["m": .codes([1, 3])]) == .number(2))
        #expect(value("contar(m)", ["m": .special("NS")]) == .number(0))
        #expect(value("contar(m)") == .number(0))
        // Halves away from zero on the number as written: 2.675 → 2.68 (its binary value is 2.67499…), −2.5 → −3.
        #expect(value("redondear(x, 2)", ["x": .number(2.675)]) == .number(2.68))
        #expect(value("redondear(x)", ["x": .number(-2.5)]) == .number(-3))
        #expect(value("redondear(x, 1)", ["x": .number(600.15)]) == .number(600.2))
        #expect(value("longitud(t)", ["t": .text("Gómez")]) == .number(5))
        #expect(value("longitud(t)") == .number(0))
        #expect(value("si(x > 1, 10, 20)", ["x": .number(2)]) == .number(10))
        #expect(value("si(x > 1, 10, 20)") == .number(20))
        #expect(value("coincide(t, \"^[0-9]{6,10}$\")", ["t": .text("1053123456")]) == .bool(true))
        #expect(value("coincide(t, \"^[0-9]{6,10}$\")", ["t": .text("12345")]) == .bool(false))
        // An unanswered text is the empty text, as XPath's regex() sees it.
        #expect(value("coincide(t, \"^$\")") == .bool(true))
    }

    @Test("hora and fecha y hora: typed forms put as stored (8:05 → 08:05; a space or T), impossible ones refused")
    func times() {
        let text = "encuesta t \"T\"\nversión 1\nmodos presencial\nh: hora\n  \"H\"\nc: fecha y hora\n  \"C\"\n"
        let q = QuestionnaireChecker.check(text, file: "t").file
        #expect(q.answer(typed: "8:05", for: q.item("h")!) == .answer(.text("08:05")))
        #expect(q.answer(typed: "2026-12-06 14:30", for: q.item("c")!) == .answer(.text("2026-12-06T14:30")))
        let check = AnswerCheck(q, mode: .presencial)
        #expect(check.problems(item: q.item("h")!, variable: "h", answer: .text("08:05"), in: Responses()).isEmpty)
        #expect(check.problems(item: q.item("h")!, variable: "h", answer: .text("24:10"), in: Responses()).map(\.spanish) == ["«h» espera una hora hh:mm (de 00:00 a 23:59)"])
        #expect(check.problems(item: q.item("c")!, variable: "c", answer: .text("2026-02-30T10:00"), in: Responses()).map(\.spanish) == ["«c» espera una fecha y hora aaaa-mm-ddThh:mm"])
        let wrong = QuestionnaireChecker.check(text + "x: texto\n  \"X\"\n  mostrar si h >= 8\n", file: "t").diagnostics.filter { $0.code == "DSL-063" }
        #expect(wrong.first?.spanish == "una hora se compara con otra hora o con una hora escrita \"hh:mm\" (p. ej. \"08:00\")", "\(wrong.map(\.spanish))")
    }
}
