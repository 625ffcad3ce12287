#if canImport(Glibc)
import Glibc
private let systemRead = Glibc.read
#elseif canImport(Darwin)
import Darwin
private let systemRead = Darwin.read
#endif
import Diagnostics

/// Reads a file in fixed-size chunks with plain POSIX calls, so that a million-row file is never
/// held whole in memory.
struct FileInput: ~Copyable {
    static let chunkSize = 1 << 20

    let path: String
    private let descriptor: Int32
    let size: Int

    init(path: String) throws(CSVError) {
        self.path = path
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            let code = errno
            throw CSVError(code == ENOENT ? .fileNotFound : .ioFailure(reason: Self.reason(code)),
                           at: SourceLocation(source: path))
        }
        var info = stat()
        if fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw CSVError(.isDirectory, at: SourceLocation(source: path))
        }
        descriptor = fd
        size = Int(info.st_size)
    }

    deinit { close(descriptor) }

    /// Fills `buffer` from the current position; returns the number of bytes read, 0 at the end.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(CSVError) -> Int {
        while true {
            let count = systemRead(descriptor, buffer.baseAddress, buffer.count)
            if count >= 0 { return count }
            if errno == EINTR { continue }
            throw CSVError(.ioFailure(reason: Self.reason(errno)), at: SourceLocation(source: path))
        }
    }

    static func reason(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
