import Foundation
import Table

/// Interviewer and supervisor passwords are kept as PBKDF2-HMAC-SHA256 (RFC 8018, §5.2) with a random
/// 16-byte salt, never as text; checking compares in constant time.
public enum Password {
    /// Iterations for new passwords (OWASP's 2023 guidance for PBKDF2-HMAC-SHA256 is 600,000; this
    /// pure-Swift SHA-256 makes a login take about a second at 100,000).
    public static let iterations = 100_000

    /// HMAC-SHA256 (RFC 2104) with the inner and outer pads hashed once, for PBKDF2's many rounds.
    struct HMAC {
        let inner: SHA256
        let outer: SHA256

        init(key: [UInt8]) {
            var k: [UInt8] = key
            if k.count > 64 { var h = SHA256(); h.update(k); k = h.finish() }
            k += [UInt8](repeating: 0, count: 64 - k.count)
            var i = SHA256(), o = SHA256()
            i.update(k.map { $0 ^ 0x36 })
            o.update(k.map { $0 ^ 0x5c })
            inner = i
            outer = o
        }

        func mac(_ message: [UInt8]) -> [UInt8] {
            var i = inner
            i.update(message)
            var o = outer
            o.update(i.finish())
            return o.finish()
        }
    }

    /// A new account's stored form: (salt, hash) in hexadecimal, with ``iterations``.
    public static func store(_ password: String) -> (salt: String, hash: String, iterations: Int) {
        let salt = randomSalt()
        return (hex(salt), hex(derive(password, salt: salt, iterations: iterations)), iterations)
    }

    /// PBKDF2-HMAC-SHA256 of a password and salt, `length` bytes.
    static func derive(_ password: String, salt: [UInt8], iterations: Int, length: Int = 32) -> [UInt8] {
        let hmac = HMAC(key: Array(password.utf8))
        var output: [UInt8] = []
        var block: UInt32 = 1
        while output.count < length {
            var u = hmac.mac(salt + withUnsafeBytes(of: block.bigEndian, Array.init))
            var t = u
            for _ in 1..<max(1, iterations) {
                u = hmac.mac(u)
                for j in 0..<t.count { t[j] ^= u[j] }
            }
            output += t
            block += 1
        }
        return Array(output.prefix(length))
    }

    static func randomSalt() -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }

    static func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

    static func bytes(_ hex: String) -> [UInt8] {
        var result: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex, let next = hex.index(index, offsetBy: 2, limitedBy: hex.endIndex) {
            result.append(UInt8(hex[index..<next], radix: 16) ?? 0)
            index = next
        }
        return result
    }

    /// Equal without stopping at the first difference.
    static func same(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for (x, y) in zip(a, b) { difference |= x ^ y }
        return difference == 0
    }
}
