import Diagnostics
import Table

/// k-means results as `sondeo cluster` prints them.
extension KMeans {
    /// One fit: the groups' sizes and centres in each column's units; `out` is the file written with the
    /// cluster column, if any.
    public func report(data: ClusterData, seed: UInt64, standardize: Standardization, dropped: Int, out: String?, format: OutputFormat) -> String {
        let fit = self
        let centers = fit.centers.map { data.original($0) }
        if format == .json {
            return JSONValue.object([
                ("k", .integer(fit.k)), ("inertia", .number(fit.inertia)), ("sizes", .array(fit.sizes.map { .integer($0) })),
                ("centers", .array(centers.map { center in .object(zip(data.columns, center).map { ($0, .number($1)) }) })),
                ("iterations", .integer(fit.iterations)), ("restarts", .integer(fit.restarts)), ("seed", .string(String(seed))),
                ("standardize", .string(standardize.rawValue)), ("rows", .integer(data.rows)), ("dropped", .integer(dropped)),
            ]).rendered()
        }
        var table = TextTable(headers: [L("grupo", "group"), "n", "%"] + data.columns,
                              alignments: [.left, .right, .right] + data.columns.map { _ in .right })
        for (i, center) in centers.enumerated() {
            table.append([String(i + 1), NumberText.integer(fit.sizes[i]),
                          NumberText.decimal(Double(fit.sizes[i]) / Double(data.rows) * 100, places: 1) + " %"]
                         + center.map { NumberText.decimal($0, places: 2) })
        }
        var lines = [L("k-medias con k = \(fit.k) sobre \(NumberText.integer(data.rows)) filas (\(standardize == .zscore ? "columnas estandarizadas" : "columnas sin estandarizar"), \(fit.restarts) reinicios, semilla \(seed))",
                "k-means with k = \(fit.k) on \(NumberText.integer(data.rows)) rows (\(standardize == .zscore ? "standardized columns" : "unstandardized columns"), \(fit.restarts) restarts, seed \(seed))"), "", table.rendered(), "",
                     L("Centros en las unidades de cada columna. Inercia: \(NumberText.decimal(fit.inertia, places: 2)) · iteraciones: \(fit.iterations).",
                "Centres in each column's units. Inertia: \(NumberText.decimal(fit.inertia, places: 2)) · iterations: \(fit.iterations).")]
        if let out { lines.append(L("Escrito \(out) con la columna «cluster»; descríbalo con: sondeo map --cluster \(out)", "Wrote \(out) with a «cluster» column; describe it with: sondeo map --cluster \(out)")) }
        return lines.joined(separator: "\n")
    }

    /// Several k side by side, with the silhouette that helps choose one.
    public static func rangeReport(_ results: [(k: Int, fit: KMeans, silhouette: Double)], rows: Int, restarts: Int, seed: UInt64,
                                   format: OutputFormat) -> String {
        if format == .json {
            return JSONValue.object([
                ("rows", .integer(rows)), ("restarts", .integer(restarts)), ("seed", .string(String(seed))),
                ("results", .array(results.map { .object([("k", .integer($0.k)), ("inertia", .number($0.fit.inertia)),
                                                            ("silhouette", .number($0.silhouette)), ("sizes", .array($0.fit.sizes.map { .integer($0) }))]) })),
            ]).rendered()
        }
        var table = TextTable(headers: ["k", L("inercia", "inertia"), L("silueta media", "mean silhouette"), L("tamaños", "sizes")],
                              alignments: [.right, .right, .right, .left])
        for r in results {
            table.append([String(r.k), NumberText.decimal(r.fit.inertia, places: 1), NumberText.decimal(r.silhouette, places: 3),
                          r.fit.sizes.map { NumberText.integer($0) }.joined(separator: " · ")])
        }
        let best = results.max { $0.silhouette < $1.silhouette }!
        return table.rendered() + "\n\n" + L("Una silueta más alta indica grupos más separados; aquí la mayor es k = \(best.k). La inercia siempre baja al subir k: busque el «codo».",
                "A higher silhouette means better separated groups; the highest here is k = \(best.k). Inertia always falls as k grows: look for the «elbow».")
    }
}
