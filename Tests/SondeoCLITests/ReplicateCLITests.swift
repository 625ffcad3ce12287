import Foundation
import SondeoTestSupport
import Testing

/// `sondeo sample replicates` then `sondeo analyze … --repweights`, end to end, with R's figures for
/// the same designs (Scripts/reference/replicates.R → Tests/AnalysisTests/Fixtures/r_replicates.json).
@Suite struct ReplicateCLITests {
    static func fixture(_ name: String) -> String { RepositoryFiles.path("Tests/AnalysisTests/Fixtures/\(name)") }

    func estimate(_ arguments: [String]) throws -> [String: Any] {
        let run = try SondeoRunner.run(["analyze"] + arguments + ["--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(document["variance"] as? String == "replicates")
        return (document["estimates"] as! [[String: Any]])[0]
    }

    func replicates(_ arguments: [String], in directory: TemporaryDirectory) throws -> String {
        let out = directory.path("con_replicas.csv")
        let run = try SondeoRunner.run(["sample", "replicates"] + arguments + ["--out", out])
        #expect(run.status == 0, "\(run.stderr)")
        return out
    }

    @Test("JKn on apistrat (strata stype, fpc): 200 replicates, df 197, the mean's SE and deff of as.svrepdesign(dstrat, type = \"JKn\")")
    func jkn() throws {
        let directory = TemporaryDirectory()
        let file = try replicates([Self.fixture("apistrat_cal.csv"), "--method", "jkn", "--strata", "stype", "--weights", "pw", "--fpc", "fpc"], in: directory)
        let design = ["--repweights", "rep_*", "--type", "jkn", "--weights", "pw", "--strata", "stype", "--fpc", "fpc"]
        let mean = try estimate(["mean", file, "--var", "api00"] + design)
        expectClose(mean["se"] as! Double, 9.40894080278461, rtol: 1e-9)
        expectClose(mean["deff"] as! Double, 1.20445726853773, rtol: 1e-9)
        #expect(mean["df"] as? Int == 197)
        let total = try estimate(["total", file, "--var", "enroll"] + design)
        expectClose(total["se"] as! Double, 114641.71610078, rtol: 1e-9)
    }

    @Test("BRR and Fay (ρ = 0.3) on scd: R's SEs of the mean of alive and of alive/arrests")
    func brrAndFay() throws {
        let directory = TemporaryDirectory()
        let brr = try replicates([Self.fixture("scd.csv"), "--method", "brr", "--strata", "ESA", "--cluster", "ambulance"], in: directory)
        expectClose(try estimate(["mean", brr, "--var", "alive", "--repweights", "rep_*", "--type", "brr"])["se"] as! Double, 3.58236421003411, rtol: 1e-10)
        expectClose(try estimate(["mean", brr, "--var", "alive", "--denominator", "arrests", "--repweights", "rep_*", "--type", "brr"])["se"] as! Double,
                    0.00941840066991849, rtol: 1e-10)
        let fay = try replicates([Self.fixture("scd.csv"), "--method", "fay", "--rho", "0.3", "--strata", "ESA", "--cluster", "ambulance"], in: directory)
        expectClose(try estimate(["mean", fay, "--var", "alive", "--denominator", "arrests", "--repweights", "rep_*", "--type", "fay", "--rho", "0.3"])["se"] as! Double,
                    0.00952518747770524, rtol: 1e-10)
    }

    @Test("bootstrap replicates read back: svrepdesign(type = \"bootstrap\")'s SE of the same 50 columns, near the linearised one")
    func bootstrap() throws {
        let design = ["--repweights", "rep_*", "--type", "bootstrap", "--weights", "pw"]
        let mean = try estimate(["mean", Self.fixture("apistrat_boot.csv"), "--var", "api00"] + design)
        expectClose(mean["se"] as! Double, 9.35684626298759, rtol: 1e-10)
        // The linearised SE of the same design is 9.536: the bootstrap estimates it within its Monte Carlo error.
        expectClose(mean["se"] as! Double, 9.53613229692516, rtol: 0.1)
        #expect(mean["df"] as? Int == 49)
    }

    @Test("bad input: --type without --repweights (64); a pattern that names nothing (64); fay without --rho (64); JKn without strata (65)")
    func refusals() throws {
        let file = Self.fixture("apiclus1_jk1.csv")
        let alone = try SondeoRunner.run(["analyze", "mean", file, "--var", "api00", "--type", "jk1"])
        #expect(alone.status == 64 && alone.stderr.contains("--repweights y --type van juntos"))
        let none = try SondeoRunner.run(["analyze", "mean", file, "--var", "api00", "--repweights", "réplica_*", "--type", "jk1", "--weights", "pw"])
        #expect(none.status == 64 && none.stderr.contains("ninguna columna coincide con --repweights «réplica_*»"))
        let fay = try SondeoRunner.run(["analyze", "mean", file, "--var", "api00", "--repweights", "rep_*", "--type", "fay", "--weights", "pw"])
        #expect(fay.status == 64 && fay.stderr.contains("--type fay necesita --rho"))
        let jkn = try SondeoRunner.run(["analyze", "mean", file, "--var", "api00", "--repweights", "rep_*", "--type", "jkn", "--weights", "pw"])
        #expect(jkn.status == 65 && jkn.stderr.contains("no anula una sola unidad primaria del diseño: no es una réplica JKn"))
    }
}
