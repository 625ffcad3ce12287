import Foundation
import Diagnostics

/// Which fields of each record the tokenizer copies; set once the header is known.
final class FieldFilter {
    var keep: [Bool]?
}

/// Splits CSV bytes into records and fields (RFC 4180, and the looser files people have): quoted
/// fields may hold the delimiter, doubled quotes and line breaks; lines end in LF, CRLF or CR;
/// blank lines are skipped. Spaces and tabs around an unquoted field are not part of it (` 12 ,`
/// is `12`), nor those between a closing quote and the delimiter; inside quotes every blank is kept
/// (`"  Manizales "` is what it says, as RFC 4180 wants). It works on any chunking of the input: feed the chunks in order, then
/// call ``finish(sink:)``. Only ASCII bytes (delimiter, quote, CR, LF) have meaning here, so the same
/// machine serves UTF-8 and Windows-1252 files; decoding happens later, once per distinct value.
struct CSVTokenizer {
    /// One complete record: the bytes of its fields laid end to end, and where each field ends. The
    /// storage is reused from record to record: read it inside the sink only.
    struct Record {
        let bytes = GrowableBuffer<UInt8>(capacity: 4096)
        let fieldEnds = GrowableBuffer<Int>(capacity: 64)
        /// Physical line (1-based) where the record starts.
        var line = 1
        /// Byte offset in the file where the record starts.
        var offset = 0

        var fieldCount: Int { fieldEnds.count }

        /// The bytes of field `index` (unquoted, doubled quotes undone).
        func field(_ index: Int) -> UnsafeBufferPointer<UInt8> {
            let start = index == 0 ? 0 : fieldEnds[index - 1]
            return UnsafeBufferPointer(start: bytes.base + start, count: fieldEnds[index] - start)
        }
    }

    private enum State { case fieldStart, unquoted, quoted, quoteInQuoted }

    let delimiter: UInt8
    /// Fields whose bytes are not needed (columns not read) are split off but not copied.
    let filter: FieldFilter?
    private var state = State.fieldStart
    /// A CR ended the last chunk inside a quoted field: it is a line break unless an LF follows.
    private var quotedCRPending = false
    private var record = Record()
    /// The physical line at the current position, and whether the last byte was a CR (so that a
    /// following LF belongs to the same line end).
    private var line = 1
    private var afterCR = false
    private var recordHasContent = false
    /// Where the open quoted field started, for the "unterminated quote" error.
    private var quoteLine = 1
    private var quoteOffset = 0
    /// Where the unquoted part of the current field began in the record's bytes: trailing blanks are
    /// removed down to here, never into quoted text before it.
    private var unquotedStart = 0

    init(delimiter: UInt8, filter: FieldFilter? = nil) {
        self.delimiter = delimiter
        self.filter = filter
    }

    /// Whether the bytes of field `field` are kept, given the filter's `keep` as last read (the header's
    /// sink sets it, once, so ``consume(_:offset:sink:)`` reads it after a record until it is set).
    private static func keeping(_ field: Int, _ keep: [Bool]?) -> Bool {
        guard let keep, field < keep.count else { return true }
        return keep[field]
    }

    /// The physical line (1-based) the next byte is on.
    var currentLine: Int { line }

    /// Whether the bytes consumed so far end exactly at the end of a record: no field, quote or line
    /// end left open. A part of a file read on its own (``CSVReader``'s parallel scan) is only valid
    /// when the part before it ends so.
    var atRecordBoundary: Bool { state == .fieldStart && !recordHasContent && !quotedCRPending }

