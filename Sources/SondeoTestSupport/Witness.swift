import Foundation

/// The programs of the field that open Sondeo's files in the tests, as independent witnesses: PSPP
/// for SPSS files, Python's openpyxl for workbooks, pandas' own Stata reader, pyxform (and ODK
/// Validate) for XLSForm. `make test` installs them; a test that needs a missing one is skipped and
/// says which.
public enum Witness {
    public struct Run: Sendable {
        public var status: Int32
        public var output: String
    }

    /// Runs a program found on the PATH with these arguments, in `directory`.
    public static func run(_ program: String, _ arguments: [String], in directory: String? = nil) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program] + arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }

    /// A Python program with arguments (`sys.argv[1:]`); its standard output.
    public static func python(_ script: String, _ arguments: [String] = []) throws -> Run {
        try run("python3", ["-c", script] + arguments)
    }

    /// Whether Python can import all these modules.
    public static func hasPython(_ modules: String...) -> Bool {
        (try? python("import " + modules.joined(separator: ", ")).status) == 0
    }

    public static var hasPSPP: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/pspp") && FileManager.default.isExecutableFile(atPath: "/usr/bin/pspp-convert")
    }

    /// Runs SPSS syntax in PSPP (from `directory`) and returns its text output.
    public static func pspp(_ syntax: String, in directory: String) throws -> Run {
        let file = (directory as NSString).appendingPathComponent("witness-\(UUID().uuidString).sps")
        try syntax.write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        return try run("pspp", ["-O", "format=txt", "-O", "width=200", file], in: directory)
    }
}
