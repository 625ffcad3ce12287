import Foundation
import Diagnostics
import Table

/// Writing to the terminal: results to stdout, diagnostics and progress to stderr.
enum Terminal {
    static func exit(_ status: Int32) -> Never {
        Foundation.exit(status)
    }

    /// A message on stderr; on a terminal, over a progress line that may be showing (which redraws after it).
    static func error(_ text: String) {
        FileHandle.standardError.write(Data(((stderrIsTerminal ? "\r\u{1B}[K" : "") + text + "\n").utf8))
    }

    static var stderrIsTerminal: Bool { isatty(2) != 0 }

    /// A progress callback for work counted in units (restarts, draws, rows): redraws
    /// `label: phase — 40 % · faltan ~12 s` on stderr when it is a terminal, once the work has taken a
    /// second (`SONDEO_PROGRESS_AFTER` seconds: 0 shows it at once); the line is cleared at the end.
    /// Nil when stderr is not a terminal: a log or a pipe gets nothing.
    static func steps(label: String) -> (@Sendable (_ done: Int, _ total: Int, _ phase: String) -> Void)? {
        guard stderrIsTerminal else { return nil }
        let after = ProcessInfo.processInfo.environment["SONDEO_PROGRESS_AFTER"].flatMap(Double.init) ?? 1
        let start = Date()
        let lock = NSLock()
        return { done, total, phase in
            lock.lock()
            defer { lock.unlock() }
            let elapsed = Date().timeIntervalSince(start)
            guard elapsed >= after, total > 0 else { return }
            if done >= total {
                FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
                return
            }
            let percent = done * 100 / total
            let left = done > 0 ? elapsed / Double(done) * Double(total - done) : nil
            let eta = left.map { L(" · faltan ~\(Self.duration($0))", " · ~\(Self.duration($0)) left") } ?? ""
            FileHandle.standardError.write(Data("\r\u{1B}[K\(label): \(phase) — \(percent) %\(eta)".utf8))
        }
    }

    /// Runs `body`, and while it runs shows `label… 12 s` on stderr when it is a terminal and the work
    /// has taken a second (`SONDEO_PROGRESS_AFTER`): for a computation that cannot count its own steps
    /// (a cross-table's covariance, a report), the time it has taken so far; the line is cleared at the
    /// end. Nothing when stderr is not a terminal.
    static func working<T>(_ label: String, _ body: () throws -> T) rethrows -> T {
        guard stderrIsTerminal else { return try body() }
        let after = ProcessInfo.processInfo.environment["SONDEO_PROGRESS_AFTER"].flatMap(Double.init) ?? 1
        let finished = DispatchSemaphore(value: 0), stopped = DispatchSemaphore(value: 0)
        let start = Date()
        let ticker = Thread {
            var shown = false
            repeat {
                let elapsed = Date().timeIntervalSince(start)
                if elapsed >= after {
                    shown = true
                    FileHandle.standardError.write(Data("\r\u{1B}[K\(label)… \(Self.duration(elapsed))".utf8))
                }
            } while finished.wait(timeout: .now() + (shown ? 1 : min(1, max(0.05, after - Date().timeIntervalSince(start))))) == .timedOut
            if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            stopped.signal()
        }
        ticker.start()
        defer {
            finished.signal()
            stopped.wait()
        }
        return try body()
    }

    /// Rows written to `path`, as a progress line (a workbook or an SPSS file of a million rows).
    static func writing(_ path: String) -> DataFile.RowsWritten? {
        guard let show = steps(label: L("Escribiendo \(path)", "Writing \(path)")) else { return nil }
        let written: DataFile.RowsWritten = { done, total in
            let phase = L("fila \(NumberText.integer(done)) de \(NumberText.integer(total))", "row \(NumberText.integer(done)) of \(NumberText.integer(total))")
            show(done, total, phase)
        }
        return written
    }

    /// `45 s`, `3 min 20 s`.
    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded(.up))
        return s < 60 ? "\(s) s" : "\(s / 60) min \(s % 60) s"
    }

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
