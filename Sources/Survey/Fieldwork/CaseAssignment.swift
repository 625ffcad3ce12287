import Diagnostics
import Store

/// Which cases a supervisor's assignment takes: the open cases (not finished) of the named strata
/// and units, in the order of the draw; with a count, only that many of those not yet given to
/// anyone. `sondeo sample assign` and the supervisor's page (`/campo`) both choose by it.
public enum CaseAssignment {
    /// Why a selection was refused.
    public enum Problem: Diagnostic, Equatable {
        case nothingChosen
        case unknownStratum(String, known: [String])

        public var code: String {
            switch self {
            case .nothingChosen: return "FIELD-001"
            case .unknownStratum: return "FIELD-002"
            }
        }
        public var location: SourceLocation? { nil }
        public var exitStatus: ExitStatus { .usage }

        public func message(_ language: Language) -> String {
            switch self {
            case .nothingChosen:
                return language.pick("diga qué casos: --stratum, --unit o --count", "say which cases: --stratum, --unit or --count")
            case .unknownStratum(let name, let known):
                let hint = Suggestion.closest(to: name, among: known)
                return language.pick("el estrato «\(name)» no está en la muestra (hay: \(known.joined(separator: ", ")))" + (hint.map { "; ¿quiso decir «\($0)»?" } ?? ""),
                                     "stratum «\(name)» is not in the sample (there are: \(known.joined(separator: ", ")))" + (hint.map { "; did you mean «\($0)»?" } ?? ""))
            }
        }
    }

    public static func select(_ cases: [CaseState], strata: [String], units: [String], count: Int?) throws(Problem) -> [String] {
        guard !strata.isEmpty || !units.isEmpty || count != nil else { throw .nothingChosen }
        let known = Set(cases.compactMap(\.stratum))
        if let missing = strata.first(where: { !known.contains($0) }) { throw .unknownStratum(missing, known: known.sorted()) }
        let open = cases.filter { !$0.reserve && !($0.disposition.flatMap { Disposition.named($0)?.final } ?? false) }
            .sorted { ($0.order ?? Int.max) < ($1.order ?? Int.max) }
        var chosen = open.filter { c in
            (strata.isEmpty && units.isEmpty) || strata.contains(c.stratum ?? "") || units.contains(c.unit)
        }
        if let count { chosen = Array(chosen.filter { $0.assignedTo == nil }.prefix(count)) }
        return chosen.map(\.unit)
    }

    /// What the supervisor is told: «12 casos asignados a e01.», or that they are free again.
    public static func said(_ changed: Int, chosen: Int, to interviewer: String?) -> String {
        let cases = NumberText.count(changed, "caso", "casos")
        let already = chosen > changed ? L(" (\(chosen - changed) ya lo estaban)", " (\(chosen - changed) already were)") : ""
        if let interviewer {
            return L("\(cases) \(changed == 1 ? "asignado" : "asignados") a \(interviewer)\(already).", "\(changed) cases assigned to \(interviewer)\(already).")
        }
        return L("\(cases) sin asignar: cualquier encuestador puede \(changed == 1 ? "tomarlo" : "tomarlos")\(already).",
                 "\(changed) cases unassigned: any interviewer may take them\(already).")
    }
}
