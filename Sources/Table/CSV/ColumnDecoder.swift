import Diagnostics

/// Turns the distinct raw values of one CSV column into typed values: it decides the column's type
/// (``ColumnType``) and maps each distinct value once — to a number, a date or a level — so that the
/// rows can then be converted by lookup.
struct ColumnDecoder {
    /// What the column's non-missing distinct values look like; the first pass, used for the
    /// file-wide decimal-mark decision before any value is converted.
    struct Shape {
        var allInteger = true
        var allZeroOne = true
        var allPointNumbers = true
        var allCommaNumbers = true
        var hasPointFraction = false
        var hasCommaFraction = false
        var allBoolean = true
        var allISODates = true
        var allDayMonthYearDates = true
        var allDateTimes = true
        /// The way every date-time was written, or nil when they differ (they are then written as UTC).
        var dateTimeStyle: DateTimeStyle?
        var dateTimeStylesDiffer = false
        var dateTimeZones = false
        var nonMissingDistinct = 0
        /// Numbers with thousands grouped, a currency or a percent sign (``ValueShape/grouped(_:thousands:)``),
        /// in the Colombian way (`.` groups) and in the English way (`,` groups).
        var colombian = GroupedShape()
        var english = GroupedShape()
    }

    struct GroupedShape {
        var all = true
        var anyGrouped = false
        var anySymbol = false
        var unambiguous = false
        var allWhole = true

        mutating func update(_ number: ValueShape.Grouped?) {
            guard let number else { all = false; return }
            anyGrouped = anyGrouped || number.grouped
            anySymbol = anySymbol || number.currency || number.percent
            unambiguous = unambiguous || number.unambiguous
            if number.places > 0 { allWhole = false }
        }
    }

    let name: String
    let interner: ByteInterner
    let encoding: TextEncoding
    /// Per distinct value: missing (empty, `NA` or a `--missing` code)?
    let missing: [Bool]
    let shape: Shape

    /// The values read as missing besides the empty one: `NA` and the `--missing` codes, in the file's
    /// encoding. Looked up once per distinct value, without building an array for it: a column of a
    /// million identifiers asks a million times.
    struct MissingTokens {
        let tokens: [[UInt8]]
        /// Bit `n` set when some token has `n` bytes (tokens longer than 63 bytes set bit 63).
        private let lengths: UInt64

        init(_ tokens: [[UInt8]]) {
            self.tokens = tokens
            lengths = tokens.reduce(0) { $0 | 1 << UInt64(min($1.count, 63)) }
        }

        func contains(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
            guard lengths & 1 << UInt64(min(value.count, 63)) != 0 else { return false }
            return tokens.contains { $0.elementsEqual(value) }
        }
    }

    init(name: String, interner: ByteInterner, encoding: TextEncoding, missingTokens: MissingTokens) {
        self.name = name
        self.interner = interner
        self.encoding = encoding
        var missing = [Bool](repeating: false, count: interner.count)
        var shape = Shape()
        for code in 0..<interner.count {
            interner.withTrimmedBytes(of: code) { value in
                if value.isEmpty || missingTokens.contains(value) {
                    missing[code] = true
                    return
                }
                shape.nonMissingDistinct += 1
                Self.update(&shape, with: value, encoding: encoding)
            }
        }
        self.missing = missing
        self.shape = shape
    }

    private static func update(_ shape: inout Shape, with value: UnsafeBufferPointer<UInt8>,
                               encoding: TextEncoding) {
        let comma = UInt8(ascii: ","), point = UInt8(ascii: ".")
        if shape.allInteger || shape.allPointNumbers || shape.allCommaNumbers {
            if let number = ValueShape.number(value) {
                if !number.isInteger { shape.allInteger = false }
                if number.mark == comma { shape.allPointNumbers = false; shape.hasCommaFraction = true }
                if number.mark == point { shape.allCommaNumbers = false; shape.hasPointFraction = true }
                if !(value.count == 1 && (value[0] == 48 || value[0] == 49)) { shape.allZeroOne = false }
            } else {
                shape.allInteger = false
                shape.allPointNumbers = false
                shape.allCommaNumbers = false
            }
        }
        if shape.colombian.all { shape.colombian.update(ValueShape.grouped(value, thousands: point)) }
        if shape.english.all { shape.english.update(ValueShape.grouped(value, thousands: comma)) }
        if shape.allBoolean && ValueShape.boolean(value, encoding: encoding) == nil { shape.allBoolean = false }
        if shape.allISODates || shape.allDayMonthYearDates {
            let layout = DateParsing.parse(value)?.layout
            if layout != .iso { shape.allISODates = false }
            if layout != .dayMonthYear { shape.allDayMonthYearDates = false }
        }
        if shape.allDateTimes {
            if let (_, style) = DateTimeParsing.parse(value) {
                if !style.zone.isEmpty { shape.dateTimeZones = true }
                if let seen = shape.dateTimeStyle, seen != style { shape.dateTimeStylesDiffer = true } else { shape.dateTimeStyle = style }
            } else {
                shape.allDateTimes = false
            }
        }
    }

