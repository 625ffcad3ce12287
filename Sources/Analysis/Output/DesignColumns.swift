import Diagnostics

/// The design columns of a responses file: those named, or else the columns `sample draw` writes
/// (`estrato`, `peso`, `N_estrato`), or none for an unweighted simple random sample.
public struct DesignColumns: Sendable {
    public var strata: String?
    public var weights: String?
    public var fpc: String?
    public var cluster: String?

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

    public var columns: [String] { [strata, weights, fpc, cluster].compactMap { $0 } }

    /// `diseño estratificado (estratos: categoria · pesos: peso · N: N_estrato)`.
    public func description(_ kind: SurveyDesign.Kind) -> String {
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
