import ArgumentParser
import Diagnostics
import Foundation

/// `sondeo`: survey design and analysis for Confa's customer-experience team.
@main
struct Sondeo: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "sondeo",
            abstract: L("Diseño de encuestas y análisis estadístico para la experiencia de servicio.",
                        "Survey design and statistical analysis for service experience."),
            discussion: HelpText.discussion([
                L("Lee archivos CSV como los guarda Excel (UTF-8 o Windows-1252, «,» o «;», coma decimal). Los mensajes están en español; use --lang en o SONDEO_LANG=en para inglés.",
                  "Reads CSV files as Excel saves them (UTF-8 or Windows-1252, «,» or «;», decimal comma). Messages are in Spanish by default; --lang en or SONDEO_LANG=en switches to English."),
            ], examples: []),
            version: "0.1.0",
            subcommands: [DataCommand.self, SegmentCommand.self, MapCommand.self, ClusterCommand.self, SampleCommand.self, QuestionnaireCommand.self, CollectCommand.self, ResponsesCommand.self, AnalyzeCommand.self, ReportCommand.self, CasesCommand.self, CalendarCommand.self, StrategyCommand.self, ServeCommand.self]
        )
    }

    @OptionGroup var global: GlobalOptions

    static func main() {
        Localization.language = Localization.detect(arguments: CommandLine.arguments,
                                                    environment: ProcessInfo.processInfo.environment)
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            finish(with: error)
        }
    }

    /// Prints what ended the run, where a person reads it, and exits with its sysexits code.
    static func finish(with error: any Error) -> Never {
        if let diagnostic = error as? any Diagnostic {
            Terminal.error(DiagnosticRenderer.render(diagnostic, language: Localization.language))
            Terminal.exit(diagnostic.exitStatus.rawValue)
        }
        let code = exitCode(for: error)
        let text = Localization.translate(fullMessage(for: error))
        if code == .success {
            if !text.isEmpty { print(text) }
            Terminal.exit(0)
        }
        if !text.isEmpty { Terminal.error(text) }  // a bare ExitCode: the command has already said why
        Terminal.exit(code == .validationFailure ? ExitStatus.usage.rawValue : code.rawValue)
    }
}
