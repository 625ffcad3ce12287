/// Which questions apply in an interview, given its answers so far: section and item conditions
/// (`mostrar si`), the questions an `ir a` passes over, and everything after a `terminar`.
/// The same routing drives the terminal interview, the web form and the validation of imports.
public struct Routing: Sendable {
    public enum State: Sendable, Equatable {
        case applies
        /// Its `mostrar si` (or its section's) does not hold.
        case hidden
        /// An earlier `si … → ir a` jumped over it.
        case skipped(by: String)
        /// The interview ended at an earlier `si … → terminar`.
        case ended(by: String, disposition: String)
    }

    public let evaluator: Evaluator

    public init(_ evaluator: Evaluator) { self.evaluator = evaluator }

    /// The state of every item, in order, and the disposition if the interview was ended early.
    public func states(_ responses: Responses) -> (states: [State], ending: (item: String, disposition: String)?) {
        let items = evaluator.questionnaire.items, sections = evaluator.questionnaire.sections
        var states: [State] = []
        states.reserveCapacity(items.count)
        var ending: (item: String, disposition: String)?
        var skipUntil: (index: Int, by: String)?
        // Items are read in place (`items[index].…`): copying each whole Item per interview was most of
        // the cost of validating an import.
        for index in items.indices {
            if let ending {
                states.append(.ended(by: ending.item, disposition: ending.disposition))
                continue
            }
            if let skip = skipUntil, index < skip.index {
                states.append(.skipped(by: skip.by))
                continue
            }
            if let s = items[index].section, let c = sections[s].condition, !evaluator.holds(c, responses) {
                states.append(.hidden)
                continue
            }
            if let c = items[index].condition, !evaluator.holds(c, responses) {
                states.append(.hidden)
                continue
            }
            states.append(.applies)
            for jump in items[index].jumps where evaluator.holds(jump.condition, responses) {
                switch jump.target {
                case .end(let disposition): ending = (items[index].id, disposition)
                case .go(let target):
                    if let targetIndex = items.firstIndex(where: { $0.id == target }) { skipUntil = (targetIndex, items[index].id) }
                }
                break
            }
        }
        return (states, ending)
    }

    /// Whether a grid row applies: its item applies and its own condition holds.
    public func rowApplies(_ row: GridRow, itemState: State, _ responses: Responses) -> Bool {
        itemState == .applies && (row.condition.map { evaluator.holds($0, responses) } ?? true)
    }
}
