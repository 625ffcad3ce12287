import Table
import Diagnostics
import Survey
import ArgumentParser
import Sampling
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

    @Argument(help: ArgumentHelp(L("Id del cuestionario publicado.", "Id of the published questionnaire."), valueName: "id"))
    var questionnaire: String
    @Option(help: ArgumentHelp(L("Agrupa por estrato o por encuestador (el del último intento).", "Group by stratum or by interviewer (of the last attempt)."),
                               valueName: L("grupo", "group")))
    var by: FieldworkProgress.Grouping = .estrato
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
        let targets = try allocation.map { file in Dictionary(try AllocationFile.read(file).map { ($0.stratum, $0.n) }, uniquingKeysWith: { a, _ in a }) }
        let progress = try FieldworkProgress(store: try storeOptions.open(), questionnaire: questionnaire, by: by, e: e, targets: targets)
        print(progress.report(questionnaire: questionnaire, store: storeOptions.shownPath, format: format))
    }
}

extension FieldworkProgress.Grouping: ExpressibleByArgument {}
