import Testing
@testable import SondeoWeb

/// PBKDF2-HMAC-SHA256 against the vectors printed by Python's hashlib.pbkdf2_hmac (an independent
/// implementation): («passwd», «salt», 1, 64) is RFC 7914 §11's first vector.
@Suite struct PasswordTests {
    @Test("PBKDF2-HMAC-SHA256 vectors")
    func vectors() {
        #expect(Password.hex(Password.derive("passwd", salt: Array("salt".utf8), iterations: 1, length: 64))
                == "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783")
        // hashlib.pbkdf2_hmac('sha256', b'Password', b'NaCl', 1000, 64)
        #expect(Password.hex(Password.derive("Password", salt: Array("NaCl".utf8), iterations: 1000, length: 64))
                == "c27dad0abae39af4ebb9965719d584e8b4eb2ee69e1fc9f8f4784d1ca68696e28ffbab5f75a7f35d3ce6d5c788bb83890b3c842ecdd569d17150e7d3b1e942a2")
        #expect(Password.same([1, 2, 3], [1, 2, 3]) && !Password.same([1, 2, 3], [1, 2, 4]))
    }
}
