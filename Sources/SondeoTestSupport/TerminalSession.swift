import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `sondeo` run in a pseudo-terminal, as an encuestador types into it: the program sees a terminal on
/// stdin and stdout (styles on, the terminal echoes what is typed), and each answer is typed only
/// once the program is waiting for it (its prompt is shown and nothing more comes).
public final class TerminalSession {
    private let master: Int32
    private let process: Process
    /// Everything the terminal showed, escape sequences included.
    public private(set) var transcript = ""

    public init(_ arguments: [String], environment: [String: String] = [:]) throws {
        // Linux's pseudo-terminal multiplexer, as posix_openpt, unlockpt and ptsname use it (Swift's Glibc
        // module does not show those three): unlock the new terminal (TIOCSPTLCK) and ask its number (TIOCGPTN).
        master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        var unlock: Int32 = 0, number: Int32 = 0
        guard master >= 0, ioctl(master, 0x4004_5431, &unlock) == 0, ioctl(master, 0x8004_5430, &number) == 0 else {
            throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "no se pudo abrir una seudoterminal"])
        }
        let name = "/dev/pts/\(number)"
        let slave = open(name, O_RDWR | O_NOCTTY)
        guard slave >= 0 else { throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "no se pudo abrir \(name)"]) }
        process = Process()
        process.executableURL = SondeoRunner.executable
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "SONDEO_LANG")
        env["TERM"] = "xterm"
        env["COLUMNS"] = "100"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let terminal = FileHandle(fileDescriptor: slave, closeOnDealloc: true)
        process.standardInput = terminal
        process.standardOutput = terminal
        process.standardError = terminal
        try process.run()
    }

    deinit {
        if process.isRunning { process.terminate() }
        close(master)
    }

    /// Waits until the program asks for something — its output ends with a prompt (not a line end) and
    /// stays quiet for a moment — or ends; returns what it showed since the last call.
    @discardableResult
    public func waitForPrompt(timeout: TimeInterval = 20) throws -> String {
        let start = transcript.endIndex
        let deadline = Date().addingTimeInterval(timeout)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while Date() < deadline {
            var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, 150)
            if ready > 0 {
                let count = read(master, &buffer, buffer.count)
                if count <= 0 { break }   // the program ended and the terminal closed
                transcript += String(decoding: buffer[0..<count], as: UTF8.self)
                continue
            }
            // Quiet: a prompt ends with a blank after its text («> », «Opción: », «(s/n) »).
            if transcript[start...].hasSuffix(" ") || !process.isRunning { break }
        }
        return String(transcript[start...])
    }

    /// Sends the program a signal (as Ctrl-C or a closed terminal would: SIGINT, SIGHUP).
    public func signal(_ number: Int32) {
        kill(process.processIdentifier, number)
    }

    /// Types a line and Enter.
    public func type(_ line: String) throws {
        let bytes = Array((line + "\r").utf8)
        _ = bytes.withUnsafeBufferPointer { write(master, $0.baseAddress, $0.count) }
    }

    /// Types each answer when it is asked for, then waits for the program to end.
    public func answer(_ lines: [String], timeout: TimeInterval = 60) throws -> (transcript: String, status: Int32) {
        try waitForPrompt()
        for line in lines {
            try type(line)
            try waitForPrompt()
        }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { try waitForPrompt(timeout: 1) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        try waitForPrompt(timeout: 0.3)
        return (transcript, process.terminationStatus)
    }
}
