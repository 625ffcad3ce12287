import Diagnostics
import Foundation

/// The language of this run, fixed before the arguments are parsed (from `--lang` and
/// `SONDEO_LANG`), because ArgumentParser builds help texts when it creates the commands.
enum Localization {
    static var language: Language {
        get { Language.current }
        set { Language.current = newValue }
    }

    /// Reads `--lang en`, `--lang=en` or `SONDEO_LANG` without parsing the rest.
    static func detect(arguments: [String], environment: [String: String]) -> Language {
        var language = Language.fromEnvironment(environment)
        for (index, argument) in arguments.enumerated() {
            var value: String?
            if argument == "--lang", index + 1 < arguments.count { value = arguments[index + 1] }
            if argument.hasPrefix("--lang=") { value = String(argument.dropFirst("--lang=".count)) }
            if let value { language = value.lowercased().hasPrefix("en") ? .en : .es }
        }
        return language
    }

    /// ArgumentParser writes its own headings and errors in English; in Spanish they are translated
    /// here, so the whole help reads in one language.
    static func translate(_ text: String) -> String {
        guard language == .es else { return text }
        var result = text
        for (english, spanish) in replacements { result = result.replacingOccurrences(of: english, with: spanish) }
        for (pattern, template) in patterns {
            result = result.replacingOccurrences(of: pattern, with: template, options: .regularExpression)
        }
        return result
    }

    private static let replacements: [(String, String)] = [
        ("OVERVIEW:", "DESCRIPCIÓN:"),
        ("USAGE:", "USO:"),
        ("ARGUMENTS:", "ARGUMENTOS:"),
        ("OPTIONS:", "OPCIONES:"),
        ("SUBCOMMANDS:", "SUBCOMANDOS:"),
        ("Show help information.", "Muestra esta ayuda."),
        ("Show the version.", "Muestra la versión."),
        ("See 'sondeo help <subcommand>' for detailed help.", "Vea 'sondeo help <subcomando>' para la ayuda de cada uno."),
        ("<subcommand>", "<subcomando>"),
        ("[<options>]", "[<opciones>]"),
        ("<options>", "<opciones>"),
        ("Help:  ", "Ayuda: "),
        ("Usage: ", "Uso: "),
        ("Error: ", "Error: "),
    ]

    private static let patterns: [(String, String)] = [
        ("default:(\\s)", "predeterminado:$1"),
        ("values:(\\s)", "valores:$1"),
        ("Missing expected argument '([^']*)'", "falta el argumento obligatorio '$1'"),
        ("Unknown option '([^']*)'", "opción desconocida '$1'"),
        ("Unexpected argument '([^']*)'", "argumento inesperado '$1'"),
        ("Missing value for '([^']*)'", "falta el valor de '$1'"),
        ("The value '([^']*)' is invalid for '([^']*)'", "el valor '$1' no es válido para '$2'"),
        ("Did you mean '([^']*)'\\?", "¿quiso decir '$1'?"),
        ("Unknown subcommand '([^']*)'", "subcomando desconocido '$1'"),
        ("Please provide one of '([^']*)'", "indique una de estas opciones: '$1'"),
        ("See '([^']*)' for more information\\.", "Vea '$1' para más información."),
        ("See '([^']*)' for detailed help\\.", "Vea '$1' para la ayuda de cada uno."),
    ]
}