    /// The thousands mark of a column of grouped numbers, or nil: `thousands` when the person gave it
    /// (`--thousands .`) and every value reads so; otherwise `.` when a value can only be read that way
    /// (`1.234.567`, `1.234,5`), or the file's decimal mark is `,`, or a `$`/`%` is stripped; `,` likewise
    /// for `1,234,567.89`. A lone `1.500` in a file with decimal points stays 1.5.
    func thousandsMark(decimalMark: UInt8, forced: UInt8?) -> UInt8? {
        let s = shape, point = UInt8(ascii: "."), comma = UInt8(ascii: ",")
        guard s.nonMissingDistinct > 0 else { return nil }
        if let forced { return (forced == point ? s.colombian : s.english).all ? forced : nil }
        if s.allInteger || (decimalMark == point ? s.allPointNumbers : s.allCommaNumbers) { return nil }
        let c = s.colombian, e = s.english
        if c.all && (c.anyGrouped || c.anySymbol) && (c.unambiguous || decimalMark == comma || (c.anySymbol && !(e.all && e.unambiguous))) { return point }
        if e.all && (e.anyGrouped || e.anySymbol) && (e.unambiguous || decimalMark == point) { return comma }
        return nil
    }

    /// The type the values call for, given the file's decimal mark.
    func type(decimalMark: UInt8, thousands: UInt8? = nil) -> ColumnType {
        let s = shape
        guard s.nonMissingDistinct > 0 else { return .text }
        if let mark = thousandsMark(decimalMark: decimalMark, forced: thousands) {
            return (mark == UInt8(ascii: ".") ? s.colombian : s.english).allWhole ? .integer : .decimal
        }
        if s.allInteger { return s.allZeroOne ? .boolean : .integer }
        if decimalMark == UInt8(ascii: ".") ? s.allPointNumbers : s.allCommaNumbers { return .decimal }
        if s.allBoolean { return .boolean }
        if s.allISODates || s.allDayMonthYearDates { return .date }
        if s.allDateTimes { return .dateTime }
        return .categorical
    }

    /// Builds the per-distinct-value mapping for the chosen type. Categorical columns whose values are
    /// mostly unique (identifiers, comments) become text.
    func decode(decimalMark: UInt8, missingNumbers: Set<Double>, thousands: UInt8? = nil) -> DecodedColumn {
        let type = type(decimalMark: decimalMark, thousands: thousands)
        var decoded = DecodedColumn(name: name, type: type, missing: missing)
        let grouping = type == .integer || type == .decimal ? thousandsMark(decimalMark: decimalMark, forced: thousands) : nil
        if let grouping {
            let style = grouping == UInt8(ascii: ".") ? shape.colombian : shape.english
            let mark = String(UnicodeScalar(grouping)), decimal = grouping == UInt8(ascii: ".") ? "," : "."
            var parts: [String] = []
            if style.anyGrouped { parts.append(L("miles con «\(mark)» y decimales con «\(decimal)»", "thousands with «\(mark)» and decimals with «\(decimal)»")) }
            if style.anySymbol { parts.append(L("sin los signos «$» y «%»", "without the «$» and «%» signs")) }
            decoded.numberNote = parts.joined(separator: ", ")
        }
        let interner = interner, encoding = encoding
        func value<R>(_ code: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
            interner.withTrimmedBytes(of: code, body)
        }
        switch type {
        case .integer, .decimal:
            var numbers = [Double](repeating: .nan, count: interner.count)
            var places: Int?
            var samePlaces = true
            for code in 0..<interner.count where !missing[code] {
                let (number, shown) = value(code) { bytes -> (Double, Int?) in
                    if let grouping {
                        let grouped = ValueShape.grouped(bytes, thousands: grouping)
                        return (grouped?.value ?? .nan, grouped?.places)
                    }
                    // Decimals shown only mean a fixed layout without an exponent: `1.5e-3` shows one
                    // decimal but is 0.0015, and writing it with one decimal would make it 0.0.
                    let shape = ValueShape.number(bytes)
                    return (ValueShape.value(bytes, mark: decimalMark) ?? .nan, shape?.hasExponent == true ? nil : shape?.places)
                }
                numbers[code] = missingNumbers.contains(number) ? .nan : number
                if shown == nil { samePlaces = false }
                if places == nil { places = shown } else if places != shown { samePlaces = false }
            }
            decoded.numbers = numbers
            if type == .decimal && samePlaces { decoded.decimalPlaces = places }
        case .boolean:
            var labels: [String?] = [nil, nil]
            decoded.numbers = (0..<interner.count).map { code in
                if missing[code] { return .nan }
                return value(code) { bytes in
                    let truth = ValueShape.boolean(bytes, encoding: encoding) ?? (bytes.count == 1 && bytes[0] == 49)
                    if labels[truth ? 1 : 0] == nil { labels[truth ? 1 : 0] = encoding.decode(bytes) }
                    return truth ? 1 : 0
                }
            }
            let numeric = shape.allInteger
            decoded.booleanLabels = [labels[0] ?? (numeric ? "0" : "no"), labels[1] ?? (numeric ? "1" : "sí")]
        case .date:
            decoded.numbers = (0..<interner.count).map { code in
                if missing[code] { return .nan }
                return value(code) { DateParsing.parse($0).map { Double($0.date.daysSinceEpoch) } ?? .nan }
            }
        case .dateTime:
            // One way of writing them is kept; several are written back as ISO 8601 in UTC.
            let uniform = shape.dateTimeStylesDiffer ? nil : shape.dateTimeStyle
            decoded.dateTimeStyle = uniform ?? DateTimeStyle(separator: "T", seconds: true, zone: shape.dateTimeZones ? "Z" : "")
            decoded.numbers = (0..<interner.count).map { code in
                if missing[code] { return .nan }
                return value(code) { DateTimeParsing.parse($0)?.seconds ?? .nan }
            }
        case .categorical, .text:
            // A text is what the file says: the tokenizer has taken the blanks off unquoted fields, and
            // blanks inside quotes are part of the value.
            decoded.decodeTexts = { codes in interner.texts(of: codes, encoding: encoding) }
            decoded.assignLevels(counts: interner.counts, lengths: { interner.length(of: $0) })
        }
        return decoded
    }
}
