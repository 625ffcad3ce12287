import Diagnostics
import ArgumentParser
import Foundation
import Sampling
import Table

/// How `DrawCommand` writes its result.
extension DrawCommand {
    /// n_h per stratum: from the allocation file (checked against the frame) or allocated here.
    func allocationSizes(_ table: Table) throws -> [String: Int] {
        if let allocation {
            return try AllocationFile.sizes(path: allocation, frame: table, strataColumn: strata!)
        }
        guard let strata else { return [StratifiedDraw.wholeFrame: total!] }
        let result = try Allocation(strata: try allocationOptions.strata(of: table, column: strata), total: total!,
                                    method: allocationOptions.method, minimumPerStratum: allocationOptions.minPerStratum)
        return Dictionary(uniqueKeysWithValues: result.strata.map { ($0.stratum, $0.size) })
    }
}
