import BusinessDays
import Survey
import ArgumentParser
import Cases
import Diagnostics
import Foundation
import Questionnaire
import Store
import Table

/// `sondeo collect QUESTIONNAIRE --interviewer ID`: the phone (or face-to-face) interview in the
/// terminal. It picks the next case by Confa's calling rule, records how the call ended, and asks the
/// questions one at a time, saving every answer as it is entered.
struct CollectCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "collect",
            abstract: L("Entrevista en la terminal: elige el siguiente caso por llamar, registra el resultado de la llamada y hace las preguntas una a una.",
                        "Interview in the terminal: picks the next case to call, records the call outcome and asks the questions one at a time."),
            discussion: HelpText.discussion([
                L("Reglas de llamada: se llama en días hábiles colombianos (sin fines de semana ni festivos); máximo 3 intentos en días distintos, con la espera de cada resultado; primero las citas que ya tocan y las entrevistas a medias. Cada respuesta se guarda al escribirla: si el programa se cierra, la entrevista sigue donde quedó. Durante la entrevista: «ns» y «nr» marcan No sabe / No responde (nunca se leen), «<» vuelve a la pregunta anterior, «q» suspende la entrevista.",
                  "Calling rules: calls on Colombian business days (no weekends or holidays); at most 3 attempts on different days, with each outcome's wait; due appointments and half-done interviews first. Every answer is saved as it is typed: if the program closes, the interview resumes where it stopped. During the interview: «ns» and «nr» mark Don't know / No answer (never read aloud), «<» goes back, «q» suspends the interview."),
            ], examples: [
                "sondeo collect satisfaccion_servicios --interviewer e01",
                "sondeo collect satisfaccion_servicios --interviewer e01 --unit AF6320520",
            ])
        )
    }

    @Argument(help: ArgumentHelp(L("Id del cuestionario publicado.", "Id of the published questionnaire."), valueName: "id"))
    var questionnaire: String
    @Option(help: ArgumentHelp(L("Código del encuestador.", "Interviewer code."), valueName: L("código", "code")))
    var interviewer: String
    @Option(help: ArgumentHelp(L("Modo: telefono o presencial.", "Mode: telefono or presencial."), valueName: L("modo", "mode")))
    var mode: String = "telefono"
    @Option(help: ArgumentHelp(L("Llama a este caso en vez del siguiente de la lista.", "Call this case instead of the next one."), valueName: L("caso", "case")))
    var unit: String?
    @Flag(help: ArgumentHelp(L("Incluye los casos de reserva.", "Include reserve cases.")))
    var reserve = false
    @Flag(help: ArgumentHelp(L("Llama también en fines de semana y festivos (por defecto, esos días solo se atienden las citas acordadas).",
                               "Call on weekends and holidays too (by default, only agreed appointments are kept on those days).")))
    var anyDay = false
    @Option(help: ArgumentHelp(L("Cuántos casos atender antes de salir (por defecto, hasta que no queden o se pida salir).",
                                 "How many cases to work before leaving (by default, until none is left or you quit)."), valueName: "n"))
    var cases: Int?
    @Option(help: ArgumentHelp(L("Idioma en que se lee el guion al afiliado (uno de la línea «idiomas» del cuestionario, p. ej. en); la pantalla sigue en el idioma del encuestador.",
                                 "Language the script is read to the affiliate in (one of the questionnaire's «idiomas» line, e.g. en); the screen stays in the interviewer's language."),
                               valueName: L("idioma", "language")))
    var language: String?
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard let m = Mode(folding: mode), m != .web else {
            throw ValidationError(L("--mode debe ser telefono o presencial, no «\(mode)»", "--mode must be telefono or presencial, not «\(mode)»"))
        }
    }

    func run() throws {
        let (store, published, q) = try storeOptions.published(questionnaire)
        let screen = InterviewScreen()
        SessionSignals.install()
        if let notice = CallScheduler.closedNotice(anyDay: anyDay || unit != nil) {
            notice.isWarning ? screen.warning(notice.text) : screen.say(notice.text)
        }
        let name = try (store as? any WebStore)?.webUser(interviewer)?.name
        if name == nil {
            screen.warning(L("«\(interviewer)» no tiene nombre registrado: el guion dirá «\(interviewer)» donde va su nombre (regístrelo con «sondeo serve user \(interviewer) --role encuestador --name \"Nombre Apellido\"»).",
                             "«\(interviewer)» has no name on record: the script will say «\(interviewer)» where the name goes (set it with «sondeo serve user \(interviewer) --role encuestador --name \"Name Surname\"»)."))
        }
        // The script in the language asked: the questionnaire translated (the same answers, routing and checks).
        let script = try QuestionnaireLanguageOption.translated(q, to: language, name: questionnaire) { screen.problem($0) }
        let shift = CallShift(store: store, questionnaire: script, version: published.version, id: questionnaire, interviewer: interviewer, interviewerName: name,
                              mode: Mode(folding: mode) ?? .telefono, scheduler: .colombian(includeReserve: reserve, anyDay: anyDay))
        let end = try shift.run(unit: unit, limit: cases, console: screen)
        if let signal = SessionSignals.received { throw ExitCode(128 + signal) }
        switch end {
        case .done, .quit: return
        case .nothingToCall:
            screen.say(L("No hay casos para llamar ahora: los demás ya terminaron, ya se llamaron hoy o esperan su turno.",
                         "No case to call now: the rest are finished, were called today or are waiting their turn."))
        case .unknownCase:
            screen.problem(L("«\(unit ?? "")» no está en la muestra de «\(questionnaire)»", "«\(unit ?? "")» is not in the sample of «\(questionnaire)»"))
            throw ExitCode(ExitStatus.usage.rawValue)
        case .held:
            screen.problem(L("a «\(unit ?? "")» lo está atendiendo otro encuestador", "another interviewer is working «\(unit ?? "")»"))
            throw ExitCode(ExitStatus.usage.rawValue)
        case .assigned(let other):
            screen.problem(L("«\(unit ?? "")» está asignado a \(other); el supervisor puede reasignarlo con «sondeo sample assign»",
                             "«\(unit ?? "")» is assigned to \(other); the supervisor can reassign it with «sondeo sample assign»"))
            throw ExitCode(ExitStatus.usage.rawValue)
        case .quotaFull:
            screen.problem(L("la cuota del estrato de «\(unit ?? "")» ya está completa: no se empiezan más entrevistas allí",
                             "the quota of «\(unit ?? "")»'s stratum is full: no more interviews start there"))
            throw ExitCode(ExitStatus.usage.rawValue)
        }
    }
}
