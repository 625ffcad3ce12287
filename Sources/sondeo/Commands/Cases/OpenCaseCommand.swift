import BusinessDays
import ArgumentParser
import Cases
import Diagnostics
import Foundation
import Store
import Table

/// `sondeo cases open`: radicar (steps 1–14).
struct OpenCaseCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "open",
            abstract: L("Radica un caso: da el radicado, el término legal y la fecha de vencimiento, y lo asigna según la tabla de rutas.",
                        "Registers a case: gives the radicado, the legal term and the deadline, and assigns it by the routing table."),
            discussion: HelpText.discussion([
                L("Canales: \(PQRSChannel.allCases.map(\.rawValue).joined(separator: ", ")). Tipos: \(PQRSType.allCases.map(\.rawValue).joined(separator: ", ")). Un caso del buzón se recibe el día en que se abre el buzón (--received) y guarda el día del depósito (--deposited). Radicado en día no hábil: cuenta desde el siguiente día hábil.",
                  "Channels: \(PQRSChannel.allCases.map(\.rawValue).joined(separator: ", ")). Types: \(PQRSType.allCases.map(\.rawValue).joined(separator: ", ")). A buzón case is received the day the box is opened (--received) and keeps the deposit day (--deposited). Filed on a non-business day: counts from the next business day."),
            ], examples: [
                "sondeo cases open --channel presencial --type reclamo --service subsidio --subsidy --text \"No llegó la cuota de octubre\"",
                "sondeo cases open --channel buzon --type sugerencia --service salud --received 2026-11-23 --deposited 2026-11-21 --text \"Más sillas\"",
            ])
        )
    }

    @Option(help: ArgumentHelp(L("Canal de llegada.", "Intake channel."), valueName: L("canal", "channel")))
    var channel: String
    @Option(help: ArgumentHelp(L("Tipo de caso.", "Case type."), valueName: L("tipo", "type")))
    var type: String
    @Option(help: ArgumentHelp(L("Servicio del catálogo.", "Service of the catalogue."), valueName: L("servicio", "service")))
    var service: String
    @Option(help: ArgumentHelp(L("Atributo de calidad del catálogo.", "Quality attribute of the catalogue."), valueName: L("atributo", "attribute")))
    var attribute: String?
    @Option(help: ArgumentHelp(L("Tipo SSF del catálogo.", "SSF type of the catalogue."), valueName: L("tipo", "type")))
    var ssfType: String?
    @Flag(help: ArgumentHelp(L("Es sobre subsidios (los reclamos sobre subsidios se verifican por muestra).", "It is about subsidies (claims about subsidies are verified by sample).")))
    var subsidy = false
    @Flag(help: ArgumentHelp(L("Llegó de la Superintendencia del Subsidio Familiar (no se verifica; se carga la respuesta en su plataforma).",
                               "It came from the Superintendencia del Subsidio Familiar (not verified; the answer is uploaded to its platform).")))
    var fromSsf = false
    @Option(help: ArgumentHelp(L("Término que fijó la SSF para este caso, en días hábiles.", "Term the SSF set for this case, in business days."), valueName: "n"))
    var ssfTerm: Int?
    @Option(help: ArgumentHelp(L("Texto del caso.", "Text of the case."), valueName: L("texto", "text")))
    var text: String
    @Option(help: ArgumentHelp(L("Quién lo presenta (nombre y contacto).", "Who files it (name and contact)."), valueName: L("peticionario", "petitioner")))
    var petitioner: String?
    @Option(help: ArgumentHelp(L("Fecha de recibo (aaaa-mm-dd; por defecto hoy). Buzón: el día de apertura.", "Receipt date (yyyy-mm-dd; today by default). Buzón: the opening day."),
                               valueName: L("fecha", "date")))
    var received: String?
    @Option(help: ArgumentHelp(L("Buzón: día del depósito.", "Buzón: deposit day."), valueName: L("fecha", "date")))
    var deposited: String?
    @Option(help: ArgumentHelp(L("Formato de salida: table o json.", "Output format: table or json."), valueName: L("formato", "format")))
    var format: OutputFormat = .table
    @OptionGroup var options: CaseOptions
    @OptionGroup var global: GlobalOptions

    func validate() throws { try format.require([.table, .json]) }

    func run() throws {
        let channelValue = try choice(channel, PQRSChannel.self, field: L("el canal", "the channel"))
        let typeValue = try choice(type, PQRSType.self, field: L("el tipo", "the type"))
        let day = try received.map { try parseDate($0, field: "--received") } ?? CivilDate.colombianToday()
        let deposit = try deposited.map { try parseDate($0, field: "--deposited") }
        let desk = try options.desk()
        let saved = try desk.file(.init(channel: channelValue, type: typeValue, service: service, attribute: attribute, ssfType: ssfType, subsidy: subsidy,
                                        fromSSF: fromSsf, text: text, petitioner: petitioner, received: day, deposited: deposit, ssfTermDays: ssfTerm),
                                  in: try options.storeOptions.openCases(), actor: options.who)
        print(saved.filed(reminder: saved.reminder(desk.calendar), format: format, people: desk.catalog.people[saved.owner] ?? []))
    }
}

/// A value of one of the case enumerations, refused with the valid list.
func choice<T: RawRepresentable & CaseIterable>(_ text: String, _ type: T.Type, field: String) throws -> T where T.RawValue == String {
    try CaseImport.value(text, type, field: field)
}
