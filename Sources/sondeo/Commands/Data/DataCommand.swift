import Diagnostics
import ArgumentParser

/// `sondeo data`: look at, filter and convert data files.
struct DataCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "data",
            abstract: L("Inspecciona, filtra y convierte archivos de datos (CSV).",
                        "Inspect, filter and convert data files (CSV)."),
            subcommands: [InspectCommand.self, HeadCommand.self, ConvertCommand.self]
        )
    }

    @OptionGroup var global: GlobalOptions
}
