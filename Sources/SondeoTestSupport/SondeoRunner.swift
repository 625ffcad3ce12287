import Foundation

/// Runs the built `sondeo` executable as a person would, and returns what they would see.
public struct SondeoRun: Sendable {
    public var stdout: String
    public var stderr: String
    public var status: Int32
}

public enum SondeoRunner {
    /// The binary built beside the test bundle (`.build/debug/sondeo`).
    public static var executable: URL {
        let bundleDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [
            bundleDirectory.appendingPathComponent("sondeo"),
            bundleDirectory.deletingLastPathComponent().appendingPathComponent("sondeo"),
            RepositoryFiles.root.appendingPathComponent(".build/debug/sondeo"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[2]
    }

    /// Runs `sondeo arguments…` with SONDEO_LANG unset (Spanish) unless `environment` says otherwise.
    /// Runs `sondeo` to the end; `input` is what a person would type (piped to stdin).
    public static func run(_ arguments: [String], environment: [String: String] = [:],
                           directory: URL? = nil, input: String? = nil) throws -> SondeoRun {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "SONDEO_LANG")
        env["COLUMNS"] = "80"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let stdin = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : stdin
        try process.run()
        if let input {
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try stdin.fileHandleForWriting.close()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return SondeoRun(stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errData, as: UTF8.self),
                         status: process.terminationStatus)
    }

    /// Starts `sondeo` without waiting, with a pipe to type into: for tests that stop it half-way.
    public static func start(_ arguments: [String]) throws -> (process: Process, input: FileHandle) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "SONDEO_LANG")
        process.environment = env
        let stdin = Pipe()
        process.standardInput = stdin
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return (process, stdin.fileHandleForWriting)
    }
}

