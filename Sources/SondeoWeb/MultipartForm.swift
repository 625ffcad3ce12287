import Foundation

/// A `multipart/form-data` body (RFC 7578) split into its text fields and files: how a browser sends
/// a document (the scanned form, the answer, the SSF's certificate) to the PQRSL desk.
struct MultipartForm {
    struct Part {
        let name: String
        /// The file's name as the browser gave it (its last path component), nil for a text field.
        let filename: String?
        let bytes: [UInt8]
    }

    let parts: [Part]

    /// Nil when the content type is not multipart with a boundary, or the body does not follow it.
    init?(contentType: String, body: [UInt8]) {
        guard contentType.lowercased().hasPrefix("multipart/form-data"),
              let boundary = Self.parameter("boundary", in: contentType), !boundary.isEmpty, boundary.utf8.count <= 70 else { return nil }
        // Every part starts after CRLF "--" boundary; the body's first delimiter may lack the CRLF.
        let delimiter = Array("\r\n--\(boundary)".utf8)
        let data = [13, 10] + body
        var starts: [Int] = []
        var i = 0
        while let found = Self.find(delimiter, in: data, from: i) {
            starts.append(found)
            i = found + delimiter.count
        }
        guard starts.count >= 2 else { return nil }
        var parts: [Part] = []
        for (index, start) in starts.dropLast().enumerated() {
            var cursor = start + delimiter.count
            guard cursor + 1 < data.count, data[cursor] == 13, data[cursor + 1] == 10 else { return nil }
            cursor += 2
            guard let headerEnd = Self.find([13, 10, 13, 10], in: data, from: cursor) else { return nil }
            let headers = String(decoding: data[cursor..<headerEnd], as: UTF8.self).components(separatedBy: "\r\n")
            guard let disposition = headers.first(where: { $0.lowercased().hasPrefix("content-disposition:") }),
                  let name = Self.parameter("name", in: disposition) else { return nil }
            let filename = Self.parameter("filename", in: disposition).map { name -> String in
                String(name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last ?? "")
            }
            parts.append(Part(name: name, filename: filename, bytes: Array(data[(headerEnd + 4)..<starts[index + 1]])))
        }
        // The last delimiter closes the body with "--".
        let end = starts.last! + delimiter.count
        guard end + 1 < data.count, data[end] == 45, data[end + 1] == 45 else { return nil }
        self.parts = parts
    }

    /// A text field's value, trimmed ("" when absent).
    func field(_ name: String) -> String {
        parts.first { $0.name == name && $0.filename == nil }.map { String(decoding: $0.bytes, as: UTF8.self).trimmingCharacters(in: .whitespaces) } ?? ""
    }

    /// The text fields, as a url-encoded form's (for the CSRF check).
    var fields: [(String, String)] { parts.filter { $0.filename == nil }.map { ($0.name, String(decoding: $0.bytes, as: UTF8.self)) } }

    /// The file sent under `name`, if one was chosen (a browser sends an empty part with an empty name otherwise).
    func file(_ name: String) -> Part? { parts.first { $0.name == name && !($0.filename ?? "").isEmpty } }

    /// `key=value` or `key="value"` inside a header (`boundary`, `name`, `filename`).
    static func parameter(_ key: String, in header: String) -> String? {
        for piece in header.split(separator: ";").dropFirst() {
            let pair = piece.trimmingCharacters(in: .whitespaces)
            guard let eq = pair.firstIndex(of: "="), pair[..<eq].lowercased() == key else { continue }
            var value = String(pair[pair.index(after: eq)...])
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 {
                value = String(value.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"")
            }
            return value
        }
        return nil
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, haystack.count >= needle.count else { return nil }
        var i = start
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first {
                var j = 1
                while j < needle.count && haystack[i + j] == needle[j] { j += 1 }
                if j == needle.count { return i }
            }
            i += 1
        }
        return nil
    }
}
