import Diagnostics
import Table

/// The design columns of a responses file: those named, or else the columns `sample draw` writes
/// (`estrato`, `peso`, `N_estrato`), or none for an unweighted simple random sample.
public struct DesignColumns: Sendable {
    public var strata: String?
    public var weights: String?
    public var fpc: String?
    public var cluster: String?
    /// Calibrations of the weights to population figures, in the order they are applied.
    public var calibration: [CalibrationMethod] = []
    /// The frame or totals file the calibration figures come from.
    public var population: String?
    /// Replicate weight columns: variances from them instead of linearisation.
    public var replicates: ReplicateColumns?
    /// PPS without replacement: the fpc holds inclusion probabilities, approximated so.
    public var pps: PPSApproximation?

    public init(strata: String? = nil, weights: String? = nil, fpc: String? = nil, cluster: String? = nil) {
        self.strata = strata
        self.weights = weights
        self.fpc = fpc
        self.cluster = cluster
    }

    /// The columns named, completed with those of a `sample draw` file found in `header`.
    public init(header: [String], strata: String?, weights: String?, fpc: String?, cluster: String?) {
        let strata = strata ?? (header.contains("estrato") ? "estrato" : nil)
        self.init(strata: strata, weights: weights ?? (header.contains("peso") ? "peso" : nil),
                  fpc: fpc ?? (strata != nil && header.contains("N_estrato") ? "N_estrato" : nil), cluster: cluster)
    }

    public var columns: [String] {
        [strata, weights].compactMap { $0 } + TextLines.list(fpc) + TextLines.list(cluster) + calibration.flatMap(\.columns) + (replicates?.names ?? [])
    }

    /// How the variance is made, for a JSON result: `"variance": "replicates", "replicates": {"type", "count"}` with
    /// replicate weights; `"calibration": [{"method": "postStratify", "columns": ["stype"]}], "population": "apipop.csv"`
    /// with a calibration (nothing for a plain design).
    public var varianceMembers: [(String, JSONValue)] {
        var members: [(String, JSONValue)] = []
        if let replicates {
            members = [("variance", .string("replicates")), ("replicates", .object([("type", .string(replicates.kind.rawValue)),
                                                                                   ("count", .integer(replicates.names.count))]))]
        }
        guard !calibration.isEmpty else { return members }
        let methods = calibration.map { method -> JSONValue in
            let name: String
            switch method {
            case .postStratify: name = "postStratify"
            case .rake: name = "rake"
            case .linear: name = "calibrate"
            }
            return .object([("method", .string(name)), ("columns", .array(method.columns.map(JSONValue.string)))])
        }
        return members + [("calibration", .array(methods)), ("population", population.map(JSONValue.string) ?? .null)]
    }

    /// `diseño estratificado (estratos: categoria · pesos: peso · N: N_estrato)`.
    public func description(_ kind: SurveyDesign.Kind) -> String {
        var parts: [String] = []
        if let strata { parts.append(L("estratos: \(strata)", "strata: \(strata)")) }
        let stages = TextLines.list(cluster)
        if stages.count > 1 {
            let chain = stages.joined(separator: " → ")
            parts.append(L("\(stages.count) etapas: \(chain)", "\(stages.count) stages: \(chain)"))
        } else if let cluster { parts.append(L("conglomerados: \(cluster)", "clusters: \(cluster)")) }
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
        if let pps {
            let who = pps == .brewer ? "Brewer" : "Overton"
            parts.append(L("PPS sin reemplazo, aproximación de \(who)", "PPS without replacement, \(who)'s approximation"))
        }
        let design = parts.isEmpty ? name : "\(name) (\(parts.joined(separator: " · ")))"
        let calibrations = calibration.map { method -> String in
            let list = method.columns.joined(separator: ", ")
            switch method {
            case .postStratify: return L("posestratificado por \(list)", "post-stratified by \(list)")
            case .rake: return L("rastrillado a los márgenes de \(list)", "raked to the margins of \(list)")
            case .linear: return L("calibrado (lineal) a los totales de \(list)", "calibrated (linear) to the totals of \(list)")
            }
        }
        var text = design
        if let replicates {
            let list = replicates.names.count > 3 ? "\(replicates.names[0])…\(replicates.names.last!)" : replicates.names.joined(separator: ", ")
            text += L("; varianza por \(replicates.names.count) réplicas \(replicates.kind.label) (\(list))",
                      "; variance from \(replicates.names.count) \(replicates.kind.label) replicates (\(list))")
        }
        guard !calibrations.isEmpty else { return text }
        let source = population.map { L(" según \($0)", " from \($0)") } ?? ""
        return text + "; " + calibrations.joined(separator: "; ") + source + L(", con su efecto en los errores estándar", ", with its effect on the standard errors")
    }
}
