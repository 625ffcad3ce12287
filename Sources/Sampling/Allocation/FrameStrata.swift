import Table

/// The strata of a frame: counts N_h, and S_h of a numeric column when asked (the standard deviation
/// with divisor N_h − 1, Cochran's S_h), in byte order of the stratum labels.
public enum FrameStrata {
    public static func strata(of table: Table, column: String, standardDeviationOf sdColumn: String? = nil)
        throws(SamplingError) -> [Stratum]
    {
        guard table[column] != nil else { throw .missingColumn(column) }
        var values: Column?
        if let sdColumn {
            guard let found = table[sdColumn] else { throw .missingColumn(sdColumn) }
            guard found.type.isNumeric else { throw .notNumeric(sdColumn) }
            values = found
        }
        // Grouped by code (``CellIndex``): no String per row. A missing label is the stratum «».
        let cells = CellIndex(table: table, columns: [column])
        let names = (0..<cells.groupCount).map { cells.values(of: $0)[0] ?? "" }
        var counts = [Int](repeating: 0, count: names.count)
        var sums = [(n: Int, mean: Double, m2: Double)](repeating: (0, 0, 0), count: names.count)
        let numbers = values?.numbers
        for row in 0..<table.rowCount {
            let h = Int(cells.groupOfRow[row])
            counts[h] += 1
            // Welford's running mean and sum of squares.
            if let x = numbers?[row], !x.isNaN {
                var s = sums[h]
                s.n += 1
                let delta = x - s.mean
                s.mean += delta / Double(s.n)
                s.m2 += delta * (x - s.mean)
                sums[h] = s
            }
        }
        return names.indices.sorted { Stratum.byteOrder(names[$0], names[$1]) }.map { h in
            let sd = values == nil ? nil : (sums[h].n > 1 ? (sums[h].m2 / Double(sums[h].n - 1)).squareRoot() : 0)
            return Stratum(name: names[h], size: counts[h], standardDeviation: sd)
        }
    }
}
