import ArgumentParser
import Diagnostics
import Store
import Survey

/// `sondeo sample assign ID --interviewer e01 --stratum A`: the supervisor gives cases to an interviewer.
struct AssignCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "assign",
            abstract: L("Asigna casos a un encuestador: solo él los ve en «sondeo collect» y en /encuestador.",
                        "Assigns cases to an interviewer: only they see them in «sondeo collect» and /encuestador."),
            discussion: HelpText.discussion([
                L("Se eligen los casos abiertos (sin resultado final) de los estratos y afiliados nombrados, en el orden del sorteo; con --count, solo esa cantidad de los que aún no tienen encuestador. Los casos sin asignar los puede tomar cualquiera. --unassign los deja libres de nuevo.",
                  "Chooses the open cases (no final outcome) of the named strata and affiliates, in draw order; with --count, only that many of those without an interviewer yet. Unassigned cases can be taken by anyone. --unassign frees them again."),
            ], examples: [
                "sondeo sample assign satisfaccion_servicios --interviewer e01 --stratum Manizales",
                "sondeo sample assign satisfaccion_servicios --interviewer e02 --count 40",
                "sondeo sample assign satisfaccion_servicios --unassign --unit AF6320520",
            ])
        )
    }

    @Argument(help: ArgumentHelp(L("Id del cuestionario publicado.", "Id of the published questionnaire."), valueName: "id")) var questionnaire: String
    @Option(help: ArgumentHelp(L("Código del encuestador.", "Interviewer code."), valueName: L("código", "code"))) var interviewer: String?
    @Flag(help: ArgumentHelp(L("Deja los casos sin encuestador.", "Leaves the cases without an interviewer."))) var unassign = false
    @Option(help: ArgumentHelp(L("Estrato cuyos casos se asignan (se puede repetir).", "Stratum whose cases are assigned (repeatable)."), valueName: L("estrato", "stratum")))
    var stratum: [String] = []
    @Option(help: ArgumentHelp(L("Afiliado que se asigna (se puede repetir).", "Affiliate to assign (repeatable)."), valueName: L("caso", "case"))) var unit: [String] = []
    @Option(help: ArgumentHelp(L("Cuántos casos sin encuestador tomar.", "How many unassigned cases to take."), valueName: "n")) var count: Int?
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard (interviewer != nil) != unassign else {
            throw ValidationError(L("use --interviewer CÓDIGO o --unassign (uno de los dos)", "use --interviewer CODE or --unassign (one of them)"))
        }
    }

    func run() throws {
        let store = try storeOptions.open()
        let chosen = try CaseAssignment.select(try store.cases(of: questionnaire), strata: stratum, units: unit, count: count)
        let changed = try store.assign(questionnaire: questionnaire, units: chosen, to: interviewer, actor: storeOptions.actor)
        print(CaseAssignment.said(changed, chosen: chosen.count, to: interviewer))
    }
}
