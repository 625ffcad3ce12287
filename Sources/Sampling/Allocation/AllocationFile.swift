import Foundation
import Diagnostics
import Table

/// Reads the allocation JSON that `sample allocate --format json` writes and checks it against the
/// frame: the same strata, and the same N_h (a frame that changed since the allocation is refused).
public enum AllocationFile {
    public static func sizes(path: String, frame: Table, strataColumn: String) throws -> [String: Int] {
        let counts = try FrameStrata.strata(of: frame, column: strataColumn)
        let frameSizes = Dictionary(uniqueKeysWithValues: counts.map { ($0.name, $0.size) })
        var sizes: [String: Int] = [:]
        for entry in try read(path) {
            if let allocated = entry.population, let actual = frameSizes[entry.stratum], allocated != actual {
                throw SamplingError.allocationPopulationMismatch(stratum: entry.stratum, allocation: allocated, frame: actual)
            }
            sizes[entry.stratum] = entry.n
        }
        return sizes
    }

    /// The strata of the file: name, N_h when written, and the allocated n_h.
    public static func read(_ path: String) throws -> [(stratum: String, population: Int?, n: Int)] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CSVError(FileManager.default.fileExists(atPath: path) ? .ioFailure(reason: L("no se pudo leer", "could not be read")) : .fileNotFound,
                           at: .init(source: path))
        }
        guard let document = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let entries = document["strata"] as? [[String: Any]] else {
            throw AllocationFileError(path: path)
        }
        return try entries.map { entry in
            guard let name = entry["stratum"] as? String, let n = (entry["n"] as? NSNumber)?.intValue else { throw AllocationFileError(path: path) }
            return (name, (entry["N"] as? NSNumber)?.intValue, n)
        }
    }
}

/// An allocation file that is not the JSON `sample allocate` writes.
public struct AllocationFileError: Diagnostic {
    public var path: String
    public var code: String { "SAMPLE-019" }
    public var location: SourceLocation? { SourceLocation(source: path) }
    public func message(_ language: Language) -> String {
        language.pick("«\(path)» no es una asignación: se esperaba el JSON de «sondeo sample allocate --format json»",
                      "«\(path)» is not an allocation: expected the JSON of «sondeo sample allocate --format json»")
    }
}
