import ArgumentParser
import Cases
import Diagnostics
import Foundation
import Store
import Table

/// `sondeo cases extend`.
struct ExtendCaseCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "extend",
                             abstract: L("Prorroga el término una vez: avisada antes del vencimiento y hasta el doble del término (Ley 1755, art. 14, parágrafo).",
                                         "Extends the term once: notified before the deadline and up to twice the term (Ley 1755, art. 14)."))
    }

    @OptionGroup var target: CaseTarget
    @Option(help: ArgumentHelp(L("Nueva fecha de vencimiento.", "New deadline."), valueName: L("fecha", "date"))) var until: String
    @Option(help: ArgumentHelp(L("Fecha del aviso al peticionario (por defecto --on u hoy).", "Date the petitioner was notified (--on or today by default)."),
                               valueName: L("fecha", "date"))) var notified: String?
    @Option(help: ArgumentHelp(L("Motivo de la prórroga.", "Reason for the extension."), valueName: L("motivo", "reason"))) var reason: String
    @OptionGroup var options: CaseOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let newDate = try parseDate(until, field: "--until")
        let notice = try notified.map { try parseDate($0, field: "--notified") } ?? target.day()
        try options.step(target.radicado) { desk, c, now in try desk.extend(c, until: newDate, notified: notice, reason: reason, at: now, actor: options.who) }
    }
}

/// `sondeo cases respond`.
struct RespondCaseCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "respond",
                             abstract: L("Registra la respuesta con su fecha y canal; queda a tiempo o fuera de término.",
                                         "Records the answer with its date and channel; it is on time or late."))
    }

    @OptionGroup var target: CaseTarget
    @Option(help: ArgumentHelp(L("Canal de la respuesta (correo, carta, telefono…).", "Channel of the answer (correo, carta, telefono…)."), valueName: L("canal", "channel")))
    var channel: String
    @OptionGroup var options: CaseOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let day = try target.day()
        try options.step(target.radicado) { desk, c, now in try desk.respond(c, on: day, channel: channel, at: now, actor: options.who) }
    }
}

/// `sondeo cases upload-ssf`.
struct UploadSSFCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "upload-ssf",
                             abstract: L("Registra la carga de la respuesta en la plataforma de la SSF con la referencia del certificado.",
                                         "Records the upload of the answer to the SSF platform with the certificate reference."))
    }

    @OptionGroup var target: CaseTarget
    @Option(help: ArgumentHelp(L("Referencia del certificado de la SSF.", "SSF certificate reference."), valueName: L("referencia", "reference"))) var certificate: String
    @OptionGroup var options: CaseOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let day = try target.day()
        try options.step(target.radicado) { desk, c, now in try desk.uploadSSF(c, certificate: certificate, on: day, at: now, actor: options.who) }
    }
}

/// `sondeo cases close`.
struct CloseCaseCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "close",
                             abstract: L("Cierra un caso respondido; las quejas y los reclamos pasan a la verificación de satisfacción.",
                                         "Closes an answered case; complaints and claims go on to satisfaction verification."))
    }

    @OptionGroup var target: CaseTarget
    @OptionGroup var options: CaseOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let day = try target.day()
        try options.step(target.radicado) { desk, c, now in try desk.close(c, on: day, at: now, actor: options.who) }
    }
}

/// `sondeo cases verify`.
struct VerifyCaseCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "verify",
            abstract: L("Registra una llamada de verificación de satisfacción: hasta tres intentos en días distintos; el tercero sin respuesta cierra como no contactado.",
                        "Records a satisfaction verification call: up to three attempts on different days; the third unanswered one closes as not contacted."),
            discussion: HelpText.discussion([
                L("El guion de la llamada es el cuestionario Questionnaires/verificacion-pqrsl.encuesta.", "The call script is the questionnaire Questionnaires/verificacion-pqrsl.encuesta."),
            ], examples: ["sondeo cases verify CONFA-2026-000001 --outcome contactado --satisfied yes --notes \"Quedó conforme\""])
        )
    }

    @OptionGroup var target: CaseTarget
    @Option(help: ArgumentHelp(L("Resultado: contactado o no-contesta.", "Outcome: contactado or no-contesta."), valueName: L("resultado", "outcome"))) var outcome: String
    @Option(help: ArgumentHelp(L("Si quedó satisfecho (con contactado): yes o no.", "Whether satisfied (with contactado): yes or no."), valueName: "yes|no")) var satisfied: String?
    @Option(help: ArgumentHelp(L("Observaciones.", "Notes."), valueName: L("texto", "text"))) var notes: String?
    @Option(help: ArgumentHelp(L("Hora de la llamada (HH:MM; por defecto la de ahora si la llamada es de hoy).", "Time of the call (HH:MM; now by default when the call is today's)."),
                               valueName: L("hora", "time"))) var time: String?
    @OptionGroup var options: CaseOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let happy = try satisfied.map { try parseYesNo($0, option: "--satisfied") }
        let desk = try options.desk()
        let (after, event) = try desk.verify(target.radicado, in: try options.storeOptions.openCases(), outcome: outcome, satisfied: happy, notes: notes,
                                             on: try target.day(), time: time, actor: options.who)
        print(after.summary(event: event))
    }
}
