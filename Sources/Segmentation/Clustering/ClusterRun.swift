import Diagnostics
import LinearAlgebra
import Table

/// What `sondeo cluster` does with a table: the chosen numeric columns prepared (missing values
/// dropped or imputed, standardised), k-means for one k or a range of k with their silhouettes, and
/// the `cluster` column written back.
public struct ClusterRun {
    public let data: ClusterData
    /// The table rows that were clustered, in order.
    public let used: [Int]
    /// Rows left out (or imputed) for missing values, and what to tell the person about them.
    public let dropped: Int
    public let warning: String?
    let rowCount: Int

    /// `4` or `2..8`.
    public static func ks(_ text: String) throws(SegmentationError) -> [Int] {
        if let single = Int(text), single >= 2 { return [single] }
        let parts = text.components(separatedBy: "..")
        guard parts.count == 2, let a = Int(parts[0]), let b = Int(parts[1]), a >= 2, b > a else { throw .badK(text) }
        return Array(a...b)
    }

    public init(table: Table, source: String, columns names: [String], impute: MissingValues, standardize: Standardization) throws {
        guard !names.isEmpty else { throw SegmentationError.noColumns }
        var values: [[Double]] = []
        for name in names {
            let column = try table.column(name, source: source)
            guard let numbers = column.numbers, column.type.isNumeric else { throw SegmentationError.notNumeric(column: name, type: column.type) }
            values.append(numbers)
        }
        let (used, columnsToCluster, dropped) = impute.prepare(values)
        self.used = used
        self.dropped = dropped
        rowCount = table.rowCount
        data = try ClusterData(names: names, columns: columnsToCluster, standardization: standardize)
        BLASRuntime.setThreads(1)   // the restarts run in parallel; BLAS inside each stays on one thread
        guard dropped > 0 else { warning = nil; return }
        warning = impute == .drop
            ? L("aviso: \(dropped == 1 ? "se dejó fuera" : "se dejaron fuera") \(NumberText.count(dropped, "fila", "filas")) con datos faltantes en \(names.joined(separator: ", ")) (use --impute mean para conservarlas)",
                "warning: \(NumberText.count(dropped, "row", "rows")) with missing values in \(names.joined(separator: ", ")) left out (use --impute mean to keep them)")
            : L("aviso: los datos faltantes de \(NumberText.count(dropped, "fila", "filas")) se completaron con la media de la columna",
                "warning: the missing values of \(NumberText.count(dropped, "row", "rows")) were completed with the column mean")
    }

    /// One fit per k, with its mean silhouette, to choose k. `progress` hears of each restart finished
    /// and each silhouette begun: the units done of `ks.count × (restarts + 1)` and the phase («k = 3,
    /// arranque 4 de 10», «k = 3, silueta»); the last call has done = total.
    public func range(_ ks: [Int], restarts: Int, seed: UInt64,
                      progress: (@Sendable (_ done: Int, _ total: Int, _ phase: String) -> Void)? = nil) throws -> [(k: Int, fit: KMeans, silhouette: Double)] {
        let perK = max(1, restarts) + 1, total = ks.count * perK
        return try ks.enumerated().map { index, k in
            let fit = try KMeans(data: data, k: k, restarts: restarts, seed: seed) { finished in
                progress?(index * perK + finished, total, Self.restartPhase(k: k, finished: finished, of: max(1, restarts)))
            }
            progress?((index + 1) * perK - 1, total, L("k = \(k), silueta", "k = \(k), silhouette"))
            let silhouette = Silhouette.mean(data: data, assignments: fit.assignments, k: k, seed: seed)
            if index == ks.count - 1 { progress?(total, total, "") }
            return (k, fit, silhouette)
        }
    }

    /// What a progress line says while restarts of one k run.
    public static func restartPhase(k: Int, finished: Int, of restarts: Int) -> String {
        L("k = \(k), arranque \(finished) de \(restarts)", "k = \(k), restart \(finished) of \(restarts)")
    }

    /// The group of each table row (1…k; missing for rows left out), as the `cluster` column.
    public func column(_ fit: KMeans) -> Column {
        var codes = [UInt32](repeating: Column.missingCode, count: rowCount)
        for (position, row) in used.enumerated() { codes[row] = UInt32(fit.assignments[position]) }
        return Column(name: "cluster", type: .categorical, storage: .coded(codes: codes, levels: (1...fit.k).map(String.init)))
    }
}
