import Foundation
import SondeoTestSupport
import Table
import Testing

/// The test vectors of FIPS 180-4 (NIST's "SHA-256 examples").
@Suite struct SHA256Tests {
    @Test("abc, the two-block message and a million a's")
    func vectors() {
        #expect(SHA256.hex(of: Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(of: Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex(of: []) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        var hasher = SHA256()
        let block = String(repeating: "a", count: 1000)
        for _ in 0..<1000 { hasher.update(block) }
        #expect(hasher.finishHex() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test("the digest does not depend on how the input is cut")
    func chunking() {
        let text = String(repeating: "Villamaría\t", count: 37)
        var whole = SHA256()
        whole.update(text)
        var pieces = SHA256()
        for character in text { pieces.update(String(character)) }
        #expect(whole.finishHex() == pieces.finishHex())
    }

    @Test("the processor's SHA-256 instructions and the portable rounds give coreutils' sha256sum digest, at every length around the block and over many blocks")
    func bothWays() throws {
        var generator = SystemRandomNumberGenerator()
        let dir = TemporaryDirectory()
        for length in [0, 1, 55, 56, 63, 64, 65, 119, 120, 127, 128, 129, 1000, 65_536 + 17, 3_000_001] {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let path = dir.file("b\(length)", bytes: bytes)
            let expected = String(try Witness.run("sha256sum", [path]).output.prefix(64))
            for portable in [true, false] {
                var hasher = SHA256(portable: portable)
                // In uneven pieces, so that blocks straddle the updates.
                var rest = bytes[...]
                while !rest.isEmpty {
                    let piece = rest.prefix(1 + rest.count % 97 * 13)
                    hasher.update(Array(piece))
                    rest = rest.dropFirst(piece.count)
                }
                #expect(hasher.finishHex() == expected, "length \(length), portable \(portable)")
            }
        }
    }

    @Test("the CSV reader's digest of the bytes it read equals the file's SHA-256 (digests by Python's hashlib), BOM and all, across chunks")
    func readerDigest() throws {
        let dir = TemporaryDirectory()
        // Three files: a tiny one, one with a BOM and CRLF (the digest is of the bytes, not the text),
        // and one of 1,556,002 bytes, longer than the reader's 1 MiB chunk.
        let files: [(bytes: [UInt8], sha256: String)] = [
            (Array("x,y\n1,2\n".utf8), "81bf9fa83c6f7f151bd491a98cd7d933de3965289e3ebd77c6c425f7eaa16392"),
            ([0xEF, 0xBB, 0xBF] + Array("x;y\r\n1;2\r\n".utf8), "47dc1130d2a6e4cf449e31a9e49cb5310ae3b911794fbcd7ec7d8279422d6d49"),
            (Array(("x\n" + (0..<400_000).map { "\($0 % 1000)\n" }.joined()).utf8), "aa806452d9db84c152de88fd53465b2c97e3669b95a8e26990ae31e473415059"),
        ]
        for (index, file) in files.enumerated() {
            let path = dir.path("f\(index).csv")
            try Data(file.bytes).write(to: URL(fileURLWithPath: path))
            var options = CSVReadOptions()
            options.digest = true
            let (table, report) = try CSVReader.read(path: path, options: options)
            #expect(report.sha256 == file.sha256, "file \(index)")
            #expect(table.rowCount > 0)
            #expect(try CSVReader.read(path: path).report.sha256 == nil)
        }
    }
}
