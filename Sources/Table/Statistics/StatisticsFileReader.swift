import CReadStat
import Diagnostics
import Foundation

/// Reads an SPSS (.sav, .zsav) or Stata (.dta) file as a ``Table`` through ReadStat: numbers as
/// numbers (whole or with the decimals of their format), dates and date-times by their format (SPSS
/// `DATE`/`EDATE`/`ADATE`… and `DATETIME`, Stata `%td` and `%tc`), strings as categories or text.
/// Labelled codes stay codes — what `analyze` works with — and the labels come back in
/// ``CSVReport/labels``, so that converting to another SPSS, Stata or Excel file keeps them. SPSS
/// user-missing values are read as their codes and declared in the labels; Stata's `.a`…`.z` are
/// missing.
enum StatisticsFileReader {
    static func read(path: String, format: DataFormat, options: CSVReadOptions) throws(CSVError) -> (table: Table, report: CSVReport) {
        guard FileManager.default.fileExists(atPath: path) else { throw CSVError(.fileNotFound, at: SourceLocation(source: path)) }
        let state = ReadState(wanted: options.columns, stata: format == .dta)
        state.missingCodes = Set(options.missingCodes)
        state.declaredMissing = options.declaredMissing
        let context = Unmanaged.passRetained(state)
        defer { context.release() }
        let parser = readstat_parser_init()
        defer { readstat_parser_free(parser) }
        readstat_set_metadata_handler(parser) { metadata, context in
            let state = Unmanaged<ReadState>.fromOpaque(context!).takeUnretainedValue()
            state.rowCount = max(0, Int(readstat_get_row_count(metadata)))
            if let label = readstat_get_file_label(metadata), label.pointee != 0 { state.fileLabel = String(cString: label) }
            return Int32(READSTAT_HANDLER_OK)
        }
        readstat_set_variable_handler(parser) { index, variable, labelSet, context in
            let state = Unmanaged<ReadState>.fromOpaque(context!).takeUnretainedValue()
            return state.add(variable!, labelSet: labelSet.map { String(cString: $0) })
        }
        readstat_set_value_label_handler(parser) { set, value, label, context in
            let state = Unmanaged<ReadState>.fromOpaque(context!).takeUnretainedValue()
            guard let set, let label else { return Int32(READSTAT_HANDLER_OK) }
            if readstat_value_type_class(value) == READSTAT_TYPE_CLASS_NUMERIC && readstat_value_is_tagged_missing(value) == 0 {
                state.valueLabels[String(cString: set), default: []].append((readstat_double_value(value), String(cString: label)))
            }
            return Int32(READSTAT_HANDLER_OK)
        }
        readstat_set_value_handler(parser) { row, variable, value, context in
            Unmanaged<ReadState>.fromOpaque(context!).takeUnretainedValue().take(Int(row), variable!, value)
            return Int32(READSTAT_HANDLER_OK)
        }
        let status = path.withCString { name in
            format == .dta ? readstat_parse_dta(parser, name, context.toOpaque()) : readstat_parse_sav(parser, name, context.toOpaque())
        }
        guard status == READSTAT_OK else {
            let what = format == .dta ? "Stata (.dta)" : "SPSS (.sav)"
            let reason = status == READSTAT_ERROR_OPEN ? SystemMessage.text(errno) : String(cString: readstat_error_message(status))
            throw CSVError(.notStatisticsFile(format: what, reason: reason), at: SourceLocation(source: path))
        }
        if let wanted = options.columns {
            let names = state.variables.map(\.name)
            for name in wanted.sorted() where !names.contains(name) {
                throw CSVError(.unknownColumn(name, suggestion: Suggestion.closest(to: name, among: state.allNames)), at: SourceLocation(source: path))
            }
        }
        let (columns, labels) = state.finish()
        let table = Table(columns: columns, rowCount: state.rowCount)
        var report = CSVReport(source: path, encoding: .utf8, byteOrderMark: false, delimiter: 0, decimalMark: UInt8(ascii: "."), lineEnding: .lf,
                               rows: table.rowCount, skippedRows: [], expectedFields: state.allNames.count)
        report.format = format
        report.labels = labels
        if options.digest, let data = FileManager.default.contents(atPath: path) { report.sha256 = SHA256.hex(of: Array(data)) }
        return (table, report)
    }
}

/// What the parser has handed over so far: the variables read, their values by row, the label sets.
private final class ReadState {
    enum Kind { case number, date, dateTime, text }

    struct Variable {
        var name: String
        var kind: Kind
        var label: String?
        var labelSet: String?
        var decimals: Int?
        var measure: VariableLabel.Measure?
        var missing: [Double] = []
        var numbers: [Double] = []
        var texts: [String?] = []
        /// Stata's calendar or SPSS's: added to reach days (or seconds) since 1970.
        var stata: Bool
    }

    let wanted: Set<String>?
    var rowCount = 0
    var fileLabel: String?
    var variables: [Variable] = []
    var allNames: [String] = []
    /// ReadStat's variable index → position in `variables` (nil when not read).
    var position: [Int: Int] = [:]
    var valueLabels: [String: [(Double, String)]] = [:]
    let stata: Bool
    /// `--missing` codes, and whether the file's own missing codes count as missing.
    var missingCodes: Set<String> = []
    var declaredMissing = false

    init(wanted: Set<String>?, stata: Bool) {
        self.wanted = wanted
        self.stata = stata
    }

