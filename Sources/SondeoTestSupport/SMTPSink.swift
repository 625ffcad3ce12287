import Foundation

/// A real mail server on 127.0.0.1 for the tests that send e-mail (aiosmtpd, Tests/Mail/smtp_sink.py):
/// STARTTLS with a certificate made for the test, AUTH PLAIN for encuestas / clave-smtp, mailboxes that
/// start with «rebota» refused. What arrives is read back from the server's own record of each message.
public final class SMTPSink: @unchecked Sendable {
    public let port: Int, record: String, certificate: String
    let process: Process, input: Pipe

    public struct CertificateFailed: Error, CustomStringConvertible {
        public let description: String
    }

    public init(in dir: TemporaryDirectory) throws {
        certificate = dir.path("cert.pem")
        let key = dir.path("key.pem")
        let made = try Witness.run("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", certificate, "-days", "1",
                                               "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"])
        guard made.status == 0 else { throw CertificateFailed(description: made.output) }
        port = 20_000 + Int.random(in: 0..<20_000)
        record = dir.path("correos.jsonl")
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", RepositoryFiles.path("Tests/Mail/smtp_sink.py"), String(port), record, certificate, key]
        input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        _ = output.fileHandleForReading.availableData  // «READY»
    }

    /// The messages the server accepted, as it decoded them.
    public func messages() throws -> [[String: Any]] {
        guard let text = try? String(contentsOfFile: record, encoding: .utf8) else { return [] }
        return try text.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
    }

    public func stop() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }
}
