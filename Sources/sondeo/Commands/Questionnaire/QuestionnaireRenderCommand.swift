import ArgumentParser
import Diagnostics
import Foundation
import Questionnaire
import Survey
import Table

/// `sondeo questionnaire render FILE --format markdown|html|json|xlsform|codebook [--out PATH]`.
struct QuestionnaireRenderCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "render",
            abstract: L("Convierte un cuestionario en documento imprimible, HTML, JSON, XLSForm o libro de códigos (con sintaxis de SPSS y Stata).",
                        "Turn a questionnaire into a printable document, HTML, JSON, XLSForm or codebook (with SPSS and Stata syntax)."),
            discussion: HelpText.discussion([
                L("xlsform con --out formulario.xlsx escribe un libro con las hojas survey, choices y settings, el que KoboToolbox y ODK reciben; con --out de carpeta, survey.csv, choices.csv, settings.csv y formulario.csv para pyxform. codebook escribe en la carpeta de --out libro_de_codigos.md, etiquetas.sps y etiquetas.do. Un cuestionario con errores no se convierte: revíselo antes con «sondeo questionnaire check».",
                  "xlsform with --out formulario.xlsx writes a workbook with the survey, choices and settings sheets, the one KoboToolbox and ODK take; with a folder as --out, survey.csv, choices.csv, settings.csv and formulario.csv for pyxform. codebook writes libro_de_codigos.md, etiquetas.sps and etiquetas.do into the --out folder. A questionnaire with errors is not rendered: check it first with «sondeo questionnaire check»."),
            ], examples: [
                "sondeo questionnaire render Questionnaires/satisfaccion-servicios.encuesta --format markdown --mode telefono",
                "sondeo questionnaire render Questionnaires/satisfaccion-servicios.encuesta --format xlsform --out formulario.xlsx",
                "sondeo questionnaire render Questionnaires/satisfaccion-servicios.encuesta --format xlsform --out xlsform/",
            ])
        )
    }

    enum Format: String, ExpressibleByArgument { case markdown, html, json, xlsform, codebook }

    @Argument(help: ArgumentHelp(L("Archivo .encuesta.", ".encuesta file."), valueName: L("archivo", "file")))
    var file: String
    @Option(help: ArgumentHelp(L("Formato: markdown, html, json, xlsform o codebook.", "Format: markdown, html, json, xlsform or codebook."),
                               valueName: L("formato", "format")))
    var format: Format = .markdown
    @Option(help: ArgumentHelp(L("Modo cuyo texto se imprime en markdown: telefono, presencial o web.", "Mode whose wording markdown prints: telefono, presencial or web."),
                               valueName: L("modo", "mode")))
    var mode: String?
    @Option(help: ArgumentHelp(L("Archivo (o carpeta, para xlsform y codebook) de salida; por defecto la pantalla.", "Output file (or folder, for xlsform and codebook); the screen by default."),
                               valueName: L("salida", "output")))
    var out: String?
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        let single: [Format: FileKind] = [.markdown: .md, .html: .html, .json: .json]
        if let out, let kind = single[format] { try OutputPath.require(out, oneOf: [kind]) }
        // xlsform: a workbook or a folder; codebook: a folder.
        if let out, !(out as NSString).pathExtension.isEmpty, format == .xlsform || format == .codebook {
            guard format == .xlsform else {
                throw ValidationError(L("--format codebook escribe tres archivos: --out debe ser una carpeta, p. ej. --out libro/", "--format codebook writes three files: --out must be a folder, e.g. --out libro/"))
            }
            try OutputPath.require(out, oneOf: [.xlsx])
        }
        try QuestionnaireModeOption.validate(mode)
    }

    func run() throws {
        let (text, q) = try QuestionnaireGate.checked(for: L("antes de convertirlo", "before rendering")) { try QuestionnaireCheck.valid(file) }
        let chosenMode = try QuestionnaireModeOption.chosen(mode, in: q, file: file)
        switch format {
        case .markdown: try emit(QuestionnaireDocument.markdown(q, mode: chosenMode))
        case .html: try emit(QuestionnaireDocument.html(q))
        case .json: try emit(QuestionnaireJSON.render(q, sha256: QuestionnaireSource.hash(text)))
        case .xlsform:
            let sheets = XLSFormExport.render(q, mode: chosenMode ?? .web)
            if let out, FileKind(path: out) == .xlsx {
                try XLSXWriter.write(sheets.workbook.map { XLSXWriter.Sheet(name: $0.name, table: Table(textRows: $0.rows)) }, to: out, access: .shared)
                Terminal.error(L("Escrito \(out): hojas survey, choices y settings.", "Wrote \(out): sheets survey, choices and settings."))
                return
            }
            try files(["survey.csv": sheets.survey, "choices.csv": sheets.choices, "settings.csv": sheets.settings, "formulario.csv": sheets.combined],
                      fallback: sheets.combined)
        case .codebook:
            let labels = ResponseLabels.of(q), names = Variables.of(q).map(\.name)
            try files(["libro_de_codigos.md": Codebook.markdown(q), "etiquetas.sps": StatisticsSyntax.spss(nil, labels: labels, order: names, data: nil),
                       "etiquetas.do": StatisticsSyntax.stata(nil, labels: labels, order: names, data: nil)],
                      fallback: Codebook.markdown(q))
        }
    }

    private func emit(_ text: String) throws {
        guard let out else { print(text); return }
        try TextFile.write(text, to: out)
        Terminal.error(L("Escrito \(out).", "Wrote \(out)."))
    }

    /// Several files into the --out folder (created if needed); without --out, the main one to the screen.
    private func files(_ contents: [String: String], fallback: String) throws {
        guard let out else { print(fallback, terminator: ""); return }
        do {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        } catch {
            throw CSVError(.ioFailure(reason: SystemMessage.text(error)), at: SourceLocation(source: out))
        }
        for (name, text) in contents.sorted(by: { $0.key < $1.key }) { try TextFile.write(text, to: (out as NSString).appendingPathComponent(name)) }
        Terminal.error(L("Escritos en \(out): \(contents.keys.sorted().joined(separator: ", ")).", "Wrote into \(out): \(contents.keys.sorted().joined(separator: ", "))."))
    }
}

