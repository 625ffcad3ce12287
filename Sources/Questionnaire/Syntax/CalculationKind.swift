/// What a `calcular` gives: a number (a condition counts 1 or 0), a text (`si(nps >= 9, "promotor",
/// "otro")`) or a date (`sumar_dias(compra, 30)`, dates being `aaaa-mm-dd` texts as in ODK). Every
/// channel asks this one place: the checker types references to the item with it, the export makes its
/// column numeric, text or date, and the statistics files label it so.
public enum CalculationKind: Sendable, Equatable {
    case number, text, date
}

extension QuestionnaireFile {
    /// The kind of the `calcular` item `id` (a number for anything else).
    public func calculationKind(of id: String) -> CalculationKind {
        var visiting = Set<String>()
        return calculationKind(ofItem: id, visiting: &visiting)
    }

    private func calculationKind(ofItem id: String, visiting: inout Set<String>) -> CalculationKind {
        guard let item = item(id) else { return .number }
        switch item.type {
        case .text, .time, .dateTime: return .text
        case .date: return .date
        case .calculated(let formula):
            // A cycle is the checker's DSL-062; here it only has to end.
            guard visiting.insert(id).inserted else { return .number }
            return kind(of: formula, visiting: &visiting)
        default: return .number
        }
    }

    /// The kind of an expression's value, as ``Evaluator`` computes it.
    private func kind(of e: Expression, visiting: inout Set<String>) -> CalculationKind {
        switch e {
        case .text, .mode: return .text
        case .reference(let id, _): return calculationKind(ofItem: id, visiting: &visiting)
        case .call(.si, let arguments, _) where arguments.count == 3:
            // Both values have the same type (the checker's DSL-063); a number stands for a condition too.
            let first = kind(of: arguments[1], visiting: &visiting)
            return first == .number ? kind(of: arguments[2], visiting: &visiting) : first
        case .call(.hoy, _, _), .call(.sumarDias, _, _): return .date
        default: return .number
        }
    }
}
