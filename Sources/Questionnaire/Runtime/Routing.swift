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
    /// Each item's conditions and jumps, compiled once for the questionnaire.
    private let steps: [Step]

    /// What decides whether one item applies, and where its jumps lead.
    private struct Step: Sendable {
        var id: String
        var sectionCondition: CompiledExpression?
        var condition: CompiledExpression?
        var jumps: [(condition: CompiledExpression, target: Target)]
        /// A grid's row conditions, in row order.
        var rowConditions: [CompiledExpression?]
    }

    private enum Target: Sendable {
        case end(disposition: String)
        /// The index of the item jumped to; nil when no item has that id (nothing is skipped).
        case go(Int?)
    }

    public init(_ evaluator: Evaluator) {
        self.evaluator = evaluator
        let q = evaluator.questionnaire
        let sectionConditions = q.sections.map { $0.condition.map(evaluator.compile) }
        let indexOf = Dictionary(q.items.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        steps = q.items.map { item in
            Step(id: item.id, sectionCondition: item.section.flatMap { sectionConditions[$0] }, condition: item.condition.map(evaluator.compile),
                 jumps: item.jumps.map { jump in
                     let target: Target
                     switch jump.target {
                     case .end(let disposition): target = .end(disposition: disposition)
                     case .go(let id): target = .go(indexOf[id])
                     }
                     return (evaluator.compile(jump.condition), target)
                 },
                 rowConditions: item.rows.map { $0.condition.map(evaluator.compile) })
        }
    }

    /// The state of every item, in order, and the disposition if the interview was ended early.
    public func states(_ responses: Responses) -> (states: [State], ending: (item: String, disposition: String)?) {
        states(evaluator.layout.sheet(responses))
    }

    public func states(_ sheet: AnswerSheet) -> (states: [State], ending: (item: String, disposition: String)?) {
        var states: [State] = []
        states.reserveCapacity(steps.count)
        var ending: (item: String, disposition: String)?
        var skipUntil: (index: Int, by: String)?
        for index in steps.indices {
            if let ending {
                states.append(.ended(by: ending.item, disposition: ending.disposition))
                continue
            }
            if let skip = skipUntil, index < skip.index {
                states.append(.skipped(by: skip.by))
                continue
            }
            if let c = steps[index].sectionCondition, !evaluator.holds(c, sheet) {
                states.append(.hidden)
                continue
            }
            if let c = steps[index].condition, !evaluator.holds(c, sheet) {
                states.append(.hidden)
                continue
            }
            states.append(.applies)
            // The first jump whose condition holds is taken.
            if let jump = steps[index].jumps.first(where: { evaluator.holds($0.condition, sheet) }) {
                switch jump.target {
                case .end(let disposition): ending = (steps[index].id, disposition)
                case .go(let target?): skipUntil = (target, steps[index].id)
                case .go(nil): break
                }
            }
        }
        return (states, ending)
    }

    /// Whether a grid row applies: its item applies and its own condition holds.
    public func rowApplies(_ row: GridRow, itemState: State, _ responses: Responses) -> Bool {
        itemState == .applies && (row.condition.map { evaluator.holds($0, responses) } ?? true)
    }

    /// The same for row `row` of item `item` (indices), with the compiled condition.
    public func rowApplies(item: Int, row: Int, itemState: State, _ sheet: AnswerSheet) -> Bool {
        guard case .applies = itemState else { return false }
        return steps[item].rowConditions[row].map { evaluator.holds($0, sheet) } ?? true
    }
}
