/// Guesses a file's delimiter, line ending and decimal mark from its content.
enum DialectDetection {
    static let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t"), UInt8(ascii: "|")]

    /// The candidate that splits the header into the most fields and splits the following lines into
    /// the same number, quotes respected. A file whose header holds none of them has one column (`,`).
    static func delimiter(in sample: UnsafeBufferPointer<UInt8>) -> UInt8 {
        let window = UnsafeBufferPointer(rebasing: sample.prefix(64 * 1024))
        var best: (delimiter: UInt8, consistency: Double, fields: Int)?
        for candidate in candidates {
            var counts: [Int] = []
            var tokenizer = CSVTokenizer(delimiter: candidate)
            try? tokenizer.consume(window, offset: 0) { (record: inout CSVTokenizer.Record) throws(CSVError) in
                if counts.count < 100 { counts.append(record.fieldCount) }
            }
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
