/// Columns built from values in memory: small tables of commands for `--format csv`, an export of the
/// store, written by ``CSVWriter`` like any other.
extension Column {
    public static func texts(_ name: String, _ values: [String]) -> Column {
        Column(name: name, type: .text, storage: .coded(codes: values.indices.map { UInt32($0) }, levels: values))
    }

    public static func decimals(_ name: String, _ values: [Double]) -> Column {
        Column(name: name, type: .decimal, storage: .numeric(values))
    }

    public static func integers(_ name: String, _ values: [Int]) -> Column {
        Column(name: name, type: .integer, storage: .numeric(values.map(Double.init)))
    }
}

extension CSVWriter {
    /// The CSV text of a small table, for stdout.
    public func text(of columns: [Column]) -> String {
        String(decoding: bytes(of: Table(columns: columns, rowCount: columns.first?.count ?? 0)), as: UTF8.self)
    }
}

extension Column {
    /// A text column where nil is an empty (missing) cell.
    public static func optionalTexts(_ name: String, _ values: [String?]) -> Column {
        let (codes, levels) = coded(values)
        return Column(name: name, type: .text, storage: .coded(codes: codes, levels: levels))
    }

    /// A number column where nil is an empty cell; whole numbers print without decimals.
    public static func optionalNumbers(_ name: String, _ values: [Double?]) -> Column {
        let numbers = values.map { $0 ?? .nan }
        let whole = numbers.allSatisfy { $0.isNaN || ($0 == $0.rounded() && abs($0) < 1e15) }
        return Column(name: name, type: whole ? .integer : .decimal, storage: .numeric(numbers))
    }
}
