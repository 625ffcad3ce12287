import Foundation

/// Ctrl-C (SIGINT), a closed terminal (SIGHUP) and `kill` (SIGTERM) during `sondeo collect` end the
/// session the way «q» does: the question being asked gets no answer (the read is interrupted), the
/// interview is left half-way with what was saved, the case's claim is released and the program says
/// so. Only `kill -9` cannot be caught: then the claim expires by itself (``CaseClaims/duration``).
enum SessionSignals {
    static let caught = [SIGINT, SIGHUP, SIGTERM]

    /// Installs the handlers, without `SA_RESTART` so that a blocked read returns; a signal that lands
    /// on another thread is passed on to the main one, which is the one reading.
    static func install() {
        mainThread = pthread_self()
        var set = sigset_t()
        sigemptyset(&set)
        for signal in caught { sigaddset(&set, signal) }
        // A parent may start us with them blocked (a test harness, some job runners).
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        for signal in caught {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = sessionSignalHandler
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(signal, &action, nil)
        }
    }

    /// The signal that ended the session, or nil.
    static var received: Int32? { receivedSignal == 0 ? nil : receivedSignal }

    /// A line of standard input without its newline; nil at the end of the input or when a signal
    /// interrupted the read (the standard library's `readLine` retries an interrupted read forever).
    static func readLine() -> String? {
        while true {
            if let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                var line = Array(pending[..<newline])
                pending.removeSubrange(...newline)
                if line.last == UInt8(ascii: "\r") { line.removeLast() }
                return String(decoding: line, as: UTF8.self)
            }
            var buffer = [UInt8](repeating: 0, count: 4096)
            let count = read(STDIN_FILENO, &buffer, buffer.count)
            if count > 0 { pending += buffer[..<count]; continue }
            if count < 0 && errno == EINTR && received == nil { continue }
            guard count == 0, !pending.isEmpty, received == nil else { return nil }
            defer { pending = [] }
            return String(decoding: pending, as: UTF8.self)
        }
    }
}

/// Bytes read from standard input past the last line handed out.
nonisolated(unsafe) private var pending: [UInt8] = []

nonisolated(unsafe) private var mainThread = pthread_self()
nonisolated(unsafe) private var receivedSignal: Int32 = 0

/// Async-signal-safe: records the signal and interrupts the main thread's read.
private func sessionSignalHandler(_ signal: Int32) {
    receivedSignal = signal
    if pthread_equal(pthread_self(), mainThread) == 0 { pthread_kill(mainThread, signal) }
}
