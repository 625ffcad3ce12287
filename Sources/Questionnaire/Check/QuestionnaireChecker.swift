import Diagnostics

/// The checks of `sondeo questionnaire check`: every problem of a questionnaire in one run, each with
/// its position, the rule and a suggestion (reference/questionnaire.md §7). Errors block fieldwork;
/// warnings (advertencias) ask the author to look again.
public enum QuestionnaireChecker {
    public struct Options: Sendable {
        /// Ley 1581: a missing consent before personal data on the phone is an error, not a warning.
        public var strict = false
        public init(strict: Bool = false) { self.strict = strict }
    }

    /// Parses and checks a file's text.
    public static func check(_ text: String, file: String, options: Options = Options()) -> (file: QuestionnaireFile, diagnostics: [QuestionnaireDiagnostic]) {
        let (parsed, parseDiagnostics) = QuestionnaireParser.parse(text, file: file)
        var sink = DiagnosticSink(file: file, lines: TextLines.split(text).map(String.init))
        sink.all = parseDiagnostics
        var context = CheckContext(questionnaire: parsed, sink: sink, options: options)
        context.run()
        var sorted = context.sink.all.sorted { ($0.position, $0.code) < ($1.position, $1.code) }
        // A mistake inside a `repetir` block is found in every copy: said once, for the first copy.
        if !parsed.repeatedLines.isEmpty {
            var seen = Set<String>()
            sorted = sorted.filter { d in
                guard parsed.repeatedLines.contains(where: { $0.contains(d.position.line) }) else { return true }
                // By line: a copy's texts read its option's label, so columns after «{_opcion}» move.
                return seen.insert("\(d.code) \(d.position.line)").inserted
            }
        }
        return (parsed, sorted)
    }
}

struct CheckContext {
    /// The codes people use for «No sabe / No responde / No aplica» (8/9 repeated, 96–99, 997–999).
    static let specialLooking: Set<Int> = [77, 88, 96, 97, 98, 99, 777, 888, 997, 998, 999, 8888, 9999, 99999]

    /// Whether a list's code looks like an undeclared NS/NR code (DSL-054): a typical one, the largest of
    /// its list and well apart from the rest (1–5 then 99). Codes of a real classification are not: DANE's
    /// departments run 5, 8, …, 95, 97, 99 and its municipalities 17001, 17013…
    static func looksSpecial(_ code: Int, in codes: [Int]) -> Bool {
        guard specialLooking.contains(code), code == codes.max() else { return false }
        let below = codes.filter { $0 < code }.max() ?? 0
        return code - below >= 10
    }

    let questionnaire: QuestionnaireFile
    var sink: DiagnosticSink
    let options: QuestionnaireChecker.Options
    let symbols: [String: Symbol]
    /// Each item's position by id.
    let itemIndex: [String: Int]
    static let reserved: Set<String> = ["y", "o", "no", "en", "si", "es", "modo", "incluye", "respondida"]

    init(questionnaire: QuestionnaireFile, sink: DiagnosticSink, options: QuestionnaireChecker.Options) {
        self.questionnaire = questionnaire
        self.sink = sink
        self.options = options
        symbols = questionnaire.symbols()
        itemIndex = questionnaire.itemIndices()
    }

    mutating func run() {
        header()
        names()
        lists()
        for (order, item) in questionnaire.items.enumerated() { checkItem(item, order: order) }
        calculatedCycles()
        unreachableQuestions()
        consent()
        for (index, section) in questionnaire.sections.enumerated() {
            let next = index + 1 < questionnaire.sections.count ? questionnaire.sections[index + 1].firstItem : questionnaire.items.count
            if next == section.firstItem {
                sink.warning("DSL-091", at: section.position, "la sección «\(section.title)» no tiene preguntas", "section «\(section.title)» has no questions")
            }
            if let condition = section.condition { expression(condition, order: section.firstItem, own: nil, role: .relevance) }
        }
    }

    // MARK: Header and names