    /// Tokenizes the next chunk; `offset` is the file position of its first byte.
    mutating func consume(_ chunk: UnsafeBufferPointer<UInt8>, offset: Int,
                          sink: (inout Record) throws(CSVError) -> Void) throws(CSVError) {
        guard let p = chunk.baseAddress else { return }
        let end = chunk.count
        let quote = UInt8(ascii: "\""), delimiter = self.delimiter
        let cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        var keep = filter?.keep
        // The last field whose bytes are kept: after it, the rest of a plain record is only counted.
        var lastKept = keep.flatMap { $0.lastIndex(of: true) }
        let splats = (Self.splat(delimiter), Self.splat(lf), Self.splat(cr))
        var i = 0
        while i < end {
            switch state {
            case .fieldStart:
                let byte = p[i]
                if afterCR {
                    afterCR = false
                    if byte == lf { i += 1; continue }
                }
                if !recordHasContent {
                    record.line = line
                    record.offset = offset + i
                }
                if (byte == ValueShape.space || byte == ValueShape.tab) && byte != delimiter {
                    i += 1   // blanks before a field
                } else if byte == quote {
                    state = .quoted
                    recordHasContent = true
                    quoteLine = line
                    quoteOffset = offset + i
                    i += 1
                } else if byte == delimiter {
                    recordHasContent = true
                    record.fieldEnds.append(record.bytes.count)
                    i += 1
                } else if byte == lf || byte == cr {
                    if recordHasContent { record.fieldEnds.append(record.bytes.count) }
                    line += 1
                    afterCR = byte == cr
                    i += 1
                    try endRecord(sink: sink)
                    if keep == nil { keep = filter?.keep; lastKept = keep.flatMap { $0.lastIndex(of: true) } }
                } else {
                    state = .unquoted
                    unquotedStart = record.bytes.count
                    recordHasContent = true
                }
            case .unquoted:
                // Unquoted fields one after another without going back through the switch: most
                // fields of most files are unquoted, and the dispatch cost more than the scan.
                var j = i
                while true {
                    let start = j
                    while j < end {
                        // Eight bytes at a time while they hold no delimiter or line end.
                        if j + 8 <= end {
                            let flags = Self.specialBytes(UnsafeRawPointer(p + j).loadUnaligned(as: UInt64.self), splats)
                            if flags == 0 { j += 8; continue }
                            j += flags.trailingZeroBitCount >> 3
                            break
                        }
                        let byte = p[j]
                        if byte == delimiter || byte == lf || byte == cr { break }
                        j += 1
                    }
                    if j > start && Self.keeping(record.fieldEnds.count, keep) { record.bytes.append(p + start, count: j - start) }
                    guard j < end else { break }
                    let byte = p[j]
                    endUnquotedField()
                    unquotedStart = record.bytes.count
                    j += 1
                    if byte != delimiter {
                        state = .fieldStart
                        line += 1
                        afterCR = byte == cr
                        i = j
                        try endRecord(sink: sink)
                        if keep == nil { keep = filter?.keep; lastKept = keep.flatMap { $0.lastIndex(of: true) } }
                        break
                    }
                    if let last = lastKept, record.fieldEnds.count > last, let stop = skipRest(p, from: j, to: end) {
                        // No field after this one is kept, and the rest of the line is plain: its fields
                        // were counted; the record ends at `stop`.
                        state = .fieldStart
                        line += 1
                        afterCR = p[stop] == cr
                        j = stop + 1
                        try endRecord(sink: sink)
                        break
                    }
                    if let keep, record.fieldEnds.count < keep.count, !keep[record.fieldEnds.count],
                       let next = skipFields(p, from: j, to: end, keep: keep) {
                        // The fields up to the next kept one were plain: counted, not read.
                        j = next
                    }
                    if j < end {
                        // The next field starts with a byte of its own: read on. A quote, a blank (maybe
                        // before a quote) or an empty field goes back through the switch.
                        let next = p[j]
                        if next != delimiter && next != quote && next != lf && next != cr && next != ValueShape.space && next != ValueShape.tab { continue }
                    }
                    state = .fieldStart
                    break
                }
                i = j
            case .quoted:
                if quotedCRPending {
                    quotedCRPending = false
                    if p[i] != lf { line += 1 }
                }
                var j = i
                while j < end && p[j] != quote {
                    if p[j] == lf {
                        line += 1
                    } else if p[j] == cr {
                        if j + 1 >= end { quotedCRPending = true } else if p[j + 1] != lf { line += 1 }
                    }
                    j += 1
                }
                if j > i && Self.keeping(record.fieldEnds.count, keep) { record.bytes.append(p + i, count: j - i) }
                i = j
                if j < end {
                    state = .quoteInQuoted
                    i += 1
                }
            case .quoteInQuoted:
                let byte = p[i]
                if byte == quote {
                    if Self.keeping(record.fieldEnds.count, keep) { record.bytes.append(quote) }
                    state = .quoted
                    i += 1
                } else if byte == delimiter {
                    record.fieldEnds.append(record.bytes.count)
                    state = .fieldStart
                    i += 1
                } else if byte == lf || byte == cr {
                    record.fieldEnds.append(record.bytes.count)
                    state = .fieldStart
                    line += 1
                    afterCR = byte == cr
                    i += 1
                    try endRecord(sink: sink)
                    if keep == nil { keep = filter?.keep; lastKept = keep.flatMap { $0.lastIndex(of: true) } }
                } else if byte == ValueShape.space || byte == ValueShape.tab {
                    i += 1   // blanks between the closing quote and the delimiter
                } else {
                    // Text after a closing quote ("abc"def): kept, as spreadsheet programs do.
                    state = .unquoted
                    unquotedStart = record.bytes.count
                }
            }
        }
    }

