#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One stratum of a frame as allocation sees it: its label, its size N_h, and what the method needs —
/// the standard deviation S_h (Neyman, optimal, margins for means) and the unit cost c_h (optimal).
public struct Stratum: Sendable, Equatable {
    public var name: String
    public var size: Int
    public var standardDeviation: Double?
    public var cost: Double?

    public init(name: String, size: Int, standardDeviation: Double? = nil, cost: Double? = nil) {
        self.name = name
        self.size = size
        self.standardDeviation = standardDeviation
        self.cost = cost
    }

    /// Stratum labels in byte order: the order of every draw, whatever the file's row order.
    public static func byteOrder(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in
                let common = min(x.count, y.count)
                if common > 0 {
                    let order = memcmp(x.baseAddress!, y.baseAddress!, common)
                    if order != 0 { return order < 0 }
                }
                return x.count < y.count
            }
        }
    }
}

/// How the total is shared among strata (Cochran, *Sampling Techniques*, 3rd ed., §5.5–5.9).
public enum AllocationMethod: String, Sendable, CaseIterable {
    /// n_h ∝ N_h.
    case proportional
    /// n_h ∝ N_h·S_h (Neyman 1934): the smallest variance of the mean for a given total.
    case neyman
    /// n_h ∝ N_h·S_h/√c_h (Cochran eq. 5.24): the smallest variance for a given cost.
    case optimal
    /// n_h = n/H.
    case equal
}
