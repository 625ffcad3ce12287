import Foundation
import Diagnostics

/// Reads a `.encuesta` file into a ``QuestionnaireFile``, reporting every problem it meets (it never
/// stops at the first): unknown keywords with the nearest known one, lines that belong to nothing,
/// malformed types and expressions.
///
/// The language is line-oriented. Lines at the left margin open something — the header lines
/// (`encuesta`, `versión`, `modos`, `especiales`), a list (`lista id: 1 Sí | 2 No`), a section
/// (`sección "Título"`) or an item (`id: tipo, modificadores`); indented lines belong to the last thing
/// opened (its texts, conditions, rules, jumps, grid rows or list options).
public enum QuestionnaireParser {
    public static func parse(_ text: String, file: String) -> (file: QuestionnaireFile, diagnostics: [QuestionnaireDiagnostic]) {
        var state = ParserState(file: file, text: text)
        state.run()
        return (state.result, state.sink.all)
    }
}

/// Keywords the parser knows, for «¿quiso decir …?».
enum Keywords {
    static let topLevel = ["encuesta", "version", "modos", "idiomas", "especiales", "parcial", "lista", "seccion", "repetir", "fin"]
    static let types = ["una", "varias", "escala", "entero", "decimal", "texto", "fecha", "hora", "sino", "nota", "calcular", "matriz", "ordenar"]
    static let modifiers = ["opcional", "permite", "filas", "opciones", "maximo", "exclusiva", "donde"]
    static let itemLines = ["mostrar", "validar", "advertir", "si", "encuestador", "ayuda", "inicial"]
}

struct ParserState {
    /// What the indented lines that follow belong to. `brokenItem`: a question line refused with its
    /// error; its indented lines are skipped without one error each (one mistake, one message).
    enum Block { case none, list(Int), item(Int), section(Int), brokenItem }

    var sink: DiagnosticSink
    let lines: [String]
    var result = QuestionnaireFile()
    var block = Block.none
    var sawHeader = false
    /// The `repetir` block being read: its items are copied once per option or count at `fin repetir`.
    var repeating: RepeatBlock?

    init(file: String, text: String) {
        lines = TextLines.split(text).map { String($0) }
        sink = DiagnosticSink(file: file, lines: lines)
    }

    mutating func run() {
        for (index, raw) in lines.enumerated() {
            let number = index + 1
            let content = LineLexer.stripComment(raw)
            if content.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            let indented = content.first == " " || content.first == "\t"
            let trimmed = content.trimmingCharacters(in: .whitespaces)
            // Free text is not tokenized: list options and interviewer instructions may hold any character.
            if indented, case .list(let index) = block {
                let column = content.count - content.drop { $0 == " " || $0 == "\t" }.count + 1
                option(trimmed, list: index, position: TextPosition(line: number, column: column))
                continue
            }
            if indented, case .item(let index) = block, String(Suggestion.fold(trimmed)).hasPrefix("[encuestador]") {
                result.items[index].instructions.append(String(trimmed.dropFirst("[encuestador]".count)).trimmingCharacters(in: .whitespaces))
                continue
            }
            // A list's inline options are free text too: only «lista id:» is tokenized.
            let isList = !indented && String(Suggestion.fold(trimmed)).hasPrefix("lista ")
            let lexed = isList ? String(content.prefix { $0 != ":" }) + (content.contains(":") ? ":" : "") : content
            let tokens = LineLexer.tokenize(lexed, number: number, sink: &sink)
            guard !tokens.isEmpty else { continue }
            if indented { indentedLine(tokens, raw: content, number: number) } else { topLine(tokens, raw: content, number: number) }
        }
        if let open = repeating {
            sink.error("DSL-014", at: open.position, width: 7, "falta «fin repetir» para este bloque", "«fin repetir» is missing for this block")
            repeating = nil
        }
        for code in result.titleTranslations.keys.sorted() where !result.languages.dropFirst().contains(code) {
            sink.error("DSL-035", at: result.headerPosition, width: 8, "«@\(code)» en el título: «\(code)» no es un idioma de traducción de la línea «idiomas»",
                       "«@\(code)» in the title: «\(code)» is not a translation language of the «idiomas» line")
        }
        addRankings()
        addOtherFollowUps()
        if !sawHeader {
            sink.error("DSL-020", at: TextPosition(line: 1, column: 1), "falta el encabezado: el archivo debe empezar con «encuesta <id> \"Título\"»",
                       "the header is missing: the file must start with «encuesta <id> \"Title\"»")
        }
    }

    // MARK: Top-level lines

