#if canImport(Glibc)
import Glibc
private let systemRead = Glibc.read
#elseif canImport(Darwin)
import Darwin
private let systemRead = Darwin.read
#endif
import Diagnostics

/// Reads a file in fixed-size chunks with plain POSIX calls, so that a million-row file is never
/// held whole in memory. A file that starts with a UTF-16 byte order mark (Excel's «Texto Unicode»,
/// tab-separated) is handed over as UTF-8, converted a chunk at a time; ``utf16`` says so.
final class FileInput {
    static let chunkSize = 1 << 20

    enum ByteOrder: Sendable { case little, big }

    let path: String
    private let descriptor: Int32
    /// The file's size in bytes.
    let size: Int
    /// Bytes of the file read so far.
    private(set) var position = 0
    /// Set for a UTF-16 file (its mark is not handed over).
    let utf16: ByteOrder?
    /// A UTF-16 file's bytes not yet converted: an odd byte, or a high surrogate waiting for its pair.
    private var carry: [UInt8] = []

    init(path: String) throws(CSVError) {
        self.path = path
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            let code = errno
            throw CSVError(code == ENOENT ? .fileNotFound : .ioFailure(reason: SystemMessage.text(code)),
                           at: SourceLocation(source: path))
        }
        var info = stat()
        if fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw CSVError(.isDirectory, at: SourceLocation(source: path))
        }
        descriptor = fd
        size = Int(info.st_size)
        end = size
        var mark: [UInt8] = [0, 0]
        let got = mark.withUnsafeMutableBytes { pread(fd, $0.baseAddress, 2, 0) }
        if got == 2 && mark == [0xFF, 0xFE] { utf16 = .little } else if got == 2 && mark == [0xFE, 0xFF] { utf16 = .big } else { utf16 = nil }
        if utf16 != nil { lseek(fd, 2, SEEK_SET); position = 2 }
    }

    deinit { close(descriptor) }

    /// The whole file's bytes mapped into memory for `body` (pages are read as they are touched): for
    /// picking records here and there in a large file without reading all of it. With `everywhere`
    /// (records picked all over the file) every page is mapped at once, instead of one fault per page.
    func mapped<T>(everywhere: Bool = false, _ body: (UnsafeBufferPointer<UInt8>) throws(CSVError) -> T) throws(CSVError) -> T {
        guard size > 0 else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
        #if os(Linux)
        let flags = MAP_PRIVATE | (everywhere ? MAP_POPULATE : 0)
        #else
        let flags = MAP_PRIVATE
        #endif
        guard let map = mmap(nil, size, PROT_READ, flags, descriptor, 0), map != MAP_FAILED else {
            throw CSVError(.ioFailure(reason: SystemMessage.text(errno)), at: SourceLocation(source: path))
        }
        defer { munmap(map, size) }
        return try body(UnsafeBufferPointer(start: map.assumingMemoryBound(to: UInt8.self), count: size))
    }

    /// Where reading stops: the end of the file, or the end of the part of it read here.
    var end: Int

    /// Whether the whole file (or the part of it up to ``end``) has been read.
    var atEnd: Bool { position >= end }

    /// Reads from byte `offset` on (a part of a file read on its own; not for UTF-16 files).
    func start(at offset: Int) {
        lseek(descriptor, off_t(offset), SEEK_SET)
        position = offset
    }

    /// Fills `buffer` from the current position; returns the number of bytes read, 0 at the end.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(CSVError) -> Int {
        guard let order = utf16 else { return try raw(into: buffer) }
        // Each UTF-16 unit becomes at most three UTF-8 bytes: read two bytes for every three of room.
        var units = [UInt8](repeating: 0, count: buffer.count / 3 * 2)
        var filled = carry.count
        for (i, byte) in carry.enumerated() { units[i] = byte }
        carry = []
        while true {
            var failure: CSVError?
            let count = units.withUnsafeMutableBytes { all -> Int in
                do throws(CSVError) { return try raw(into: UnsafeMutableRawBufferPointer(rebasing: all[filled...])) } catch { failure = error; return 0 }
            }
            if let failure { throw failure }
            filled += count
            if count == 0 || filled >= 2 { break }
        }
        return Self.convert(units[..<filled], order: order, final: atEnd, into: buffer, carry: &carry)
    }

    /// UTF-16 code units to UTF-8; an odd last byte, or a high surrogate at the end of a chunk, waits
    /// in `carry` for the next one. An unpaired surrogate becomes U+FFFD.
    static func convert(_ bytes: ArraySlice<UInt8>, order: ByteOrder, final: Bool, into buffer: UnsafeMutableRawBufferPointer, carry: inout [UInt8]) -> Int {
        var out = 0
        func put(_ scalar: UInt32) {
            if scalar < 0x80 { buffer[out] = UInt8(scalar); out += 1 }
            else if scalar < 0x800 { buffer[out] = UInt8(0xC0 | scalar >> 6); buffer[out + 1] = UInt8(0x80 | scalar & 0x3F); out += 2 }
            else if scalar < 0x10000 {
                buffer[out] = UInt8(0xE0 | scalar >> 12); buffer[out + 1] = UInt8(0x80 | scalar >> 6 & 0x3F); buffer[out + 2] = UInt8(0x80 | scalar & 0x3F); out += 3
            } else {
                buffer[out] = UInt8(0xF0 | scalar >> 18); buffer[out + 1] = UInt8(0x80 | scalar >> 12 & 0x3F)
                buffer[out + 2] = UInt8(0x80 | scalar >> 6 & 0x3F); buffer[out + 3] = UInt8(0x80 | scalar & 0x3F); out += 4
            }
        }
        var i = bytes.startIndex
        func unit(_ at: Int) -> UInt32 {
            order == .little ? UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 : UInt32(bytes[at]) << 8 | UInt32(bytes[at + 1])
        }
        while i + 1 < bytes.endIndex {
            let u = unit(i)
            if u >= 0xD800 && u <= 0xDBFF {
                guard i + 3 < bytes.endIndex else {
                    if final { put(0xFFFD); i += 2; continue }
                    break
                }
                let low = unit(i + 2)
                if low >= 0xDC00 && low <= 0xDFFF {
                    put(0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00)); i += 4
                } else { put(0xFFFD); i += 2 }
            } else if u >= 0xDC00 && u <= 0xDFFF {
                put(0xFFFD); i += 2
            } else {
                put(u); i += 2
            }
        }
        carry = Array(bytes[i...])
        if final && !carry.isEmpty { put(0xFFFD); carry = [] }
        return out
    }

    private func raw(into buffer: UnsafeMutableRawBufferPointer) throws(CSVError) -> Int {
        while true {
            let count = systemRead(descriptor, buffer.baseAddress, min(buffer.count, max(0, end - position)))
            if count >= 0 { position += count; return count }
            if errno == EINTR { continue }
            throw CSVError(.ioFailure(reason: SystemMessage.text(errno)), at: SourceLocation(source: path))
        }
    }
}
