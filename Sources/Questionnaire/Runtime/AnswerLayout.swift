/// The variables of a questionnaire numbered once, so that the answers of an interview can be an
/// array (``AnswerSheet``) and conditions can name answers by position instead of by name: an import
/// of 100,000 interviews evaluates routing and checks millions of times, and looking each answer up
/// by its name in a dictionary was most of that work.
///
/// Slots follow the items in order: one per item that takes or computes an answer (`calcular`
/// included), one per grid row (`atributos_espera`); notes take none. The same questionnaire always
/// gives the same numbering, so two layouts of one questionnaire agree slot by slot.
public final class AnswerLayout: Sendable {
    /// The variable of each slot.
    public let names: [String]
    /// The slots of each item (by its index in ``QuestionnaireFile/items``): one, a grid's rows, or none.
    public let itemSlots: [Range<Int>]
    /// Every slot, in the order of its name (String's `<`): answers written sorted by variable.
    public let slotsByName: [Int]
    /// Whether a slot holds the codes of a `varias de` (stored as a text «2 7»).
    public let multiple: [Bool]
    private let slotOfName: [String: Int]

    public init(_ questionnaire: QuestionnaireFile) {
        var names: [String] = []
        var itemSlots: [Range<Int>] = []
        var multiple: [Bool] = []
        for item in questionnaire.items {
            let start = names.count
            switch item.type {
            case .note: break
            case .grid: names += item.rows.map(item.variable(of:))
            default: names.append(item.id)
            }
            itemSlots.append(start..<names.count)
            let isMultiple: Bool
            if case .multiple = item.type { isMultiple = true } else { isMultiple = false }
            multiple += Array(repeating: isMultiple, count: names.count - start)
        }
        self.multiple = multiple
        self.names = names
        self.itemSlots = itemSlots
        slotsByName = names.indices.sorted { names[$0] < names[$1] }
        slotOfName = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public var count: Int { names.count }

    /// The slot of a variable, nil for a name the questionnaire does not have.
    public func slot(_ name: String) -> Int? { slotOfName[name] }

    /// The answers of `responses` that name a variable of the questionnaire (others, such as the web
    /// form's `_pagina`, stay out).
    public func sheet(_ responses: Responses) -> AnswerSheet {
        var sheet = AnswerSheet(count: count)
        for (name, answer) in responses.values {
            if let slot = slotOfName[name] { sheet[slot] = answer }
        }
        return sheet
    }

    /// The answers of a sheet by variable name.
    public func responses(_ sheet: AnswerSheet) -> Responses {
        var values: [String: Answer] = [:]
        for (slot, answer) in sheet.answers.enumerated() {
            if let answer { values[names[slot]] = answer }
        }
        return Responses(values)
    }
}

/// The answers of one interview by slot of an ``AnswerLayout``; nil where there is no answer.
public struct AnswerSheet: Sendable, Equatable {
    public var answers: [Answer?]

    public init(count: Int) { answers = Array(repeating: nil, count: count) }

    // Inlinable: an export reads every slot of a hundred thousand sheets from another module.
    @inlinable
    public subscript(slot: Int) -> Answer? {
        get { answers[slot] }
        set { answers[slot] = newValue }
    }
}

extension Item {
    /// The variable of one of a grid's rows: `atributos` + `espera` → `atributos_espera`.
    public func variable(of row: GridRow) -> String { "\(id)_\(row.id)" }
}
