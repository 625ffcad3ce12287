import Questionnaire
import Randomness
import Testing
@testable import Survey

/// The order an interview shows rows and options in (`filas al azar`, `opciones al azar`).
@Suite struct PresentationOrderTests {
    static let source = """
        encuesta orden "Orden"
        versión 1
        modos web
        lista motivos:
          1 Atención
          2 Espera
          3 Costo
          4 Información
          5 Instalaciones
          6 Trámites
          7 Ninguna [exclusiva]
        lista cinco: 1 Uno | 2 Dos | 3 Tres | 4 Cuatro | 5 Cinco
        razones: varias de motivos, opciones al azar, exclusiva 6
          "¿Por qué?"
        m: matriz de cinco, filas al azar
          "Califique"
          - a "A"
          - b "B"
          - c "C"
          - d "D"
        fija: una de cinco
          "Sin azar"
        """
    static let q = QuestionnaireParser.parse(source, file: "orden").file

    @Test("the FNV-1a hash of the seed is the published one (offset basis and prime of FNV-1a 64)")
    func fnv() {
        // Reference values of the FNV test suite (Fowler, Noll, Vo): "" → cbf29ce484222325, "a" → af63dc4c8601ec8c.
        #expect(PresentationOrder.hash("") == 0xcbf2_9ce4_8422_2325)
        #expect(PresentationOrder.hash("a") == 0xaf63_dc4c_8601_ec8c)
        #expect(PresentationOrder.hash("foobar") == 0x8594_4171_f739_67e8)
    }

    @Test("rows and options are permutations; exclusive options keep their written place; unrandomised items keep theirs")
    func permutations() throws {
        let razones = try #require(Self.q.item("razones")), m = try #require(Self.q.item("m")), fija = try #require(Self.q.item("fija"))
        let motivos = try #require(Self.q.list("motivos")), cinco = try #require(Self.q.list("cinco"))
        var moved = 0
        for respondent in (1...200).map({ "AF\($0)" }) {
            let order = PresentationOrder(questionnaire: "orden", respondent: respondent, responses: Responses())
            let options = order.options(of: razones, in: motivos).map(\.code)
            #expect(options.sorted() == [1, 2, 3, 4, 5, 6, 7])
            #expect(options[5] == 6 && options[6] == 7)          // item-level exclusiva 6, list-level [exclusiva] 7
            let rows = order.rows(of: m).map(\.id)
            #expect(rows.sorted() == ["a", "b", "c", "d"])
            if rows != ["a", "b", "c", "d"] { moved += 1 }
            #expect(order.options(of: fija, in: cinco).map(\.code) == [1, 2, 3, 4, 5])
        }
        // 4! = 24 orders: the written one should come about 1 time in 24 (8 in 200), far from always.
        #expect(moved > 150)
    }

    @Test("the first row is spread over the four rows across respondents (chi-square, 3 df, under 16.27 = qchisq(0.999, 3))")
    func spread() throws {
        let m = try #require(Self.q.item("m"))
        var counts: [String: Int] = [:]
        let n = 4000
        for k in 1...n {
            let order = PresentationOrder(questionnaire: "orden", respondent: "R\(k)", responses: Responses())
            counts[order.rows(of: m)[0].id, default: 0] += 1
        }
        let expected = Double(n) / 4
        let chi = counts.values.reduce(0.0) { $0 + (Double($1) - expected) * (Double($1) - expected) / expected }
        #expect(counts.count == 4 && chi < 16.27, "\(counts), χ² = \(chi)")
    }

    @Test("the stored seed gives back the order shown; a stored seed wins over the derived one")
    func storedSeed() throws {
        let m = try #require(Self.q.item("m"))
        let first = PresentationOrder(questionnaire: "orden", respondent: "AF1", responses: Responses())
        var responses = Responses()
        responses[PresentationOrder.seedVariable] = first.storedValue
        guard case .text(let hex)? = responses[PresentationOrder.seedVariable] else { Issue.record("no text"); return }
        #expect(hex.count == 16 && UInt64(hex, radix: 16) == first.seed)
        let again = PresentationOrder(questionnaire: "otro", respondent: "otra", responses: responses)
        #expect(again.seed == first.seed && again.rows(of: m).map(\.id) == first.rows(of: m).map(\.id))
        #expect(PresentationOrder.randomizes(Self.q))
    }
}
