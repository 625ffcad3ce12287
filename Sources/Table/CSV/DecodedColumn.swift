import Diagnostics

/// A CSV column after type inference: its type and what each distinct raw value (by interner code)
/// stands for. ``column(codes:)`` expands it to a table column; ``summary(counts:)`` summarises it
/// from the occurrence counts alone, which is how `data inspect` reads a million rows in little memory.
struct DecodedColumn {
    let name: String
    var type: ColumnType
    /// Per interner code: missing?
    let missing: [Bool]
    /// Per interner code, for numeric, boolean and date columns (NaN = missing).
    var numbers: [Double] = []
    /// Per interner code, for categorical and text columns: index into `levels`, or missingCode.
    var levelOfCode: [UInt32] = []
    var levels: [String] = []
    var booleanLabels: [String]?
    var decimalPlaces: Int?

    init(name: String, type: ColumnType, missing: [Bool]) {
        self.name = name
        self.type = type
        self.missing = missing
    }

    /// Gives each distinct non-missing text a level. Categorical levels are sorted (accents folded,
    /// so «Ánimas» sorts with the A's); a column whose values are mostly unique is text and keeps the
    /// order of first appearance.
    mutating func assignLevels(count: Int, counts: [Int], text: (Int) -> String) {
        var index: [String: UInt32] = [:]
        var rows = 0
        var totalLength = 0
        levelOfCode = [UInt32](repeating: Column.missingCode, count: count)
        for code in 0..<count where !missing[code] {
            let value = text(code)
            rows += counts[code]
            totalLength += value.utf8.count * counts[code]
            if let level = index[value] {
                levelOfCode[code] = level
            } else {
                let level = UInt32(levels.count)
                index[value] = level
                levels.append(value)
                levelOfCode[code] = level
            }
        }
        let distinct = levels.count
        let mostlyUnique = distinct > 20 && distinct * 2 > rows
        let long = rows > 0 && totalLength / rows > 30
        if distinct > 1000 || mostlyUnique || long {
            type = .text
            return
        }
        type = .categorical
        let order = levels.indices.sorted { LevelOrder.less(levels[$0], levels[$1]) }
        var newIndex = [UInt32](repeating: 0, count: levels.count)
        for (position, old) in order.enumerated() { newIndex[old] = UInt32(position) }
        levels = order.map { levels[$0] }
        for code in 0..<count where levelOfCode[code] != Column.missingCode {
            levelOfCode[code] = newIndex[Int(levelOfCode[code])]
        }
    }

    /// The column's rows, from their interner codes.
    func column(codes: [UInt32]) -> Column {
        switch type {
        case .categorical, .text:
            let mapped = codes.map { levelOfCode[Int($0)] }
            return Column(name: name, type: type, storage: .coded(codes: mapped, levels: levels))
        default:
            let values = codes.map { numbers[Int($0)] }
            return Column(name: name, type: type, storage: .numeric(values),
                          booleanLabels: booleanLabels, decimalPlaces: decimalPlaces)
        }
    }
}

/// The order of categorical levels: case and accents folded first, exact text to break ties.
enum LevelOrder {
    static func less(_ a: String, _ b: String) -> Bool {
        let fa = String(Suggestion.fold(a)), fb = String(Suggestion.fold(b))
        return fa == fb ? a < b : fa < fb
    }
}