/// `--mode` of the questionnaire commands: one of the three modes, and one the questionnaire is applied in.
enum QuestionnaireModeOption {
    static func validate(_ mode: String?) throws {
        if let mode, Mode(folding: mode) == nil {
            let hint = Suggestion.hint(Suggestion.closest(to: mode, among: Mode.allCases.map(\.rawValue)), Localization.language)
            throw ValidationError(L("--mode debe ser telefono, presencial o web, no «\(mode)»\(hint)", "--mode must be telefono, presencial or web, not «\(mode)»\(hint)"))
        }
    }

    /// The mode asked for (nil when none), refused with a usage error when `q` is not applied in it.
    static func chosen(_ mode: String?, in q: QuestionnaireFile, file: String) throws -> Mode? {
        let chosen = mode.flatMap(Mode.init(folding:))
        if let chosen, !q.modes.contains(chosen) {
            Terminal.error(L("Error: --mode \(chosen.rawValue): \(file) no se aplica en ese modo (modos: \(q.modes.map(\.label).joined(separator: ", ")))",
                             "Error: --mode \(chosen.rawValue): \(file) is not applied in that mode (modes: \(q.modes.map(\.label).joined(separator: ", ")))"))
            throw ExitCode(ExitStatus.usage.rawValue)
        }
        return chosen
    }
}

/// `--language` of the commands that read a questionnaire to someone (`collect`, `questionnaire rehearse`): one of
/// its `idiomas`, refused with a usage error otherwise; the questionnaire as read in it.
enum QuestionnaireLanguageOption {
    static func translated(_ q: QuestionnaireFile, to language: String?, name: String, report: (String) -> Void) throws -> QuestionnaireFile {
        guard let language else { return q }
        let code = language.lowercased()
        guard q.languages.contains(code) else {
            let known = q.languages.isEmpty ? L("solo el de sus textos", "only that of its texts") : q.languages.joined(separator: ", ")
            report(L("--language \(language): «\(name)» no tiene textos en ese idioma (idiomas: \(known))",
                     "--language \(language): «\(name)» has no texts in that language (languages: \(known))"))
            throw ExitCode(ExitStatus.usage.rawValue)
        }
        return q.translated(to: code)
    }
}
