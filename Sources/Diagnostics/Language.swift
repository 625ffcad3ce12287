import Diagnostics
/// The language of everything a person reads: help, messages, reports.
///
/// Spanish is the default (Confa's team works in Spanish); `--lang en` or `SONDEO_LANG=en` switch to
/// English. Code and identifiers stay English either way.
public enum Language: String, Sendable, CaseIterable {
    case es, en

    /// The language of this run: set once by the executable from `--lang` and `SONDEO_LANG` before
    /// anything is printed; what the workflows write for a person (the interview's screen, summaries)
    /// is in it.
    public static var current: Language {
        get { request ?? run }
        set { run = newValue }
    }

    /// The language chosen once for the run.
    nonisolated(unsafe) private static var run: Language = .es

    /// A language for one piece of work only — the page of a web respondent who reads in English — set
    /// with `Language.$request.withValue(.en) { … }` while everything else keeps the run's.
    @TaskLocal public static var request: Language?

    /// The language chosen by the environment (`SONDEO_LANG`), Spanish when unset or unknown.
    public static func fromEnvironment(_ environment: [String: String]) -> Language {
        guard let value = environment["SONDEO_LANG"]?.lowercased() else { return .es }
        return value.hasPrefix("en") ? .en : .es
    }

    /// Picks the text for this language: `language.pick("archivo", "file")`.
    public func pick(_ spanish: String, _ english: String) -> String {
        self == .es ? spanish : english
    }
}

/// The text in the run's language (``Language/current``): `L("Archivo CSV", "CSV file")`. Every module
/// that writes for a person says it this way.
public func L(_ spanish: String, _ english: String) -> String { Language.current.pick(spanish, english) }