    /// The rest of a record from `start`, after its last kept field, when the line ends in this chunk
    /// and holds no quote and no carriage return (but one just before the LF): one field end for the
    /// field at `start` and one more per delimiter, without looking at the fields one by one. Returns
    /// where the line end (CR or LF) is; nil leaves the record to the ordinary path.
    @inline(__always)
    private mutating func skipRest(_ p: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int? {
        guard start < end, let found = memchr(p + start, 10, end - start) else { return nil }
        var stop = UnsafeRawPointer(found) - UnsafeRawPointer(p)
        if stop > start && p[stop - 1] == 13 { stop -= 1 }
        guard memchr(p + start, 34, stop - start) == nil, memchr(p + start, 13, stop - start) == nil else { return nil }
        var count = 0, k = start
        let splat = Self.splat(delimiter)
        while k + 8 <= stop {
            count += Self.exactZeroBytes(UnsafeRawPointer(p + k).loadUnaligned(as: UInt64.self) ^ splat).nonzeroBitCount
            k += 8
        }
        while k < stop {
            if p[k] == delimiter { count += 1 }
            k += 1
        }
        record.fieldEnds.append(repeating: record.bytes.count, count: count + 1)
        return stop
    }

    /// Passes over the fields from `start` up to the next kept one when none of them holds a quote or a
    /// line end (and they end in this chunk): one field end each, eight bytes looked at a time. Returns
    /// where the next kept field starts; nil leaves them to the ordinary path, which reads them the
    /// same way, byte by byte.
    @inline(__always)
    private mutating func skipFields(_ p: UnsafePointer<UInt8>, from start: Int, to end: Int, keep: [Bool]) -> Int? {
        var wanted = 0
        var field = record.fieldEnds.count
        while field < keep.count && !keep[field] { wanted += 1; field += 1 }
        guard field < keep.count else { return nil }
        let delimiters = Self.splat(delimiter), quotes = Self.splat(34), lfs = Self.splat(10), crs = Self.splat(13)
        var found = 0, k = start
        while k + 8 <= end {
            let word = UnsafeRawPointer(p + k).loadUnaligned(as: UInt64.self)
            var marks = Self.exactZeroBytes(word ^ delimiters)
            let specials = Self.exactZeroBytes(word ^ quotes) | Self.exactZeroBytes(word ^ lfs) | Self.exactZeroBytes(word ^ crs)
            if specials != 0 { marks &= (specials & (~specials &+ 1)) &- 1 }
            while marks != 0 {
                found += 1
                if found == wanted {
                    record.fieldEnds.append(repeating: record.bytes.count, count: wanted)
                    return k + marks.trailingZeroBitCount >> 3 + 1
                }
                marks &= marks &- 1
            }
            if specials != 0 { return nil }
            k += 8
        }
        return nil
    }

    /// The high bit of each byte of `v` that is zero, and only those (no borrow between bytes).
    @inline(__always)
    private static func exactZeroBytes(_ v: UInt64) -> UInt64 {
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~(((v & low) &+ low) | v | low)
    }

    /// The byte repeated in all eight bytes of a word.
    private static func splat(_ byte: UInt8) -> UInt64 { UInt64(byte) &* 0x0101_0101_0101_0101 }

    /// A flag (the byte's high bit) for each byte of `word` equal to one of the three splatted bytes.
    /// The classic zero-byte test: a flag may also be set above a true match (the borrow runs on),
    /// never below it, so the lowest flag — the first such byte in memory, little-endian — is exact.
    @inline(__always)
    private static func specialBytes(_ word: UInt64, _ splats: (UInt64, UInt64, UInt64)) -> UInt64 {
        func zeroBytes(_ v: UInt64) -> UInt64 { (v &- 0x0101_0101_0101_0101) & ~v & 0x8080_8080_8080_8080 }
        return zeroBytes(word ^ splats.0) | zeroBytes(word ^ splats.1) | zeroBytes(word ^ splats.2)
    }

    /// Ends the input: delivers a last record without a line end, or reports an open quote.
    mutating func finish(sink: (inout Record) throws(CSVError) -> Void) throws(CSVError) {
        switch state {
        case .quoted:
            throw CSVError(.unterminatedQuote, at: SourceLocation(source: "", line: quoteLine, byteOffset: quoteOffset))
        case .unquoted:
            endUnquotedField()
            state = .fieldStart
        case .quoteInQuoted:
            record.fieldEnds.append(record.bytes.count)
            state = .fieldStart
        case .fieldStart:
            if recordHasContent { record.fieldEnds.append(record.bytes.count) }
        }
        try endRecord(sink: sink)
    }

    /// Ends an unquoted field without its trailing blanks.
    @inline(__always)
    private func endUnquotedField() {
        var end = record.bytes.count
        if end > unquotedStart {
            let bytes = record.bytes.base
            while end > unquotedStart && (bytes[end - 1] == ValueShape.space || bytes[end - 1] == ValueShape.tab) { end -= 1 }
            record.bytes.removeLast(from: end)
        }
        record.fieldEnds.append(end)
    }

    private mutating func endRecord(sink: (inout Record) throws(CSVError) -> Void) throws(CSVError) {
        if recordHasContent {
            try sink(&record)
        }
        record.bytes.removeAll()
        record.fieldEnds.removeAll()
        recordHasContent = false
        unquotedStart = 0
    }
}