    mutating func topLine(_ tokens: [Token], raw: String, number: Int) {
        let first = tokens[0]
        block = .none
        // «fin: texto» and «repetir: …» are questions: those two words open a block only without «:».
        if tokens.count >= 2 && tokens[1].isSymbol(":") && first.word != nil
            && (!Keywords.topLevel.contains(first.keyword ?? "") || ["fin", "repetir"].contains(first.keyword ?? "")) {
            item(tokens, raw: raw)
            return
        }
        switch first.keyword {
        case "encuesta":
            sawHeader = true
            result.headerPosition = first.position
            guard tokens.count >= 2, let id = tokens[1].word else {
                sink.error("DSL-021", at: first.position, width: raw.count, "escriba «encuesta <id> \"Título\"»", "write «encuesta <id> \"Title\"»")
                return
            }
            result.id = id
            // `@en "Title"`: the languages are declared later (`idiomas`), so any two-letter code is taken here.
            var next = 3
            while next + 2 < tokens.count, tokens[next].isSymbol("@"), let code = tokens[next + 1].keyword, code.count == 2, case .string(let translated) = tokens[next + 2].kind {
                result.titleTranslations[code] = translated
                next += 3
            }
            if tokens.count >= 3, case .string(let title) = tokens[2].kind { result.title = title } else {
                sink.error("DSL-021", at: tokens[1].position, width: tokens[1].width, "falta el título entre comillas después del id", "the quoted title after the id is missing")
            }
        case "version":
            let value = raw.drop { $0 != " " }.trimmingCharacters(in: .whitespaces)
            if value.isEmpty { sink.error("DSL-022", at: first.position, width: first.width, "falta el texto de la versión, p. ej. versión 2025.03", "the version text is missing, e.g. versión 2025.03") }
            result.version = value.trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            result.versionPosition = first.position
        case "idiomas":
            for token in tokens.dropFirst() where !token.isSymbol(",") {
                guard let word = token.keyword, word.count == 2, word.allSatisfy({ $0.isLetter }) else {
                    sink.error("DSL-023", at: token.position, width: token.width, "escriba los idiomas con su código de dos letras: idiomas es, en",
                               "write the languages with their two-letter code: idiomas es, en")
                    continue
                }
                result.languages.append(word)
            }
        case "modos":
            for token in tokens.dropFirst() where !token.isSymbol(",") {
                guard let word = token.keyword else { continue }
                if let mode = Mode(rawValue: word) { result.modes.append(mode) } else {
                    let hint = Suggestion.hints(for: word, among: Mode.allCases.map(\.rawValue))
                    sink.error("DSL-023", at: token.position, width: token.width, "«\(token.word!)» no es un modo: use teléfono, presencial o web\(hint.spanish)",
                               "«\(token.word!)» is not a mode: use teléfono, presencial or web\(hint.english)")
                }
            }
        case "especiales":
            var i = 1
            while i < tokens.count {
                if tokens[i].isSymbol(",") { i += 1; continue }
                guard let name = tokens[i].word, i + 2 < tokens.count, tokens[i + 1].isSymbol("="), case .number(let code) = tokens[i + 2].kind else {
                    sink.error("DSL-024", at: tokens[i].position, width: tokens[i].width, "escriba los códigos especiales así: NS = 98 \"No sabe\", NR = 99 \"No responde\"",
                               "write the special codes like this: NS = 98 \"No sabe\", NR = 99 \"No responde\"")
                    return
                }
                var label = name
                if i + 3 < tokens.count, case .string(let text) = tokens[i + 3].kind { label = text; i += 1 }
                var special = SpecialCode(name: name.uppercased(), code: Int(code), label: label, position: tokens[i].position)
                i += 3
                while i + 2 < tokens.count, let language = translationLanguage(tokens, at: i), case .string(let translated) = tokens[i + 2].kind {
                    special.translations[language] = translated
                    i += 3
                }
                result.specials.append(special)
            }
        case "parcial":
            // `parcial desde 60 %`: the share of applicable questions from which an unfinished interview
            // counts as partial rather than a break-off.
            guard tokens.count >= 3, tokens[1].keyword == "desde", case .number(let percent) = tokens[2].kind,
                  percent > 0, percent <= 100, tokens.count == 3 || (tokens.count == 4 && tokens[3].isSymbol("%")) else {
                sink.error("DSL-028", at: first.position, width: raw.count, "escriba «parcial desde 50 %»: el porcentaje de preguntas respondidas (1 a 100) desde el que una entrevista sin terminar cuenta como parcial",
                           "write «parcial desde 50 %»: the share of answered questions (1 to 100) from which an unfinished interview counts as partial")
                return
            }
            result.partialFrom = percent / 100
        case "lista":
            list(tokens, raw: raw, number: number)
        case "repetir":
            startRepeat(tokens, raw: raw)
        case "fin":
            endRepeat(tokens)
        case "seccion":
            if let block = repeating {
                sink.error("DSL-014", at: first.position, width: first.width, "una sección no va dentro de «repetir» (línea \(block.position.line)): cierre el bloque con «fin repetir» antes",
                           "a section cannot go inside «repetir» (line \(block.position.line)): close the block with «fin repetir» first")
                return
            }
            guard tokens.count >= 2, case .string(let title) = tokens[1].kind else {
                sink.error("DSL-025", at: first.position, width: first.width, "escriba el título de la sección entre comillas: sección \"Indicadores\"",
                           "write the section title in quotes: sección \"Indicadores\"")
                return
            }
            var section = Section(title: title, condition: nil, firstItem: result.items.count, position: first.position)
            if tokens.count >= 5, let language = translationLanguage(tokens, at: 2), case .string(let translated) = tokens[4].kind { section.translations[language] = translated }
            result.sections.append(section)
            block = .section(result.sections.count - 1)
        default:
            let word = first.word ?? raw.trimmingCharacters(in: .whitespaces)
            let hint = Suggestion.hints(for: word, among: Keywords.topLevel)
            sink.error("DSL-001", at: first.position, width: first.width,
                       "«\(word)» no es una palabra del lenguaje al comienzo de una línea (encuesta, versión, modos, especiales, parcial, lista, sección, repetir, fin repetir o «id: tipo»)\(hint.spanish)",
                       "«\(word)» is not a keyword that can start a line (encuesta, versión, modos, especiales, parcial, lista, sección, repetir, fin repetir or «id: type»)\(hint.english)")
        }
    }

