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

extension Witness {
    /// ODK Validate's jar, which pyxform ships: JavaRosa, the engine inside ODK Collect.
    public static var odkValidateJar: String? {
        guard let run = try? python("import os, pyxform; print(os.path.join(os.path.dirname(pyxform.__file__), 'validators', 'odk_validate', 'bin', 'ODK_Validate.jar'))"),
              run.status == 0 else { return nil }
        let path = run.output.trimmingCharacters(in: .whitespacesAndNewlines)
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    /// Whether JavaRosa can be run: pyxform's jar and a Java compiler.
    public static var hasJavaRosa: Bool { odkValidateJar != nil && FileManager.default.isExecutableFile(atPath: "/usr/bin/javac") }

    /// The XForm pyxform makes of an XLSForm workbook (validated by ODK Validate), written beside it.
    public static func xform(fromXLSForm workbook: String) throws -> (path: String, run: Run) {
        let path = (workbook as NSString).deletingPathExtension + ".xml"
        let run = try python("""
            import sys
            from pyxform.xls2xform import convert
            result = convert(xlsform=sys.argv[1], validate=True)
            open(sys.argv[2], 'w', encoding='utf-8').write(result.xform)
            print(result.warnings)
            """, [workbook, path])
        return (path, run)
    }

    /// Runs `Tests/Witnesses/JavaRosaReplay.java` (compiled into `directory`) on an XForm with an answer
    /// plan: one «variable<TAB>label<TAB>statuses» line per question JavaRosa reaches.
    public static func javaRosaReplay(xform: String, plan: String, in directory: String, language: String? = nil) throws -> Run {
        guard let jar = odkValidateJar else { throw CocoaError(.fileNoSuchFile) }
        let classes = (directory as NSString).appendingPathComponent("javarosa-replay")
        if !FileManager.default.fileExists(atPath: (classes as NSString).appendingPathComponent("JavaRosaReplay.class")) {
            let compiled = try run("javac", ["-nowarn", "-d", classes, "-cp", jar, RepositoryFiles.path("Tests/Witnesses/JavaRosaReplay.java")])
            guard compiled.status == 0 else { return compiled }
        }
        let planFile = (directory as NSString).appendingPathComponent("plan-\(UUID().uuidString).txt")
        try plan.write(toFile: planFile, atomically: true, encoding: .utf8)
        // The phone's day is Colombia's, as Sondeo's «hoy()» is: without this, from midnight UTC to 05:00 the JVM
        // (in the machine's UTC) would already be on the next day.
        return try run("java", ["-Duser.timezone=America/Bogota", "-cp", jar + ":" + classes, "JavaRosaReplay", xform, planFile] + (language.map { [$0] } ?? []))
    }
}
