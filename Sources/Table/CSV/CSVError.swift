import Foundation
import Diagnostics

/// Why a CSV file could not be read or written, and where.
public struct CSVError: Diagnostic, Equatable {
    public enum Kind: Equatable, Sendable {
        /// The file does not exist.
        case fileNotFound
        /// The path names a folder.
        case isDirectory
        /// The operating system refused to read or write it.
        case ioFailure(reason: String)
        /// Zero bytes, or only blank lines: there is no header.
        case empty
        /// A NUL byte: this is a binary file (a spreadsheet, an image), not CSV text.
        case notText
        /// Bytes that are neither UTF-8 nor Windows-1252.
        case invalidEncoding
        /// `--encoding utf-8` was forced but the bytes are not UTF-8.
        case invalidUTF8
        /// A record has more or fewer fields than the header.
        case fieldCount(expected: Int, actual: Int)
        /// A quoted field opened here is never closed.
        case unterminatedQuote
        /// The folder an output file goes into does not exist.
        case folderNotFound(String)
        /// A column asked for by name is not in the header.
        case unknownColumn(String, suggestion: String?)
        /// A file named or shaped as an Excel workbook that cannot be read as one.
        case notWorkbook(reason: String)
        /// `--sheet` names no sheet of the workbook.
        case unknownSheet(String, sheets: [String], suggestion: String?)
        /// A file named as an SPSS or Stata file that cannot be read as one.
        case notStatisticsFile(format: String, reason: String)
    }

    public var kind: Kind
    public var location: SourceLocation?

    public init(_ kind: Kind, at location: SourceLocation?) {
        self.kind = kind
        self.location = location
    }

    public var code: String {
        switch kind {
        case .fileNotFound: return "CSV-001"
        case .ioFailure: return "CSV-002"
        case .isDirectory: return "CSV-011"
        case .unknownColumn: return "CSV-012"
        case .folderNotFound: return "CSV-013"
        case .empty: return "CSV-003"
        case .notText: return "CSV-004"
        case .invalidEncoding: return "CSV-005"
        case .invalidUTF8: return "CSV-006"
        case .fieldCount: return "CSV-009"
        case .unterminatedQuote: return "CSV-010"
        case .notWorkbook: return "CSV-014"
        case .unknownSheet: return "CSV-015"
        case .notStatisticsFile: return "CSV-016"
        }
    }

    public var exitStatus: ExitStatus {
        switch kind {
        case .fileNotFound, .isDirectory: return .noInput
        case .unknownColumn, .unknownSheet: return .usage
        case .ioFailure, .folderNotFound: return .ioError
        default: return .dataError
        }
    }

    public func message(_ language: Language) -> String {
        let es = language == .es
        let file = location?.source ?? ""
        let offset = location?.byteOffset.map(String.init) ?? "?"
        switch kind {
        case .fileNotFound:
            return es ? "no existe el archivo «\(file)»" : "file «\(file)» does not exist"
        case .isDirectory:
            return es ? "«\(file)» es una carpeta, no un archivo" : "«\(file)» is a folder, not a file"
        case .folderNotFound(let folder):
            return es ? "no se puede escribir «\(file)»: la carpeta «\(folder)» no existe"
                      : "cannot write «\(file)»: folder «\(folder)» does not exist"
        case .ioFailure(let reason):
            return es ? "no se pudo leer o escribir «\(file)»: \(reason)"
                      : "could not read or write «\(file)»: \(reason)"
        case .empty:
            return es ? "el archivo «\(file)» está vacío: falta la fila de encabezado con los nombres de las columnas"
                      : "file «\(file)» is empty: the header row with the column names is missing"
        case .notText:
            return es ? "«\(file)» no es un archivo de texto (byte nulo en la posición \(offset)); ¿es un libro de Excel? Guárdelo como CSV"
                      : "«\(file)» is not a text file (NUL byte at offset \(offset)); is it an Excel workbook? Save it as CSV"
        case .invalidEncoding:
            return es ? "los bytes del archivo no son UTF-8 ni Windows-1252 (primer byte inválido en la posición \(offset)); indique la codificación con --encoding"
                      : "the file's bytes are neither UTF-8 nor Windows-1252 (first invalid byte at offset \(offset)); give the encoding with --encoding"
        case .invalidUTF8:
            return es ? "el archivo no es UTF-8 válido (byte inválido en la posición \(offset)); ¿fue guardado por Excel? Pruebe --encoding windows-1252"
                      : "the file is not valid UTF-8 (invalid byte at offset \(offset)); was it saved by Excel? Try --encoding windows-1252"
        case .fieldCount(let expected, let actual):
            let line = location?.line.map(String.init) ?? "?"
            return es ? "la línea \(line) tiene \(actual) campos pero el encabezado tiene \(expected); revise separadores y comillas, o use --skip-bad-rows para omitir estas filas"
                      : "line \(line) has \(actual) fields but the header has \(expected); check delimiters and quotes, or use --skip-bad-rows to skip such rows"
        case .unknownColumn(let name, let suggestion):
            let hint = Suggestion.hint(suggestion, language)
            return es ? "«\(file)» no tiene la columna «\(name)»\(hint)" : "«\(file)» has no column «\(name)»\(hint)"
        case .notWorkbook(let reason):
            return es ? "«\(file)» no se puede leer como libro de Excel (.xlsx): \(reason)" : "«\(file)» cannot be read as an Excel workbook (.xlsx): \(reason)"
        case .notStatisticsFile(let format, let reason):
            return es ? "«\(file)» no se puede leer como archivo \(format): \(reason)" : "«\(file)» cannot be read as a \(format) file: \(reason)"
        case .unknownSheet(let name, let sheets, let suggestion):
            let hint = Suggestion.hint(suggestion, language)
            return es ? "«\(file)» no tiene la hoja «\(name)»\(hint); sus hojas son: \(sheets.joined(separator: ", "))"
                      : "«\(file)» has no sheet «\(name)»\(hint); its sheets are: \(sheets.joined(separator: ", "))"
        case .unterminatedQuote:
            let line = location?.line.map(String.init) ?? "?"
            return es ? "las comillas abiertas en la línea \(line) nunca se cierran"
                      : "the quote opened on line \(line) is never closed"
        }
    }
}

extension CSVError {
    /// The error for an output path that cannot take a file: its folder is missing, or the path is
    /// itself a folder. Nil when the file can be written there.
    public static func checkOutput(_ path: String) -> CSVError? {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            return CSVError(.isDirectory, at: SourceLocation(source: path))
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue { return nil }
        return CSVError(.folderNotFound((path as NSString).deletingLastPathComponent), at: SourceLocation(source: path))
    }
}
