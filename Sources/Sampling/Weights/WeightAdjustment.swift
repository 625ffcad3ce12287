/// Weight adjustments after fieldwork, each scaling weights within groups so that they add up to known
/// population counts (Kalton & Flores-Cervantes, "Weighting methods", *J. Official Statistics* 19, 2003):
/// non-response within strata (the respondents of a stratum stand for all its N_h units) and
/// post-stratification to the frame's cell counts.
public enum WeightAdjustment {
    /// w_i · T_g / Σ_{j∈g} w_j for the group g of each unit: the weights of a group then sum to its
    /// target T_g. A group with a target and no weight is an error (nothing can stand for it).
    public static func scale(_ weights: [Double], groups: [String], targets: [String: Double],
                             describe: (String) -> String) throws(SamplingError) -> [Double] {
        var sums: [String: Double] = [:]
        for (w, g) in zip(weights, groups) { sums[g, default: 0] += w }
        for group in targets.keys.sorted(by: Stratum.byteOrder) where (sums[group] ?? 0) <= 0 && targets[group]! > 0 {
            throw .emptyCell(describe(group))
        }
        return zip(weights, groups).map { w, g in w * (targets[g] ?? 0) / sums[g]! }
    }
}