    /// `lista id: 1 Sí | 2 No` or `lista id:` followed by indented `código etiqueta` lines.
    mutating func list(_ tokens: [Token], raw: String, number: Int) {
        guard tokens.count >= 3, let id = tokens[1].word, tokens[2].isSymbol(":") else {
            sink.error("DSL-026", at: tokens[0].position, width: raw.count, "escriba «lista id: 1 Sí | 2 No»", "write «lista id: 1 Sí | 2 No»")
            return
        }
        result.lists.append(AnswerList(id: id, options: [], position: tokens[1].position))
        let index = result.lists.count - 1
        guard let colon = raw.firstIndex(of: ":") else { return }
        let rest = raw[raw.index(after: colon)...]
        if rest.trimmingCharacters(in: .whitespaces).isEmpty {
            block = .list(index)
            return
        }
        var column = raw.distance(from: raw.startIndex, to: colon) + 2
        for part in rest.split(separator: "|", omittingEmptySubsequences: false) {
            option(String(part), list: index, position: TextPosition(line: number, column: column))
            column += part.count + 1
        }
    }

    /// `código etiqueta [exclusiva]`.
    mutating func option(_ text: String, list: Int, position: TextPosition) {
        var body = text.trimmingCharacters(in: .whitespaces)
        var exclusive = false, other = false
        var values: [String: Double] = [:]
        if body.hasSuffix("]"), let open = body.lastIndex(of: "[") {
            var attributes: [String] = []
            for part in body[body.index(after: open)..<body.index(before: body.endIndex)].split(separator: ",") {
                // `municipio = 17001`: a value of the list's extra column, for `donde municipio = …`.
                let pieces = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                if pieces.count == 2 {
                    guard let value = Double(pieces[1]), !pieces[0].isEmpty, pieces[0].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
                        sink.error("DSL-027", at: position, width: max(1, text.count), "«[\(part.trimmingCharacters(in: .whitespaces))]»: una columna de la lista se escribe «[columna = número]», p. ej. [municipio = 17001]",
                                   "«[\(part.trimmingCharacters(in: .whitespaces))]»: a list column is written «[column = number]», e.g. [municipio = 17001]")
                        continue
                    }
                    values[pieces[0]] = value
                } else {
                    attributes.append(String(Suggestion.fold(part.trimmingCharacters(in: .whitespaces))))
                }
            }
            exclusive = attributes.contains("exclusiva")
            other = attributes.contains("otro")
            for unknown in attributes where unknown != "exclusiva" && unknown != "otro" {
                let hint = Suggestion.hints(for: unknown, among: ["exclusiva", "otro"])
                sink.error("DSL-027", at: position, width: max(1, text.count), "«[\(unknown)]» no es un atributo de opción (exclusiva, otro)\(hint.spanish)",
                           "«[\(unknown)]» is not an option attribute (exclusiva, otro)\(hint.english)")
            }
            body = body[..<open].trimmingCharacters(in: .whitespaces)
        }
        let digits = body.prefix { $0.isASCII && $0.isNumber }
        guard let code = Int(digits) else {
            sink.error("DSL-027", at: position, width: max(1, text.count), "cada opción empieza con su código: «1 Sí»", "each option starts with its code: «1 Sí»")
            return
        }
        var label = body.dropFirst(digits.count).trimmingCharacters(in: .whitespaces)
        // «1 Sí @en Yes @fr Oui»: the label, then its translations.
        var translations: [String: String] = [:]
        let parts = label.components(separatedBy: " @")
        if parts.count > 1 {
            label = parts[0].trimmingCharacters(in: .whitespaces)
            for part in parts.dropFirst() {
                let language = String(part.prefix(2)).lowercased()
                let translated = part.dropFirst(2).trimmingCharacters(in: .whitespaces)
                guard part.count > 3, result.languages.contains(language), !translated.isEmpty else {
                    sink.error("DSL-027", at: position, width: max(1, text.count), "«@\(part.prefix(2))»: una traducción de la opción se escribe «@en Texto», con un idioma de la línea «idiomas»",
                               "«@\(part.prefix(2))»: an option's translation is written «@en Text», with a language of the «idiomas» line")
                    continue
                }
                translations[language] = translated
            }
        }
        if label.isEmpty { sink.error("DSL-027", at: position, width: max(1, text.count), "la opción \(code) no tiene etiqueta", "option \(code) has no label") }
        result.lists[list].options.append(AnswerList.Option(code: code, label: label, exclusive: exclusive, other: other, translations: translations, values: values, position: position))
    }

    // MARK: Items

    /// `id: tipo [de lista | rango], modificador, …`
    mutating func item(_ tokens: [Token], raw: String) {
        block = .brokenItem  // until the line is read whole (`.item` at the end)
        let id = tokens[0].word!
        var i = 2
        guard i < tokens.count, let typeWord = tokens[i].keyword else {
            sink.error("DSL-030", at: tokens[1].position, "falta el tipo de la pregunta después de «:» (una de, varias de, escala, entero, texto…)",
                       "the question type is missing after «:» (una de, varias de, escala, entero, texto…)")
            return
        }
        let typeToken = tokens[i]
        i += 1
        var listPosition: TextPosition?
        var rankPlaces: Int??
        func listName() -> String? {
            guard i < tokens.count, tokens[i].keyword == "de", i + 1 < tokens.count, let name = tokens[i + 1].word else {
                sink.error("DSL-031", at: typeToken.position, width: typeToken.width, "escriba «\(typeToken.word!) de <lista>»", "write «\(typeToken.word!) de <list>»")
                return nil
            }
            listPosition = tokens[i + 1].position
            i += 2
            return name
        }
        func range() -> (Double, Double)? {
            guard i + 2 < tokens.count, case .number(let a) = tokens[i].kind, tokens[i + 1].isSymbol(".."), case .number(let b) = tokens[i + 2].kind else { return nil }
            i += 3
            return (a, b)
        }
        let type: ItemType
        switch typeWord {
        case "una": guard let l = listName() else { return }; type = .single(list: l)
        case "varias": guard let l = listName() else { return }; type = .multiple(list: l)
        case "matriz": guard let l = listName() else { return }; type = .grid(list: l)
        case "ordenar":
            // `ordenar LISTA [hasta n]`: written as one question per place once the file is read (``addRankings``).
            guard i < tokens.count, let name = tokens[i].word, tokens[i].keyword != "de" || i + 1 < tokens.count else {
                sink.error("DSL-031", at: typeToken.position, width: typeToken.width, "escriba «ordenar <lista> [hasta n]»", "write «ordenar <list> [hasta n]»")
                return
            }
            var list = name
            if tokens[i].keyword == "de", let after = tokens[i + 1].word { list = after; i += 1 }
            listPosition = tokens[i].position
            i += 1
            var places: Int?
            if i + 1 < tokens.count, tokens[i].keyword == "hasta", case .number(let n) = tokens[i + 1].kind, n >= 1, n == n.rounded() {
                places = Int(n); i += 2
            }
            type = .single(list: list)
            rankPlaces = .some(places)
        case "escala":
            guard let (a, b) = range() else {
                sink.error("DSL-032", at: typeToken.position, width: typeToken.width, "escriba el rango de la escala: escala 0..10", "write the scale's range: escala 0..10")
                return
            }
            var low: String?, high: String?
            if i + 2 < tokens.count, case .string(let l) = tokens[i].kind, tokens[i + 1].isSymbol(".."), case .string(let h) = tokens[i + 2].kind {
                low = l; high = h; i += 3
            }
            type = .scale(low: Int(a), high: Int(b), lowLabel: low, highLabel: high)
        case "entero": let r = range(); type = .integer(low: r?.0, high: r?.1)
        case "decimal": let r = range(); type = .decimal(low: r?.0, high: r?.1)
        case "texto": type = .text
        case "fecha":
            // `fecha y hora`
            if i + 1 < tokens.count, tokens[i].keyword == "y", tokens[i + 1].keyword == "hora" { i += 2; type = .dateTime } else { type = .date }
        case "hora": type = .time
        case "sino": type = .yesNo
        case "nota": type = .note
        case "calcular":
            var parser = ExpressionParser(tokens: tokens, from: i)
            guard let expression = parser.parse(sink: &sink) else { return }
            i = parser.index
            type = .calculated(expression)
        default:
            let hint = Suggestion.hints(for: typeWord, among: Keywords.types)
            sink.error("DSL-004", at: typeToken.position, width: typeToken.width,
                       "«\(typeToken.word!)» no es un tipo de pregunta (una de, varias de, escala, entero, decimal, texto, fecha, fecha y hora, hora, sino, nota, calcular, matriz de, ordenar)\(hint.spanish)",
                       "«\(typeToken.word!)» is not a question type (una de, varias de, escala, entero, decimal, texto, fecha, fecha y hora, hora, sino, nota, calcular, matriz de, ordenar)\(hint.english)")
            return
        }
        var item = Item(id: id, type: type, position: tokens[0].position)
        item.listPosition = listPosition
        item.rankPlaces = rankPlaces
        // `una de sedes donde municipio = ciudad`: the filter runs to the first «,» outside parentheses.
        if i < tokens.count, tokens[i].keyword == "donde" {
            let donde = tokens[i]
            var end = i + 1, depth = 0
            while end < tokens.count, !(depth == 0 && tokens[end].isSymbol(",")) {
                if tokens[end].isSymbol("(") { depth += 1 } else if tokens[end].isSymbol(")") { depth -= 1 }
                end += 1
            }
            switch type {
            case .single, .multiple:
                guard i + 3 <= end - 1, let column = tokens[i + 1].word, tokens[i + 2].isSymbol("=") else {
                    sink.error("DSL-031", at: donde.position, width: donde.width, "escriba «donde columna = pregunta», p. ej. una de sedes donde municipio = ciudad",
                               "write «donde column = question», e.g. una de sedes donde municipio = ciudad")
                    return
                }
                var parser = ExpressionParser(tokens: Array(tokens[..<end]), from: i + 3)
                guard let value = parser.parse(sink: &sink) else { return }
                if parser.index < end { trailing(Array(tokens[..<end]), from: parser.index); return }
                item.choiceFilter = ChoiceFilter(column: column, value: value, position: tokens[i + 1].position)
            default:
                sink.error("DSL-031", at: donde.position, width: donde.width, "«donde» filtra las opciones de «una de» o «varias de»", "«donde» filters the options of «una de» or «varias de»")
                return
            }
            i = end
        }
        item.section = result.sections.isEmpty ? nil : result.sections.count - 1
        modifiers(tokens, from: i, into: &item)
        result.items.append(item)
        block = .item(result.items.count - 1)
    }

    mutating func modifiers(_ tokens: [Token], from start: Int, into item: inout Item) {
        var i = start
        while i < tokens.count {
            let token = tokens[i]
            if token.isSymbol(",") { i += 1; continue }
            switch token.keyword {
            case "opcional": item.optional = true; i += 1
            case "permite":
                i += 1
                while i < tokens.count, let word = tokens[i].word, !tokens[i].isSymbol(",") {
                    item.allowedSpecials.append(word.uppercased())
                    i += 1
                }
            case "filas", "opciones":
                let rows = token.keyword == "filas"
                guard i + 2 < tokens.count, tokens[i + 1].keyword == "al", tokens[i + 2].keyword == "azar" else {
                    sink.error("DSL-033", at: token.position, width: token.width, "escriba «\(token.word!) al azar»", "write «\(token.word!) al azar»")
                    return
                }
                if rows { item.randomizeRows = true } else { item.randomizeOptions = true }
                i += 3
            case "maximo", "exclusiva":
                guard i + 1 < tokens.count, case .number(let n) = tokens[i + 1].kind else {
                    sink.error("DSL-033", at: token.position, width: token.width, "escriba «\(token.word!) <número>»", "write «\(token.word!) <number>»")
                    return
                }
                if token.keyword == "maximo" { item.maximum = Int(n) } else { item.exclusive.append(Int(n)) }
                i += 2
            default:
                let word = token.word ?? "?"
                let hint = Suggestion.hints(for: word, among: Keywords.modifiers)
                sink.error("DSL-005", at: token.position, width: token.width,
                           "«\(word)» no es un modificador (opcional, permite NS NR, filas al azar, opciones al azar, máximo n, exclusiva c)\(hint.spanish)",
                           "«\(word)» is not a modifier (opcional, permite NS NR, filas al azar, opciones al azar, máximo n, exclusiva c)\(hint.english)")
                return
            }
        }
    }

    // MARK: Indented lines

    mutating func indentedLine(_ tokens: [Token], raw: String, number: Int) {
        switch block {
        case .list(let index):
            option(raw, list: index, position: TextPosition(line: number, column: (raw.firstIndex { $0 != " " && $0 != "\t" }.map { raw.distance(from: raw.startIndex, to: $0) } ?? 0) + 1))
        case .section(let index):
            if tokens[0].keyword == "mostrar", tokens.count > 1, tokens[1].keyword == "si" {
                var parser = ExpressionParser(tokens: tokens, from: 2)
                result.sections[index].condition = parser.parse(sink: &sink)
            } else {
                orphan(tokens[0], raw: raw)
            }
        case .item(let index):
            itemLine(tokens, raw: raw, item: index)
        case .brokenItem:
            return
        case .none:
            orphan(tokens[0], raw: raw)
        }
    }

    mutating func orphan(_ token: Token, raw: String) {
        if let open = repeating, result.items.count == open.start {
            sink.error("DSL-006", at: token.position, width: raw.trimmingCharacters(in: .whitespaces).count,
                       "dentro de «repetir» (línea \(open.position.line)) las preguntas van sin sangría, como fuera del bloque: «id: tipo» al comienzo de la línea",
                       "inside «repetir» (line \(open.position.line)) questions go without indentation, as outside the block: «id: type» at the start of the line")
            return
        }
        sink.error("DSL-006", at: token.position, width: raw.trimmingCharacters(in: .whitespaces).count,
                   "esta línea tiene sangría pero no pertenece a ninguna pregunta ni lista; quite la sangría o póngala debajo de una pregunta",
                   "this line is indented but belongs to no question or list; remove the indentation or move it under a question")
    }

    mutating func itemLine(_ tokens: [Token], raw: String, item index: Int) {
        let first = tokens[0]
        func expression(from start: Int) -> (Expression, Int)? {
            var parser = ExpressionParser(tokens: tokens, from: start)
            guard let e = parser.parse(sink: &sink) else { return nil }
            return (e, parser.index)
        }
        func message(at i: Int) -> String? {
            guard i < tokens.count, case .string(let text) = tokens[i].kind else { return nil }
            return text
        }
        switch first.kind {
        case .string(let text):
            result.items[index].texts.append((nil, text, first.position))
            return
        case .symbol("@"):
            // `@en extremos "Not at all" .. "Very much"`: a scale's end labels.
            if tokens.count == 6, tokens[2].keyword == "extremos", let language = translationLanguage(tokens, at: 0),
               case .string(let low) = tokens[3].kind, tokens[4].isSymbol(".."), case .string(let high) = tokens[5].kind {
                result.items[index].scaleLabelTranslations[language] = (low, high)
                return
            }
            guard tokens.count >= 3, let language = translationLanguage(tokens, at: 0), case .string(let text) = tokens[2].kind else {
                sink.error("DSL-035", at: first.position, width: raw.trimmingCharacters(in: .whitespaces).count,
                           "una traducción se escribe @en \"texto\", con un idioma de la línea «idiomas»", "a translation is written @en \"text\", with a language of the «idiomas» line")
                return
            }
            result.items[index].translations[language] = text
            trailing(tokens, from: 3)
            return
        case .symbol("["):
            guard tokens.count >= 3, let word = tokens[1].keyword, tokens[2].isSymbol("]") else {
                sink.error("DSL-034", at: first.position, "escriba [teléfono], [presencial], [web] o [encuestador]", "write [teléfono], [presencial], [web] or [encuestador]")
                return
            }
            if word == "encuestador" {
                let close = raw.firstIndex(of: "]")!
                result.items[index].instructions.append(raw[raw.index(after: close)...].trimmingCharacters(in: .whitespaces))
                return
            }
            guard let mode = Mode(rawValue: word) else {
                let hint = Suggestion.hints(for: word, among: Mode.allCases.map(\.rawValue) + ["encuestador"])
                sink.error("DSL-034", at: tokens[1].position, width: tokens[1].width, "«\(tokens[1].word!)» no es un modo ni [encuestador]\(hint.spanish)",
                           "«\(tokens[1].word!)» is neither a mode nor [encuestador]\(hint.english)")
                return
            }
            // `[teléfono] @en "…"`: that mode's text in another language.
            if tokens.count >= 6, let language = translationLanguage(tokens, at: 3), case .string(let text) = tokens[5].kind {
                result.items[index].modeTranslations[language, default: [:]][mode] = text
                trailing(tokens, from: 6)
                return
            }
            guard tokens.count >= 4, case .string(let text) = tokens[3].kind else {
                sink.error("DSL-035", at: tokens[2].position, "falta el texto entre comillas después de [\(tokens[1].word!)]", "the quoted text after [\(tokens[1].word!)] is missing")
                return
            }
            result.items[index].texts.append((mode, text, tokens[3].position))
            return
        case .symbol("-"):
            guard tokens.count >= 3, let id = tokens[1].word, case .string(let text) = tokens[2].kind else {
                sink.error("DSL-036", at: first.position, width: raw.trimmingCharacters(in: .whitespaces).count,
                           "cada fila de una matriz se escribe «- id \"texto\"»", "each grid row is written «- id \"text\"»")
                return
            }
            var row = GridRow(id: id, text: text, condition: nil, position: tokens[1].position)
            var next = 3
            while next + 2 < tokens.count, let language = translationLanguage(tokens, at: next), case .string(let translated) = tokens[next + 2].kind {
                row.translations[language] = translated
                next += 3
            }
            if tokens.count > next {
                if tokens[next].keyword == "si", let (e, end) = expression(from: next + 1) {
                    row.condition = e
                    // A jump cannot hang from a row: it was dropped without a word.
                    if end < tokens.count, tokens[end].isSymbol("→") || tokens[end].isSymbol("->") {
                        sink.error("DSL-036", at: tokens[end].position, width: tokens[end].width,
                                   "una fila de matriz no lleva saltos: escriba el salto debajo de la matriz, con la variable de la fila («si \(result.items[index].id)_\(id) = 1 → …»)",
                                   "a grid row takes no jump: write the jump under the grid, with the row's variable («si \(result.items[index].id)_\(id) = 1 → …»)")
                    } else {
                        trailing(tokens, from: end)
                    }
                } else if tokens[next].keyword != "si" {
                    sink.error("DSL-036", at: tokens[next].position, width: tokens[next].width, "después del texto de la fila solo puede ir «si <condición>»",
                               "only «si <condition>» may follow the row's text")
                }
            }
            if case .grid = result.items[index].type {} else {
                sink.error("DSL-037", at: first.position, "solo las preguntas «matriz de <lista>» tienen filas", "only «matriz de <list>» questions have rows")
            }
            result.items[index].rows.append(row)
            return
        default:
            break
        }
        switch first.keyword {
        case "mostrar":
            guard tokens.count > 1, tokens[1].keyword == "si" else {
                sink.error("DSL-038", at: first.position, width: first.width, "escriba «mostrar si <condición>»", "write «mostrar si <condition>»")
                return
            }
            if let (e, end) = expression(from: 2) {
                if result.items[index].condition != nil {
                    sink.error("DSL-008", at: first.position, width: first.width, "«\(result.items[index].id)» ya tiene un «mostrar si»: una las dos condiciones con «y» u «o» en una sola línea",
                               "«\(result.items[index].id)» already has a «mostrar si»: join both conditions with «y» or «o» on one line")
                }
                result.items[index].condition = e
                trailing(tokens, from: end)
            }
        case "ayuda":
            guard let text = message(at: 1) else {
                sink.error("DSL-038", at: first.position, width: first.width, "escriba la ayuda entre comillas: ayuda \"Está en el reverso de su carné\"",
                           "write the help in quotes: ayuda \"Está en el reverso de su carné\"")
                return
            }
            if result.items[index].help != nil {
                sink.error("DSL-008", at: first.position, width: first.width, "«\(result.items[index].id)» ya tiene una ayuda: escríbala en una sola línea",
                           "«\(result.items[index].id)» already has a help text: write it on one line")
            }
            result.items[index].help = text
            if tokens.count >= 5, let language = translationLanguage(tokens, at: 2), case .string(let translated) = tokens[4].kind {
                result.items[index].helpTranslations[language] = translated
                trailing(tokens, from: 5)
            } else {
                trailing(tokens, from: 2)
            }
        case "inicial":
            guard let text = message(at: 1) else {
                sink.error("DSL-038", at: first.position, width: first.width, "escriba el valor inicial entre comillas: inicial \"{_muestra.celular}\"",
                           "write the initial value in quotes: inicial \"{_muestra.celular}\"")
                return
            }
            if result.items[index].initial != nil {
                sink.error("DSL-008", at: first.position, width: first.width, "«\(result.items[index].id)» ya tiene un valor inicial", "«\(result.items[index].id)» already has an initial value")
            }
            result.items[index].initial = text
            trailing(tokens, from: 2)
        case "validar", "advertir":
            guard let (e, end) = expression(from: 1) else { return }
            var rule = Rule(condition: e, message: message(at: end), position: first.position)
            var next = message(at: end) == nil ? end : end + 1
            while next + 2 < tokens.count, let language = translationLanguage(tokens, at: next), case .string(let translated) = tokens[next + 2].kind {
                rule.translations[language] = translated
                next += 3
            }
            if first.keyword == "validar" { result.items[index].validations.append(rule) } else { result.items[index].warnings.append(rule) }
            trailing(tokens, from: next)
        case "si":
            guard let (e, end) = expression(from: 1) else { return }
            guard end < tokens.count, tokens[end].isSymbol("→") else {
                sink.error("DSL-039", at: tokens[min(end, tokens.count - 1)].position, "falta «→» (o «->»): si <condición> → terminar <disposición> | ir a <pregunta>",
                           "«→» (or «->») is missing: si <condition> → terminar <disposition> | ir a <question>")
                return
            }
            let target: Jump.Target
            if end + 2 <= tokens.count - 1, tokens[end + 1].keyword == "terminar", let d = tokens[end + 2].word {
                target = .end(disposition: d)
            } else if end + 3 <= tokens.count - 1, tokens[end + 1].keyword == "ir", tokens[end + 2].keyword == "a", let id = tokens[end + 3].word {
                target = .go(to: id)
            } else {
                sink.error("DSL-039", at: tokens[end].position, "después de «→» va «terminar <disposición>» o «ir a <pregunta>»",
                           "after «→» comes «terminar <disposition>» or «ir a <question>»")
                return
            }
            result.items[index].jumps.append(Jump(condition: e, target: target, position: first.position))
        default:
            let word = first.word ?? "?"
            let hint = Suggestion.hints(for: word, among: Keywords.itemLines)
            sink.error("DSL-007", at: first.position, width: first.width,
                       "«\(word)» no puede empezar una línea de una pregunta (un texto entre comillas, [modo], [encuestador], ayuda, inicial, mostrar si, validar, advertir, si … →, - fila)\(hint.spanish)",
                       "«\(word)» cannot start a question line (a quoted text, [mode], [encuestador], ayuda, inicial, mostrar si, validar, advertir, si … →, - row)\(hint.english)")
        }
    }

    mutating func trailing(_ tokens: [Token], from index: Int) {
        guard index < tokens.count else { return }
        sink.error("DSL-011", at: tokens[index].position, width: tokens[index].width, "sobra texto al final de la línea", "unexpected text at the end of the line")
    }

    // MARK: «Otro, ¿cuál?»

    /// After each `una de`/`varias de` whose list has an `[otro]` option, the text question that asks which
    /// (`servicio_otro`, shown when that option is chosen), written here once so that routing, checks, every
    /// channel and every export treat it as the ordinary question it is (XLSForm's `or_other` does the same).
    mutating func addOtherFollowUps() {
        let lists = result.lists
        rewriteItems { item in
            let list: String, multiple: Bool
            switch item.type {
            case .single(let l): list = l; multiple = false
            case .multiple(let l): list = l; multiple = true
            default: return [item]
            }
            guard let option = lists.first(where: { $0.id == list })?.options.first(where: \.other) else { return [item] }
            var follow = Item(id: item.id + "_otro", type: .text, position: item.position)
            let label = option.label.hasSuffix("?") ? option.label : option.label + ", ¿cuál?"
            follow.texts = [(nil, label, option.position)]
            let subject = Expression.reference(item.id, item.position)
            follow.condition = multiple ? .includes(subject, option.code, item.position)
                                        : .binary("=", subject, .number(Double(option.code), item.position), item.position)
            follow.section = item.section
            follow.otherOf = item.id
            return [item, follow]
        }
    }

    /// Each item replaced by what `transform` makes of it (itself, or it and the questions written after it),
    /// the sections' first items kept on the same questions.
    mutating func rewriteItems(_ transform: (Item) -> [Item]) {
        var items: [Item] = []
        var newIndex: [Int] = []
        for item in result.items {
            newIndex.append(items.count)
            items += transform(item)
        }
        guard items.count != result.items.count else { return }
        for s in result.sections.indices {
            let first = result.sections[s].firstItem
            result.sections[s].firstItem = first < newIndex.count ? newIndex[first] : items.count
        }
        result.items = items
    }

    // MARK: Rankings

    /// `ordenar servicios hasta 3`: one question per place (`id_1`, `id_2`, …), each a choice of the list, a
    /// later place refusing an option an earlier one took — the rank as one column per place, in every
    /// channel and export (an XLSForm select_one per place with that constraint).
    mutating func addRankings() {
        let ordinals = ["primer", "segundo", "tercer", "cuarto", "quinto", "sexto", "séptimo", "octavo", "noveno", "décimo"]
        let lists = result.lists
        rewriteItems { item in
            guard let places = item.rankPlaces, case .single(let list) = item.type else { return [item] }
            let count = lists.first(where: { $0.id == list })?.options.count ?? 0
            let n = min(places ?? count, count, ordinals.count)
            var kept = item
            kept.rankPlaces = nil
            if n == 0 { return [kept] }
            return (1...n).map { k in
                var place = kept
                place.id = "\(item.id)_\(k)"
                place.texts = item.texts.map { text in (text.mode, k == 1 ? "\(text.text) (\(ordinals[0]) lugar)" : "¿Y en \(ordinals[k - 1]) lugar?", text.position) }
                if k > 1 {
                    place.translations = [:]
                    place.instructions = []
                    place.help = nil
                    let earlier = (1..<k).map { Expression.binary("<>", .reference(place.id, item.position), .reference("\(item.id)_\($0)", item.position), item.position) }
                    let distinct = earlier.dropFirst().reduce(earlier[0]) { .binary("y", $0, $1, item.position) }
                    place.validations = [Rule(condition: distinct, message: "Esa opción ya la eligió en un lugar anterior", position: item.position)] + item.validations
                }
                if k < n { place.jumps = [] }
                return place
            }
        }
    }

    /// The language of `@en` at `index` when it is one the «idiomas» line declares (reported otherwise).
    mutating func translationLanguage(_ tokens: [Token], at index: Int) -> String? {
        guard index + 1 < tokens.count, tokens[index].isSymbol("@"), let word = tokens[index + 1].keyword else { return nil }
        guard result.languages.dropFirst().contains(word) else {
            let declared = result.languages.dropFirst()
            sink.error("DSL-035", at: tokens[index + 1].position, width: tokens[index + 1].width,
                       declared.isEmpty ? "«@\(word)»: declare los idiomas en el encabezado, p. ej. «idiomas es, \(word)»"
                                        : "«@\(word)» no es un idioma de traducción de la línea «idiomas» (\(declared.joined(separator: ", ")))",
                       declared.isEmpty ? "«@\(word)»: declare the languages in the header, e.g. «idiomas es, \(word)»"
                                        : "«@\(word)» is not a translation language of the «idiomas» line (\(declared.joined(separator: ", ")))")
            return nil
        }
        return word
    }
}
