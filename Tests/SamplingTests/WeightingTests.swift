import Sampling
import SondeoTestSupport
import Table
import Testing

@Suite struct WeightingTests {
    @Test("raking respuestas.csv to the base's sexo and categoria margins reproduces R's survey::rake")
    func rakingMatchesR() throws {
        let (responses, _) = try CSVReader.read(path: RepositoryFiles.exampleData("respuestas.csv"))
        let labels = { (name: String) in (0..<responses.rowCount).map { responses[name]!.text(at: $0)! } }
        let margins = [
            Raking.Margin(name: "sexo", categories: labels("sexo"), targets: ["F": 9_312, "M": 10_688]),
            Raking.Margin(name: "categoria", categories: labels("categoria"), targets: ["A": 14_010, "B": 3_968, "C": 2_022]),
        ]
        let raked = try Raking(weights: responses["peso"]!.numbers!, margins: margins)
        // R: rake(svydesign(ids = ~1, strata = ~categoria, weights = ~peso, fpc = ~N_estrato, data = r),
        //         list(~sexo, ~categoria), list(table(sexo), table(categoria)), control = list(maxit = 100, epsilon = 1e-9))
        expectClose(Array(raked.weights.prefix(6)),
                    [9.56232146253612, 33.351135866937, 15.0542195553253, 9.56232146253612, 33.351135866937, 33.351135866937],
                    rtol: 1e-9)
        // the margins are met to 1e-8
        for margin in margins {
            for (category, target) in margin.targets {
                let sum = zip(raked.weights, margin.categories).filter { $0.1 == category }.reduce(0) { $0 + $1.0 }
                #expect(abs(sum - target) / target < 1e-8)
            }
        }
        // Kish deff of R's raked weights: 1 + var(w)(n − 1)/n / mean(w)² = 1.22378540628023
        expectClose(WeightSummary(raked.weights).kishDeff, 1.22378540628023, rtol: 1e-9)
    }

    @Test("non-response within strata: respondents stand for N_h")
    func nonresponse() throws {
        // stratum A: N = 100, 4 respondents with base weight 20 → 25 each; B: N = 50, 2 respondents → 25 each
        let adjusted = try WeightAdjustment.scale([20, 20, 20, 20, 10, 10], groups: ["A", "A", "A", "A", "B", "B"],
                                                  targets: ["A": 100, "B": 50]) { $0 }
        #expect(adjusted == [25, 25, 25, 25, 25, 25])
        #expect(throws: SamplingError.emptyCell("C")) {
            try WeightAdjustment.scale([1], groups: ["A"], targets: ["A": 1, "C": 5]) { $0 }
        }
    }

    @Test("trimming at twice the mean: [1, 1, 1, 1, 6] → [1.5, 1.5, 1.5, 1.5, 4]; Kish deff of [1, 1, 1, 1, 6] is 2")
    func trimming() throws {
        // mean 2, cap 4; 6 → 4 and the 2 cut are spread over the other four (4 → 6): 1.5 each
        let trimmed = try Trimming(weights: [1, 1, 1, 1, 6], factor: 2)
        expectClose(trimmed.weights, [1.5, 1.5, 1.5, 1.5, 4], rtol: 1e-15)
        #expect(trimmed.trimmed == 1)
        // deff = n Σw² / (Σw)² = 5 · 40 / 100
        #expect(WeightSummary([1, 1, 1, 1, 6]).kishDeff == 2)
    }

    @Test("raking that cannot converge says so")
    func notConverged() {
        let margins = [Raking.Margin(name: "x", categories: ["a", "a", "b"], targets: ["a": 10, "b": 10]),
                       Raking.Margin(name: "y", categories: ["c", "d", "c"], targets: ["c": 1, "d": 19])]
        #expect(throws: SamplingError.self) { try Raking(weights: [1, 1, 1], margins: margins, maxIterations: 20) }
    }
}
