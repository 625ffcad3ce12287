import Analysis
import ArgumentParser
import Diagnostics

/// `--repweights 'rep_*' --type jk1|jkn|brr|fay|bootstrap [--rho ρ] [--mse]`: variances from replicate
/// weight columns (R's `svrepdesign`), for files that come with them.
struct ReplicateOptions: ParsableArguments {
    @Option(help: ArgumentHelp(L("Columnas de pesos de réplica: un patrón con * ('rep_*') o una lista separada por comas. La varianza sale de las réplicas.",
                                 "Replicate weight columns: a pattern with * ('rep_*') or a comma-separated list. Variances come from the replicates."),
                               valueName: L("columnas", "columns")))
    var repweights: String?

    @Option(help: ArgumentHelp(L("Tipo de réplicas: jk1, jkn, brr, fay o bootstrap (fija la escala, como svrepdesign de R).",
                                 "Replicate type: jk1, jkn, brr, fay or bootstrap (sets the scale, as R's svrepdesign)."), valueName: L("tipo", "type")))
    var type: ReplicateWeights.Kind?

    @Option(help: ArgumentHelp(L("Factor de Fay ρ, con --type fay.", "Fay's factor ρ, with --type fay."), valueName: "ρ"))
    var rho: Double?

    @Flag(help: ArgumentHelp(L("Centra las réplicas en la estimación completa y no en su media (mse = TRUE de R).",
                               "Centre the replicates on the full-sample estimate instead of their mean (R's mse = TRUE).")))
    var mse = false

    func validate() throws {
        if (repweights == nil) != (type == nil) {
            throw ValidationError(L("--repweights y --type van juntos: las columnas de réplica y su tipo (jk1, jkn, brr, fay o bootstrap)",
                                    "--repweights and --type go together: the replicate columns and their type (jk1, jkn, brr, fay or bootstrap)"))
        }
        if let rho, !(rho > 0 && rho < 1) {
            throw ValidationError(L("--rho debe estar entre 0 y 1, p. ej. 0.5", "--rho must be between 0 and 1, e.g. 0.5"))
        }
    }

    /// The replicate columns the pattern names in `header`.
    func columns(header: [String]) -> ReplicateColumns? {
        guard let repweights, let type else { return nil }
        return ReplicateColumns(pattern: repweights, header: header, kind: type, rho: rho, mse: mse)
    }
}

extension ReplicateWeights.Kind: ExpressibleByArgument {}
