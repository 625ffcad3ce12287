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
                L("xlsform y codebook escriben varios archivos en la carpeta de --out (survey.csv, choices.csv, settings.csv y formulario.csv para pyxform; libro_de_codigos.md, etiquetas.sps y etiquetas.do). Un cuestionario con errores no se convierte: revíselo antes con «sondeo questionnaire check».",
                  "xlsform and codebook write several files into the --out folder (survey.csv, choices.csv, settings.csv and formulario.csv for pyxform; libro_de_codigos.md, etiquetas.sps and etiquetas.do). A questionnaire with errors is not rendered: check it first with «sondeo questionnaire check»."),
            ], examples: [
                "sondeo questionnaire render Questionnaires/satisfaccion-servicios.encuesta --format markdown --mode telefono",
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
        if let mode, Mode(folding: mode) == nil {
            let hint = Suggestion.hint(Suggestion.closest(to: mode, among: Mode.allCases.map(\.rawValue)), Localization.language)
            throw ValidationError(L("--mode debe ser telefono, presencial o web, no «\(mode)»\(hint)", "--mode must be telefono, presencial or web, not «\(mode)»\(hint)"))
        }
    }

    func run() throws {
        let (text, q) = try QuestionnaireGate.checked(for: L("antes de convertirlo", "before rendering")) { try QuestionnaireCheck.valid(file) }
        let chosenMode = mode.flatMap(Mode.init(folding:))
        if let chosenMode, !q.modes.contains(chosenMode) {
            Terminal.error(L("Error: --mode \(chosenMode.rawValue): \(file) no se aplica en ese modo (modos: \(q.modes.map(\.label).joined(separator: ", ")))",
                             "Error: --mode \(chosenMode.rawValue): \(file) is not applied in that mode (modes: \(q.modes.map(\.label).joined(separator: ", ")))"))
            throw ExitCode(ExitStatus.usage.rawValue)
        }
        switch format {
        case .markdown: try emit(QuestionnaireDocument.markdown(q, mode: chosenMode))
        case .html: try emit(QuestionnaireDocument.html(q))
        case .json: try emit(QuestionnaireJSON.render(q, sha256: QuestionnaireSource.hash(text)))
        case .xlsform:
            let sheets = XLSFormExport.render(q)
            try files(["survey.csv": sheets.survey, "choices.csv": sheets.choices, "settings.csv": sheets.settings, "formulario.csv": sheets.combined],
                      fallback: sheets.combined)
        case .codebook:
            try files(["libro_de_codigos.md": Codebook.markdown(q), "etiquetas.sps": Codebook.spss(q), "etiquetas.do": Codebook.stata(q)],
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
            throw CSVError(.ioFailure(reason: (error as NSError).localizedDescription), at: SourceLocation(source: out))
        }
        for (name, text) in contents.sorted(by: { $0.key < $1.key }) { try TextFile.write(text, to: (out as NSString).appendingPathComponent(name)) }
        Terminal.error(L("Escritos en \(out): \(contents.keys.sorted().joined(separator: ", ")).", "Wrote into \(out): \(contents.keys.sorted().joined(separator: ", "))."))
    }
}
