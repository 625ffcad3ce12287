import CReadStat
import Diagnostics
import Foundation

/// Writes a table as an SPSS (.sav, compressed .zsav) or Stata (.dta) file through ReadStat, with what
/// an analyst expects to find there: each variable's label (the question), value labels (the
/// options), NS/NR codes declared missing (SPSS user-missing values; Stata's `.a`, `.b`…), the level of
/// measurement, dates as dates. Names are made legal (``StatisticsNames``); a renamed column keeps its
/// original name as its label when it has none. The file appears whole or not at all.
public enum StatisticsFileWriter {
    public enum Kind: Sendable { case sav, zsav, dta }

    /// Days from 1582-10-14 (SPSS's day 0) to 1970-01-01, and from 1960-01-01 (Stata's) to 1970-01-01.
    static let spssEpochDays = 141_428.0
    static let stataEpochDays = 3_653.0

    /// Writes `table` and returns the columns renamed to be legal names.
    @discardableResult
    public static func write(_ table: Table, labels: TableLabels?, kind: Kind, to path: String, progress: DataFile.RowsWritten? = nil) throws(CSVError) -> [(from: String, to: String)] {
        if let error = CSVError.checkOutput(path) { throw error }
        let package: StatisticsNames.Package = kind == .dta ? .stata : .spss
        let (names, renamed) = StatisticsNames.legal(table.columnNames, for: package)
        let temporary = TextFile.temporaryPath(beside: path)
        let output = OutputBuffer(path: temporary)
        guard output.descriptor >= 0 else {
            throw CSVError(.ioFailure(reason: SystemMessage.text(errno)), at: SourceLocation(source: path))
        }
        let context = Unmanaged.passRetained(output)
        defer { context.release() }
        let writer = readstat_writer_init()
        defer { readstat_writer_free(writer) }
        readstat_set_data_writer(writer) { data, length, context in
            Unmanaged<OutputBuffer>.fromOpaque(context!).takeUnretainedValue().append(data!, length)
        }
        if let file = labels?.file { readstat_writer_set_file_label(writer, StatisticsNames.truncated(file, kind == .dta ? 80 : 64)) }
        var plans: [VariablePlan] = []
        for (index, column) in table.columns.enumerated() {
            var label = labels?[column.name] ?? VariableLabel()
            if label.label == nil && names[index] != column.name { label.label = column.name }
            plans.append(VariablePlan(column: column, name: names[index], label: label, kind: kind, writer: writer!))
        }
        var status: readstat_error_t
        switch kind {
        case .sav:
            readstat_writer_set_compression(writer, READSTAT_COMPRESS_ROWS)
            status = readstat_begin_writing_sav(writer, context.toOpaque(), table.rowCount)
        case .zsav:
            readstat_writer_set_compression(writer, READSTAT_COMPRESS_BINARY)
            status = readstat_begin_writing_sav(writer, context.toOpaque(), table.rowCount)
        case .dta:
            readstat_writer_set_file_format_version(writer, 118)
            status = readstat_begin_writing_dta(writer, context.toOpaque(), table.rowCount)
        }
        if status == READSTAT_OK {
            rows: for row in 0..<table.rowCount {
                if row > 0 && row % DataFile.progressEvery == 0 { progress?(row, table.rowCount) }
                status = readstat_begin_row(writer)
                if status != READSTAT_OK { break }
                for plan in plans {
                    status = plan.insert(row, writer!)
                    if status != READSTAT_OK { break rows }
                }
                status = readstat_end_row(writer)
                if status != READSTAT_OK { break }
            }
        }
        if status == READSTAT_OK { status = readstat_end_writing(writer) }
        let flushed = output.finish()
        guard status == READSTAT_OK, flushed == 0 else {
            unlink(temporary)
            let reason = flushed != 0 ? SystemMessage.text(flushed) : Self.reason(status)
            throw CSVError(.ioFailure(reason: reason), at: SourceLocation(source: path))
        }
        if rename(temporary, path) != 0 {
            let code = errno
            unlink(temporary)
            throw CSVError(.ioFailure(reason: SystemMessage.text(code)), at: SourceLocation(source: path))
        }
        return renamed
    }

    static func reason(_ status: readstat_error_t) -> String {
        switch status {
        case READSTAT_ERROR_WRITE: return SystemMessage.text(errno == 0 ? EIO : errno)
        case READSTAT_ERROR_STRING_VALUE_IS_TOO_LONG: return L("un texto es demasiado largo para el formato", "a text is too long for the format")
        case READSTAT_ERROR_TOO_MANY_COLUMNS: return L("demasiadas columnas para el formato", "too many columns for the format")
        case READSTAT_ERROR_NUMERIC_VALUE_IS_OUT_OF_RANGE: return L("un número está fuera del rango del formato", "a number is out of the format's range")
        default: return L("ReadStat no pudo escribirlo: ", "ReadStat could not write it: ") + String(cString: readstat_error_message(status))
        }
    }
}

