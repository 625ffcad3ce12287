import Diagnostics
import ArgumentParser

/// `sondeo responses`: step 43, the responses and the fieldwork in the store.
struct ResponsesCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "responses",
            abstract: L("Respuestas y trabajo de campo: avance por estrato y tasas de respuesta AAPOR.",
                        "Responses and fieldwork: progress per stratum and AAPOR response rates."),
            subcommands: [ImportCommand.self, ExportCommand.self, StatusCommand.self]
        )
    }

    @OptionGroup var global: GlobalOptions
}
