/// The lines of a text file as people save it: LF (Unix), CRLF (Windows, Excel, Notepad) or CR line
/// ends. Swift's `split(separator: "\n")` does not do this: "\r\n" is a single Character, so a CRLF
/// file came back as one line, and a calendar override or catalogue saved on Windows was skipped as
/// if it were its own header (issue 22).
public enum TextLines {
    /// The lines, without their ends; a final line end gives a last empty line, as with `split`.
    public static func split(_ text: String) -> [Substring] {
        text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
    }
}
