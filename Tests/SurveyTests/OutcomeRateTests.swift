import Survey
import SondeoTestSupport
import Testing

/// AAPOR rates against the published expectations of the R package `outcomerate`
/// (ropensci/outcomerate, `tests/testthat/test-rate.R`) and a hand calculation.
@Suite struct OutcomeRateTests {
    typealias C = OutcomeRates.OutcomeClass

    static func classes(_ codes: [String]) -> [C] { codes.map { C(rawValue: $0)! } }

    @Test("outcomerate's x1 with e = 0.5: every rate as the package's test writes it")
    func outcomerateExample() {
        let x1 = Self.classes(["I", "P", "I", "NC", "UH", "I", "R", "UO", "I", "O", "P", "I", "R", "O", "P"])
        let rates = OutcomeRates(outcomes: x1, e: 0.5)
        let expected: [String: Double] = [
            "RR1": 1.0 / 3, "RR2": 8.0 / 15, "RR3": 5.0 / 14, "RR4": 4.0 / 7, "RR5": 5.0 / 13, "RR6": 8.0 / 13,
            "COOP1": 5.0 / 12, "COOP2": 2.0 / 3, "COOP3": 1.0 / 2, "COOP4": 4.0 / 5,
            "REF1": 2.0 / 15, "REF2": 1.0 / 7, "REF3": 2.0 / 13, "CON1": 4.0 / 5, "CON2": 6.0 / 7, "CON3": 12.0 / 13,
        ]
        for (name, value) in expected { expectClose(rates.rates[name]!!, value, rtol: 1e-15) }
        #expect(Set(rates.rates.keys) == Set(OutcomeRates.names))
    }

    @Test("the default e is (I+P+R+NC+O)/(I+P+R+NC+O+NE): written out for the reference's 13 outcomes")
    func defaultEligibility() {
        // I = 5, P = 2, R = 1, NC = 1, O = 1, UH = 1, UO = 1, NE = 1: e = 10/11, and the (UH+UO) = 2
        // unknown cases count as e·2 = 20/11 in RR3, so RR3 = 5 / (10 + 20/11) = 55/130.
        let x = Self.classes(["I", "P", "I", "NC", "UH", "I", "R", "NE", "UO", "I", "O", "P", "I"])
        let rates = OutcomeRates(outcomes: x)
        expectClose(rates.e!, 10.0 / 11, rtol: 1e-15)
        expectClose(rates.rates["RR1"]!!, 5.0 / 12, rtol: 1e-15)
        expectClose(rates.rates["RR3"]!!, 55.0 / 130, rtol: 1e-15)
        expectClose(rates.rates["REF2"]!!, 11.0 / 130, rtol: 1e-15)
        expectClose(rates.rates["CON3"]!!, 9.0 / 10, rtol: 1e-15)
    }

    @Test("weighted counts, and no rate where the denominator is empty")
    func weightsAndEmpty() {
        let weighted = OutcomeRates(outcomes: Self.classes(["I", "R", "NC"]), weights: [2, 1, 1])
        expectClose(weighted.rates["RR1"]!!, 0.5, rtol: 1e-15)
        let onlyIneligible = OutcomeRates(outcomes: Self.classes(["NE", "NE"]))
        #expect(onlyIneligible.e == 0)
        #expect(onlyIneligible.rates["RR1"]! == nil && onlyIneligible.rates["COOP1"]! == nil)
        #expect(OutcomeRates(counts: [:]).e == nil)
    }
}
