import Foundation

/// One e-mail as it goes out: one recipient, a subject and a plain-text body in UTF-8. Rendered for
/// SMTP's DATA as RFC 5322 headers (the subject as an RFC 2047 encoded word when it is not ASCII) and
/// a base64 body (RFC 2045), so that accents and «ñ» arrive intact through any server.
public struct MailMessage: Sendable, Equatable {
    public var to: String
    public var subject: String
    public var body: String
    /// Our own reference for the message (the case it invites), kept in `Message-ID`.
    public var reference: String

    public init(to: String, subject: String, body: String, reference: String) {
        self.to = to
        self.subject = subject
        self.body = body
        self.reference = reference
    }

    /// The message's text for DATA, lines ending in CRLF, dot-stuffed (RFC 5321 §4.5.2), without the
    /// final «.».
    func data(from: String, fromName: String?, domain: String, date: Date) -> String {
        let dateFormatter = DateFormatter()
        dateFormatter.locale = Locale(identifier: "en_US_POSIX")
        dateFormatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        let sender = fromName.map { "\(Self.encodedWord($0)) <\(from)>" } ?? "<\(from)>"
        let id = reference.unicodeScalars.map { CharacterSet.alphanumerics.contains($0) ? String($0) : "-" }.joined()
        var lines = [
            "From: \(sender)", "To: <\(to)>", "Subject: \(Self.encodedWord(subject))", "Date: \(dateFormatter.string(from: date))",
            "Message-ID: <\(id).\(Int(date.timeIntervalSince1970))@\(domain)>", "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=UTF-8", "Content-Transfer-Encoding: base64", "",
        ]
        let encoded = Data(body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n").utf8).base64EncodedString()
        var start = encoded.startIndex
        while start < encoded.endIndex {
            let end = encoded.index(start, offsetBy: 76, limitedBy: encoded.endIndex) ?? encoded.endIndex
            lines.append(String(encoded[start..<end]))
            start = end
        }
        return lines.map { $0.hasPrefix(".") ? "." + $0 : $0 }.joined(separator: "\r\n") + "\r\n"
    }

    /// A header text as is when ASCII, else as `=?UTF-8?B?…?=`.
    static func encodedWord(_ text: String) -> String {
        text.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 32 }) ? text : "=?UTF-8?B?\(Data(text.utf8).base64EncodedString())?="
    }
}
