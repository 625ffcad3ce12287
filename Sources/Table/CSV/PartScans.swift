import Dispatch
import Foundation

/// A large CSV file read on every core: the part after the first chunk is cut, at line ends, into one
/// part per core; each later part is tokenized and interned on a thread of its own while the calling
/// thread reads the first one, and their rows are appended in file order (``Scan/append(_:keepCodes:)``).
///
/// A line end is only a record's end outside quotes, which cannot be known without reading what comes
/// before it; so each later part assumes it starts at a record and is checked afterwards: the part
/// before it must have ended exactly at a record's end (``CSVTokenizer/atRecordBoundary``). When a quoted
/// field runs over a cut, the parts are thrown away and the file is read on in order, so the result is
/// always the one a single pass gives — lines, errors and counts included.
final class PartScans: @unchecked Sendable {
    /// Files below this size are read in one pass: threads would cost more than they save.
    static let minimumPart = 8 << 20

    /// One later part: where it starts and ends, and what reading it found.
    struct Part {
        var start: Int
        var end: Int
        var scan: Scan?
        var error: CSVError?
        /// Ended at a record's end (always so for the last part, which ends the file).
        var clean = false
        /// Lines the part spans: the physical line its end is on, counted from 1 at its start.
        var endLine = 1
    }

    private let lock = NSLock()
    private var parts: [Part]
    private var read: [Int]
    private var cancelled = false
    private let group = DispatchGroup()

    /// Where the first later part starts: the first part (read by the caller) stops there.
    var firstStart: Int { parts[0].start }

    /// Bytes the later parts have read so far (for the progress display).
    var bytesRead: Int { lock.withLock { read.reduce(0, +) } }

    private init(parts: [Part]) {
        self.parts = parts
        read = Array(repeating: 0, count: parts.count)
    }

    /// Whether `input` is worth reading in parts: a plain (not UTF-16) file of at least two parts, on a
    /// machine with more than one core.
    static func worthSplitting(_ input: FileInput) -> Bool {
        input.utf16 == nil && ProcessInfo.processInfo.activeProcessorCount > 1 && input.size >= 2 * minimumPart
    }

    /// Starts reading the later parts of `scan`'s file, whose header the caller has read; nil when the
    /// rest of the file after `from` is too small to cut, or has no line end where a cut should go.
    static func start(scan: Scan, from: Int, size: Int, options: CSVReadOptions, keepCodes: Bool) -> PartScans? {
        let count = min(ProcessInfo.processInfo.activeProcessorCount, (size - from) / minimumPart)
        guard count > 1 else { return nil }
        var starts: [Int] = []
        for k in 1..<count {
            guard let cut = lineStart(in: scan.path, after: from + (size - from) * k / count),
                  cut > (starts.last ?? from), cut < size else { continue }
            starts.append(cut)
        }
        guard !starts.isEmpty else { return nil }
        let parts = PartScans(parts: starts.indices.map { Part(start: starts[$0], end: $0 + 1 < starts.count ? starts[$0 + 1] : size) })
        let template = (path: scan.path, header: scan.header, selected: scan.selected, delimiter: scan.delimiter)
        for index in starts.indices {
            parts.group.enter()
            DispatchQueue.global(qos: .userInitiated).async {
                parts.run(index, template: template, options: options, keepCodes: keepCodes)
                parts.group.leave()
            }
        }
        return parts
    }

    /// Stops the parts still reading (an error before them, or a quoted field over a cut).
    func cancel() {
        lock.withLock { cancelled = true }
        group.wait()
    }

    /// The later parts in file order, once all are read, with their lines counted from `startLine`
    /// (the line the first of them starts on); nil when one of them did not start at a record. Throws
    /// the first error of the file they hold.
    func results(startLine: Int) throws(CSVError) -> [Scan]? {
        group.wait()
        var scans: [Scan] = []
        var line = startLine
        for part in parts {
            if var error = part.error {
                if let relative = error.location?.line { error.location?.line = relative + line - 1 }
                throw error
            }
            guard var scan = part.scan else { return nil }
            scan.shiftLines(by: line - 1)
            scans.append(scan)
            line += part.endLine - 1
            if !part.clean { return nil }
        }
        return scans
    }

