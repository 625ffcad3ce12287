import Diagnostics
import ArgumentParser
import Foundation
import Sampling

/// What is estimated and how precisely: shared by `sample size` and `sample allocate`.
struct PrecisionOptions: ParsableArguments {
    @Option(help: ArgumentHelp(L("Proporción esperada p (0 a 1); 0.5 es lo más conservador.",
                                 "Expected proportion p (0 to 1); 0.5 is the most conservative."), valueName: "p"))
    var proportion: Double?

    @Option(help: ArgumentHelp(L("Desviación estándar de la variable, para estimar una media (en vez de --proportion).",
                                 "Standard deviation of the variable, to estimate a mean (instead of --proportion)."),
                               valueName: "s"))
    var sd: Double?

    @Option(help: ArgumentHelp(L("Confianza (0 a 1).", "Confidence (0 to 1)."), valueName: "c"))
    var confidence: Double = 0.95

    func validate() throws {
        if proportion != nil && sd != nil {
            throw ValidationError(L("use --proportion o --sd, no ambos", "use --proportion or --sd, not both"))
        }
    }

    var target: SizeTarget {
        sd.map { SizeTarget.mean(standardDeviation: $0) } ?? .proportion(proportion ?? 0.5)
    }
}

/// `--sd A=12,B=20` and `--cost A=1,B=1.5`: a value per stratum.
enum StratumValues {
    static func parse(_ text: String, option: String) throws -> [String: Double] {
        var values: [String: Double] = [:]
        for item in text.split(separator: ",") {
            let parts = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty, let value = Double(parts[1]) else {
                throw ValidationError(L("\(option) espera estrato=valor separados por comas (p. ej. A=1,B=1.5), no «\(item)»",
                                        "\(option) expects stratum=value pairs separated by commas (e.g. A=1,B=1.5), not «\(item)»"))
            }
            values[parts[0]] = value
        }
        return values
    }
}