    func add(_ variable: UnsafeMutablePointer<readstat_variable_t>, labelSet: String?) -> Int32 {
        let name = String(cString: readstat_variable_get_name(variable))
        allNames.append(name)
        if let wanted, !wanted.contains(name) { return Int32(READSTAT_HANDLER_SKIP_VARIABLE) }
        let format = readstat_variable_get_format(variable).map { String(cString: $0) } ?? ""
        let upper = format.uppercased()
        var kind = Kind.number
        if readstat_variable_get_type_class(variable) == READSTAT_TYPE_CLASS_STRING {
            kind = .text
        } else if stata {
            if upper.hasPrefix("%TD") || upper.hasPrefix("%D") { kind = .date }
            if upper.hasPrefix("%TC") { kind = .dateTime }
        } else if ["DATETIME", "YMDHMS", "DTIME"].contains(where: { upper.hasPrefix($0) }) {
            kind = .dateTime
        } else if ["DATE", "ADATE", "EDATE", "SDATE", "JDATE"].contains(where: { upper.hasPrefix($0) }) {
            kind = .date
        }
        var decimals: Int?
        if kind == .number {
            // SPSS's F8.2 and Stata's fixed %9.2f: the digits after the point (Stata's %9.0g is general).
            let fixed = !stata || upper.hasSuffix("F") || upper.hasSuffix("FC")
            if fixed, let dot = upper.lastIndex(of: "."), let places = Int(upper[upper.index(after: dot)...].prefix { $0.isNumber }) { decimals = places }
        }
        let label = readstat_variable_get_label(variable).map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 }
        var missing: [Double] = []
        for k in 0..<readstat_variable_get_missing_ranges_count(variable) {
            let lo = readstat_variable_get_missing_range_lo(variable, k), hi = readstat_variable_get_missing_range_hi(variable, k)
            guard readstat_value_type_class(lo) == READSTAT_TYPE_CLASS_NUMERIC else { continue }
            let a = readstat_double_value(lo), b = readstat_double_value(hi)
            if a == b { missing.append(a) } else if b - a <= 100, a.rounded() == a { missing += stride(from: a, through: b, by: 1).map { $0 } }
        }
        let measure: VariableLabel.Measure?
        switch readstat_variable_get_measure(variable) {
        case READSTAT_MEASURE_NOMINAL: measure = .nominal
        case READSTAT_MEASURE_ORDINAL: measure = .ordinal
        case READSTAT_MEASURE_SCALE: measure = .scale
        default: measure = nil
        }
        position[Int(readstat_variable_get_index(variable))] = variables.count
        var entry = Variable(name: name, kind: kind, label: label, labelSet: labelSet, decimals: decimals, measure: measure, missing: missing, stata: stata)
        if kind == .text { entry.texts.reserveCapacity(rowCount) } else { entry.numbers.reserveCapacity(rowCount) }
        variables.append(entry)
        return Int32(READSTAT_HANDLER_OK)
    }

    func take(_ row: Int, _ variable: UnsafeMutablePointer<readstat_variable_t>, _ value: readstat_value_t) {
        guard let at = position[Int(readstat_variable_get_index(variable))] else { return }
        if variables[at].kind == .text {
            let text = readstat_string_value(value).map { String(cString: $0) }
            variables[at].texts.append(text.flatMap { $0.isEmpty ? nil : $0 })
            return
        }
        if readstat_value_is_system_missing(value) != 0 || readstat_value_is_tagged_missing(value) != 0 {
            variables[at].numbers.append(.nan)
            return
        }
        variables[at].numbers.append(readstat_double_value(value))
    }

    func finish() -> ([Column], TableLabels) {
        var labels = TableLabels(file: fileLabel)
        let columns = variables.map { v -> Column in
            let values = v.labelSet.flatMap { valueLabels[$0] } ?? []
            if v.label != nil || !values.isEmpty || !v.missing.isEmpty || v.measure != nil {
                labels.variables[v.name] = VariableLabel(label: v.label, values: values.map { (code: $0.0, label: $0.1) }, missing: v.missing, measure: v.measure)
            }
            let missing = Set(missingCodes.compactMap(Double.init)).union(declaredMissing ? v.missing : [])
            switch v.kind {
            case .text:
                let texts = v.texts.map { $0.flatMap { missingCodes.contains($0) ? nil : $0 } }
                return Column.labels(v.name, texts + [String?](repeating: nil, count: max(0, rowCount - v.texts.count)))
            case .date:
                let offset = v.stata ? StatisticsFileWriter.stataEpochDays : StatisticsFileWriter.spssEpochDays
                let days = v.numbers.map { v.stata ? ($0 - offset).rounded(.down) : ($0 / 86_400 - offset).rounded(.down) }
                return Column(name: v.name, type: .date, storage: .numeric(padded(days)))
            case .dateTime:
                let seconds = v.numbers.map { v.stata ? $0 / 1000 - StatisticsFileWriter.stataEpochDays * 86_400 : $0 - StatisticsFileWriter.spssEpochDays * 86_400 }
                return Column(name: v.name, type: .dateTime, storage: .numeric(padded(seconds)), dateTimeStyle: DateTimeStyle())
            case .number:
                var column = Column.optionalNumbers(v.name, padded(v.numbers).map { $0.isNaN || missing.contains($0) ? nil : $0 })
                if column.type == .decimal { column.decimalPlaces = v.decimals }
                return column
            }
        }
        return (columns, labels)
    }

    private func padded(_ values: [Double]) -> [Double] {
        values.count >= rowCount ? values : values + [Double](repeating: .nan, count: rowCount - values.count)
    }
}
