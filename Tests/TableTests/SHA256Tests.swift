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
}
