import Table
import Diagnostics
import Analysis
import ArgumentParser
import Foundation

/// The input file and output format of an `analyze` command.
struct AnalysisFileOptions: ParsableArguments {
    @Argument(help: ArgumentHelp(L("Archivo de respuestas (CSV).", "Responses file (CSV)."), valueName: L("archivo", "file")))
    var file: String

    @Option(help: ArgumentHelp(L("Columna a analizar.", "Column to analyse."), valueName: L("columna", "column")))
    var `var`: String

    @OptionGroup var output: ResultOutput
}

/// `--compare A,B`: the difference between two groups of a single `--by` column.
struct CompareOption: ParsableArguments {
    @Option(help: ArgumentHelp(L("Compara dos grupos de --by (una sola columna): «web,telefono» da web − telefono con su error y valor p.",
                                 "Compare two groups of --by (a single column): «web,telefono» gives web − telefono with its error and p-value."),
                               valueName: "A,B"))
    var compare: String?

    func groups(by: [String]) throws -> (String, String)? {
        guard let compare else { return nil }
        let parts = compare.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard by.count == 1 else {
            throw ValidationError(L("--compare necesita exactamente una columna en --by", "--compare needs exactly one column in --by"))
        }
        guard parts.count == 2 else {
            throw ValidationError(L("--compare espera dos grupos separados por coma, p. ej. web,telefono", "--compare expects two groups separated by a comma, e.g. web,telefono"))
        }
        return (parts[0], parts[1])
    }
}

/// `--contrast "web - (telefono + presencial) / 2"`: a function of the groups' estimates with its
/// delta-method error (R's `svycontrast`).
struct ContrastOption: ParsableArguments {
    @Option(help: ArgumentHelp(L("Contraste entre grupos de --by, con su error por el método delta: «web - telefono», «web - (telefono + presencial)/2», «web / telefono» (como svycontrast de R). Nombres con espacios entre «».",
                                 "Contrast between --by groups, with its delta-method error: «web - telefono», «web - (telefono + presencial)/2», «web / telefono» (as R's svycontrast). Names with spaces inside «»."),
                               valueName: L("expresión", "expression")))
    var contrast: String?
}

extension ProportionMethod: ExpressibleByArgument {}