/// How one column becomes a variable: its ReadStat type, format and labels, and how a cell is inserted.
private struct VariablePlan {
    let variable: UnsafeMutablePointer<readstat_variable_t>
    let insert: (Int, UnsafeMutablePointer<readstat_writer_t>) -> readstat_error_t

    init(column: Column, name: String, label: VariableLabel, kind: StatisticsFileWriter.Kind, writer: UnsafeMutablePointer<readstat_writer_t>) {
        let stata = kind == .dta
        switch column.storage {
        case .coded(let codes, let levels):
            let encoded = levels.map { Array($0.utf8CString) }
            let widest = levels.map(\.utf8.count).max() ?? 1
            let long = stata && widest > 2045
            let variable = readstat_add_variable(writer, name, long ? READSTAT_TYPE_STRING_REF : READSTAT_TYPE_STRING, max(1, widest))!
            self.variable = variable
            // SPSS wants a string's display format as wide as the string (ReadStat's default is A8).
            if !stata { readstat_variable_set_format(variable, "A\(max(1, widest))") }
            if long {
                let refs = levels.map { readstat_add_string_ref(writer, $0) }
                insert = { row, writer in
                    let code = codes[row]
                    return code == Column.missingCode ? readstat_insert_missing_value(writer, variable)
                        : readstat_insert_string_ref(writer, variable, refs[Int(code)])
                }
            } else {
                insert = { row, writer in
                    let code = codes[row]
                    if code == Column.missingCode { return readstat_insert_missing_value(writer, variable) }
                    return encoded[Int(code)].withUnsafeBufferPointer { readstat_insert_string_value(writer, variable, $0.baseAddress) }
                }
            }
            readstat_variable_set_measure(variable, label.measure.map(Self.measure) ?? READSTAT_MEASURE_NOMINAL)
            readstat_variable_set_display_width(variable, Int32(min(40, max(8, widest))))
        case .numeric(let values):
            let plan = NumericPlan(column: column, label: label, stata: stata)
            let variable = readstat_add_variable(writer, name, plan.type, 0)!
            self.variable = variable
            readstat_variable_set_format(variable, plan.format)
            if !plan.valueLabels.isEmpty || !plan.missingTags.isEmpty {
                let set = readstat_add_label_set(writer, stata ? READSTAT_TYPE_INT32 : READSTAT_TYPE_DOUBLE, stata ? name : "l_" + name)
                for (code, text) in plan.valueLabels {
                    if stata { readstat_label_int32_value(set, Int32(code), text) } else { readstat_label_double_value(set, code, text) }
                }
                for (code, tag) in plan.missingTags.sorted(by: { $0.value < $1.value }) {
                    let text = label.values.first { $0.code == code }?.label ?? NumberText.exact(code)
                    readstat_label_tagged_value(set, tag, text)
                }
                readstat_variable_set_label_set(variable, set)
            }
            if !stata {
                for missing in plan.spssMissing {
                    switch missing {
                    case .value(let x): readstat_variable_add_missing_double_value(variable, x)
                    case .range(let lo, let hi): readstat_variable_add_missing_double_range(variable, lo, hi)
                    }
                }
            }
            let nominal = !plan.valueLabels.isEmpty || column.type == .boolean
            let measure = label.measure.map(Self.measure) ?? (nominal ? READSTAT_MEASURE_NOMINAL : READSTAT_MEASURE_SCALE)
            readstat_variable_set_measure(variable, measure)
            readstat_variable_set_display_width(variable, Int32(plan.width))
            let transform = plan.transform, tags = plan.missingTags, type = plan.type
            insert = { row, writer in
                let value = values[row]
                if value.isNaN { return readstat_insert_missing_value(writer, variable) }
                if let tag = tags[value] { return readstat_insert_tagged_missing_value(writer, variable, tag) }
                let x = transform(value)
                switch type {
                case READSTAT_TYPE_INT8: return readstat_insert_int8_value(writer, variable, Int8(x))
                case READSTAT_TYPE_INT32: return readstat_insert_int32_value(writer, variable, Int32(x))
                default: return readstat_insert_double_value(writer, variable, x)
                }
            }
        }
        if let text = label.label { readstat_variable_set_label(variable, StatisticsNames.truncated(text, stata ? 80 : 1000)) }
    }

    static func measure(_ m: VariableLabel.Measure) -> readstat_measure_t {
        switch m {
        case .nominal: return READSTAT_MEASURE_NOMINAL
        case .ordinal: return READSTAT_MEASURE_ORDINAL
        case .scale: return READSTAT_MEASURE_SCALE
        }
    }
}

/// The numeric side of a ``VariablePlan``: storage type, display format, how values are moved to the
/// package's calendar, which codes are labelled and which are missing.
private struct NumericPlan {
    enum SPSSMissing { case value(Double), range(Double, Double) }