    /// Reads part `index` on the current thread.
    private func run(_ index: Int, template: (path: String, header: [[UInt8]], selected: [Bool], delimiter: UInt8),
                     options: CSVReadOptions, keepCodes: Bool) {
        let (start, end) = lock.withLock { (parts[index].start, parts[index].end) }
        var scan = Scan(path: template.path)
        scan.header = template.header
        scan.selected = template.selected
        scan.delimiter = template.delimiter
        scan.interners = template.header.map { _ in ByteInterner() }
        scan.codes = template.header.map { _ in [] }
        var tokenizer = CSVTokenizer(delimiter: template.delimiter, filter: scan.filter)
        let last = index == parts.count - 1
        var outcome = Part(start: start, end: end)
        do throws(CSVError) {
            let input = try FileInput(path: template.path)
            input.start(at: start)
            input.end = end
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: FileInput.chunkSize, alignment: 8)
            defer { buffer.deallocate() }
            var first = true
            while !lock.withLock({ cancelled }) {
                let count = try input.read(into: buffer)
                if count == 0 { break }
                let offset = input.position - count
                try scan.consume(UnsafeBufferPointer(rebasing: buffer.bindMemory(to: UInt8.self).prefix(count)), offset: offset,
                                 tokenizer: &tokenizer, options: options, keepCodes: keepCodes)
                if first && keepCodes && !input.atEnd { scan.reserve(estimatedRows: scan.rows * (end - start) / max(1, count)) }
                first = false
                lock.withLock { read[index] = input.position - start }
            }
            if last {
                try tokenizer.finish { (record: inout CSVTokenizer.Record) throws(CSVError) in
                    try scan.take(record, options: options, keepCodes: keepCodes)
                }
                scan.encodingScanner.finish()
            }
            outcome.clean = last || tokenizer.atRecordBoundary
            outcome.endLine = tokenizer.currentLine
            outcome.scan = scan
        } catch {
            outcome.error = error.located(in: template.path)
        }
        lock.withLock { parts[index] = outcome }
    }

    /// The position just after the first line end (LF) at or after `offset`; nil when there is none.
    private static func lineStart(in path: String, after offset: Int) -> Int? {
        guard let input = try? FileInput(path: path) else { return nil }
        input.start(at: offset)
        var window = [UInt8](repeating: 0, count: 1 << 16)
        var position = offset
        while true {
            let count = window.withUnsafeMutableBytes { (try? input.read(into: $0)) ?? 0 }
            if count == 0 { return nil }
            if let lf = window[..<count].firstIndex(of: UInt8(ascii: "\n")) { return position + lf + 1 }
            position += count
        }
    }
}

extension Scan {
    /// Adds the rows of the part of the file that follows (read by ``PartScans``): its values are taken
    /// into this scan's interners and its codes renumbered to match.
    mutating func append(_ part: Scan, keepCodes: Bool) {
        for column in interners.indices where selected[column] {
            let renumbering = interners[column].absorb(part.interners[column])
            if keepCodes { renumbering.apply(part.codes[column], appendingTo: &codes[column]) }
        }
        lines.append(contentsOf: part.lines)
        offsets.append(contentsOf: part.offsets)
        rows += part.rows
        skipped.append(contentsOf: part.skipped)
        encodingScanner.append(part.encodingScanner)
    }

    /// Counts this part's lines from `offset + 1` instead of 1.
    mutating func shiftLines(by offset: Int) {
        guard offset != 0 else { return }
        let shift = Int32(truncatingIfNeeded: offset)
        for index in lines.indices { lines[index] += shift }
        for index in skipped.indices { skipped[index].line += offset }
    }
}
