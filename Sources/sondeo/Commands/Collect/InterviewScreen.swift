import Diagnostics
import Foundation
import Survey

/// What the encuestador sees in `sondeo collect`: plain lines that work in any terminal, under tmux
/// and with answers piped in; styles (bold questions, dimmed instructions, coloured messages) only
/// when stdout is a terminal.
struct InterviewScreen: InterviewConsole {
    let styled = isatty(1) != 0

    func style(_ text: String, _ code: String) -> String { styled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
    func say(_ text: String) { print(text) }
    func say() { print() }
    func question(_ text: String) { say(style(text, "1")) }
    func instruction(_ text: String) { say(style("  [" + L("encuestador", "interviewer") + "] " + text, "2;3")) }
    func problem(_ text: String) { say(style("  ✗ " + text, "31")) }
    func warning(_ text: String) { say(style("  ⚠ " + text, "33")) }
    func heading(_ text: String) { say(style("── " + text + " ──", "36")) }

    /// Reads a line after a prompt; nil at the end of the input.
    func ask(_ prompt: String) -> String? {
        guard SessionSignals.received == nil else { return nil }
        print(prompt, terminator: " ")
        fflush(nil)  // all output streams: the prompt shows before the answer is typed
        guard let line = SessionSignals.readLine(), SessionSignals.received == nil else { return nil }
        if isatty(0) == 0 { print(line) }  // echo piped answers so that the transcript reads like the session
        return line.trimmingCharacters(in: .whitespaces)
    }
}