    var type = READSTAT_TYPE_DOUBLE
    var format = "F8.2"
    var width = 8
    var transform: (Double) -> Double = { $0 }
    var valueLabels: [(Double, String)] = []
    var missingTags: [Double: CChar] = [:]
    var spssMissing: [SPSSMissing] = []

    init(column: Column, label: VariableLabel, stata: Bool) {
        let values = column.numbers ?? []
        let finite = values.filter { !$0.isNaN }
        let whole = finite.allSatisfy { $0 == $0.rounded() }
        let fitsInt32 = finite.allSatisfy { abs($0) <= 2_147_483_620 }
        let digits = max(1, finite.map { String(Int64(abs($0.rounded()).clamped(0, 9e17))).count + ($0 < 0 ? 1 : 0) }.max() ?? 1)
        switch column.type {
        case .date:
            if stata {
                type = READSTAT_TYPE_INT32; format = "%td"; transform = { $0 + StatisticsFileWriter.stataEpochDays }
            } else {
                format = "EDATE10"; transform = { ($0 + StatisticsFileWriter.spssEpochDays) * 86_400 }
            }
            width = 10
            return
        case .dateTime:
            let offset = Double(column.dateTimeStyle?.offset ?? 0)
            if stata {
                format = "%tc"; transform = { ($0 + offset + StatisticsFileWriter.stataEpochDays * 86_400) * 1000 }
            } else {
                format = "DATETIME20"; transform = { $0 + offset + StatisticsFileWriter.spssEpochDays * 86_400 }
            }
            width = 20
            return
        case .boolean:
            type = stata ? READSTAT_TYPE_INT8 : READSTAT_TYPE_DOUBLE
            format = stata ? "%8.0g" : "F1.0"
            width = 8
            let words = column.booleanLabels ?? ["0", "1"]
            if words != ["0", "1"] { valueLabels = [(0, words[0]), (1, words[1])] }
        default:
            let places = column.type == .integer || whole ? 0 : min(16, column.decimalPlaces ?? 2)
            if stata {
                type = whole && fitsInt32 ? READSTAT_TYPE_INT32 : READSTAT_TYPE_DOUBLE
                format = places == 0 ? "%\(max(9, digits + 1)).0g" : "%\(max(9, digits + places + 2)).\(places)f"
            } else {
                format = "F\(min(40, digits + (places > 0 ? places + 1 : 0))).\(places)"
            }
            width = max(8, min(40, digits + places + 1))
        }
        let missing = Set(label.missing)
        if column.type != .boolean { valueLabels = label.values.filter { !stata || !missing.contains($0.code) }.map { ($0.code, $0.label) } }
        if stata {
            // Stata labels whole numbers only; NS/NR become `.a`, `.b`… (labelled).
            if type != READSTAT_TYPE_INT32 && type != READSTAT_TYPE_INT8 { valueLabels = [] }
            for (k, code) in label.missing.sorted().prefix(26).enumerated() { missingTags[code] = CChar(UInt8(ascii: "a") + UInt8(k)) }
        } else {
            let codes = label.missing.sorted()
            if codes.count <= 3 {
                spssMissing = codes.map { .value($0) }
            } else {
                // SPSS allows three values, or a range and one value: the range from the second smallest
                // to the largest, when no answer lies inside it.
                let lo = codes[1], hi = codes[codes.count - 1]
                let answers = label.values.map(\.code).filter { !missing.contains($0) }
                if !answers.contains(where: { $0 >= lo && $0 <= hi }) { spssMissing = [.value(codes[0]), .range(lo, hi)] } else { spssMissing = codes.prefix(3).map { .value($0) } }
            }
        }
    }
}

private extension Double {
    func clamped(_ lo: Double, _ hi: Double) -> Double { Swift.min(hi, Swift.max(lo, self)) }
}

/// The bytes ReadStat hands over, gathered a megabyte at a time and written to the file.
private final class OutputBuffer {
    let descriptor: Int32
    var buffer: [UInt8] = []
    var failure: Int32 = 0

    init(path: String) {
        // Owner only: a data file may hold personal data (Ley 1581 de 2012).
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        buffer.reserveCapacity(1 << 20)
    }

    func append(_ data: UnsafeRawPointer, _ length: Int) -> Int {
        if failure != 0 { return -1 }
        buffer.append(contentsOf: UnsafeRawBufferPointer(start: data, count: length))
        if buffer.count >= 1 << 20 { flush() }
        return failure == 0 ? length : -1
    }

    private func flush() {
        var offset = 0
        while offset < buffer.count && failure == 0 {
            let written = buffer[offset...].withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 { if errno != EINTR { failure = errno } } else { offset += written }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is left, syncs and closes: 0, or the errno of the failure.
    func finish() -> Int32 {
        flush()
        if failure == 0 && fsync(descriptor) != 0 { failure = errno }
        close(descriptor)
        return failure
    }
}
