/// Process exit codes, as in BSD's sysexits.h: what kind of failure ended the command.
public enum ExitStatus: Int32, Sendable {
    case success = 0
    /// Wrong command-line usage (EX_USAGE).
    case usage = 64
    /// Bad input data or questionnaire (EX_DATAERR).
    case dataError = 65
    /// An input file that does not exist or cannot be opened (EX_NOINPUT).
    case noInput = 66
    /// A bug: something that should not happen (EX_SOFTWARE).
    case internalError = 70
    /// Reading or writing failed (EX_IOERR).
    case ioError = 74
}
