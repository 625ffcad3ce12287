import Diagnostics
import ArgumentParser
import Foundation
import Sampling
import Table

/// How `DrawCommand` writes its result.
extension DrawCommand {
    /// n_h per stratum: from the allocation file (checked against the frame) or allocated here.
    func allocationSizes(_ table: Table) throws -> [String: Int] {
        if let allocation {
            return try AllocationFile.sizes(path: allocation, frame: table, strataColumn: strata!)
        }
        guard let strata else { return [StratifiedDraw.wholeFrame: total!] }
        let result = try Allocation(strata: try allocationOptions.strata(of: table, column: strata), total: total!,
                                    method: allocationOptions.method, minimumPerStratum: allocationOptions.minPerStratum)
        return Dictionary(uniqueKeysWithValues: result.strata.map { ($0.stratum, $0.size) })
    }

    static func designColumns(_ units: [StratifiedDraw.Unit]) -> [Column] {
        let names = Array(Set(units.map(\.stratum))).sorted(by: Stratum.byteOrder)
        let index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, UInt32($0)) })
        return [
            Column(name: "estrato", type: .categorical, storage: .coded(codes: units.map { index[$0.stratum]! }, levels: names)),
            Column(name: "peso", type: .decimal, storage: .numeric(units.map(\.weight))),
            Column(name: "N_estrato", type: .integer, storage: .numeric(units.map { Double($0.stratumSize) })),
            Column(name: "orden", type: .integer, storage: .numeric(units.map { Double($0.order) })),
            Column(name: "reserva", type: .boolean, storage: .numeric(units.map { $0.reserve ? 1 : 0 }), booleanLabels: ["0", "1"]),
        ]
    }

    func report(_ draw: StratifiedDraw, idColumn: String) {
        let sample = draw.strata.reduce(0) { $0 + $1.sample }, reserves = draw.strata.reduce(0) { $0 + $1.reserves }
        if format == .json {
            print(JSONValue.object([
                ("seed", .string(String(draw.seed))), ("algorithm", .string(draw.algorithm)),
                ("frame_fingerprint", .string("sha256:" + draw.fingerprint)), ("id_column", .string(idColumn)),
                ("out", .string(out)), ("n", .integer(sample)), ("reserves", .integer(reserves)),
                ("strata", .array(draw.strata.map {
                    .object([("stratum", .string($0.stratum)), ("N", .integer($0.population)), ("n", .integer($0.sample)),
                             ("reserves", .integer($0.reserves)),
                             ("weight", .finite($0.sample > 0 ? Double($0.population) / Double($0.sample) : nil))])
                })),
            ]).rendered())
            return
        }
        var text = TextTable(headers: [L("estrato", "stratum"), "N_h", "n_h", L("reservas", "reserves"), L("peso", "weight")],
                             alignments: [.left, .right, .right, .right, .right])
        for s in draw.strata {
            text.append([s.stratum, NumberText.integer(s.population), NumberText.integer(s.sample), NumberText.integer(s.reserves),
                         s.sample > 0 ? NumberText.decimal(Double(s.population) / Double(s.sample), places: 3) : "—"])
        }
        print(text.rendered())
        print("")
        print(L("Semilla: \(draw.seed)", "Seed: \(draw.seed)"))
        print(L("Huella del marco (SHA-256 de estrato e identificador «\(idColumn)»): \(draw.fingerprint)",
                "Frame fingerprint (SHA-256 of stratum and identifier «\(idColumn)»): \(draw.fingerprint)"))
        print(L("Algoritmo: \(draw.algorithm)", "Algorithm: \(draw.algorithm)"))
        print(L("Escrito \(out): \(NumberText.integer(sample)) unidades de muestra y \(NumberText.integer(reserves)) de reserva.",
                "Wrote \(out): \(NumberText.integer(sample)) sample units and \(NumberText.integer(reserves)) reserves."))
    }
}
