import Table

/// Small tables built by commands for `--format csv`, written by ``CSVWriter`` like any other.
extension Column {
    static func texts(_ name: String, _ values: [String]) -> Column {
        Column(name: name, type: .text, storage: .coded(codes: values.indices.map { UInt32($0) }, levels: values))
    }

    static func decimals(_ name: String, _ values: [Double]) -> Column {
        Column(name: name, type: .decimal, storage: .numeric(values))
    }

    static func integers(_ name: String, _ values: [Int]) -> Column {
        Column(name: name, type: .integer, storage: .numeric(values.map(Double.init)))
    }
}

extension CSVWriter {
    /// The CSV text of a small table, for stdout.
    func text(of columns: [Column]) -> String {
        String(decoding: bytes(of: Table(columns: columns, rowCount: columns.first?.count ?? 0)), as: UTF8.self)
    }
}
