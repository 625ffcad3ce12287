import Diagnostics
import ArgumentParser
import Table

/// `--format`: how a command prints its result.
extension OutputFormat: ExpressibleByArgument {
    /// Fails with a usage error when the command does not offer this format.
    func require(_ allowed: [OutputFormat]) throws {
        guard allowed.contains(self) else {
            let names = allowed.map(\.rawValue).joined(separator: ", ")
            throw ValidationError(L("este comando no ofrece --format \(rawValue); use uno de: \(names)",
                                    "this command does not offer --format \(rawValue); use one of: \(names)"))
        }
    }
}
