import Diagnostics
import ArgumentParser

/// Options every command accepts.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(L("Idioma de los mensajes: es o en.", "Language of messages: es or en."),
                                            valueName: L("idioma", "language")))
    var lang: String?
}
