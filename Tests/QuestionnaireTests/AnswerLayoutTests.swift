import Foundation
import SondeoTestSupport
import Testing
@testable import Questionnaire

/// The numbering of a questionnaire's variables that the compiled checks run on, worked out by hand
/// from `Questionnaires/satisfaccion-servicios.encuesta`, and the checks on a sheet agreeing with
/// what the file's rules say.
@Suite struct AnswerLayoutTests {
    static let satisfaction = RuntimeTests.satisfaction

    @Test("slots follow the items: one per question, one per grid row, none for the closing note; names sorted as bytes")
    func numbering() {
        let layout = AnswerLayout(Self.satisfaction)
        #expect(layout.names == ["consentimiento", "servicio", "usos", "nps", "nps_razon", "csat",
                                 "atributos_amabilidad", "atributos_espera", "atributos_informacion", "atributos_sedes",
                                 "razones", "mejora", "contacto"])
        #expect(layout.itemSlots == [0..<1, 1..<2, 2..<3, 3..<4, 4..<5, 5..<6, 6..<10, 10..<11, 11..<12, 12..<13, 13..<13])
        // atributos_* < consentimiento < contacto < csat < mejora < nps < nps_razon < razones < servicio < usos
        #expect(layout.slotsByName == [6, 7, 8, 9, 0, 12, 5, 11, 3, 4, 10, 1, 2])
        #expect(layout.multiple.indices.filter { layout.multiple[$0] } == [10])
        #expect(layout.slot("atributos_sedes") == 9 && layout.slot("cierre") == nil && layout.slot("_pagina") == nil)
    }

    @Test("a sheet made from answers by name keeps the questionnaire's variables only, and gives them back")
    func sheetRoundTrip() {
        let layout = AnswerLayout(Self.satisfaction)
        var answers = RuntimeTests.valid
        answers["_pagina"] = .number(2)
        let sheet = layout.sheet(Responses(answers))
        #expect(sheet[3] == .number(9) && sheet[9] == .number(5) && sheet[10] == nil)
        #expect(layout.responses(sheet).values == RuntimeTests.valid)
    }

    @Test("routing and checks on a sheet: no consent ends the interview; «sedes» only for services 2, 3 and 6; NS where the list allows it")
    func checksOnSheet() {
        let check = AnswerCheck(Self.satisfaction, mode: .web)
        let layout = check.routing.evaluator.layout
        var sheet = AnswerSheet(count: layout.count)
        sheet[0] = .number(2)
        let (states, ending) = check.routing.states(sheet)
        #expect(ending?.item == "consentimiento" && ending?.disposition == "rechazo")
        #expect(states[1] == .ended(by: "consentimiento", disposition: "rechazo"))
        #expect(check.problems(of: sheet, states: states) == [])

        sheet = layout.sheet(Responses(RuntimeTests.valid))
        sheet[1] = .number(1)  // subsidio monetario: the «sedes» row does not apply, and it is answered
        sheet[11] = nil
        sheet[12] = nil
        let problems = check.problems(of: sheet, states: check.routing.states(sheet).states)
        #expect(problems.map(\.spanish) == ["hay respuesta en «atributos_sedes», que no aplica (su condición no se cumple)"])
        sheet[9] = nil
        sheet[3] = .special("NS")  // nps permite NS: the reason for the score is no longer asked…
        sheet[4] = nil
        #expect(check.problems(of: sheet, states: check.routing.states(sheet).states) == [])
        sheet[2] = .special("NS")  // …but «usos» does not allow it
        #expect(check.problems(of: sheet, states: check.routing.states(sheet).states).map(\.spanish) == ["«usos» no admite NS"])
    }
}
