import Foundation

/// A fresh PostgreSQL database for a test, on the server of `SONDEO_TEST_POSTGRES`
/// (`postgres://usuario:clave@127.0.0.1/postgres`, a role that may create databases; `.ci/run` starts
/// one). Without it, tests print why they skip PostgreSQL.
public enum TestPostgres {
    /// The URL of a new, empty database, or nil (with a message) when no server is configured.
    /// Whether a PostgreSQL server was given: for `.enabled(if: TestPostgres.isConfigured)`, so that a
    /// run without one lists those tests as skipped instead of passing them silently.
    public static var isConfigured: Bool { ProcessInfo.processInfo.environment["SONDEO_TEST_POSTGRES"] != nil }

    public static func newDatabase(for test: String) throws -> String? {
        guard let admin = ProcessInfo.processInfo.environment["SONDEO_TEST_POSTGRES"], var parts = URLComponents(string: admin) else {
            print("PostgreSQL omitido en «\(test)»: defina SONDEO_TEST_POSTGRES (postgres://usuario:clave@127.0.0.1/postgres).")
            return nil
        }
        let name = "sondeo_t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let psql = Process()
        psql.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        psql.arguments = ["psql", admin, "-q", "-c", "CREATE DATABASE \(name)"]
        try psql.run()
        psql.waitUntilExit()
        guard psql.terminationStatus == 0 else { throw CocoaError(.featureUnsupported, userInfo: [NSLocalizedDescriptionKey: "CREATE DATABASE \(name) falló"]) }
        parts.path = "/" + name
        return parts.string
    }
}
