/// Guesses a file's delimiter, line ending and decimal mark from its content.
enum DialectDetection {
    static let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t"), UInt8(ascii: "|")]

    /// The candidate that splits the header into the most fields and splits the following lines into
    /// the same number, quotes respected. A file whose header holds none of them has one column (`,`).
    /// It looks at whole records: the first 64 KiB, or as much of the sample as the first two records
    /// need (a header of 10,000 columns is longer than 64 KiB); `complete` says the sample is the whole
    /// file, so that its last line counts without a line end (a file of one line).
    ///
    /// `skip` records are left out first (`--skip`); when it is nil, up to five leading lines of a
    /// single field above a header of several (a title, a date: «Base de afiliados, corte noviembre»)
    /// are found and left out too, and `leading` says how many records precede the header. Excel's
    /// `sep=;` first line names the delimiter and is left out.
    static func delimiter(in sample: UnsafeBufferPointer<UInt8>, complete: Bool, skip: Int? = nil) -> (delimiter: UInt8, leading: Int) {
        if let declared = excelSeparatorLine(sample) { return (declared, 1 + (skip ?? 0)) }
        var best: (delimiter: UInt8, consistency: Double, fields: Int, leading: Int)?
        for candidate in candidates {
            var counts = fieldCounts(in: UnsafeBufferPointer(rebasing: sample.prefix(64 * 1024)), delimiter: candidate,
                                     complete: complete && sample.count <= 64 * 1024)
            if counts.count < 2 + (skip ?? 0) && sample.count > 64 * 1024 { counts = fieldCounts(in: sample, delimiter: candidate, complete: complete) }
            var leading = min(skip ?? 0, counts.count)
            if skip == nil {
                // Title lines: single fields followed by a header of several that the next lines repeat.
                while leading < min(5, counts.count - 1), counts[leading] == 1 { leading += 1 }
                if leading > 0, counts[leading] <= 1 || leading + 1 >= counts.count { leading = 0 }
            }
            let counted = counts.dropFirst(leading)
            guard let headerFields = counted.first, headerFields > 1 else { continue }
            let rest = counted.dropFirst()
            let consistency = rest.isEmpty ? 1 : Double(rest.filter { $0 == headerFields }.count) / Double(rest.count)
            if leading > 0 && skip == nil && consistency < 1 { continue }
            // Reading the first line as the header wins a tie: a title is found only when it must be.
            let better = best.map { b in
                consistency != b.consistency ? consistency > b.consistency
                    : (leading == 0) != (b.leading == 0) ? leading == 0 : headerFields > b.fields
            } ?? true
            if better { best = (candidate, consistency, headerFields, leading) }
        }
        return (best?.delimiter ?? UInt8(ascii: ","), best?.leading ?? (skip ?? 0))
    }

    /// The delimiter and the records before the header, as ``delimiter(in:complete:skip:)`` finds
    /// them or the options force them; `titles` counts the title lines found without `--skip`.
    static func layout(of chunk: UnsafeBufferPointer<UInt8>, complete: Bool, options: CSVReadOptions) -> (delimiter: UInt8, leading: Int, titles: Int) {
        guard let forced = options.delimiter else {
            let found = delimiter(in: chunk, complete: complete, skip: options.skip)
            let declared = excelSeparatorLine(chunk) != nil ? 1 : 0
            return (found.delimiter, found.leading, options.skip == nil ? found.leading - declared : 0)
        }
        return (forced, (excelSeparatorLine(chunk) != nil ? 1 : 0) + (options.skip ?? 0), 0)
    }

    /// The delimiter Excel's first line `sep=;` (or `sep=,`, `sep=|`, `sep=` and a tab) declares.
    static func excelSeparatorLine(_ sample: UnsafeBufferPointer<UInt8>) -> UInt8? {
        guard sample.count >= 5, sample.prefix(4).map({ $0 | 0x20 }) == Array("sep=".utf8) else { return nil }
        let byte = sample[4]
        guard candidates.contains(byte) else { return nil }
        let after = sample.count > 5 ? sample[5] : 10
        return after == 10 || after == 13 ? byte : nil
    }

    /// The field counts of the first 100 records of `bytes` split at `delimiter`.
    private static func fieldCounts(in bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8, complete: Bool) -> [Int] {
        var counts: [Int] = []
        var tokenizer = CSVTokenizer(delimiter: delimiter)
        let sink = { (record: inout CSVTokenizer.Record) throws(CSVError) in
            if counts.count < 100 { counts.append(record.fieldCount) }
        }
        try? tokenizer.consume(bytes, offset: 0, sink: sink)
        if complete { try? tokenizer.finish(sink: sink) }
        return counts
    }

    /// CRLF when the first line break is CR LF, CR when it is a lone CR, else LF.
    static func lineEnding(in sample: UnsafeBufferPointer<UInt8>) -> CSVReport.LineEnding {
        guard let index = sample.firstIndex(where: { $0 == 10 || $0 == 13 }) else { return .lf }
        if sample[index] == 10 { return .lf }
        return index + 1 < sample.count && sample[index + 1] == 10 ? .crlf : .cr
    }

    /// A comma is the decimal mark when the delimiter is not a comma, some column's numbers show
    /// decimals after a comma, and no column's numbers show decimals after a point.
    static func decimalMark(delimiter: UInt8, shapes: [ColumnDecoder.Shape]) -> UInt8 {
        let point = UInt8(ascii: "."), comma = UInt8(ascii: ",")
        guard delimiter != comma else { return point }
        // Grouped numbers that can be read one way only (`1.234.567`, `1.234,5`) say the mark too.
        let commaColumns = shapes.contains { ($0.allCommaNumbers && $0.hasCommaFraction) || ($0.colombian.all && $0.colombian.unambiguous) }
        // A column of points before exactly three digits (`1.500`) could be either; it decides nothing.
        let pointColumns = shapes.contains { ($0.allPointNumbers && $0.hasPointFraction && !($0.colombian.all && $0.colombian.anyGrouped))
            || ($0.english.all && $0.english.unambiguous) }
        return commaColumns && !pointColumns ? comma : point
    }
}
