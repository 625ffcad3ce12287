import Sampling
import SondeoTestSupport
import Table
import Testing

@Suite struct DrawTests {
    /// 50 units U01…U50: A = U01–U20, B = U21–U35, C = U36–U50, written in a scrambled row order.
    static func frame(reversed: Bool = false) -> Table {
        var numbers = Array(1...50)
        if reversed { numbers.reverse() }
        let names: [String] = numbers.map { i in i < 10 ? "U0\(i)" : "U\(i)" }
        let strataCodes: [UInt32] = numbers.map { i in i <= 20 ? 0 : (i <= 35 ? 1 : 2) }
        let ids = Column(name: "id", type: .text, storage: .coded(codes: (0..<50).map { UInt32($0) }, levels: names))
        let strata = Column(name: "estrato", type: .categorical, storage: .coded(codes: strataCodes, levels: ["A", "B", "C"]))
        let value = Column(name: "valor", type: .integer, storage: .numeric(numbers.map { Double($0) }))
        return Table(columns: [ids, strata, value], rowCount: 50)
    }

    static let sizes = ["A": 5, "B": 4, "C": 3]

    func ids(_ draw: StratifiedDraw, _ table: Table, stratum: String, reserve: Bool) -> [String] {
        draw.units.filter { $0.stratum == stratum && $0.reserve == reserve }.map { table["id"]!.text(at: $0.row)! }
    }

    @Test("the ids drawn with seed 2026 are pinned (computed by an independent Python implementation)")
    func pinned() throws {
        let table = Self.frame()
        let draw = try StratifiedDraw(table: table, strataColumn: "estrato", idColumn: "id", sizes: Self.sizes,
                                      seed: 2026, reserveFraction: 0.5)
        #expect(ids(draw, table, stratum: "A", reserve: false) == ["U18", "U10", "U15", "U02", "U17"])
        #expect(ids(draw, table, stratum: "A", reserve: true) == ["U16", "U20", "U01"])
        #expect(ids(draw, table, stratum: "B", reserve: false) == ["U26", "U25", "U27", "U34"])
        #expect(ids(draw, table, stratum: "B", reserve: true) == ["U28", "U22"])
        #expect(ids(draw, table, stratum: "C", reserve: false) == ["U45", "U39", "U40"])
        #expect(ids(draw, table, stratum: "C", reserve: true) == ["U42", "U46"])
        #expect(draw.algorithm == "splitmix64+lemire+fisher-yates/1")
    }

    @Test("the same seed gives the same sample whatever the row order; weights sum to N_h")
    func reproducible() throws {
        let a = Self.frame(), b = Self.frame(reversed: true)
        let first = try StratifiedDraw(table: a, strataColumn: "estrato", idColumn: "id", sizes: Self.sizes, seed: 7)
        let second = try StratifiedDraw(table: b, strataColumn: "estrato", idColumn: "id", sizes: Self.sizes, seed: 7)
        #expect(first.units.map { a["id"]!.text(at: $0.row)! } == second.units.map { b["id"]!.text(at: $0.row)! })
        #expect(first.fingerprint == second.fingerprint)
        for (stratum, n) in Self.sizes {
            let units = first.units.filter { $0.stratum == stratum }
            #expect(units.count == n)
            #expect(Set(units.map(\.row)).count == n)
            let population = Double(first.strata.first { $0.stratum == stratum }!.population)
            expectClose(units.reduce(0) { $0 + $1.weight }, population, rtol: 1e-14)
        }
        let other = try StratifiedDraw(table: a, strataColumn: "estrato", idColumn: "id", sizes: Self.sizes, seed: 8)
        #expect(other.units.map(\.row) != first.units.map(\.row))
    }

