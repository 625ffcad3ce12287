/// Guesses a file's delimiter, line ending and decimal mark from its content.
enum DialectDetection {
    static let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t"), UInt8(ascii: "|")]

    /// The candidate that splits the header into the most fields and splits the following lines into
    /// the same number, quotes respected. A file whose header holds none of them has one column (`,`).
    /// It looks at whole records: the first 64 KiB, or as much of the sample as the first two records
    /// need (a header of 10,000 columns is longer than 64 KiB); `complete` says the sample is the whole
    /// file, so that its last line counts without a line end (a file of one line).
    static func delimiter(in sample: UnsafeBufferPointer<UInt8>, complete: Bool) -> UInt8 {
        var best: (delimiter: UInt8, consistency: Double, fields: Int)?
        for candidate in candidates {
            var counts = fieldCounts(in: UnsafeBufferPointer(rebasing: sample.prefix(64 * 1024)), delimiter: candidate,
                                     complete: complete && sample.count <= 64 * 1024)
            if counts.count < 2 && sample.count > 64 * 1024 { counts = fieldCounts(in: sample, delimiter: candidate, complete: complete) }
            guard let headerFields = counts.first, headerFields > 1 else { continue }
            let rest = counts.dropFirst()
            let consistency = rest.isEmpty ? 1 : Double(rest.filter { $0 == headerFields }.count) / Double(rest.count)
            if best == nil || consistency > best!.consistency
                || (consistency == best!.consistency && headerFields > best!.fields) {
                best = (candidate, consistency, headerFields)
            }
        }
        return best?.delimiter ?? UInt8(ascii: ",")
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
        let commaColumns = shapes.contains { $0.allCommaNumbers && $0.hasCommaFraction }
        let pointColumns = shapes.contains { $0.allPointNumbers && $0.hasPointFraction }
        return commaColumns && !pointColumns ? comma : point
    }
}
