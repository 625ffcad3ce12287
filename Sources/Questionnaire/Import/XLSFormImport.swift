import Diagnostics
import Foundation

/// An XLSForm (KoboToolbox, ODK) turned into a `.encuesta` text, with a note for each thing it could
/// not convert, located by sheet and row. What converts:
///
/// - settings: `form_id`, `form_title`, `version`; the label language (`label::Español (es)`) chosen
///   with `language`, else `default_language`, else the first;
/// - types: `select_one`/`select_multiple` (with `or_other`: an `[otro]` option), `integer`, `decimal`,
///   `range` (a scale when its step is 1), `text`, `date`, `note`, `calculate`, groups (sections; a
///   field-list group of questions on one list whose names start with the group's: a grid);
/// - columns: `label`, `hint` (ayuda), `guidance_hint` ([encuestador]), `required`, `relevant`,
///   `constraint` with `constraint_message` (a numeric range becomes the type's range), `calculation`,
///   `choice_filter` (`col = ${q}`), `parameters` (`randomize=true`);
/// - choices: numeric names as codes (other names numbered 1, 2, … and the numbering noted), extra
///   numeric columns as option columns, «No sabe»/«No responde» with codes from 90 as NS/NR.
///
/// What Sondeo's own export adds comes back as it was: `<id>_etiqueta` label helpers, the
/// `disposicion_final` calculate (as `→ terminar` jumps), `encuestador_nombre` (`{_encuestador}`), the
/// `_ns`/`_nr` copies of lists and the `sino_xlsform` and `escala_a_b` lists.
public enum XLSFormImport {
    /// Something the import left out or changed, and where.
    public struct Note: Sendable, Equatable {
        public var sheet: String
        public var line: Int
        public var spanish: String
        public var english: String
    }

    public static func convert(_ sheets: XLSFormSheets, source: String, language: String? = nil) -> (text: String, notes: [Note]) {
        var converter = Converter(sheets: sheets, source: source, language: language)
        return converter.run()
    }
}

private struct Converter {
    let sheets: XLSFormSheets
    let source: String
    let languageWanted: String?
    var notes: [XLSFormImport.Note] = []
    /// The ids questions took: a list named like a question (common in Kobo) takes `<name>_opciones`.
    var questionIDs = Set<String>()
    /// The label languages besides the one converted as the texts: their code (`en`) and column name.
    var others: [(code: String, name: String)] = []
    var languageCodes: [String] = []
    var sectionTranslations: [Int: [String: String]] = [:]

    init(sheets: XLSFormSheets, source: String, language: String?) {
        self.sheets = sheets
        self.source = source
        languageWanted = language
    }

    mutating func note(_ sheet: String, _ line: Int, _ spanish: String, _ english: String) {
        notes.append(XLSFormImport.Note(sheet: sheet, line: line, spanish: spanish, english: english))
    }

    // MARK: Columns and languages

    /// The column of `base` (label, hint, constraint_message…) in the chosen language.
    func column(_ base: String, in columns: [String], language: String?) -> String? {
        if let language, let found = columns.first(where: { $0.lowercased().hasPrefix(base + "::") && $0.dropFirst(base.count + 2).lowercased().hasPrefix(language.lowercased()) }) {
            return found
        }
        if columns.contains(base) { return base }
        return columns.first { $0.lowercased().hasPrefix(base + "::") }
    }

    func languages(in columns: [String]) -> [String] {
        var seen: [String] = []
        for c in columns where c.lowercased().hasPrefix("label::") {
            let name = String(c.dropFirst("label::".count))
            if !seen.contains(name) { seen.append(name) }
        }
        return seen
    }

    // MARK: Names

    /// An XLSForm name as an id of the language: lower case ASCII letters, digits and «_», starting with a letter.
    static func id(_ name: String) -> String {
        var out = ""
        for c in Suggestion.fold(name) {
            if c.isASCII && (c.isLetter || c.isNumber) { out.append(c) } else if c == "_" || c == "-" || c == " " || c == "." { out.append("_") }
        }
        if let first = out.first, !first.isLetter { out = "p_" + out }
        return out.isEmpty ? "p" : String(out.prefix(32))
    }

    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    // MARK: The conversion

    struct Question {
        var line: Int
        var id: String
        var name: String
        var kind: String   // the .encuesta type text
        var modifiers: [String] = []
        var label = ""
        var hint = ""
        var guidance = ""
        var relevant: String?
        var validations: [(String, String?)] = []
        var jumps: [String] = []
        var rows: [(id: String, text: String, condition: String?)] = []
        var initial: String?
        /// `repetir …` written before it, `fin repetir` after it.
        var blockStart: String?
        var blockEnd = false
        var translations: [String: String] = [:]
        var hintTranslations: [String: String] = [:]
        var rowTranslations: [String: [String: String]] = [:]
        var section: Int?
    }

    struct Choice {
        var name: String
        var label: String
        var translations: [String: String] = [:]
        var values: [String: String]
        var line: Int
    }

