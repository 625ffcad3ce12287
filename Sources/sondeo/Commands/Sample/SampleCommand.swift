import Diagnostics
import ArgumentParser

/// `sondeo sample`: step 41, the representative sample.
struct SampleCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "sample",
            abstract: L("Muestra representativa: tamaño, asignación por estratos, selección reproducible y pesos.",
                        "Representative sample: size, allocation over strata, reproducible draw and weights."),
            subcommands: [SizeCommand.self, AllocateCommand.self, DrawCommand.self, WeightsCommand.self, ReplicatesCommand.self, LoadCommand.self, AssignCommand.self, QuotaCommand.self]
        )
    }

    @OptionGroup var global: GlobalOptions
}
