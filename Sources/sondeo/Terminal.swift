import Foundation

/// Writing to the terminal: results to stdout, diagnostics and progress to stderr.
enum Terminal {
    static func exit(_ status: Int32) -> Never {
        Foundation.exit(status)
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static var stderrIsTerminal: Bool { isatty(2) != 0 }

    /// A progress callback that redraws `label… 45 %` on stderr when it is a terminal and the file is
    /// large enough to make a person wait; nil otherwise.
    static func progress(label: String, bytes: Int) -> (@Sendable (Double) -> Void)? {
        guard stderrIsTerminal, bytes > 8 << 20 else { return nil }
        return { fraction in
            let percent = Int(fraction * 100)
            FileHandle.standardError.write(Data("\r\(label)… \(percent) %".utf8))
            if fraction >= 1 { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        }
    }
}
