/// Finds the line and column of a byte offset by reading the file again: only needed when an error
/// must point at a byte (an invalid encoding), so the hot path never counts columns.
enum LineLocator {
    static func position(of offset: Int, in path: String) -> (line: Int, column: Int) {
        guard let input = try? FileInput(path: path) else { return (1, 1) }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: FileInput.chunkSize, alignment: 8)
        defer { buffer.deallocate() }
        var line = 1, lineStart = 0, position = 0
        while position < offset, let count = try? input.read(into: buffer), count > 0 {
            let bytes = buffer.bindMemory(to: UInt8.self)
            for i in 0..<count where position + i < offset && bytes[i] == 10 {
                line += 1
                lineStart = position + i + 1
            }
            position += count
        }
        return (line, offset - lineStart + 1)
    }
}
