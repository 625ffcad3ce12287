import Diagnostics
import ArgumentParser
import Sampling
import Table

/// How to share a total among strata: shared by `sample allocate` and `sample draw`.
struct AllocationOptions: ParsableArguments {
    @Option(help: ArgumentHelp(L("Método: proportional, neyman, optimal o equal.", "Method: proportional, neyman, optimal or equal."),
                               valueName: L("método", "method")))
    var method: AllocationMethod = .proportional

    @Option(help: ArgumentHelp(L("Columna numérica del marco cuya desviación estándar por estrato usan neyman y optimal.",
                                 "Numeric frame column whose per-stratum standard deviation neyman and optimal use."),
                               valueName: L("columna", "column")))
    var sdOf: String?

    @Option(name: .customLong("sd"),
            help: ArgumentHelp(L("Desviación estándar por estrato, p. ej. A=1.2,B=0.9 (en vez de --sd-of).",
                                 "Standard deviation per stratum, e.g. A=1.2,B=0.9 (instead of --sd-of)."),
                               valueName: L("estrato=valor,…", "stratum=value,…")))
    var sdByStratum: String?

    @Option(help: ArgumentHelp(L("Costo por encuesta en cada estrato, p. ej. A=1,B=1.5 (para optimal).",
                                 "Cost per interview in each stratum, e.g. A=1,B=1.5 (for optimal)."),
                               valueName: L("estrato=valor,…", "stratum=value,…")))
    var cost: String?

    @Option(help: ArgumentHelp(L("Mínimo de encuestas por estrato (o todo el estrato si es más pequeño).",
                                 "Minimum interviews per stratum (or the whole stratum when smaller)."), valueName: "m"))
    var minPerStratum: Int = 2

    func validate() throws {
        if sdOf != nil && sdByStratum != nil {
            throw ValidationError(L("use --sd-of o --sd, no ambos", "use --sd-of or --sd, not both"))
        }
        guard minPerStratum >= 0 else {
            throw ValidationError(L("--min-per-stratum no puede ser negativo", "--min-per-stratum cannot be negative"))
        }
    }

    /// The frame's strata with the standard deviations and costs given.
    func strata(of table: Table, column: String) throws -> [Stratum] {
        var strata = try FrameStrata.strata(of: table, column: column, standardDeviationOf: sdOf)
        let names = Set(strata.map(\.name))
        if let sdByStratum {
            let values = try StratumValues.parse(sdByStratum, option: "--sd")
            for name in values.keys where !names.contains(name) { throw SamplingError.unknownStratum(option: "--sd", stratum: name) }
            for i in strata.indices { strata[i].standardDeviation = values[strata[i].name] }
        }
        if let cost {
            let values = try StratumValues.parse(cost, option: "--cost")
            for name in values.keys where !names.contains(name) { throw SamplingError.unknownStratum(option: "--cost", stratum: name) }
            for i in strata.indices { strata[i].cost = values[strata[i].name] }
        }
        return strata
    }
}

extension AllocationMethod: ExpressibleByArgument {}

/// The method's name as a person reads it.
