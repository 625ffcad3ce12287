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
        let q = evaluator.questionnaire
        var states: [State] = []
        var ending: (item: String, disposition: String)?
        var skipUntil: (index: Int, by: String)?
        for (index, item) in q.items.enumerated() {
            if let ending {
                states.append(.ended(by: ending.item, disposition: ending.disposition))
                continue
            }
            if let skip = skipUntil, index < skip.index {
                states.append(.skipped(by: skip.by))
                continue
            }
            let conditions = [item.section.flatMap { q.sections[$0].condition }, item.condition].compactMap { $0 }
            guard conditions.allSatisfy({ evaluator.holds($0, responses) }) else {
                states.append(.hidden)
                continue
            }
            states.append(.applies)
            for jump in item.jumps where evaluator.holds(jump.condition, responses) {
                switch jump.target {
                case .end(let disposition): ending = (item.id, disposition)
                case .go(let target):
                    if let targetIndex = q.items.firstIndex(where: { $0.id == target }) { skipUntil = (targetIndex, item.id) }
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