    @Test("the frame's fingerprint is SHA-256 of «stratum TAB id LF» in byte order, for short, long, accented and missing ids (Python's hashlib)")
    func fingerprint() throws {
        // python3 -c "import hashlib; print(hashlib.sha256(''.join(f'{s}\t{i}\n' for s, i in
        //   sorted((('A' if i <= 20 else 'B' if i <= 35 else 'C'), 'U%02d' % i) for i in range(1, 51))).encode()).hexdigest())"
        let short = try StratifiedDraw(table: Self.frame(reversed: true), strataColumn: "estrato", idColumn: "id", sizes: Self.sizes, seed: 1)
        #expect(short.fingerprint == "8e1789108a8e9da7666372ed555eb7ecc06ac17c3811251418d39e433416b952")
        // Identifiers longer than the 16 bytes compared at once, two of them equal in their first 16; an
        // accented one; a missing one (the empty text). Byte order: "", AF10, AF2, AFILIADO-0000000,
        // AFILIADO-00000000, AFILIADO-00000001, Ñandú-1.
        // ids = [b'', b'AF10', b'AF2', b'AFILIADO-0000000', b'AFILIADO-00000000', b'AFILIADO-00000001', 'Ñandú-1'.encode()]
        // hashlib.sha256(b''.join(b'todos\t' + i + b'\n' for i in ids)).hexdigest()
        let levels = ["AFILIADO-00000001", "AF2", "Ñandú-1", "AFILIADO-0000000", "AF10", "AFILIADO-00000000"]
        for codes in [[0, 1, Column.missingCode, 2, 3, 4, 5], [5, 4, 3, 2, Column.missingCode, 1, 0]] as [[UInt32]] {
            let ids = Column(name: "id", type: .text, storage: .coded(codes: codes, levels: levels))
            let draw = try StratifiedDraw(table: Table(columns: [ids], rowCount: 7), strataColumn: nil, idColumn: "id",
                                          sizes: [StratifiedDraw.wholeFrame: 7], seed: 1)
            #expect(draw.fingerprint == "747989056b75aab9648b90038090861d21b030afe6143e153dd7b8dab533dab3")
        }
    }

    @Test("the first ids of a 4-per-category draw of the example base with seed 20261129 are pinned (Python)")
    func exampleBase() throws {
        let (table, _) = try CSVReader.read(path: RepositoryFiles.exampleData("afiliados.csv"))
        let draw = try StratifiedDraw(table: table, strataColumn: "categoria", idColumn: "id_afiliado",
                                      sizes: ["A": 4, "B": 4, "C": 4], seed: 20_261_129)
        #expect(draw.units.map { table["id_afiliado"]!.text(at: $0.row)! } == [
            "AF6320520", "AF5800694", "AF9423035", "AF0011279", "AF0771965", "AF1678192", "AF7505758", "AF6312893",
            "AF6409992", "AF1552900", "AF4971468", "AF2913582",
        ])
        #expect(draw.strata.map(\.population) == [14_010, 3_968, 2_022])
    }

    @Test("systematic sampling takes every k-th unit in the sort order")
    func systematic() throws {
        let table = Self.frame(reversed: true)
        let draw = try StratifiedDraw(table: table, strataColumn: "estrato", idColumn: "id", sizes: ["A": 4, "B": 5, "C": 3],
                                      seed: 3, method: .systematic(sortBy: "valor"))
        let values = draw.units.filter { $0.stratum == "A" }.map { table["valor"]!.numbers![$0.row] }
        // k = 20/4 = 5: the values are u+1, u+6, u+11, u+16 for a start u in 0…4
        #expect(zip(values, values.dropFirst()).allSatisfy { $1 - $0 == 5 })
        #expect(values[0] >= 1 && values[0] <= 5)
    }

    @Test("allocation strata must match the frame, and ids must be unique")
    func mismatches() throws {
        let table = Self.frame()
        #expect(throws: SamplingError.allocationStratumNotInFrame("D")) {
            try StratifiedDraw(table: table, strataColumn: "estrato", idColumn: "id", sizes: ["A": 1, "B": 1, "C": 1, "D": 1], seed: 1)
        }
        #expect(throws: SamplingError.frameStratumNotAllocated("C")) {
            try StratifiedDraw(table: table, strataColumn: "estrato", idColumn: "id", sizes: ["A": 1, "B": 1], seed: 1)
        }
        #expect(throws: SamplingError.duplicateIdentifier("A")) {
            try StratifiedDraw(table: table, strataColumn: "estrato", idColumn: "estrato", sizes: ["A": 1, "B": 1, "C": 1], seed: 1)
        }
    }
}
