import Diagnostics

/// Questions no interview reaches: every answer a question can take (each code of its list or point of
/// its scale, each special it allows, no answer when it is optional) fires a jump over them. Only jumps
/// that depend on their own question's answer are reasoned about, and only from a question that is
/// always asked; a condition that never holds is DSL-070.
extension CheckContext {
    mutating func unreachableQuestions() {
        let items = questionnaire.items
        let evaluator = Evaluator(questionnaire, mode: questionnaire.modes.first ?? .web)
        var reported = Set<Int>()
        let indices = questionnaire.itemIndices()
        // One sheet for every try: only the question's own slot is ever filled (its jumps name nothing else).
        var sheet = AnswerSheet(count: evaluator.layout.names.count)
        for (index, item) in items.enumerated() where !item.jumps.isEmpty {
            guard let symbol = symbols[item.id], !symbol.conditional else { continue }
            guard item.jumps.allSatisfy({ jump in jump.condition.references.allSatisfy { $0.id == item.id } }) else { continue }
            guard let answers = possibleAnswers(item), let slot = evaluator.layout.slot(item.id) else { continue }
            let jumps = item.jumps.map { (evaluator.compile($0.condition), $0.target) }
            // For each answer, the items after this one that its first holding jump passes over.
            var alwaysSkipped: Set<Int>?
            for answer in answers {
                sheet[slot] = answer
                defer { sheet[slot] = nil }
                var skipped = Set<Int>()
                if let (_, target) = jumps.first(where: { evaluator.holds($0.0, sheet) }) {
                    switch target {
                    case .end: skipped = Set((index + 1)..<items.count)
                    case .go(let id): if let end = indices[id], end > index + 1 { skipped = Set((index + 1)..<end) }
                    }
                }
                alwaysSkipped = alwaysSkipped.map { $0.intersection(skipped) } ?? skipped
            }
            let never = (alwaysSkipped ?? []).subtracting(reported).sorted()
            guard let first = never.first else { continue }
            reported.formUnion(never)
            let others = never.count - 1
            let target = items[first]
            sink.warning("DSL-076", at: target.position, width: target.id.count,
                         (others > 0 ? "«\(target.id)» y \(NumberText.count(others, "pregunta más", "preguntas más")) después de ella nunca se preguntan" : "«\(target.id)» nunca se pregunta")
                            + ": toda respuesta de «\(item.id)» (línea \(item.position.line)) salta por encima",
                         "«\(target.id)»\(others > 0 ? " (and \(others) more)" : "") is never asked: every answer of «\(item.id)» (line \(item.position.line)) jumps over it")
        }
    }

    /// Every answer the item can take, or nil when they are too many to try (texts, open numbers).
    func possibleAnswers(_ item: Item) -> [Answer?]? {
        var values: [Answer?]
        switch item.type {
        case .single(let list): values = (questionnaire.list(list)?.options ?? []).map { .number(Double($0.code)) }
        case .yesNo: values = [.number(1), .number(2)]
        case .scale(let low, let high, _, _) where high >= low && high - low <= 100: values = (low...high).map { .number(Double($0)) }
        case .integer(let low?, let high?) where high >= low && high - low <= 100: values = stride(from: low, through: high, by: 1).map { .number($0) }
        default: return nil
        }
        values += item.allowedSpecials.map { .special($0) }
        if item.optional { values.append(nil) }
        return values
    }
}
