import Table
import Diagnostics
import Survey
import ArgumentParser
import Store

/// `sondeo responses status QUESTIONNAIRE [--by estrato|encuestador]`: fieldwork progress against the
/// allocation and the AAPOR outcome rates of the current dispositions.
struct StatusCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "status",
            abstract: L("Avance del trabajo de campo frente a la asignación y tasas AAPOR (RR1–RR6, COOP1–COOP4, REF1–REF3, CON1–CON3).",
                        "Fieldwork progress against the allocation and AAPOR rates (RR1–RR6, COOP1–COOP4, REF1–REF3, CON1–CON3)."),
            discussion: HelpText.discussion([
                L("Cada caso cuenta con su último resultado. Los casos de la muestra aún sin intentar cuentan como «no intentados» (elegibilidad desconocida); la reserva solo cuenta cuando se llama. e, la proporción estimada de elegibles entre los de elegibilidad desconocida, es por defecto (I+P+R+NC+O)/(I+P+R+NC+O+NE); --e la fija.",
                  "Each case counts with its last outcome. Sample cases not yet tried count as «not attempted» (unknown eligibility); reserve cases count only once called. e, the estimated share of eligible cases among those of unknown eligibility, is (I+P+R+NC+O)/(I+P+R+NC+O+NE) by default; --e sets it."),
            ], examples: [
                "sondeo responses status satisfaccion_servicios",
                "sondeo responses status satisfaccion_servicios --by encuestador --format json",
            ])
        )
    }

    enum Grouping: String, ExpressibleByArgument, CaseIterable { case estrato, encuestador }

    @Argument(help: ArgumentHelp(L("Id del cuestionario publicado.", "Id of the published questionnaire."), valueName: "id"))
    var questionnaire: String
    @Option(help: ArgumentHelp(L("Agrupa por estrato o por encuestador (el del último intento).", "Group by stratum or by interviewer (of the last attempt)."),
                               valueName: L("grupo", "group")))
    var by: Grouping = .estrato
    @Option(help: ArgumentHelp(L("Proporción de elegibles entre los de elegibilidad desconocida (0 a 1).", "Share of eligible among unknown eligibility (0 to 1)."),
                               valueName: "e"))
    var e: Double?
    @Option(help: ArgumentHelp(L("Asignación de «sondeo sample allocate --format json»: la meta de completas por estrato (por defecto, los casos de la muestra sin reserva).",
                                 "Allocation from «sondeo sample allocate --format json»: the completes wanted per stratum (by default, the sample cases without reserve)."),
                               valueName: L("archivo", "file")))
    var allocation: String?
    @Option(help: ArgumentHelp(L("Formato de salida: table o json.", "Output format: table or json."), valueName: L("formato", "format")))
    var format: OutputFormat = .table
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        try format.require([.table, .json])
        if allocation != nil && by != .estrato {
            throw ValidationError(L("--allocation da metas por estrato: úselo con --by estrato", "--allocation gives targets per stratum: use it with --by estrato"))
        }
        if let e, !(0...1).contains(e) { throw ValidationError(L("--e debe estar entre 0 y 1, no \(e)", "--e must be between 0 and 1, not \(e)")) }
    }

    func run() throws {
        let store = try storeOptions.open()
        let cases = try store.cases(of: questionnaire).map { c in
            FieldworkProgress.Case(group: (by == .estrato ? c.stratum : c.interviewers.last) ?? L("(sin asignar)", "(unassigned)"),
                                   reserve: c.reserve, disposition: c.disposition, attempts: c.attempts)
        }
        let targets = try allocation.map { file in
            Dictionary(try AllocationFile.read(file).map { ($0.stratum, $0.n) }, uniquingKeysWith: { a, _ in a })
        }
        let progress = FieldworkProgress(cases: cases, e: e, targets: by == .estrato ? targets : nil)
        if format == .json {
            print(JSONValue.object([("questionnaire", .string(questionnaire)), ("by", .string(by.rawValue))] + Self.json(progress.total)
                                   + [("groups", .array(progress.groups.map { .object([("group", .string($0.group ?? ""))] + Self.json($0)) }))]).rendered())
            return
        }
        print(L("Trabajo de campo de «\(questionnaire)» (\(storeOptions.shownPath))", "Fieldwork of «\(questionnaire)» (\(storeOptions.shownPath))"))
        print("")
        var table = TextTable(headers: [by == .estrato ? L("estrato", "stratum") : L("encuestador", "interviewer"), L("meta", "target"),
                                        L("completas", "complete"), L("avance", "progress"), L("parciales", "partial"), L("cerrados", "closed"),
                                        L("sin intentar", "not tried"), L("reserva usada", "reserve used"), "RR1", "COOP1"],
                              alignments: [.left] + Array(repeating: .right, count: 9))
        for s in progress.groups + [progress.total] { table.append(Self.row(s)) }
        print(table.rendered())
        print("")
        let counts = OutcomeRates.OutcomeClass.allCases.map { "\($0.rawValue) = \(NumberText.integer(Int(progress.total.rates.counts[$0] ?? 0)))" }
        print(L("Clases AAPOR: ", "AAPOR classes: ") + counts.joined(separator: " · ")
              + (progress.total.rates.e.map { " · e = \(NumberText.decimal($0, places: 4))" } ?? ""))
        var rates = TextTable(headers: [L("tasa", "rate"), L("valor", "value"), L("tasa", "rate"), L("valor", "value"),
                                        L("tasa", "rate"), L("valor", "value"), L("tasa", "rate"), L("valor", "value")],
                              alignments: [.left, .right, .left, .right, .left, .right, .left, .right])
        let families = [["RR1", "RR2", "RR3", "RR4", "RR5", "RR6"], ["COOP1", "COOP2", "COOP3", "COOP4"], ["REF1", "REF2", "REF3"], ["CON1", "CON2", "CON3"]]
        for index in 0..<6 {
            rates.append(families.flatMap { family in
                index < family.count ? [family[index], Self.percent(progress.total.rates.rates[family[index]] ?? nil)] : ["", ""]
            })
        }
        print(rates.rendered())
    }

    static func percent(_ value: Double?) -> String {
        value.map { NumberText.decimal($0 * 100, places: 1) + " %" } ?? "—"
    }

    static func row(_ s: FieldworkProgress.Summary) -> [String] {
        [s.group ?? L("total", "total"), NumberText.integer(s.target), NumberText.integer(s.completes),
         s.target > 0 ? percent(Double(s.completes) / Double(s.target)) : "—", NumberText.integer(s.partials),
         NumberText.integer(s.finished), NumberText.integer(s.notTried), NumberText.integer(s.reserveUsed),
         percent(s.rates.rates["RR1"] ?? nil), percent(s.rates.rates["COOP1"] ?? nil)]
    }

    static func json(_ s: FieldworkProgress.Summary) -> [(String, JSONValue)] {
        [("target", .integer(s.target)), ("released", .integer(s.released)), ("completes", .integer(s.completes)),
         ("partials", .integer(s.partials)), ("closed", .integer(s.finished)), ("not_tried", .integer(s.notTried)),
         ("reserve_used", .integer(s.reserveUsed)),
         ("counts", .object(OutcomeRates.OutcomeClass.allCases.map { ($0.rawValue, .number(s.rates.counts[$0] ?? 0)) })),
         ("e", .finite(s.rates.e)),
         ("rates", .object(OutcomeRates.names.map { ($0, .finite(s.rates.rates[$0] ?? nil)) }))]
    }
}
