import ArgumentParser
import Diagnostics
import Sampling
import Store
import Survey

/// `sondeo sample quota ID --allocation asignacion.json`: the completes wanted per stratum, which stop
/// new interviews of a stratum on every channel once reached.
struct QuotaCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "quota",
            abstract: L("Fija la cuota de entrevistas completas por estrato; al llenarse, ningún canal empieza más casos de ese estrato.",
                        "Sets the quota of complete interviews per stratum; once full, no channel starts more cases of that stratum."),
            discussion: HelpText.discussion([
                L("Las cuotas salen de la asignación de «sondeo sample allocate» (--allocation) o se dan a mano (--set estrato=n). Al llenarse un estrato, «sondeo collect» y /encuestador dejan de ofrecer sus casos, el enlace web de un afiliado de ese estrato muestra una página de cierre amable, y los casos sin empezar quedan como «cuota llena» (AAPOR 4.80); las entrevistas ya empezadas terminan. /campo y «responses status» muestran el avance contra la cuota. --clear las quita.",
                  "Quotas come from the allocation of «sondeo sample allocate» (--allocation) or are given by hand (--set stratum=n). Once a stratum is full, «sondeo collect» and /encuestador stop offering its cases, the web link of an affiliate of that stratum shows a polite closing page, and cases not started close as «quota filled» (AAPOR 4.80); interviews already started finish. /campo and «responses status» show progress against the quota. --clear removes them."),
            ], examples: [
                "sondeo sample quota satisfaccion_servicios --allocation asignacion.json",
                "sondeo sample quota satisfaccion_servicios --set Manizales=120 --set Chinchiná=40",
            ])
        )
    }

    @Argument(help: ArgumentHelp(L("Id del cuestionario publicado.", "Id of the published questionnaire."), valueName: "id")) var questionnaire: String
    @Option(help: ArgumentHelp(L("Asignación de «sondeo sample allocate» (JSON).", "Allocation written by «sondeo sample allocate» (JSON)."), valueName: L("archivo", "file")))
    var allocation: String?
    @Option(help: ArgumentHelp(L("Cuota de un estrato, estrato=n (se puede repetir).", "One stratum's quota, stratum=n (repeatable)."), valueName: "estrato=n"))
    var set: [String] = []
    @Flag(help: ArgumentHelp(L("Quita todas las cuotas.", "Removes every quota."))) var clear = false
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard [allocation != nil, !set.isEmpty, clear].filter({ $0 }).count == 1 else {
            throw ValidationError(L("use una de --allocation, --set o --clear", "use one of --allocation, --set or --clear"))
        }
        for pair in set where Self.pair(pair) == nil {
            throw ValidationError(L("«\(pair)» no es estrato=n con n entero positivo", "«\(pair)» is not stratum=n with n a positive whole number"))
        }
    }

    static func pair(_ text: String) -> (String, Int)? {
        let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, !parts[0].isEmpty, let n = Int(parts[1]), n > 0 else { return nil }
        return (parts[0], n)
    }

    func run() throws {
        let store = try storeOptions.open()
        var targets: [String: Int] = [:]
        if let allocation { for s in try AllocationFile.read(allocation) { targets[s.stratum] = s.n } }
        for pair in set { if let (stratum, n) = Self.pair(pair) { targets[stratum] = n } }
        try store.setQuotas(questionnaire: questionnaire, targets, actor: storeOptions.actor)
        print(targets.isEmpty ? L("Sin cuotas para «\(questionnaire)».", "No quotas for «\(questionnaire)».")
              : L("Cuotas de «\(questionnaire)»: ", "Quotas of «\(questionnaire)»: ") + targets.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: " · "))
    }
}
