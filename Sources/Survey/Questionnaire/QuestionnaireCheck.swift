import Diagnostics
import Foundation
import Questionnaire
import Store
import Table

/// Reads a questionnaire file as UTF-8 text.
public enum QuestionnaireSource {
    public static func read(_ path: String) throws -> String {
        guard FileManager.default.fileExists(atPath: path) else { throw CSVError(.fileNotFound, at: SourceLocation(source: path)) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CSVError(.ioFailure(reason: L("no se pudo leer", "could not be read")), at: SourceLocation(source: path))
        }
        switch SourceText.decode([UInt8](data), file: path) {
        case .success(let text): return text
        case .failure(let diagnostic): throw diagnostic
        }
    }

    /// The SHA-256 of the text: with the id and the version, a questionnaire's identity.
    public static func hash(_ text: String) -> String { SHA256.hex(of: Array(text.utf8)) }
}

/// `questionnaire check`: every error and warning of a questionnaire, with its summary.
public struct QuestionnaireCheck {
    public let file: String
    public let text: String
    public let questionnaire: QuestionnaireFile
    public let diagnostics: [QuestionnaireDiagnostic]
    public var errors: Int { diagnostics.filter { $0.severity == .error }.count }
    public var warnings: Int { diagnostics.filter { $0.severity == .warning }.count }

    /// Checks `file` (with the Ley 1581 rules as errors when `strict`) and, given the previous published
    /// text `against`, the changes that would break the data already collected.
    public init(file: String, against: String?, strict: Bool) throws {
        self.file = file
        do {
            text = try QuestionnaireSource.read(file)
        } catch let notText as QuestionnaireDiagnostic {
            // Not UTF-8: the report still says so (in JSON too), as the only diagnostic.
            text = ""
            questionnaire = QuestionnaireParser.parse("", file: file).file
            diagnostics = [notText]
            return
        }
        let (questionnaire, found) = QuestionnaireChecker.check(text, file: file, options: .init(strict: strict))
        var diagnostics = found
        if let against {
            let previousText = try QuestionnaireSource.read(against)
            let (previous, _) = QuestionnaireParser.parse(previousText, file: against)
            diagnostics += VersionComparison.compare(current: questionnaire, currentHash: QuestionnaireSource.hash(text), file: file, text: text,
                                                     previous: previous, previousHash: QuestionnaireSource.hash(previousText))
        }
        self.questionnaire = questionnaire
        self.diagnostics = diagnostics
    }

    /// Every diagnostic with its line and the summary, or the JSON scripts read.
    public func report(_ format: OutputFormat) -> String {
        let errors = self.errors, warnings = self.warnings
        let summary = QuestionnaireSummary(questionnaire)
        if format == .json {
            return JSONValue.object([
                ("file", .string(file)), ("id", questionnaire.id.map(JSONValue.string) ?? .null),
                ("version", questionnaire.version.map(JSONValue.string) ?? .null), ("sha256", .string(QuestionnaireSource.hash(text))),
                ("errors", .integer(errors)), ("warnings", .integer(warnings)),
                ("diagnostics", .array(diagnostics.map { d in
                    .object([("severity", .string(d.severity.rawValue)), ("code", .string(d.code)), ("line", .integer(d.position.line)),
                             ("column", .integer(d.position.column)), ("message", .string(d.message(Language.current))), ("text", .string(d.line))])
                })),
                ("summary", .object([("items", .integer(summary.items)), ("variables", .integer(summary.variables)), ("lists", .integer(summary.lists)),
                                     ("phone_minutes", .number(summary.phoneMinutes))])),
            ]).rendered()
        }
        var lines: [String] = []
        for d in diagnostics {
            let severity: DiagnosticRenderer.Severity = d.severity == .error ? .error : (d.severity == .warning ? .warning : .note)
            lines += [DiagnosticRenderer.render(d, language: Language.current, severity: severity), ""]
        }
        let minutesES = summary.phoneMinutes < 1 ? "menos de 1 min de entrevista" : "unos \(NumberText.decimal(summary.phoneMinutes, places: 0)) min de entrevista"
        let minutesEN = summary.phoneMinutes < 1 ? "under 1 min of interview" : "about \(NumberText.decimal(summary.phoneMinutes, places: 0)) min of interview"
        lines.append(L("\(file): \(NumberText.count(errors, "error", "errores")), \(NumberText.count(warnings, "advertencia", "advertencias")) · \(NumberText.count(summary.items, "pregunta", "preguntas")), \(NumberText.count(summary.variables, "variable", "variables")), \(NumberText.count(summary.lists, "lista", "listas")) · \(minutesES)",
                    "\(file): \(NumberText.count(errors, "error", "errors")), \(NumberText.count(warnings, "warning", "warnings")) · \(NumberText.count(summary.items, "question", "questions")), \(NumberText.count(summary.variables, "variable", "variables")), \(NumberText.count(summary.lists, "list", "lists")) · \(minutesEN)"))
        return lines.joined(separator: "\n")
    }
}

extension QuestionnaireCheck {
    /// A questionnaire that has errors, refused for `purpose` (render, publish, report on it).
    public struct Invalid: Error {
        public let file: String
        public let errors: [QuestionnaireDiagnostic]
    }

    /// The text and questionnaire of `file`, or ``Invalid`` with its errors: nothing is rendered,
    /// published or reported from a questionnaire with errors.
    public static func valid(_ file: String) throws -> (text: String, questionnaire: QuestionnaireFile) {
        let text = try QuestionnaireSource.read(file)
        let (q, diagnostics) = QuestionnaireChecker.check(text, file: file)
        let errors = diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty else { throw Invalid(file: file, errors: errors) }
        return (text, q)
    }
}

/// Publishing a checked questionnaire: its text and SHA-256 under its id and version.
public enum QuestionnairePublication {
    /// Publishes `file` (refused with ``QuestionnaireCheck/Invalid`` when it has errors); what was
    /// published and whether it was new.
    public static func publish(_ file: String, in store: any SurveyStore, clock: Clock = .system, actor: String) throws
        -> (version: PublishedVersion, outcome: PublishOutcome) {
        let (text, q) = try QuestionnaireCheck.valid(file)
        guard let id = q.id, let number = q.version else { throw QuestionnaireCheck.Invalid(file: file, errors: []) }
        let version = PublishedVersion(questionnaire: id, version: number, sha256: QuestionnaireSource.hash(text), source: text, publishedAt: clock.timestamp)
        return (version, try store.publish(version, actor: actor))
    }

    /// What the person reads after publishing into `store` (as shown).
    public static func message(_ version: PublishedVersion, _ outcome: PublishOutcome, store: String) -> String {
        let (id, number, hash) = (version.questionnaire, version.version, version.sha256)
        switch outcome {
        case .published:
            return L("Publicado «\(id)» versión \(number) en \(store) (SHA-256 \(hash.prefix(12))…).",
                     "Published «\(id)» version \(number) in \(store) (SHA-256 \(hash.prefix(12))…).")
        case .alreadyPublished:
            return L("«\(id)» versión \(number) ya estaba publicado con este mismo texto en \(store); no cambió nada.",
                     "«\(id)» version \(number) was already published with this same text in \(store); nothing changed.")
        }
    }
}
