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
    /// Per interner code, for categorical and text columns: index of its level, or missingCode.
    var levelOfCode: [UInt32] = []
    /// Per level: one interner code that holds its text.
    var levelCodes: [Int] = []
    /// The texts of interner codes (``ByteInterner/texts(of:encoding:)``). Texts are built only when
    /// needed: a million identifiers are never turned into Strings just to be counted.
    var decodeTexts: ([Int]) -> [String] = { $0.map { _ in "" } }
    /// Categorical columns: the level texts, sorted.
    var sortedLevels: [String]?
    var booleanLabels: [String]?
    var decimalPlaces: Int?
    var dateTimeStyle: DateTimeStyle?
    /// How its numbers were read when they were not plain (thousands grouped, `$` or `%` dropped).
    var numberNote: String?

    init(name: String, type: ColumnType, missing: [Bool]) {
        self.name = name
        self.type = type
        self.missing = missing
    }

    var levelCount: Int { levelCodes.count }

    func levelText(_ level: Int) -> String {
        sortedLevels?[level] ?? decodeTexts([levelCodes[level]])[0]
    }

    /// Gives each distinct non-missing value a level and decides between categorical and text: text
    /// when there are more than 1,000 levels, when most values are unique, or when they are long (free
    /// comments). Categorical levels are sorted (accents folded, so «Ánimas» sorts with the A's); text
    /// keeps the order of first appearance. Each distinct value (interner code) is its own level.
    mutating func assignLevels(counts: [Int], lengths: (Int) -> Int) {
        var rows = 0
        var totalLength = 0
        levelOfCode = [UInt32](repeating: Column.missingCode, count: counts.count)
        for code in counts.indices where !missing[code] {
            rows += counts[code]
            totalLength += lengths(code) * counts[code]
            levelOfCode[code] = UInt32(levelCodes.count)
            levelCodes.append(code)
        }
        if LevelRule.isText(distinct: levelCodes.count, rows: rows, totalLength: totalLength) {
            type = .text
            return
        }
        type = .categorical
        let distinct = levelCodes.count
        let texts = decodeTexts(levelCodes)
        let order = LevelOrder.order(texts)
        var newIndex = [UInt32](repeating: 0, count: distinct)
        for (position, old) in order.enumerated() { newIndex[old] = UInt32(position) }
        sortedLevels = order.map { texts[$0] }
        levelCodes = order.map { levelCodes[$0] }
        for code in counts.indices where levelOfCode[code] != Column.missingCode {
            levelOfCode[code] = newIndex[Int(levelOfCode[code])]
        }
    }

    /// The column's rows, from their interner codes.
    func column(codes: [UInt32]) -> Column {
        switch type {
        case .categorical, .text:
            let mapped = levelOfCode.withUnsafeBufferPointer { table in codes.map { table[Int($0)] } }
            let levels = sortedLevels ?? decodeTexts(levelCodes)
            return Column(name: name, type: type, storage: .coded(codes: mapped, levels: levels))
        default:
            let values = numbers.withUnsafeBufferPointer { table in codes.map { table[Int($0)] } }
            return Column(name: name, type: type, storage: .numeric(values),
                          booleanLabels: booleanLabels, decimalPlaces: decimalPlaces, dateTimeStyle: dateTimeStyle)
        }
    }
}

/// The order of categorical levels: case and accents folded first, exact text to break ties.
public enum LevelOrder {
    public static func less(_ a: String, _ b: String) -> Bool {
        let fa = String(Suggestion.fold(a)), fb = String(Suggestion.fold(b))
        return fa == fb ? a < b : fa < fb
    }

    /// The positions of `texts` in level order, each text folded once (not once per comparison).
    public static func order(_ texts: [String]) -> [Int] {
        let folded = texts.map { String(Suggestion.fold($0)) }
        return texts.indices.sorted { folded[$0] == folded[$1] ? texts[$0] < texts[$1] : folded[$0] < folded[$1] }
    }
}

/// Whether labels are categories or free text: text when there are more than 1,000 distinct values,
/// when most values are unique (identifiers) or when they are long (comments).
enum LevelRule {
    static func isText(distinct: Int, rows: Int, totalLength: Int) -> Bool {
        let mostlyUnique = distinct > 20 && distinct * 2 > rows
        let long = rows > 0 && totalLength / rows > 30
        return distinct > 1000 || mostlyUnique || long
    }
}

extension Column {
    /// A label column from its values (nil: missing), categorical or text by ``LevelRule``: a
    /// categorical column's levels are in ``LevelOrder``, a text column's in order of appearance.
    public static func labels(_ name: String, _ values: [String?]) -> Column {
        let (codes, levels) = coded(values)
        return labels(name, codes: codes, levels: levels)
    }

    /// Each value's code into the distinct values in order of first appearance (missing: ``missingCode``).
    static func coded(_ values: [String?]) -> (codes: [UInt32], levels: [String]) {
        var levels: [String] = [], index: [String: UInt32] = [:]
        let codes = values.map { value -> UInt32 in
            guard let value else { return Column.missingCode }
            if let code = index[value] { return code }
            index[value] = UInt32(levels.count)
            levels.append(value)
            return UInt32(levels.count - 1)
        }
        return (codes, levels)
    }

    /// The same from codes into `levels` in order of first appearance (missing: ``missingCode``).
    public static func labels(_ name: String, codes: [UInt32], levels: [String]) -> Column {
        var rows = 0, length = 0
        var counts = [Int](repeating: 0, count: levels.count)
        for code in codes where code != Column.missingCode { counts[Int(code)] += 1 }
        for (level, count) in zip(levels, counts) { rows += count; length += level.utf8.count * count }
        if LevelRule.isText(distinct: levels.count, rows: rows, totalLength: length) {
            return Column(name: name, type: .text, storage: .coded(codes: codes, levels: levels))
        }
        let order = LevelOrder.order(levels)
        var position = [UInt32](repeating: 0, count: levels.count)
        for (new, old) in order.enumerated() { position[old] = UInt32(new) }
        let sorted = codes.map { $0 == Column.missingCode ? $0 : position[Int($0)] }
        return Column(name: name, type: .categorical, storage: .coded(codes: sorted, levels: order.map { levels[$0] }))
    }
}
