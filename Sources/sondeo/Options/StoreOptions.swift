import ArgumentParser
import Foundation
import Store

/// Which store a command reads and writes: `--store PATH`, else `SONDEO_STORE`, else `sondeo.sqlite`
/// in the current folder (DESIGN.md, command-line conventions).
struct StoreOptions: ParsableArguments {
    @Option(help: ArgumentHelp(L("Almacén de encuestas (archivo SQLite); por defecto SONDEO_STORE o sondeo.sqlite.",
                                 "Survey store (SQLite file); by default SONDEO_STORE or sondeo.sqlite."),
                               valueName: L("archivo", "file")))
    var store: String?

    var path: String { store ?? ProcessInfo.processInfo.environment["SONDEO_STORE"] ?? "sondeo.sqlite" }

    func open() throws -> SQLiteStore { try SQLiteStore(path: path) }

    /// Who is acting, for the audit log: the login name.
    var actor: String { ProcessInfo.processInfo.environment["USER"] ?? ProcessInfo.processInfo.environment["LOGNAME"] ?? "sondeo" }
}
