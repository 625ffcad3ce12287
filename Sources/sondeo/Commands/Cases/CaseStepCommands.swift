import BusinessDays
import ArgumentParser
import Cases
import Diagnostics
import Foundation
import Store
import Table

/// The radicado argument and the step's date, shared by the step commands.
struct CaseTarget: ParsableArguments {
    @Argument(help: ArgumentHelp(L("Radicado del caso.", "The case's radicado."), valueName: "radicado"))
    var radicado: String
    @Option(help: ArgumentHelp(L("Fecha del paso (aaaa-mm-dd; por defecto hoy).", "Date of the step (yyyy-mm-dd; today by default)."), valueName: L("fecha", "date")))
    var on: String?

    func day() throws -> CivilDate { try on.map { try parseDate($0, field: "--on") } ?? CivilDate.colombianToday() }
}

/// `sondeo cases classify`.
struct ClassifyCaseCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "classify",
                             abstract: L("Clasifica un caso (servicio, atributo de calidad, tipo SSF, subsidio) y lo vuelve a enrutar.",
                                         "Classifies a case (service, quality attribute, SSF type, subsidy) and routes it again."))
    }

    @OptionGroup var target: CaseTarget
    @Option(help: ArgumentHelp(L("Servicio.", "Service."), valueName: L("servicio", "service"))) var service: String?
    @Option(help: ArgumentHelp(L("Atributo de calidad.", "Quality attribute."), valueName: L("atributo", "attribute"))) var attribute: String?
    @Option(help: ArgumentHelp(L("Tipo SSF.", "SSF type."), valueName: L("tipo", "type"))) var ssfType: String?
    @Option(help: ArgumentHelp(L("Si es sobre subsidios: yes o no.", "Whether it is about subsidies: yes or no."), valueName: "yes|no")) var subsidy: String?
    @OptionGroup var options: CaseOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let aboutSubsidy = try subsidy.map { try parseYesNo($0, option: "--subsidy") }
        try options.step(target.radicado) { desk, c, now in
            try desk.classify(c, service: service, attribute: attribute, ssfType: ssfType, subsidy: aboutSubsidy, at: now, actor: options.who)
        }
    }
}

/// `sondeo cases transfer`.
struct TransferCaseCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "transfer",
                             abstract: L("Traslada un caso que no es competencia de Confa (Ley 1755, art. 21) y lo termina.",
                                         "Transfers a case that is not Confa's competence (Ley 1755, art. 21) and ends it."))
    }

    @OptionGroup var target: CaseTarget
    @Option(help: ArgumentHelp(L("Entidad a la que se traslada.", "Entity it goes to."), valueName: L("entidad", "entity"))) var to: String
    @OptionGroup var options: CaseOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let day = try target.day()
        try options.step(target.radicado) { desk, c, now in try desk.transfer(c, to: to, on: day, at: now, actor: options.who) }
    }
}

/// `sondeo cases suspend`.
struct SuspendCaseCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "suspend",
                             abstract: L("Suspende el término de una petición incompleta mientras se completa (Ley 1755, art. 17).",
                                         "Suspends the term of an incomplete petition until it is completed (Ley 1755, art. 17)."))
    }

    @OptionGroup var target: CaseTarget
    @Option(help: ArgumentHelp(L("Qué falta.", "What is missing."), valueName: L("motivo", "reason"))) var reason: String
    @OptionGroup var options: CaseOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let day = try target.day()
        try options.step(target.radicado) { desk, c, now in try desk.suspend(c, on: day, reason: reason, at: now, actor: options.who) }
    }
}

/// `sondeo cases resume`.
struct ResumeCaseCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "resume",
                             abstract: L("Reanuda una petición completada: el término vuelve a empezar desde ese día.",
                                         "Resumes a completed petition: the term starts again from that day."))
    }

    @OptionGroup var target: CaseTarget
    @OptionGroup var options: CaseOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let day = try target.day()
        try options.step(target.radicado) { desk, c, now in try desk.resume(c, on: day, at: now, actor: options.who) }
    }
}

/// `sondeo cases desist`.
struct DesistCaseCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "desist",
                             abstract: L("Termina una petición suspendida que no se completó (desistimiento tácito).",
                                         "Ends a suspended petition that was not completed (tacit withdrawal)."))
    }

    @OptionGroup var target: CaseTarget
    @OptionGroup var options: CaseOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let day = try target.day()
        try options.step(target.radicado) { desk, c, now in try desk.desist(c, on: day, at: now, actor: options.who) }
    }
}
