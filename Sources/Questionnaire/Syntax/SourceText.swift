/// The bytes of a `.encuesta` file as text. Questionnaires are UTF-8 (what git, editors and
/// KoboToolbox expect); a file saved in another encoding is refused with the line and column of the
/// first byte that is not UTF-8, so that the person can find the accented letter their editor wrote.
public enum SourceText {
    public static func decode(_ bytes: [UInt8], file: String) -> Result<String, QuestionnaireDiagnostic> {
        if let text = String(validating: bytes, as: UTF8.self) {
            return .success(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        }
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var line = 1, column = 1, offset = 0, lineStart = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                offset += encoded.count
                if encoded.count == 1 && encoded.first == UInt8(ascii: "\n") {
                    line += 1; column = 1; lineStart = offset
                } else {
                    column += 1
                }
            case .error:
                let lineEnd = bytes[offset...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
                let shown = String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self)
                let byte = String(bytes[offset], radix: 16, uppercase: true)
                return .failure(QuestionnaireDiagnostic(
                    severity: .error, code: "DSL-000", file: file, position: TextPosition(line: line, column: column), line: shown, width: 1,
                    spanish: "el archivo no está en UTF-8 (byte 0x\(byte)); guárdelo como UTF-8 (en el Bloc de notas: Guardar como → Codificación: UTF-8)",
                    english: "the file is not UTF-8 (byte 0x\(byte)); save it as UTF-8"))
            case .emptyInput:
                return .success(String(decoding: bytes, as: UTF8.self))
            }
        }
    }
}