    mutating func run() -> (text: String, notes: [XLSFormImport.Note]) {
        let settings = sheets.settings.first
        let defaultLanguage = settings?["default_language"]
        let labels = languages(in: sheets.surveyColumns)
        var language = languageWanted ?? (defaultLanguage.flatMap { d in labels.first { $0.lowercased().hasPrefix(d.lowercased()) } }) ?? labels.first
        if let wanted = languageWanted, !labels.isEmpty, !labels.contains(where: { $0.lowercased().hasPrefix(wanted.lowercased()) }) {
            note("survey", 1, "no hay textos en «\(wanted)» (hay: \(labels.joined(separator: ", "))); se usó «\(labels[0])»",
                 "there are no texts in «\(wanted)» (there are: \(labels.joined(separator: ", "))); «\(labels[0])» was used")
            language = labels[0]
        }
        // The other languages become translations (`idiomas es, en`; `@en "…"`).
        let primaryCode = language.map(Self.languageCode) ?? "es"
        others = labels.filter { $0 != language }.map { (Self.languageCode($0), $0) }.filter { $0.0 != primaryCode }
        languageCodes = [primaryCode] + others.map(\.code)

        let labelColumn = column("label", in: sheets.surveyColumns, language: language)
        let hintColumn = column("hint", in: sheets.surveyColumns, language: language)
        let guidanceColumn = column("guidance_hint", in: sheets.surveyColumns, language: language)
        let messageColumn = column("constraint_message", in: sheets.surveyColumns, language: language)
        let choiceLabelColumn = column("label", in: sheets.choicesColumns, language: language)

        // Choices by list, in order.
        var lists: [String: [Choice]] = [:]
        var listOrder: [String] = []
        let standard = Set(["list_name", "list name", "name", "label", "image", "audio", "video", "media::image"])
        let extraColumns = sheets.choicesColumns.filter { c in !standard.contains(c.lowercased()) && !c.lowercased().hasPrefix("label::") && !c.lowercased().hasPrefix("media::") && !c.lowercased().hasPrefix("image::") }
        for row in sheets.choices {
            let list = row["list_name"].isEmpty ? row["list name"] : row["list_name"]
            guard !list.isEmpty, !row["name"].isEmpty else { continue }
            if lists[list] == nil { listOrder.append(list) }
            var values: [String: String] = [:]
            for c in extraColumns where !row[c].isEmpty { values[c] = row[c] }
            var choiceTranslations: [String: String] = [:]
            for (code, name) in others {
                if let c = column("label", in: sheets.choicesColumns, language: name), c != choiceLabelColumn, !row[c].isEmpty { choiceTranslations[code] = row[c] }
            }
            lists[list, default: []].append(Choice(name: row["name"], label: choiceLabelColumn.map { row[$0] } ?? row["name"], translations: choiceTranslations,
                                                   values: values, line: row.line))
        }

        // Specials: «No sabe» / «No responde» with codes from 90, wherever they appear.
        var specials: [(name: String, code: Int, label: String)] = []
        func specialName(_ choice: Choice) -> String? {
            guard let code = Int(choice.name), code >= 90 || code < 0 else { return nil }
            let folded = String(Suggestion.fold(choice.label))
            if folded.hasPrefix("no sabe") || folded == "ns" || folded.hasPrefix("ns/") { return "NS" }
            if folded.hasPrefix("no responde") || folded == "nr" || folded.hasPrefix("prefiere no responder") { return "NR" }
            return nil
        }
        for list in listOrder {
            for choice in lists[list] ?? [] {
                guard let name = specialName(choice), let code = Int(choice.name), !specials.contains(where: { $0.name == name }) else { continue }
                specials.append((name, code, choice.label))
            }
        }

        // Codes: numeric names are codes; other lists are numbered and the numbering noted.
        var codesOf: [String: [String: Int]] = [:]
        for list in listOrder {
            let choices = lists[list] ?? []
            if choices.allSatisfy({ Int($0.name) != nil }) {
                codesOf[list] = Dictionary(choices.map { ($0.name, Int($0.name)!) }, uniquingKeysWith: { a, _ in a })
            } else {
                var numbering: [String: Int] = [:]
                for (index, choice) in choices.enumerated() { numbering[choice.name] = index + 1 }
                codesOf[list] = numbering
                note("choices", choices.first?.line ?? 1, "la lista «\(list)» tiene nombres que no son números: se numeraron en orden (\(choices.prefix(4).enumerated().map { "\($0.offset + 1) = \($0.element.name)" }.joined(separator: ", "))\(choices.count > 4 ? ", …" : ""))",
                     "list «\(list)» has names that are not numbers: they were numbered in order (\(choices.prefix(4).enumerated().map { "\($0.offset + 1) = \($0.element.name)" }.joined(separator: ", "))\(choices.count > 4 ? ", …" : ""))")
            }
        }

        // First pass: names, kinds and what helpers the export added.
        var ids: [String: String] = [:]
        var kinds: [String: XPathTranslation.Kind] = [:]
        var listOfQuestion: [String: String] = [:]
        var labelHelpers: [String: String] = [:]   // `x_etiqueta` → x
        var labelFallbacks: [String: String] = [:]  // `x_etiqueta` → its alternative text
        var sampleFields: [String: String] = [:]    // `muestra_nombre` → nombre
        var interviewerField: String?
        var usedIds = Set<String>()
        for row in sheets.survey {
            let type = row["type"].split(separator: " ").map(String.init)
            let name = row["name"]
            guard let base = type.first, !name.isEmpty else { continue }
            if base == "username" { interviewerField = name; continue }
            if name == XLSFormExport.caseNumberField && base == "text" { continue }
            if base == "text", name.hasPrefix(XLSFormExport.sampleFieldPrefix), (labelColumn.map { row[$0] } ?? "").hasPrefix(XLSFormExport.sampleFieldLabel) {
                sampleFields[name] = String(name.dropFirst(XLSFormExport.sampleFieldPrefix.count))
                continue
            }
            if base == "calculate", name.hasSuffix("_etiqueta") {
                let question = String(name.dropLast("_etiqueta".count))
                let calculation = row["calculation"]
                if calculation.hasPrefix("jr:choice-name(") { labelHelpers[name] = question; continue }
                // `{x|texto}`: if(string-length(${x}) = 0 or …, 'texto', …).
                if calculation.hasPrefix("if(string-length(${\(question)}) = 0") {
                    labelHelpers[name] = question
                    let fallback = Self.arguments(of: calculation).dropFirst().first ?? ""
                    labelFallbacks[name] = String(fallback.dropFirst().dropLast())
                    continue
                }
            }
            var id = Self.id(name)
            if usedIds.contains(id) { var n = 2; while usedIds.contains("\(id)_\(n)") { n += 1 }; id = "\(id)_\(n)" }
            if id != name && !["begin_group", "end_group", "begin", "end"].contains(base) {
                note("survey", row.line, "«\(name)» se llama «\(id)» (un id del lenguaje va en minúsculas, sin tildes ni espacios)",
                     "«\(name)» is called «\(id)» (an id of the language is lower case, without accents or spaces)")
            }
            usedIds.insert(id)
            ids[name] = id
            switch base {
            case "select_one", "select1":
                kinds[id] = .single
                if type.count > 1 { listOfQuestion[id] = type[1] }
            case "select_multiple":
                kinds[id] = .multiple
                if type.count > 1 { listOfQuestion[id] = type[1] }
            case "integer", "decimal", "range", "calculate": kinds[id] = .number
            case "text": kinds[id] = .text
            case "date": kinds[id] = .date
            default: kinds[id] = .other
            }
            if type.contains("or_other") { ids[name + "_other"] = id + "_otro"; kinds[id + "_otro"] = .text }
        }
        for (helper, question) in labelHelpers { ids[helper] = ids[question] }
        questionIDs = usedIds
        var questionCodes: [String: [String: Int]] = [:]
        for (id, list) in listOfQuestion { questionCodes[id] = codesOf[list] ?? [:] }
        var translation = XPathTranslation(ids: ids, kinds: kinds, codes: questionCodes, own: nil)
        translation.specials = Dictionary(specials.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        for (id, list) in listOfQuestion { translation.allowed[id] = Set((lists[list] ?? []).compactMap(specialName)) }
        // A grid's rows share its list: the rows' names are found by their own select_one.
        func expression(_ text: String, own: String?, line: Int, column: String) -> String? {
            translation.own = own
            do { return try translation.source(text) } catch {
                note("survey", line, "«\(column)» no se convirtió: \(error.reason) («\(text)»)", "«\(column)» was not converted: \(error.reason) («\(text)»)")
                return nil
            }
        }
        func pipes(_ text: String) -> String {
            var out = text
            while let start = out.range(of: "${"), let end = out[start.upperBound...].firstIndex(of: "}") {
                let name = String(out[start.upperBound..<end])
                let reference = (ids[name] ?? Self.id(name)) + (labelFallbacks[name].map { "|" + $0 } ?? "")
                // A sample column with an alternative comes back through its label helper: `{_muestra.nombre|…}`.
                let sample = sampleFields[name] ?? labelHelpers[name].flatMap { sampleFields[$0] }
                let replacement = name == interviewerField ? "{_encuestador}" : name == XLSFormExport.caseNumberField ? "{_radicado}"
                    : sample.map { "{\(QuestionnaireFile.samplePrefix)\($0)\(labelFallbacks[name].map { "|" + $0 } ?? "")}" } ?? "{\(reference)}"
                out.replaceSubrange(start.lowerBound...end, with: replacement)
            }
            return out
        }

        func translations(_ row: XLSFormSheets.Row, _ base: String, in columns: [String]) -> [String: String] {
            var result: [String: String] = [:]
            for (code, name) in others {
                if let c = column(base, in: columns, language: name), c != column(base, in: columns, language: language), !row[c].isEmpty { result[code] = pipes(row[c]) }
            }
            return result
        }
        // Sondeo's own `disposicion_final`: its endings become jumps, and their guards leave the relevances.
        var endings: [(condition: String, disposition: String, xpath: String)] = []
        if let row = sheets.survey.first(where: { $0["type"] == "calculate" && $0["name"] == "disposicion_final" }) {
            var rest = row["calculation"]
            while rest.hasPrefix("if(") {
                guard let parsed = try? XPathReader.parse(rest), case .call("if", let args) = parsed, args.count == 3, case .text(let disposition) = args[1] else { break }
                let conditionText = Self.firstArgument(of: rest)
                if let condition = expression(conditionText, own: nil, line: row.line, column: "calculation") {
                    endings.append((condition, disposition, conditionText))
                }
                rest = Self.lastArgument(of: rest)
            }
        }
        let guards = Set(endings.map { "not(\($0.xpath))" })

        // Second pass: questions, sections and grids.
        var questions: [Question] = []
        var sections: [(title: String, condition: String?)] = []
        var groupStack: [(name: String, title: String, condition: String?, grid: Bool)] = []
        var currentSection: Int?
        var gridIndex: Int?
        var repeatDepth = 0
        var openRepeat: (start: Int, line: String)?
        var groupTranslations: [String: [String: String]] = [:]
        func openSection() {
            let real = groupStack.filter { !$0.grid }
            guard let title = real.last?.title else {
                // Back outside every group: a section of its own, or the questions would stay under the last
                // group's condition (a section lasts until the next one).
                if currentSection != nil { sections.append(("Continuación", nil)); currentSection = sections.count - 1 }
                return
            }
            let conditions = real.compactMap(\.condition)
            sections.append((title, conditions.isEmpty ? nil : conditions.count == 1 ? conditions[0] : conditions.map { "(\($0))" }.joined(separator: " y ")))
            currentSection = sections.count - 1
            if let name = real.last?.name { sectionTranslations[sections.count - 1] = groupTranslations[name] }
        }
        let rows = sheets.survey
        var cascades: [(list: String, column: String, question: String, line: Int)] = []
        for (position, row) in rows.enumerated() {
            let type = row["type"].split(separator: " ").map(String.init)
            guard let base = type.first?.lowercased() else { continue }
            let name = row["name"]
            let label = pipes(labelColumn.map { row[$0] } ?? "")
            let relevantText = Self.withoutGuards(row["relevant"], guards)
            if repeatDepth > 0 {
                if base == "begin_repeat" || base == "begin" && type.count > 1 && type[1] == "repeat" { repeatDepth += 1 }
                if base == "end_repeat" || base == "end" && type.count > 1 && type[1] == "repeat" { repeatDepth -= 1 }
                continue
            }
            switch base {
            case "begin_group", "begin" where type.count == 1 || type[1] == "group":
                let condition = relevantText.isEmpty ? nil : expression(relevantText, own: nil, line: row.line, column: "relevant")
                // A field-list group of one list's select_one, named <group>_<row>: a grid.
                var children: [XLSFormSheets.Row] = []
                for later in rows[(position + 1)...] {
                    if later["type"].hasPrefix("end_group") || later["type"] == "end group" { break }
                    children.append(later)
                }
                let childLists = Set(children.map { $0["type"] })
                let isGrid = row["appearance"].contains("field-list") && !children.isEmpty && childLists.count == 1 && (childLists.first?.hasPrefix("select_one ") ?? false)
                    && children.allSatisfy { $0["name"].hasPrefix(name + "_") }
                if isGrid, let list = childLists.first?.split(separator: " ").last.map(String.init) {
                    let id = ids[name] ?? Self.id(name)
                    var question = Question(line: row.line, id: id, name: name, kind: "matriz de \(listName(list))")
                    question.label = label
                    question.translations = translations(row, "label", in: sheets.surveyColumns)
                    question.relevant = condition
                    question.guidance = guidanceColumn.map { row[$0] } ?? ""
                    question.section = currentSection
                    question.modifiers = specialsAllowed(list: list, lists: lists, specialName: specialName)
                    questions.append(question)
                    gridIndex = questions.count - 1
                    groupStack.append((name, label, nil, true))
                } else {
                    groupTranslations[name] = translations(row, "label", in: sheets.surveyColumns)
                    groupStack.append((name, label.isEmpty ? name : label, condition, false))
                    openSection()
                }
            case "end_group", "end" where type.count == 1 || type[1] == "group":
                if groupStack.popLast()?.grid == true { gridIndex = nil } else { openSection() }
            case "begin_repeat", "begin" where type.count > 1 && type[1] == "repeat":
                // A roster counted by an earlier number question with a top (`repeat_count = ${personas}`,
                // `entero 1..6`) is `repetir 6 veces según personas`; a repeat the user extends at will is not.
                let count = row["repeat_count"]
                if openRepeat == nil, count.hasPrefix("${"), count.hasSuffix("}"), let counter = ids[String(count.dropFirst(2).dropLast())],
                   let top = questions.last(where: { $0.id == counter }).flatMap({ Self.top(of: $0.kind) }), top >= 1, top <= 50 {
                    openRepeat = (questions.count, "repetir \(top) veces según \(counter)")
                    note("survey", row.line, "el grupo que se repite «\(name)» pasó a «repetir \(top) veces según \(counter)»: sus respuestas se guardan en una columna por persona (…_1, …_2), no en filas aparte",
                         "the repeat «\(name)» became «repetir \(top) veces según \(counter)»: its answers are kept in one column per person (…_1, …_2), not in separate rows")
                } else {
                    repeatDepth = 1
                    note("survey", row.line, "el grupo que se repite «\(name)» y sus preguntas no se convirtieron: «repetir» necesita un número de veces dado por una pregunta anterior con máximo (repeat_count = ${pregunta}, entero 1..N)",
                         "the repeat «\(name)» and its questions were not converted: «repetir» needs a count given by an earlier question with a maximum (repeat_count = ${question}, entero 1..N)")
                }
            case "end_repeat", "end" where type.count > 1 && type[1] == "repeat":
                if let open = openRepeat, questions.count > open.start {
                    questions[open.start].blockStart = open.line
                    questions[questions.count - 1].blockEnd = true
                }
                openRepeat = nil
            case "start", "end", "today", "deviceid", "phonenumber", "simserial", "subscriberid", "email", "audit", "start-geopoint", "background-audio", "username", "instanceid":
                continue  // metadata: Sondeo records start, end, mode and interviewer itself
            case "calculate" where name == "disposicion_final" || labelHelpers[name] != nil:
                continue
            case "text" where name == XLSFormExport.caseNumberField || sampleFields[name] != nil:
                continue
            default:
                guard let id = ids[name] else { continue }
                if let grid = gridIndex, base == "select_one" {
                    let rowID = String(name.dropFirst(questions[grid].name.count + 1))
                    questions[grid].rows.append((Self.id(rowID), label, relevantText.isEmpty ? nil : expression(relevantText, own: nil, line: row.line, column: "relevant")))
                    questions[grid].rowTranslations[Self.id(rowID)] = translations(row, "label", in: sheets.surveyColumns)
                    if questions[grid].modifiers.isEmpty, !(row["required"].lowercased().hasPrefix("y") || row["required"].lowercased().hasPrefix("t")) {
                        questions[grid].modifiers.append("opcional")
                    }
                    continue
                }
                guard var question = self.question(row, type: type, id: id, label: label, lists: lists, specialName: specialName) else { continue }
                question.section = currentSection
                if question.kind == "calcular" {
                    guard let formula = expression(row["calculation"], own: nil, line: row.line, column: "calculation") else { continue }
                    question.kind = "calcular " + formula
                }
                if !relevantText.isEmpty { question.relevant = expression(relevantText, own: nil, line: row.line, column: "relevant") }
                question.hint = hintColumn.map { row[$0] } ?? ""
                question.translations = translations(row, "label", in: sheets.surveyColumns)
                question.hintTranslations = translations(row, "hint", in: sheets.surveyColumns)
                question.guidance = guidanceColumn.map { row[$0] } ?? ""
                let required = row["required"].lowercased()
                if !(required.hasPrefix("y") || required.hasPrefix("t")) && !["nota", "calcular"].contains(where: { question.kind.hasPrefix($0) }) { question.modifiers.append("opcional") }
                if let filter = choiceFilter(row["choice_filter"], line: row.line, translation: &translation) {
                    question.kind += " donde " + filter
                    let sides = filter.components(separatedBy: " = ")
                    if type.count > 1, sides.count == 2 { cascades.append((list: type[1], column: sides[0], question: sides[1], line: row.line)) }
                }
                var rangeMessageDropped = false
                let rest = Self.constraint(row, into: &question, rangeMessageDropped: &rangeMessageDropped)
                if rangeMessageDropped {
                    note("survey", row.line, "la restricción de «\(name)» es un rango y pasó al tipo (\(question.kind)); su mensaje no se conservó (Sondeo muestra el rango)",
                         "the constraint of «\(name)» is a range and went into the type (\(question.kind)); its message was not kept")
                }
                if let rest, let condition = expression(rest, own: question.id, line: row.line, column: "constraint") {
                    let message = messageColumn.map { row[$0] } ?? ""
                    question.validations.append((condition, message.isEmpty ? nil : message))
                }
                // A fixed default is `inicial`; one computed by XPath (today(), ${x}) has no counterpart.
                let fixed = row["default"]
                if !fixed.isEmpty {
                    if fixed.contains("(") || fixed.contains("$") {
                        note("survey", row.line, "el valor por defecto de «\(name)» («\(fixed)») no se convirtió: «inicial» toma un valor escrito o una respuesta entre llaves",
                             "the default of «\(name)» («\(fixed)») was not converted: «inicial» takes a written value or an answer in braces")
                    } else {
                        question.initial = fixed
                    }
                }
                if let trigger = row.cells["trigger"], !trigger.isEmpty, row["calculation"] == trigger, trigger.hasPrefix("${"), trigger.hasSuffix("}") {
                    question.initial = pipes(trigger)
                }
                questions.append(question)
            }
        }
        // A cascade's column that holds the names of the earlier question's options (`region = centro`,
        // as Kobo writes them) holds their codes once those names are numbered.
        for cascade in cascades {
            guard let codes = questionCodes[cascade.question], var choices = lists[cascade.list] else { continue }
            var unknown: [String] = []
            for (index, choice) in choices.enumerated() {
                for (column, value) in choice.values where Self.id(column) == cascade.column && Double(value) == nil {
                    if let code = codes[value] { choices[index].values[column] = String(code) } else if !unknown.contains(value) { unknown.append(value) }
                }
            }
            lists[cascade.list] = choices
            if !unknown.isEmpty {
                note("choices", choices.first?.line ?? cascade.line, "la columna «\(cascade.column)» de la lista «\(cascade.list)» tiene valores que no son opciones de «\(cascade.question)» (\(unknown.prefix(4).joined(separator: ", "))): esas opciones no aparecerán",
                     "column «\(cascade.column)» of list «\(cascade.list)» has values that are not options of «\(cascade.question)» (\(unknown.prefix(4).joined(separator: ", "))): those options will not show")
            }
        }
        // Jumps from Sondeo's own export: on the last question the ending's condition names.
        for ending in endings {
            let named = questions.indices.last { index in ending.condition.contains(questions[index].id) }
            if let named { questions[named].jumps.append("si \(ending.condition) → terminar \(ending.disposition)") }
        }
        return (write(settings: settings, specials: specials, lists: lists, listOrder: listOrder, codesOf: codesOf, questions: questions, sections: sections,
                      specialName: specialName), notes)
    }

    /// The list's name in the `.encuesta` (a `_ns`/`_nr` copy made by Sondeo's export is its base list).
    func listName(_ list: String) -> String {
        var name = list
        for suffix in ["_nr", "_ns"] where name.hasSuffix(suffix) { name = String(name.dropLast(suffix.count)) }
        let id = Self.id(name)
        return questionIDs.contains(id) ? id + "_opciones" : id
    }

    func specialsAllowed(list: String, lists: [String: [Choice]], specialName: (Choice) -> String?) -> [String] {
        let names = (lists[list] ?? []).compactMap(specialName)
        return names.isEmpty ? [] : ["permite " + names.joined(separator: " ")]
    }

    mutating func question(_ row: XLSFormSheets.Row, type: [String], id: String, label: String, lists: [String: [Choice]], specialName: (Choice) -> String?) -> Question? {
        var q = Question(line: row.line, id: id, name: row["name"], kind: "")
        q.label = label
        let base = type[0].lowercased()
        switch base {
        case "select_one", "select1", "select_multiple":
            guard type.count > 1, let choices = lists[type[1]] else {
                note("survey", row.line, "la lista de «\(row["name"])» no está en la hoja choices", "the list of «\(row["name"])» is not in the choices sheet")
                return nil
            }
            let list = type[1]
            let regular = choices.filter { specialName($0) == nil }
            let numbers = regular.compactMap { Int($0.name) }
            if base != "select_multiple", list == "sino_xlsform" {
                q.kind = "sino"
            } else if base != "select_multiple", numbers.count == regular.count, numbers.count >= 5, let low = numbers.first, let high = numbers.last,
                      numbers == Array(low...high), regular.dropFirst().dropLast().allSatisfy({ $0.label == $0.name }) {
                // A numbered scale (Sondeo writes `escala_0_10`): the end labels follow the numbers.
                func endLabel(_ c: Choice) -> String { c.label.hasPrefix(c.name + " ") ? String(c.label.dropFirst(c.name.count + 1)) : (c.label == c.name ? "" : c.label) }
                let a = endLabel(regular.first!), b = endLabel(regular.last!)
                q.kind = "escala \(low)..\(high)" + (a.isEmpty && b.isEmpty ? "" : " \(Self.quoted(a)) .. \(Self.quoted(b))")
            } else {
                q.kind = (base == "select_multiple" ? "varias de " : "una de ") + listName(list)
            }
            q.modifiers += specialsAllowed(list: list, lists: lists, specialName: specialName)
            if row["parameters"].replacingOccurrences(of: " ", with: "").contains("randomize=true") { q.modifiers.append("opciones al azar") }
            if type.contains("or_other") {
                note("survey", row.line, "«or_other» de «\(row["name"])»: la lista «\(list)» tiene una opción «Otro» marcada [otro], que pregunta «¿cuál?» en «\(id)_otro»",
                     "«or_other» of «\(row["name"])»: list «\(list)» has an «Otro» option marked [otro], asking «¿cuál?» in «\(id)_otro»")
            }
        case "integer": q.kind = "entero"
        case "decimal": q.kind = "decimal"
        case "range":
            let parameters = Dictionary(row["parameters"].split(separator: " ").compactMap { part -> (String, Double)? in
                let kv = part.split(separator: "=")
                guard kv.count == 2, let v = Double(kv[1]) else { return nil }
                return (String(kv[0]), v)
            }, uniquingKeysWith: { a, _ in a })
            let low = parameters["start"] ?? 1, high = parameters["end"] ?? 10, step = parameters["step"] ?? 1
            q.kind = step == 1 ? "escala \(PlainNumber.text(low))..\(PlainNumber.text(high))" : "decimal \(PlainNumber.text(low))..\(PlainNumber.text(high))"
        case "text": q.kind = "texto"
        case "date": q.kind = "fecha"
        case "note": q.kind = "nota"
        case "calculate":
            q.kind = "calcular"
        case "time": q.kind = "hora"
        case "datetime", "datetime-local": q.kind = "fecha y hora"
        case "rank":
            guard type.count > 1, lists[type[1]] != nil else {
                note("survey", row.line, "la lista de «\(row["name"])» no está en la hoja choices", "the list of «\(row["name"])» is not in the choices sheet")
                return nil
            }
            q.kind = "ordenar " + listName(type[1])
            note("survey", row.line, "«\(row["name"])» (rank) pasó a «ordenar»: el orden se guarda en una columna por lugar (\(id)_1, \(id)_2, …), no en una sola",
                 "«\(row["name"])» (rank) became «ordenar»: the order is kept in one column per place (\(id)_1, \(id)_2, …), not in one")
        default:
            note("survey", row.line, "«\(row["name"])» (\(type.joined(separator: " "))) no se convirtió: ese tipo no está en el lenguaje (fotos, GPS, archivos, códigos de barras y firmas no se recogen en Sondeo)",
                 "«\(row["name"])» (\(type.joined(separator: " "))) was not converted: the language has no such type")
            return nil
        }
        return q
    }

    /// `col = ${q}` (and Sondeo's own `(col = ${q}) or name = '98'`) as `col = q`.
    mutating func choiceFilter(_ text: String, line: Int, translation: inout XPathTranslation) -> String? {
        guard !text.isEmpty else { return nil }
        var filter = text
        if filter.hasPrefix("("), let range = filter.range(of: ") or name = ") { filter = String(filter[filter.index(after: filter.startIndex)..<range.lowerBound]) }
        // The column is a choice's own field, written bare: `municipio = ${ciudad}`.
        let pieces = filter.components(separatedBy: "=").map { $0.trimmingCharacters(in: .whitespaces) }
        translation.own = nil
        if pieces.count == 2, !pieces[0].isEmpty, pieces[0].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }), let value = try? translation.source(pieces[1]) {
            return "\(Self.id(pieces[0])) = \(value)"
        }
        note("survey", line, "«choice_filter» no se convirtió: solo se convierte «columna = ${pregunta}» («\(text)»)", "«choice_filter» was not converted: only «column = ${question}» is («\(text)»)")
        return nil
    }

    /// The constraint: a numeric range (`. >= a and . <= b`) goes into the type, `or . = 98` into
    /// `permite`, exclusivity and maximum of a `select_multiple` into the list and `máximo`, the rest into
    /// `validar` with the message: what is left for it is returned.
    static func constraint(_ row: XLSFormSheets.Row, into q: inout Question, rangeMessageDropped: inout Bool) -> String? {
        var text = row["constraint"]
        guard !text.isEmpty else { return nil }
        // «(…) or . = 98 or . = 99»: NS/NR that the range lets through, from Sondeo's export.
        if let range = text.range(of: ") or . = "), text.hasPrefix("(") {
            text = String(text[text.index(after: text.startIndex)..<range.lowerBound])
        }
        var terms = conjuncts(text)
        if q.kind == "entero" || q.kind == "decimal" {
            var low: String?, high: String?
            terms.removeAll { term in
                let t = term.replacingOccurrences(of: " ", with: "")
                if t.hasPrefix(".>="), Double(t.dropFirst(3)) != nil { low = String(t.dropFirst(3)); return true }
                if t.hasPrefix(".<="), Double(t.dropFirst(3)) != nil { high = String(t.dropFirst(3)); return true }
                return false
            }
            if let low, let high {
                q.kind += " \(low)..\(high)"
                // Sondeo's own export says «Debe estar entre a y b.», which the range says again.
                let messages = row.cells.filter { $0.key == "constraint_message" || $0.key.hasPrefix("constraint_message::") }.map(\.value)
                if terms.isEmpty, messages.contains(where: { !$0.hasPrefix("Debe estar entre ") }) { rangeMessageDropped = true }
            } else if low != nil || high != nil {
                terms += [low.map { ". >= \($0)" }, high.map { ". <= \($0)" }].compactMap { $0 }
            }
        }
        if q.kind.hasPrefix("varias") {
            terms.removeAll { term in
                let t = term.replacingOccurrences(of: " ", with: "")
                if t.hasPrefix("count-selected(.)<="), let n = Int(t.dropFirst("count-selected(.)<=".count)) { q.modifiers.append("máximo \(n)"); return true }
                // (not(selected(., 'c')) or count-selected(.) = 1): c alone.
                if t.hasPrefix("not(selected(.,'"), t.hasSuffix("))orcount-selected(.)=1") {
                    let code = t.dropFirst("not(selected(.,'".count).prefix { $0 != "'" }
                    if let c = Int(code), !q.modifiers.contains(where: { $0.hasPrefix("permite") }) || c < 90 { q.modifiers.append("exclusiva \(c)") }
                    return true
                }
                return false
            }
        }
        guard !terms.isEmpty else { return nil }
        return terms.count == 1 ? terms[0] : terms.map { "(\($0))" }.joined(separator: " and ")
    }

    // MARK: Text helpers

    /// The top-level «and» terms of an XPath text, each without its outer parentheses.
    static func conjuncts(_ text: String) -> [String] {
        var terms: [String] = []
        var depth = 0, start = text.startIndex, i = text.startIndex
        var quote: Character?
        while i < text.endIndex {
            let c = text[i]
            if let q = quote { if c == q { quote = nil } } else if c == "'" || c == "\"" { quote = c } else if c == "(" { depth += 1 } else if c == ")" { depth -= 1 }
            if quote == nil, depth == 0, text[i...].hasPrefix(" and ") {
                terms.append(String(text[start..<i]))
                i = text.index(i, offsetBy: 5)
                start = i
                continue
            }
            i = text.index(after: i)
        }
        terms.append(String(text[start...]))
        return terms.map { stripParentheses($0.trimmingCharacters(in: .whitespaces)) }.filter { !$0.isEmpty }
    }

    /// `(x)` → `x` when the parentheses enclose the whole text.
    static func stripParentheses(_ text: String) -> String {
        guard text.hasPrefix("("), text.hasSuffix(")") else { return text }
        var depth = 0
        for (offset, c) in text.enumerated() {
            if c == "(" { depth += 1 } else if c == ")" { depth -= 1 }
            if depth == 0 && offset < text.count - 1 { return text }
        }
        return stripParentheses(String(text.dropFirst().dropLast()))
    }

    /// A relevance without the guards Sondeo's export added for a `→ terminar` (they become jumps again).
    static func withoutGuards(_ text: String, _ guards: Set<String>) -> String {
        guard !guards.isEmpty, !text.isEmpty else { return text }
        let kept = conjuncts(text).filter { !guards.contains($0) }
        return kept.count == 1 ? kept[0] : kept.map { "(\($0))" }.joined(separator: " and ")
    }

    /// The first and the last argument of `if(a, b, c)`, as written.
    static func firstArgument(of call: String) -> String { arguments(of: call).first ?? "" }
    static func lastArgument(of call: String) -> String { arguments(of: call).last ?? "" }

    static func arguments(of call: String) -> [String] {
        guard let open = call.firstIndex(of: "("), call.hasSuffix(")") else { return [] }
        let inner = call[call.index(after: open)..<call.index(before: call.endIndex)]
        var parts: [String] = [], depth = 0, current = ""
        var quote: Character?
        for c in inner {
            if let q = quote { if c == q { quote = nil } } else if c == "'" || c == "\"" { quote = c } else if c == "(" { depth += 1 } else if c == ")" { depth -= 1 }
            if quote == nil, depth == 0, c == "," { parts.append(current.trimmingCharacters(in: .whitespaces)); current = ""; continue }
            current.append(c)
        }
        parts.append(current.trimmingCharacters(in: .whitespaces))
        return parts
    }

    // MARK: Writing

    func write(settings: XLSFormSheets.Row?, specials: [(name: String, code: Int, label: String)], lists: [String: [Choice]], listOrder: [String],
               codesOf: [String: [String: Int]], questions: [Question], sections: [(title: String, condition: String?)],
               specialName: (Choice) -> String?) -> String {
        var out = "# Convertido de \((source as NSString).lastPathComponent) con «sondeo questionnaire import»: revise las notas de la conversión.\n"
        let id = Self.id(settings?["form_id"].isEmpty == false ? settings!["form_id"] : (source as NSString).deletingPathExtension.components(separatedBy: "/").last ?? "formulario")
        let title = settings?["form_title"].isEmpty == false ? settings!["form_title"] : id
        out += "encuesta \(id) \(Self.quoted(title))\n"
        out += "versión \(settings?["version"].isEmpty == false ? settings!["version"] : "1")\n"
        out += "modos presencial, web\n"
        if languageCodes.count > 1 { out += "idiomas " + languageCodes.joined(separator: ", ") + "\n" }
        if !specials.isEmpty { out += "especiales " + specials.map { "\($0.name) = \($0.code) \(Self.quoted($0.label))" }.joined(separator: ", ") + "\n" }
        out += "\n"
        // Lists the questions use, once each (Sondeo's `_ns` copies and its `sino_xlsform` and `escala_…` lists are not written).
        let used = Set(questions.compactMap { q -> String? in
            let words = q.kind.split(separator: " ")
            if words.count >= 2, words[0] == "ordenar" { return String(words[1]) }
            guard words.count >= 3, ["una", "varias", "matriz"].contains(words[0]), words[1] == "de" else { return nil }
            return String(words[2])
        })
        var written = Set<String>()
        for list in listOrder {
            let name = listName(list)
            guard used.contains(name), !written.contains(name) else { continue }
            written.insert(name)
            let codes = codesOf[list] ?? [:]
            let choices = (lists[list] ?? []).filter { specialName($0) == nil }
            let otherCode = (codes.values.max() ?? 0) + 1
            let others = questions.contains { q in q.kind.hasSuffix(" " + name) || q.kind.contains(" \(name) donde") } && questionsWithOther.contains(list)
            var lines = choices.map { choice -> String in
                var attributes: [String] = []
                for (column, value) in choice.values.sorted(by: { $0.key < $1.key }) {
                    if let number = Double(value) { attributes.append("\(Self.id(column)) = \(PlainNumber.text(number))") }
                }
                let label = choice.label.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "|", with: "/")
                let translated = self.others.compactMap { other in choice.translations[other.code].map { " @\(other.code) " + $0.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "|", with: "/") } }.joined()
                return "\(codes[choice.name] ?? 0) \(label)\(translated)" + (attributes.isEmpty ? "" : " [\(attributes.joined(separator: ", "))]")
            }
            if others { lines.append("\(otherCode) Otro [otro]") }
            out += "lista \(name):\n" + lines.map { "  " + $0 + "\n" }.joined()
        }
        out += "\n"
        var section: Int?
        for q in questions {
            if q.section != section, let s = q.section {
                out += "\nsección \(Self.quoted(sections[s].title))" + (sectionTranslations[s] ?? [:]).sorted { $0.key < $1.key }.map { " @\($0.key) \(Self.quoted($0.value))" }.joined() + "\n"
                if let condition = sections[s].condition { out += "  mostrar si \(condition)\n" }
            }
            section = q.section
            if let start = q.blockStart { out += start + "\n" }
            out += "\(q.id): \(q.kind)" + (q.modifiers.isEmpty ? "" : ", " + q.modifiers.joined(separator: ", ")) + "\n"
            if q.kind != "calcular" || !q.label.isEmpty { if !q.label.isEmpty { out += "  \(Self.quoted(q.label))\n" } }
            for (code, text) in q.translations.sorted(by: { $0.key < $1.key }) { out += "  @\(code) \(Self.quoted(text))\n" }
            if !q.hint.isEmpty { out += "  ayuda \(Self.quoted(q.hint))" + q.hintTranslations.sorted { $0.key < $1.key }.map { " @\($0.key) \(Self.quoted($0.value))" }.joined() + "\n" }
            if let initial = q.initial { out += "  inicial \(Self.quoted(initial))\n" }
            if !q.guidance.isEmpty { out += "  [encuestador] \(q.guidance.replacingOccurrences(of: "\n", with: " "))\n" }
            for row in q.rows {
                let translated = (q.rowTranslations[row.id] ?? [:]).sorted { $0.key < $1.key }.map { " @\($0.key) \(Self.quoted($0.value))" }.joined()
                out += "  - \(row.id) \(Self.quoted(row.text))\(translated)" + (row.condition.map { " si \($0)" } ?? "") + "\n"
            }
            if let relevant = q.relevant { out += "  mostrar si \(relevant)\n" }
            for (condition, message) in q.validations { out += "  validar \(condition)" + (message.map { " " + Self.quoted($0) } ?? "") + "\n" }
            for jump in q.jumps { out += "  \(jump)\n" }
            if q.blockEnd { out += "fin repetir\n" }
        }
        return out
    }

    /// Lists used by a question with `or_other`.
    var questionsWithOther: Set<String> {
        Set(sheets.survey.compactMap { row in
            let type = row["type"].split(separator: " ").map(String.init)
            return type.contains("or_other") && type.count > 1 ? type[1] : nil
        })
    }

    /// The maximum of a number question's kind as written (`entero 1..6` → 6).
    static func top(of kind: String) -> Int? {
        guard kind.hasPrefix("entero "), let range = kind.split(separator: " ").dropFirst().first else { return nil }
        return range.components(separatedBy: "..").last.flatMap { Int($0) }
    }

    /// A language's code from its column name: `English (en)` → `en`; else its first two letters.
    static func languageCode(_ name: String) -> String {
        if let open = name.lastIndex(of: "("), let close = name.lastIndex(of: ")"), open < close {
            let code = name[name.index(after: open)..<close].lowercased()
            if code.count == 2 { return code }
        }
        return String(Suggestion.fold(name).prefix(2))
    }
}
