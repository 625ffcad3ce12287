/// What a name in an expression stands for: an item's answer (or a grid row's), with the codes or
/// range it can take and where it comes in the questionnaire.
struct Symbol {
    enum Kind {
        /// One code of a list (una de, sino, a grid row); `codes` is nil when the list does not
        /// exist (already reported as DSL-050, so that the codes are not reported again).
        case choice(codes: Set<Int>?, list: String)
        /// Several codes of a list (varias de).
        case multiple(codes: Set<Int>?, list: String)
        /// A whole number in a range (escala, entero).
        case integer(low: Double?, high: Double?)
        case decimal(low: Double?, high: Double?)
        case text
        case date
        case time
        case dateTime
        case calculated
        case note
    }

    var kind: Kind
    /// Index of the item in the file (grid rows share their grid's).
    var order: Int
    /// The item's id (the grid's for a row).
    var item: String
    var specials: Set<String>
    var conditional: Bool
    /// The section whose condition is the only reason it may go unanswered: a question of that same
    /// section is shown only when it is, so piping it there is safe.
    var conditionalSection: Int? = nil
}

/// The disposition codes «→ terminar» accepts (AAPOR outcome classes as a CX team names them).
public enum Dispositions {
    public static let all = ["completa", "parcial", "rechazo", "interrumpida", "no_elegible", "no_contactado"]
}

extension QuestionnaireFile {
    /// Every variable a questionnaire produces, in order: items, and one per grid row (`grid_row`).
    func symbols() -> [String: Symbol] {
        var table: [String: Symbol] = [:]
        // Items that an «ir a» passes over may be unanswered, like items with a condition.
        // Counted as ranges (+1 where one starts, −1 where it ends), so that many long jumps stay linear.
        let indices = itemIndices()
        var starts = [Int](repeating: 0, count: items.count + 1)
        for (order, item) in items.enumerated() {
            for jump in item.jumps {
                if case .go(let target) = jump.target, let end = indices[target], end > order + 1 {
                    starts[order + 1] += 1
                    starts[end] -= 1
                }
            }
        }
        var jumpedOver = Set<Int>()
        var open = 0
        for order in items.indices {
            open += starts[order]
            if open > 0 { jumpedOver.insert(order) }
        }
        for (order, item) in items.enumerated() {
            let own = item.condition != nil || item.optional || jumpedOver.contains(order)
            let bySection = item.section.map { sections[$0].condition != nil } ?? false
            let conditional = own || bySection
            let conditionalSection = !own && bySection ? item.section : nil
            let specials = Set(item.allowedSpecials)
            func codes(_ list: String) -> Set<Int>? { self.list(list).map { Set($0.options.map(\.code)) } }
            let kind: Symbol.Kind
            switch item.type {
            case .single(let list): kind = .choice(codes: codes(list), list: list)
            case .multiple(let list): kind = .multiple(codes: codes(list), list: list)
            case .yesNo: kind = .choice(codes: [1, 2], list: "sino")
            case .scale(let low, let high, _, _): kind = .integer(low: Double(low), high: Double(high))
            case .integer(let low, let high): kind = .integer(low: low, high: high)
            case .decimal(let low, let high): kind = .decimal(low: low, high: high)
            case .text: kind = .text
            case .date: kind = .date
            case .time: kind = .time
            case .dateTime: kind = .dateTime
            case .note: kind = .note
            case .calculated: kind = .calculated
            case .grid(let list):
                for row in item.rows {
                    table[item.id + "_" + row.id] = Symbol(kind: .choice(codes: codes(list), list: list), order: order, item: item.id,
                                                          specials: specials, conditional: conditional || row.condition != nil,
                                                          conditionalSection: row.condition == nil ? conditionalSection : nil)
                }
                kind = .note
            }
            if table[item.id] == nil {
                table[item.id] = Symbol(kind: kind, order: order, item: item.id, specials: specials, conditional: conditional,
                                        conditionalSection: conditionalSection)
            }
        }
        return table
    }
}