    mutating func header() {
        let q = questionnaire
        if q.id != nil && (q.version ?? "").isEmpty {
            sink.error("DSL-022", at: q.headerPosition, "falta la línea «versión …»: cada versión publicada debe tener la suya",
                       "the «versión …» line is missing: every published version needs its own")
        }
        if q.id != nil && q.modes.isEmpty {
            sink.error("DSL-023", at: q.headerPosition, "falta la línea «modos …» (teléfono, presencial, web)", "the «modos …» line is missing (teléfono, presencial, web)")
        }
        var seen: [Int: String] = [:]
        for special in q.specials {
            if let other = seen[special.code] {
                sink.error("DSL-024", at: special.position, "\(special.name) usa el código \(special.code), que ya es de \(other)",
                           "\(special.name) uses code \(special.code), which already belongs to \(other)")
            }
            seen[special.code] = special.name
        }
    }

    mutating func names() {
        var seen: [String: TextPosition] = [:]
        let all: [(String, TextPosition, Bool)] = questionnaire.lists.map { ($0.id, $0.position, false) }
            + questionnaire.items.map { ($0.id, $0.position, true) }
        for (id, position, isItem) in all {
            if let first = seen[id] {
                sink.error("DSL-041", at: position, width: id.count, "el id «\(id)» ya se usó en la línea \(first.line); cada pregunta y lista necesita el suyo",
                           "id «\(id)» was already used on line \(first.line); every question and list needs its own")
            }
            seen[id] = position
            validName(id, at: position)
            if isItem && id.count > 32 {
                sink.warning("DSL-043", at: position, width: id.count, "el id «\(id)» pasa de 32 caracteres: Stata no lo acepta", "id «\(id)» is longer than 32 characters: Stata rejects it")
            }
        }
        for (a, b) in Self.oneLetterApart(questionnaire.items.map(\.id)) {
            let position = questionnaire.items[b].position, later = questionnaire.items[b].id
            sink.warning("DSL-042", at: position, width: later.count, "«\(later)» y «\(questionnaire.items[a].id)» se diferencian en una letra: ¿es un error de digitación?",
                         "«\(later)» and «\(questionnaire.items[a].id)» differ by one letter: is it a typo?")
        }
        for item in questionnaire.items {
            for row in item.rows {
                validName(row.id, at: row.position)
                let name = item.id + "_" + row.id
                if name.count > 32 {
                    sink.warning("DSL-043", at: row.position, width: row.id.count, "la variable «\(name)» pasa de 32 caracteres: Stata no la acepta",
                                 "variable «\(name)» is longer than 32 characters: Stata rejects it")
                }
            }
            let rowIds = item.rows.map(\.id)
            for (i, row) in item.rows.enumerated() where rowIds[..<i].contains(row.id) {
                sink.error("DSL-041", at: row.position, width: row.id.count, "la fila «\(row.id)» está repetida en «\(item.id)»", "row «\(row.id)» is repeated in «\(item.id)»")
            }
        }
    }

