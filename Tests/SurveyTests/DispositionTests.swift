import Survey
import Questionnaire
import Testing

/// The fieldwork catalogue of dispositions against the AAPOR codes of the queXS `outcome` table (as the
/// reference `questionnaire.md` §8.3 lists them for a phone survey of named affiliates), and the
/// questionnaire's «→ terminar» codes against the catalogue.
@Suite struct DispositionTests {
    @Test("every «→ terminar» code of the questionnaire language is in the fieldwork catalogue")
    func terminarCodesAreKnown() {
        // Questionnaire sits below Analysis and keeps its own list; this is what keeps the two in step.
        for code in Dispositions.all {
            #expect(Disposition.named(code) != nil, "«\(code)»")
        }
    }

    @Test("AAPOR codes and outcome classes of the main dispositions (queXS outcome table)", arguments: [
        ("completa", "1.1", OutcomeRates.OutcomeClass.complete),
        ("parcial", "1.2", .partial),
        ("rechazo", "2.112", .refusal),       // known-respondent refusal
        ("rechazo_hogar", "2.111", .refusal), // household-level refusal
        ("abandono", "2.12", .refusal),       // break-off
        ("no_contesta", "3.13", .unknownHousehold),
        ("buzon_desconocido", "3.14", .unknownOther),
        ("desconectado", "4.32", .notEligible),
        ("fax", "4.20", .notEligible),
        ("empresa", "4.51", .notEligible),
        ("no_elegible", "4.70", .notEligible),
        ("cuota_llena", "4.80", .notEligible),
    ])
    func aapor(code: String, number: String, outcome: OutcomeRates.OutcomeClass) {
        let d = Disposition.named(code)
        #expect(d?.aapor == number)
        #expect(d?.outcome == outcome)
    }

    @Test("codes are unique")
    func unique() {
        #expect(Set(Disposition.all.map(\.code)).count == Disposition.all.count)
    }
}
