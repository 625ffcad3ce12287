import Diagnostics
import Foundation
import Table

/// A drawn sample as `sample draw` writes and reports it.
extension StratifiedDraw {
    /// The columns a drawn sample gets beside the frame's: estrato, peso, N_estrato, orden, reserva.
    public var designColumns: [Column] {
        let units = self.units
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

    /// The strata drawn, the seed and fingerprint that reproduce the draw, and the file written.
    /// `frameQuery`: the database and query the frame came from, and its rows, when it was not a file.
    public func report(idColumn: String, out: String, format: OutputFormat, frameQuery: (source: String, query: String, rows: Int)? = nil) -> String {
        let draw = self
        let sample = draw.strata.reduce(0) { $0 + $1.sample }, reserves = draw.strata.reduce(0) { $0 + $1.reserves }
        if format == .json {
            return JSONValue.object([
                ("seed", .string(String(draw.seed))), ("algorithm", .string(draw.algorithm)),
                ("frame_fingerprint", .string("sha256:" + draw.fingerprint)), ("id_column", .string(idColumn)),
                ("frame_source", frameQuery.map { .string($0.source) } ?? .null), ("frame_query", frameQuery.map { .string($0.query) } ?? .null),
                ("frame_rows", frameQuery.map { .integer($0.rows) } ?? .null),
                ("out", .string(out)), ("n", .integer(sample)), ("reserves", .integer(reserves)),
                ("strata", .array(draw.strata.map {
                    .object([("stratum", .string($0.stratum)), ("N", .integer($0.population)), ("n", .integer($0.sample)),
                             ("reserves", .integer($0.reserves)),
                             ("weight", .finite($0.sample > 0 ? Double($0.population) / Double($0.sample) : nil))])
                })),
            ]).rendered()
        }
        var text = TextTable(headers: [L("estrato", "stratum"), "N_h", "n_h", L("reservas", "reserves"), L("peso", "weight")],
                             alignments: [.left, .right, .right, .right, .right])
        for s in draw.strata {
            text.append([s.stratum, NumberText.integer(s.population), NumberText.integer(s.sample), NumberText.integer(s.reserves),
                         s.sample > 0 ? NumberText.decimal(Double(s.population) / Double(s.sample), places: 3) : "—"])
        }
        let origin: [String] = frameQuery.map { q -> [String] in
            [L("Marco: «\(q.query)» en \(q.source), \(NumberText.count(q.rows, "fila", "filas"))", "Frame: «\(q.query)» on \(q.source), \(q.rows) rows")]
        } ?? []
        let lines: [String] = [L("Semilla: \(draw.seed)", "Seed: \(draw.seed)"),
                L("Huella del marco (SHA-256 de estrato e identificador «\(idColumn)»): \(draw.fingerprint)",
                "Frame fingerprint (SHA-256 of stratum and identifier «\(idColumn)»): \(draw.fingerprint)"),
                L("Algoritmo: \(draw.algorithm)", "Algorithm: \(draw.algorithm)"),
                L("Escrito \(out): \(NumberText.integer(sample)) unidades de muestra y \(NumberText.integer(reserves)) de reserva.",
                "Wrote \(out): \(NumberText.integer(sample)) sample units and \(NumberText.integer(reserves)) reserves.")]
        return ([text.rendered(), ""] + origin + lines).joined(separator: "\n")
    }
}