    mutating func validName(_ id: String, at position: TextPosition) {
        if id.hasPrefix("_") {
            sink.error("DSL-040", at: position, width: id.count, "los ids que empiezan con «_» están reservados para columnas del sistema (_modo, _encuestador…)",
                       "ids starting with «_» are reserved for system columns (_modo, _encuestador…)")
        } else if Self.reserved.contains(id) {
            sink.error("DSL-040", at: position, width: id.count, "«\(id)» es una palabra del lenguaje y no puede ser un id", "«\(id)» is a keyword and cannot be an id")
        } else if !(id.first.map { $0.isASCII && $0.isLowercase } ?? false) || !id.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }) {
            let suggestion = String(Suggestion.fold(id)).map { $0.isLetter || $0.isNumber ? String($0) : "_" }.joined()
            sink.error("DSL-040", at: position, width: id.count,
                       "el id «\(id)» debe usar solo minúsculas sin tildes, números y «_», y empezar con letra (para SPSS, Stata y R); p. ej. «\(suggestion)»",
                       "id «\(id)» must use only unaccented lower-case letters, digits and «_», starting with a letter; e.g. «\(suggestion)»")
        }
    }

    // MARK: Lists

    mutating func lists() {
        let specials = Dictionary(questionnaire.specials.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        var used = Set<String>()
        for item in questionnaire.items {
            switch item.type {
            case .single(let l), .multiple(let l), .grid(let l): used.insert(l)
            default: break
            }
        }
        for list in questionnaire.lists {
            var codes: [Int: TextPosition] = [:], labels: [String: Int] = [:]
            if list.options.isEmpty {
                sink.error("DSL-050", at: list.position, width: list.id.count, "la lista «\(list.id)» no tiene opciones", "list «\(list.id)» has no options")
            }
            for option in list.options {
                if let first = codes[option.code] {
                    sink.error("DSL-051", at: option.position, "el código \(option.code) se repite en la lista «\(list.id)» (ya está en la línea \(first.line))",
                               "code \(option.code) is repeated in list «\(list.id)» (already on line \(first.line))")
                }
                codes[option.code] = option.position
                let folded = String(Suggestion.fold(option.label))
                if let other = labels[folded] {
                    sink.warning("DSL-052", at: option.position, "la etiqueta «\(option.label)» se repite en la lista «\(list.id)» (códigos \(other) y \(option.code))",
                                 "label «\(option.label)» is repeated in list «\(list.id)» (codes \(other) and \(option.code))")
                }
                labels[folded] = option.code
                if let special = specials[option.code] {
                    sink.error("DSL-053", at: option.position, "el código \(option.code) de la lista «\(list.id)» choca con el código especial \(special); use otro",
                               "code \(option.code) of list «\(list.id)» collides with special code \(special); use another")
                } else if Self.looksSpecial(option.code, in: list.options.map(\.code)) {
                    sink.warning("DSL-054", at: option.position, "el código \(option.code) parece un código especial pero no está declarado en «especiales»",
                                 "code \(option.code) looks like a special code but is not declared in «especiales»")
                }
                if option.label.utf8.count > 120 {
                    sink.warning("DSL-058", at: option.position, "la etiqueta pasa de 120 bytes: SPSS la recorta", "the label is longer than 120 bytes: SPSS truncates it")
                }
            }
            let others = list.options.filter(\.other)
            for extra in others.dropFirst() {
                sink.error("DSL-056", at: extra.position, "la lista «\(list.id)» ya tiene una opción [otro] (código \(others[0].code)): solo una pregunta «¿cuál?» sigue a cada pregunta",
                           "list «\(list.id)» already has an [otro] option (code \(others[0].code)): only one «¿cuál?» question follows each question")
            }
            if let other = others.first, questionnaire.items.contains(where: { if case .grid(list.id) = $0.type { return true } else { return false } }) {
                sink.warning("DSL-056", at: other.position, "[otro] no pregunta «¿cuál?» en las filas de una matriz: agregue una pregunta de texto después de la matriz",
                             "[otro] asks no «¿cuál?» in a grid's rows: add a text question after the grid")
            }
            if !used.contains(list.id) {
                if Keywords.types.contains(list.id) {
                    sink.warning("DSL-055", at: list.position, width: list.id.count,
                                 "la lista «\(list.id)» no la usa ninguna pregunta: «id: \(list.id)» es un tipo del lenguaje; para usar la lista escriba «id: una de \(list.id)»",
                                 "no question uses list «\(list.id)»: «id: \(list.id)» is a type of the language; to use the list write «id: una de \(list.id)»")
                } else {
                    sink.warning("DSL-055", at: list.position, width: list.id.count, "la lista «\(list.id)» no la usa ninguna pregunta", "no question uses list «\(list.id)»")
                }
            }
        }
    }

    // MARK: Items

    mutating func checkItem(_ item: Item, order: Int) {
        let declared = Set(questionnaire.specials.map(\.name))
        for special in item.allowedSpecials where !declared.contains(special) {
            sink.error("DSL-059", at: item.position, width: item.id.count, "«permite \(special)»: \(special) no está declarado en la línea «especiales»",
                       "«permite \(special)»: \(special) is not declared on the «especiales» line")
        }
        switch item.type {
        case .single(let name), .multiple(let name), .grid(let name):
            guard let list = questionnaire.list(name) else {
                let hint = Suggestion.hints(for: name, among: questionnaire.lists.map(\.id))
                sink.error("DSL-050", at: item.listPosition ?? item.position, width: item.listPosition == nil ? item.id.count : name.count,
                           "la lista «\(name)» no existe\(hint.spanish)", "list «\(name)» does not exist\(hint.english)")
                break
            }
            let codes = Set(list.options.map(\.code))
            for code in item.exclusive where !codes.contains(code) {
                sink.error("DSL-056", at: item.position, width: item.id.count, "«exclusiva \(code)»: el código \(code) no está en la lista «\(name)»",
                           "«exclusiva \(code)»: code \(code) is not in list «\(name)»")
            }
            let exclusives = Set(item.exclusive).union(list.options.filter(\.exclusive).map(\.code))
            if let maximum = item.maximum, maximum > codes.subtracting(exclusives).count {
                sink.warning("DSL-057", at: item.position, width: item.id.count, "«máximo \(maximum)» es mayor que las opciones que se pueden combinar (\(codes.subtracting(exclusives).count))",
                             "«máximo \(maximum)» exceeds the options that can be combined (\(codes.subtracting(exclusives).count))")
            }
            if case .grid = item.type {
                if item.rows.isEmpty { sink.error("DSL-037", at: item.position, width: item.id.count, "la matriz «\(item.id)» no tiene filas («- id \"texto\"»)", "grid «\(item.id)» has no rows") }
                if item.rows.count > 10 { sink.warning("DSL-086", at: item.position, width: item.id.count, "la matriz tiene \(item.rows.count) filas: más de 10 cansa al encuestado", "the grid has \(item.rows.count) rows: more than 10 tires respondents") }
            }
            if let filter = item.choiceFilter { choiceFilter(filter, list: list, order: order, item: item) }
            if (item.maximum != nil || !item.exclusive.isEmpty), case .single = item.type {
                sink.warning("DSL-057", at: item.position, width: item.id.count, "«máximo» y «exclusiva» solo tienen sentido en «varias de»", "«máximo» and «exclusiva» only make sense with «varias de»")
            }
        case .scale(let low, let high, let lowLabel, let highLabel):
            if low >= high { sink.error("DSL-032", at: item.position, width: item.id.count, "la escala \(low)..\(high) no va de menor a mayor", "scale \(low)..\(high) does not go from low to high") }
            if low == 0 && high == 10 && (lowLabel == nil || highLabel == nil) {
                sink.warning("DSL-082", at: item.position, width: item.id.count, "una escala 0..10 necesita las etiquetas de los extremos: escala 0..10 \"Nada probable\" .. \"Extremadamente probable\"",
                             "a 0..10 scale needs end labels")
            }
        case .calculated(let e):
            expression(e, order: order, own: item.id, role: .calculation)
        default:
            break
        }
        if talksAboutRecommending(item), !isNPSScale(item.type) {
            if case .scale = item.type {
                sink.warning("DSL-083", at: item.position, width: item.id.count, "la pregunta habla de recomendar pero la escala no es 0..10: el NPS se mide de 0 a 10",
                             "the question is about recommending but the scale is not 0..10: NPS is measured from 0 to 10")
            } else {
                sink.warning("DSL-083", at: item.position, width: item.id.count, "la pregunta habla de recomendar pero no es una escala 0..10: el NPS se mide de 0 a 10",
                             "the question is about recommending but it is not a 0..10 scale: NPS is measured from 0 to 10")
            }
        }
        texts(item, order: order)
        if let condition = item.condition {
            expression(condition, order: order, own: item.id, role: .relevance)
            if let section = item.section.map({ questionnaire.sections[$0] }), let sectionCondition = section.condition,
               !contradictory(condition), contradictory(.binary("y", sectionCondition, condition, condition.position)) {
                sink.warning("DSL-070", at: condition.position,
                             "esta condición contradice la de su sección «\(section.title)» (\(sectionCondition.source)): la pregunta nunca se mostrará",
                             "this condition contradicts that of its section «\(section.title)» (\(sectionCondition.source)): the question will never be shown")
            }
        }
        for row in item.rows { if let c = row.condition { expression(c, order: order, own: item.id, role: .relevance) } }
        for rule in item.validations {
            expression(rule.condition, order: order, own: item.id, role: .rule)
            if rule.message == nil {
                sink.error("DSL-073", at: rule.position, "«validar» necesita un mensaje que diga al encuestado qué corregir", "«validar» needs a message telling what to correct")
            }
        }
        for rule in item.warnings {
            expression(rule.condition, order: order, own: item.id, role: .rule)
            if rule.message == nil { sink.warning("DSL-074", at: rule.position, "«advertir» sin mensaje: el encuestador no sabrá qué confirmar", "«advertir» without a message") }
        }
        for jump in item.jumps {
            expression(jump.condition, order: order, own: item.id, role: .rule)
            switch jump.target {
            case .end(let disposition):
                if !Dispositions.all.contains(disposition) {
                    let hint = Suggestion.hints(for: disposition, among: Dispositions.all)
                    sink.error("DSL-068", at: jump.position, "«\(disposition)» no es una disposición (\(Dispositions.all.joined(separator: ", ")))\(hint.spanish)",
                               "«\(disposition)» is not a disposition (\(Dispositions.all.joined(separator: ", ")))\(hint.english)")
                }
            case .go(let target):
                guard let targetIndex = itemIndex[target] else {
                    let hint = Suggestion.hints(for: target, among: questionnaire.items.map(\.id))
                    sink.error("DSL-066", at: jump.position, "«ir a \(target)»: no hay una pregunta «\(target)»\(hint.spanish)", "«ir a \(target)»: there is no question «\(target)»\(hint.english)")
                    continue
                }
                if targetIndex <= order {
                    sink.error("DSL-067", at: jump.position, "«ir a \(target)»: los saltos solo van hacia adelante y «\(target)» está antes", "«ir a \(target)»: jumps only go forward and «\(target)» comes before")
                } else if let hidden = relevance(of: questionnaire.items[targetIndex]).first(where: { contradictory(.binary("y", jump.condition, $0, $0.position)) }) {
                    sink.error("DSL-069", at: jump.position,
                               "«ir a \(target)»: cuando \(jump.condition.source), «\(target)» no se muestra (solo si \(hidden.source)); el salto cae en una pregunta que se omite",
                               "«ir a \(target)»: when \(jump.condition.source), «\(target)» is not shown (only if \(hidden.source)); the jump lands on a skipped question")
                }
            }
        }
    }

    /// The conditions under which an item is shown: its own `mostrar si` and its section's.
    func relevance(of item: Item) -> [Expression] {
        [item.condition, item.section.flatMap { questionnaire.sections[$0].condition }].compactMap { $0 }
    }

    /// Whether a question's wording asks about recommending (the NPS question), in any of its texts:
    /// «recomendar», «recomendaría», «recomiende», accents folded.
    func talksAboutRecommending(_ item: Item) -> Bool {
        if case .calculated = item.type { return false }
        return item.texts.contains { text in
            let folded = String(Suggestion.fold(text.text))
            return folded.contains("recomend") || folded.contains("recomiend")
        }
    }

    func isNPSScale(_ type: ItemType) -> Bool {
        if case .scale(0, 10, _, _) = type { return true }
        return false
    }

    mutating func texts(_ item: Item, order: Int) {
        if case .calculated = item.type { return }
        let modes = questionnaire.modes
        if item.texts.isEmpty {
            sink.error("DSL-080", at: item.position, width: item.id.count, "«\(item.id)» no tiene texto: escriba la pregunta entre comillas en la línea siguiente, con sangría",
                       "«\(item.id)» has no text: write the question in quotes on the next, indented line")
        } else if !item.texts.contains(where: { $0.mode == nil }) {
            for mode in modes where !item.texts.contains(where: { $0.mode == mode }) {
                sink.error("DSL-080", at: item.position, width: item.id.count, "«\(item.id)» no tiene texto para el modo \(mode.label) (ni un texto sin modo)",
                           "«\(item.id)» has no text for mode \(mode.label) (nor a text without mode)")
            }
        }
        // `idiomas es, en`: each question in each language (a generated «¿cuál?», a later ranking place or a
        // repeated copy reads the first language where it has no translation).
        if !item.texts.isEmpty, item.otherOf == nil {
            for language in questionnaire.languages.dropFirst() where item.translations[language] == nil && !isGeneratedPlace(item)
                && !item.texts.allSatisfy({ $0.mode != nil && item.modeTranslations[language]?[$0.mode!] != nil }) {
                sink.warning("DSL-080", at: item.position, width: item.id.count, "«\(item.id)» no tiene texto en «\(language)»: escriba @\(language) \"…\" debajo de su texto; mientras tanto se lee en «\(questionnaire.languages[0])»",
                             "«\(item.id)» has no text in «\(language)»: write @\(language) \"…\" under its text; meanwhile it reads in «\(questionnaire.languages[0])»")
            }
        }
        for text in item.texts {
            if let mode = text.mode, !modes.isEmpty, !modes.contains(mode) {
                sink.warning("DSL-087", at: text.position, "texto para el modo \(mode.label), que no está en «modos»", "text for mode \(mode.label), which is not in «modos»")
            }
            let words = text.text.split(separator: " ").count
            if (text.mode == .telefono || (text.mode == nil && modes.contains(.telefono))) && words > 40 {
                sink.warning("DSL-084", at: text.position, "\(words) palabras: por teléfono, más de 40 son difíciles de leer y recordar", "\(words) words: over the phone, more than 40 are hard to read and remember")
            }
            for pipe in QuestionnaireFile.pipes(in: text.text) where pipe.name.hasPrefix("_") && !QuestionnaireFile.isSystemValue(pipe.name) {
                let position = TextPosition(line: text.position.line, column: text.position.column + 1 + pipe.offset)
                let hint = Suggestion.hints(for: pipe.name, among: QuestionnaireFile.systemValues)
                sink.error("DSL-075", at: position, width: pipe.name.count + 2,
                           "«{\(pipe.name)}» no es un valor del sistema (hay: \(QuestionnaireFile.systemValues.map { "{\($0)}" }.joined(separator: ", ")) y {_muestra.columna})\(hint.spanish)",
                           "«{\(pipe.name)}» is not a system value (there are: \(QuestionnaireFile.systemValues.map { "{\($0)}" }.joined(separator: ", ")))\(hint.english)")
            }
            for pipe in QuestionnaireFile.pipes(in: text.text) where !pipe.name.hasPrefix("_") {
                let position = TextPosition(line: text.position.line, column: text.position.column + 1 + pipe.offset)
                guard let symbol = symbols[pipe.name] else {
                    let hint = Suggestion.hints(for: pipe.name, among: Array(symbols.keys))
                    sink.error("DSL-060", at: position, width: pipe.name.count + 2, "«{\(pipe.name)}» no es una pregunta\(hint.spanish)", "«{\(pipe.name)}» is not a question\(hint.english)")
                    continue
                }
                if symbol.order >= order {
                    sink.error("DSL-061", at: position, width: pipe.name.count + 2, "«{\(pipe.name)}» se muestra antes de que se pregunte: solo se pueden insertar respuestas anteriores",
                               "«{\(pipe.name)}» is shown before it is asked: only earlier answers can be inserted")
                } else if pipe.fallback == nil, symbol.conditional && !(symbol.conditionalSection != nil && symbol.conditionalSection == item.section)
                            && !requiresAnswer(item, pipe.name) {
                    sink.warning("DSL-072", at: position, width: pipe.name.count + 2, "«{\(pipe.name)}» puede quedar sin responder (tiene condición, es opcional o un salto la omite): se mostrará «—»; escriba qué decir entonces: {\(pipe.name)|…}",
                                 "«{\(pipe.name)}» may be unanswered (it has a condition, is optional or a jump skips it): «—» will be shown; write what to say then: {\(pipe.name)|…}")
                } else if pipe.fallback == nil, !symbol.specials.isEmpty, !handlesSpecials(item, pipe.name) {
                    let names = symbol.specials.sorted().joined(separator: "/")
                    sink.warning("DSL-072", at: position, width: pipe.name.count + 2, "«{\(pipe.name)}» permite \(names): con esa respuesta el texto diría «—»; escriba qué decir entonces: {\(pipe.name)|…}",
                                 "«{\(pipe.name)}» allows \(names): with that answer the text would read «—»; write what to say then: {\(pipe.name)|…}")
                }
            }
        }
        if modes == [.web] && !item.instructions.isEmpty {
            sink.warning("DSL-081", at: item.position, width: item.id.count, "instrucciones [encuestador] en un cuestionario solo web: nadie las leerá", "[encuestador] instructions in a web-only questionnaire: nobody will read them")
        }
        if modes.contains(.telefono), case .single(let name) = item.type, let list = questionnaire.list(name), list.options.count > 7,
           !item.instructions.contains(where: { String(Suggestion.fold($0)).contains("lea") }) {
            sink.warning("DSL-085", at: item.position, width: item.id.count, "\(list.options.count) opciones por teléfono: diga al encuestador si las lee o no («[encuestador] No lea las opciones»)",
                         "\(list.options.count) options over the phone: tell the interviewer whether to read them")
        }
    }

    // MARK: Consent (Ley 1581 de 2012)

    /// Personal data asked before any consent question, on any channel: Ley 1581 asks for the
    /// holder's authorisation before the data is collected, on the phone and on a web form alike.
    mutating func consent() {
        guard let first = questionnaire.items.firstIndex(where: { PersonalData.isPersonal($0.id) }) else { return }
        let hasConsent = questionnaire.items[..<first].contains { item in
            String(Suggestion.fold(item.id)).contains("consentimiento")
                || item.texts.contains { let t = String(Suggestion.fold($0.text)); return t.contains("1581") || t.contains("autoriza") }
        }
        if !hasConsent {
            let item = questionnaire.items[first]
            sink.add(options.strict ? .error : .warning, "DSL-090", at: item.position, width: item.id.count,
                     "«\(item.id)» pide datos personales sin una pregunta de consentimiento antes (Ley 1581 de 2012)",
                     "«\(item.id)» asks for personal data with no consent question before it (Ley 1581 de 2012)")
        }
    }

    /// `donde columna = expresión`: a column the list has, an expression over earlier answers, and
    /// options that carry the column (one without it is never offered).
    mutating func choiceFilter(_ filter: ChoiceFilter, list: AnswerList, order: Int, item: Item) {
        let columns = list.columns
        guard columns.contains(filter.column) else {
            let hint = Suggestion.hints(for: filter.column, among: columns)
            let known = columns.isEmpty ? "no tiene columnas: escríbalas en sus opciones, p. ej. 1 Sede Centro [municipio = 17001]" : "tiene: \(columns.joined(separator: ", "))"
            sink.error("DSL-063", at: filter.position, width: filter.column.count, "la lista «\(list.id)» no tiene la columna «\(filter.column)» (\(known))\(hint.spanish)",
                       "list «\(list.id)» has no column «\(filter.column)»\(hint.english)")
            return
        }
        for option in list.options where option.values[filter.column] == nil {
            sink.warning("DSL-056", at: option.position, "la opción \(option.code) no tiene «\(filter.column)»: «\(item.id)» nunca la ofrecerá",
                         "option \(option.code) has no «\(filter.column)»: «\(item.id)» will never offer it")
        }
        expression(filter.value, order: order, own: item.id, role: .calculation)
    }

    /// Whether the item is shown only when `id` is not a special: its condition requires `no id es NS`
    /// for every special `id` allows, or an ordinary comparison that a special cannot meet is not assumed.
    func handlesSpecials(_ item: Item, _ id: String) -> Bool {
        guard let condition = item.condition, let symbol = symbols[id] else { return false }
        var excluded = Set<String>()
        func walk(_ e: Expression) {
            switch e {
            case .binary("y", let a, let b, _): walk(a); walk(b)
            case .unary("no", .isSpecial(.reference(let r, _), let name, _), _) where r == id: excluded.insert(name)
            default: break
            }
        }
        walk(condition)
        return symbol.specials.isSubset(of: excluded)
    }

    /// Whether the item is shown only when `id` has an answer: a conjunct of its condition is false for an
    /// unanswered `id` (`id respondida`, a comparison other than «<>», `id en (…)`, `id incluye c`).
    func requiresAnswer(_ item: Item, _ id: String) -> Bool {
        guard let condition = item.condition else { return false }
        func conjuncts(_ e: Expression) -> [Expression] {
            if case .binary("y", let a, let b, _) = e { return conjuncts(a) + conjuncts(b) }
            return [e]
        }
        return conjuncts(condition).contains { c in
            switch c {
            case .answered(.reference(let r, _), _), .membership(.reference(let r, _), _, _), .includes(.reference(let r, _), _, _): return r == id
            case .binary(let op, .reference(let r, _), .number, _) where ["=", "<", "<=", ">", ">="].contains(op): return r == id
            case .binary(let op, .number, .reference(let r, _), _) where ["=", "<", "<=", ">", ">="].contains(op): return r == id
            default: return false
            }
        }
    }

    /// A ranking's place after the first (`prioridad_2`), which reads «¿Y en segundo lugar?».
    func isGeneratedPlace(_ item: Item) -> Bool {
        guard let last = item.id.split(separator: "_").last, let k = Int(last), k > 1 else { return false }
        return item.texts.first?.text.hasPrefix("¿Y en ") == true
    }
}
