import Diagnostics
import Analysis
import ArgumentParser
import Foundation
import Table

/// The sampling design of the responses, and the domains (`--by`): shared by every `analyze` command.
struct DesignOptions: ParsableArguments {
    @Option(help: ArgumentHelp(L("Columna de estratos (por defecto «estrato» si existe).", "Strata column («estrato» by default, if present)."),
                               valueName: L("columna", "column")))
    var strata: String?

    @Option(help: ArgumentHelp(L("Columna de pesos muestrales (por defecto «peso» si existe).", "Sampling weights column («peso» by default, if present)."),
                               valueName: L("columna", "column")))
    var weights: String?

    @Option(help: ArgumentHelp(L("Columna con el tamaño de la población del estrato o la fracción de muestreo (por defecto «N_estrato» si existe y hay estratos).",
                                 "Column with the stratum population size or the sampling fraction («N_estrato» by default, if present and stratified)."),
                               valueName: L("columna", "column")))
    var fpc: String?

    @Option(help: ArgumentHelp(L("Columna de conglomerados (unidades primarias de muestreo), para muestras por conglomerados.",
                                 "Cluster column (primary sampling units), for cluster samples."), valueName: L("columna", "column")))
    var cluster: String?

    @Flag(help: ArgumentHelp(L("Ignora el diseño: muestra aleatoria simple sin pesos.", "Ignore the design: unweighted simple random sample.")))
    var simple = false

    @Option(help: ArgumentHelp(L("Estratos con una sola unidad: fail (error), remove, adjust o average, como en R.",
                                 "Strata with a single unit: fail (error), remove, adjust or average, as in R."), valueName: L("política", "policy")))
    var lonelyPsu: LonelyPSUPolicy = .fail

    @Option(help: ArgumentHelp(L("Columnas que definen grupos (dominios), separadas por comas.", "Columns defining groups (domains), comma-separated."),
                               valueName: L("columnas", "columns")))
    var by: String?

    @Option(help: ArgumentHelp(L("Nivel de confianza de los intervalos.", "Confidence level of the intervals."), valueName: "c"))
    var confidence: Double = 0.95

    func validate() throws {
        guard confidence > 0 && confidence < 1 else {
            throw ValidationError(L("--confidence debe estar entre 0 y 1, p. ej. 0.95", "--confidence must be between 0 and 1, e.g. 0.95"))
        }
        if simple && (strata != nil || weights != nil || fpc != nil || cluster != nil) {
            throw ValidationError(L("--simple no se combina con --strata, --weights, --fpc ni --cluster", "--simple does not combine with --strata, --weights, --fpc or --cluster"))
        }
    }

    var byColumns: [String] {
        (by ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The design columns to use, given the file's header.
    func resolve(header: [String]) -> ResolvedDesign {
        if simple { return ResolvedDesign() }
        let strata = self.strata ?? (header.contains("estrato") ? "estrato" : nil)
        let weights = self.weights ?? (header.contains("peso") ? "peso" : nil)
        let fpc = self.fpc ?? (strata != nil && header.contains("N_estrato") ? "N_estrato" : nil)
        return ResolvedDesign(strata: strata, weights: weights, fpc: fpc, cluster: cluster)
    }
}

extension LonelyPSUPolicy: ExpressibleByArgument {}

/// The design columns in use.
struct ResolvedDesign {
    var strata: String?
    var weights: String?
    var fpc: String?
    var cluster: String?

    var columns: [String] { [strata, weights, fpc, cluster].compactMap { $0 } }

    /// `diseño estratificado (estratos: categoria · pesos: peso · N: N_estrato)`.
    func description(_ kind: SurveyDesign.Kind) -> String {
        var parts: [String] = []
        if let strata { parts.append(L("estratos: \(strata)", "strata: \(strata)")) }
        if let cluster { parts.append(L("conglomerados: \(cluster)", "clusters: \(cluster)")) }
        if let weights { parts.append(L("pesos: \(weights)", "weights: \(weights)")) } else if let fpc {
            parts.append(L("pesos: N/n de \(fpc)", "weights: N/n from \(fpc)"))
        }
        if let fpc { parts.append(L("población finita: \(fpc)", "finite population: \(fpc)")) }
        let name: String
        switch kind {
        case .simple: name = weights == nil && fpc == nil ? L("muestra aleatoria simple sin pesos", "unweighted simple random sample") : (weights == nil ? L("muestra aleatoria simple", "simple random sample") : L("muestra ponderada", "weighted sample"))
        case .stratified: name = L("diseño estratificado", "stratified design")
        case .cluster: name = L("muestra por conglomerados", "cluster sample")
        case .stratifiedCluster: name = L("diseño estratificado por conglomerados", "stratified cluster design")
        }
        return parts.isEmpty ? name : "\(name) (\(parts.joined(separator: " · ")))"
    }
}

/// A response file read for analysis: the table (only the columns needed), its design and domains.
struct AnalysisInput {
    let path: String
    let table: Table
    let design: SurveyDesign
    let resolved: ResolvedDesign
    let domains: [Domain]

    init(path: String, variables: [String], options: DesignOptions, reading: ReadingOptions) throws {
        let header = try CSVReader.header(path: path, options: try reading.csvOptions())
        let resolved = options.resolve(header: header)
        let table = try reading.readTable(path, columns: Set(variables + options.byColumns + resolved.columns)).table
        self.path = path
        self.resolved = resolved
        self.table = table
        design = try SurveyDesign(table: table, strata: resolved.strata, cluster: resolved.cluster, weights: resolved.weights, fpc: resolved.fpc,
                                  lonelyPSU: options.lonelyPsu)
        domains = Domain.groups(of: table, by: options.byColumns)
    }

    /// The numbers of a numeric column.
    func numbers(_ name: String) throws -> [Double] {
        let column = try table.column(name, source: path)
        guard let values = column.numbers, column.type.isNumeric else { throw AnalysisError.notNumeric(column: name, type: column.type) }
        return values
    }

    /// How many rows of the domains have no value in `values` (excluded from the estimate).
    func excluded(_ values: [Double]) -> Int {
        domains.reduce(0) { count, domain in count + domain.members.filter { values[$0].isNaN }.count }
    }

    /// The domain of one `--by` value, for `--compare`.
    func domain(named value: String) throws -> Domain {
        guard let found = domains.first(where: { $0.group.count == 1 && $0.group[0].value == value }) else {
            throw AnalysisError.unknownGroup(column: domains.first?.group.first?.column ?? "--by", value: value)
        }
        return found
    }
}
