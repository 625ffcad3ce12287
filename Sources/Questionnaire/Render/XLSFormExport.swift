import Foundation

/// The questionnaire as an XLSForm (the survey, choices and settings sheets) that KoboToolbox and ODK
/// accept, each sheet a CSV text; also the single-CSV layout pyxform reads (`xls2xform form.csv`).
///
/// Mapping: `una de` → select_one, `varias de` → select_multiple, `escala a..b` → select_one of a
/// generated list, `entero`/`decimal` with a range constraint, `matriz` → a field-list group with one
/// select_one per row, `calcular` → calculate, sections → groups. `mostrar si` → relevant, `validar` →
/// constraint, jumps → the relevance of the items they skip, `advertir` → hint (XLSForm has no soft
/// checks), `[encuestador]` instructions → guidance_hint. A question that allows NS/NR uses a copy of its
/// list with those codes; in a `varias de` they, like `exclusiva` options, must be chosen alone. A piped
/// single-choice answer reads as its label (a calculate with `jr:choice-name`); a date compared with a
/// date written as text compares dates.
public enum XLSFormExport {
    public struct Sheets: Sendable {
        public var survey: String
        public var choices: String
        public var settings: String
        /// All three sheets in pyxform's one-file CSV layout.
        public var combined: String
        /// The three sheets as rows of cells (header first), for a workbook (`formulario.xlsx`).
        public var workbook: [(name: String, rows: [[String]])]
    }

    /// `mode`: whose wording and which `modo` the form has (a respondent's web form by default; `presencial`
    /// or `telefono` for interviewers with ODK Collect).
    public static func render(_ q: QuestionnaireFile, mode: Mode = .web) -> Sheets {
        let specials = Dictionary(q.specials.map { ($0.name, $0.code) }, uniquingKeysWith: { a, _ in a })
        var survey: [[String]] = []
        var choices: [[String]] = []
        var emitted = Set<String>()
        // A scale's choices list by its range, end labels and specials: two 0–10 scales with different end
        // labels get two lists (`escala_0_10`, `escala_0_10_2`); each list's end labels in other languages.
        var scaleLists: [String: String] = [:]
        var scaleEnds: [String: (low: Int, high: Int, translations: [String: (low: String, high: String)])] = [:]
        var columns: [String] = []
        for l in q.lists { for c in l.columns where !columns.contains(c) { columns.append(c) } }
        var filters: [Int: String] = [:]
        var defaults: [Int: String] = [:], triggers: [Int: String] = [:]
        // NS/NR have no column values: they stay offered beside the filtered options, as in Sondeo.
        func choiceFilter(_ f: ChoiceFilter, _ item: Item) -> String {
            let condition = "\(f.column) = \(f.value.xpath(specials: specials, mode: mode))"
            let codes = q.specials.filter { item.allowedSpecials.contains($0.name) }.map { "name = '\($0.code)'" }
            return codes.isEmpty ? condition : "(\(condition)) or " + codes.joined(separator: " or ")
        }
        func list(_ name: String, withSpecials names: [String]) -> String {
            let id = names.isEmpty ? name : name + "_" + names.map { $0.lowercased() }.joined(separator: "_")
            guard !emitted.contains(id) else { return id }
            emitted.insert(id)
            // The list's extra columns (`[municipio = 17001]`), which a choice_filter names.
            for o in q.list(name)?.options ?? [] { choices.append([id, String(o.code), o.label] + columns.map { o.values[$0].map(format) ?? "" }) }
            for s in q.specials where names.contains(s.name) { choices.append([id, String(s.code), s.label]) }
            return id
        }
        // The relevance each item gets from the jumps before it.
        var skipped = [[String]](repeating: [], count: q.items.count)
        let indices = q.itemIndices()
        for (index, item) in q.items.enumerated() {
            for jump in item.jumps {
                let guardText = "not(\(jump.condition.xpath(specials: specials, mode: mode)))"
                let end: Int
                switch jump.target {
                case .end: end = q.items.count
                case .go(let id): end = indices[id] ?? q.items.count
                }
                if index + 1 < end { for j in (index + 1)..<end { skipped[j].append(guardText) } }
            }
        }
        // Single-choice answers piped into a text read as their label, as in Sondeo: ODK pipes the code, so
        // each gets a calculate `<id>_etiqueta` = jr:choice-name(…) right after it, and the text pipes that.
        let pipes = q.items.flatMap { item in
            ([item.text(for: mode) ?? item.mainText ?? "", item.initial ?? ""] + item.rows.map(\.text)).flatMap { QuestionnaireFile.pipes(in: $0) }
        }
        let piped = Set(pipes.map(\.name))
        // `{id|texto}`: the alternative when unanswered or NS/NR goes into that calculate too (the first
        // one written, when a question is piped with several).
        var fallbacks: [String: String] = [:]
        for p in pipes { if let f = p.fallback, fallbacks[p.name] == nil { fallbacks[p.name] = f } }
        let labelled = Set(q.items.filter { item in
            if case .single = item.type, piped.contains(item.id) { return true }
            return fallbacks[item.id] != nil
        }.map(\.id))
        func labelCalculation(_ item: Item) -> String {
            let value: String
            if case .single = item.type { value = "jr:choice-name(${\(item.id)}, '${\(item.id)}')" } else { value = "${\(item.id)}" }
            guard let fallback = fallbacks[item.id] else { return value }
            let missing = ["string-length(${\(item.id)}) = 0"] + q.specials.filter { item.allowedSpecials.contains($0.name) }.map { "${\(item.id)} = \($0.code)" }
            return "if(\(missing.joined(separator: " or ")), '\(fallback.replacingOccurrences(of: "'", with: "’"))', \(value))"
        }
        // `{_encuestador}`: ODK's `username` metadata (the name set in Collect), piped like an answer;
        // `{_modo}`: the export's mode.
        if piped.contains("_encuestador") { survey.append(["username", Self.interviewerField, "", "", "", "", "", "", "", "", ""]) }
        // `{_radicado}`: the PQRSL case number Sondeo puts in from the case; in ODK the interviewer types it first.
        if piped.contains("_radicado") {
            survey.append(["text", Self.caseNumberField, "Número de radicado de la PQRSL", "Lo escribe el encuestador antes de llamar, tal como está en el caso.", "yes", "", "", "", "", "", ""])
        }
        // `{_muestra.campo}`: the case's sample column; ODK has no sample, so the interviewer types it first.
        var sampleFields: [String: String] = [:]
        // `{_muestra.campo|texto}`: the column may be blank, so the field is optional and a calculate puts the
        // alternative in its place, as Sondeo does when the sample has no value.
        for name in piped.sorted() where name.hasPrefix(QuestionnaireFile.samplePrefix) {
            let field = String(name.dropFirst(QuestionnaireFile.samplePrefix.count)), id = Self.sampleFieldPrefix + field
            if let fallback = fallbacks[name] {
                survey.append(["text", id, Self.sampleFieldLabel + field, "Lo escribe el encuestador, tal como está en la muestra; si la muestra no lo trae, déjelo vacío.",
                               "", "", "", "", "", "", ""])
                let alternative = fallback.replacingOccurrences(of: "'", with: "’")
                survey.append(["calculate", id + "_etiqueta", "", "", "", "", "", "", "if(string-length(${\(id)}) = 0, '\(alternative)', ${\(id)})", "", ""])
                sampleFields[name] = "${\(id)_etiqueta}"
            } else {
                survey.append(["text", id, Self.sampleFieldLabel + field, "Lo escribe el encuestador, tal como está en la muestra.", "yes", "", "", "", "", "", ""])
                sampleFields[name] = "${\(id)}"
            }
        }
        func pipe(_ text: String) -> String {
            let system = ["_encuestador": "${\(Self.interviewerField)}", "_modo": mode.label, "_radicado": "${\(Self.caseNumberField)}"].merging(sampleFields) { a, _ in a }
            return Self.pipe(text, labelled: labelled, system: system)
        }
        func label(_ item: Item) -> String { pipe(item.text(for: mode) ?? item.mainText ?? item.id) }
        var openSection: Int?
        var guidance: [Int: String] = [:]
        for (index, item) in q.items.enumerated() {
            if let s = item.section, s != openSection {
                if openSection != nil { survey.append(["end_group", "", "", "", "", "", "", "", "", "", ""]) }
                survey.append(["begin_group", "seccion_\(s + 1)", q.sections[s].title, "", "", q.sections[s].condition?.xpath(specials: specials, mode: mode) ?? "", "", "", "", "", ""])
                openSection = s
            }
            // Each part in parentheses: «a = 1 o b = 1» joined with a jump's guard must stay one term
            // (XPath's «and» binds tighter than «or»).
            let parts = [item.condition?.xpath(specials: specials, mode: mode)].compactMap { $0 } + skipped[index]
            let relevant = parts.count > 1 ? parts.map { "(\($0))" }.joined(separator: " and ") : (parts.first ?? "")
            // NS/NR codes the question allows are answers too: a range or a «validar» must let them through.
            let specialCodes = q.specials.filter { item.allowedSpecials.contains($0.name) }.map { ". = \($0.code)" }
            func allowingSpecials(_ constraint: String) -> String {
                constraint.isEmpty || specialCodes.isEmpty ? constraint : "(\(constraint)) or " + specialCodes.joined(separator: " or ")
            }
            let required = item.optional ? "" : "yes"
            let constraint = item.validations.map { "(\($0.condition.xpath(own: item.id, specials: specials, mode: mode)))" }.joined(separator: " and ")
            let constraintMessage = item.validations.compactMap(\.message).joined(separator: " ")
            // The respondent's help, then what `advertir` would have asked to confirm.
            let hint = ([item.help].compactMap { $0 } + item.warnings.compactMap(\.message)).joined(separator: " ")
            // ODK shuffles every choice of a list: with options Sondeo keeps in place («Ninguna» exclusive, «Otro»,
            // NS/NR) the form keeps the written order and tells the interviewer to vary it.
            var pinned: [String] = []
            if item.randomizeOptions {
                let list: String? = { switch item.type { case .single(let l), .multiple(let l): return l; default: return nil } }()
                pinned = (list.flatMap(q.list)?.options.filter { $0.exclusive || $0.other || item.exclusive.contains($0.code) }.map(\.label) ?? [])
                    + q.specials.filter { item.allowedSpecials.contains($0.name) }.map(\.label)
            }
            let randomize = item.randomizeOptions && pinned.isEmpty ? "randomize=true" : ""
            if !pinned.isEmpty {
                guidance[survey.count] = "Lea las opciones en un orden distinto en cada entrevista, con " + pinned.map { "«\($0)»" }.joined(separator: ", ") + " al final."
            }
            switch item.type {
            case .single(let l):
                if let f = item.choiceFilter { filters[survey.count] = choiceFilter(f, item) }
                survey.append(["select_one \(list(l, withSpecials: item.allowedSpecials))", item.id, label(item), hint, required, relevant, constraint, constraintMessage, "", "", randomize])
            case .multiple(let l):
                var c = constraint
                if let m = item.maximum { c = (c.isEmpty ? "" : c + " and ") + "count-selected(.) <= \(m)" }
                // Alone when chosen: the question's `exclusiva`, the list's `[exclusiva]` options and NS/NR
                // (in Sondeo a «No sabe» is an answer of its own, never one more option).
                let alone = item.exclusive + (q.list(l)?.options.filter(\.exclusive).map(\.code) ?? [])
                    + q.specials.filter { item.allowedSpecials.contains($0.name) }.map(\.code)
                var seenAlone = Set<Int>()
                for e in alone where seenAlone.insert(e).inserted {
                    c = (c.isEmpty ? "" : c + " and ") + "(not(selected(., '\(e)')) or count-selected(.) = 1)"
                }
                if let f = item.choiceFilter { filters[survey.count] = choiceFilter(f, item) }
                survey.append(["select_multiple \(list(l, withSpecials: item.allowedSpecials))", item.id, label(item), hint, required, relevant, c, constraintMessage, "", "", randomize])
            case .yesNo:
                if !emitted.contains("sino_xlsform") { emitted.insert("sino_xlsform"); choices += [["sino_xlsform", "1", "Sí"], ["sino_xlsform", "2", "No"]] }
                survey.append(["select_one sino_xlsform", item.id, label(item), hint, required, relevant, constraint, constraintMessage, "", "", ""])
            case .scale(let low, let high, let a, let b):
                let base = "escala_\(low)_\(high)" + item.allowedSpecials.map { "_" + $0.lowercased() }.joined()
                let key = [base, a ?? "", b ?? ""].joined(separator: "\u{1F}")
                let id = scaleLists[key] ?? {
                    let taken = Set(scaleLists.values)
                    let fresh = taken.contains(base) ? (2...).lazy.map { "\(base)_\($0)" }.first { !taken.contains($0) }! : base
                    scaleLists[key] = fresh
                    return fresh
                }()
                if !emitted.contains(id) {
                    emitted.insert(id)
                    scaleEnds[id] = (low, high, item.scaleLabelTranslations)
                    for v in low...high {
                        let text = v == low ? "\(v) \(a ?? "")" : (v == high ? "\(v) \(b ?? "")" : String(v))
                        choices.append([id, String(v), text.trimmingCharacters(in: .whitespaces)])
                    }
                    for s in q.specials where item.allowedSpecials.contains(s.name) { choices.append([id, String(s.code), s.label]) }
                }
                survey.append(["select_one \(id)", item.id, label(item), hint, required, relevant, constraint, constraintMessage, "", "likert", ""])
            case .integer(let low, let high), .decimal(let low, let high):
                var c = constraint
                if let low, let high { c = (c.isEmpty ? "" : c + " and ") + ". >= \(format(low)) and . <= \(format(high))" }
                c = allowingSpecials(c)
                let type = { if case .integer = item.type { return "integer" } else { return "decimal" } }()
                let message = constraintMessage.isEmpty && low != nil ? "Debe estar entre \(format(low!)) y \(format(high ?? low!))." : constraintMessage
                survey.append([type, item.id, label(item), hint, required, relevant, c, message, "", "", ""])
            case .text:
                // A pattern-checked text is one line (ODK's «numbers» keyboard for digits); an open answer, several.
                let appearance = item.shortText.map { $0.keyboard == "numeric" ? "numbers" : "" } ?? "multiline"
                survey.append(["text", item.id, label(item), hint, required, relevant, constraint, constraintMessage, "", appearance, ""])
            case .date: survey.append(["date", item.id, label(item), hint, required, relevant, constraint, constraintMessage, "", "", ""])
            case .time: survey.append(["time", item.id, label(item), hint, required, relevant, constraint, constraintMessage, "", "", ""])
            case .dateTime: survey.append(["dateTime", item.id, label(item), hint, required, relevant, constraint, constraintMessage, "", "", ""])
            case .note: survey.append(["note", item.id, label(item), "", "", relevant, "", "", "", "", ""])
            case .calculated(let e): survey.append(["calculate", item.id, "", "", "", "", "", "", e.xpath(specials: specials, mode: mode), "", ""])
            case .grid(let l):
                let listId = list(l, withSpecials: item.allowedSpecials)
                if !item.instructions.isEmpty { guidance[survey.count] = item.instructions.joined(separator: " ") }
                survey.append(["begin_group", item.id, label(item), "", "", relevant, "", "", "", "field-list", ""])
                for row in item.rows {
                    survey.append(["select_one \(listId)", item.variable(of: row), pipe(row.text), "", required, row.condition?.xpath(specials: specials, mode: mode) ?? "", "", "", "", "", ""])
                }
                survey.append(["end_group", "", "", "", "", "", "", "", "", "", ""])
            }
            // `inicial`: a fixed value is ODK's default; a text with answers or sample columns in it is set
            // whenever one of them gets its value (a trigger on each) — one reference alone as it is, several
            // (or words around them, or an alternative `{x|texto}`) as a concat(), as Sondeo writes it.
            if let initial = item.initial, let row = survey.lastIndex(where: { $0[1] == item.id }) {
                let references = QuestionnaireFile.pipes(in: initial)
                func source(_ name: String) -> String {
                    name.hasPrefix(QuestionnaireFile.samplePrefix) ? "${\(Self.sampleFieldPrefix + name.dropFirst(QuestionnaireFile.samplePrefix.count))}" : "${\(name)}"
                }
                if references.isEmpty {
                    defaults[row] = initial
                } else if references.count == 1, initial.hasPrefix("{"), initial.hasSuffix("}"), !initial.contains("|") {
                    survey[row][8] = source(references[0].name)
                    triggers[row] = source(references[0].name)
                } else {
                    survey[row][8] = Self.concatenation(initial) { name, fallback in
                        // A labelled answer's calculate already holds its alternative.
                        if labelled.contains(name) { return "${\(name)_etiqueta}" }
                        let value = source(name)
                        return fallback.map { "if(string-length(\(value)) = 0, '\($0.replacingOccurrences(of: "'", with: "’"))', \(value))" } ?? value
                    }
                    var seen = Set<String>()
                    triggers[row] = references.map { source($0.name) }.filter { seen.insert($0).inserted }.joined(separator: ", ")
                }
            }
            if labelled.contains(item.id) {
                survey.append(["calculate", item.id + "_etiqueta", "", "", "", "", "", "", labelCalculation(item), "", ""])
            }
            // The interviewer's instructions (`[encuestador] …`): ODK's guidance hint, shown to whoever fills
            // the form in (Collect's «Show guidance for questions»), never read as the question.
            if !item.instructions.isEmpty, case .grid = item.type {} else if !item.instructions.isEmpty, let row = survey.lastIndex(where: { $0[1] == item.id }) {
                guidance[row] = item.instructions.joined(separator: " ") + (guidance[row].map { " " + $0 } ?? "")
            }
        }
        if openSection != nil { survey.append(["end_group", "", "", "", "", "", "", "", "", "", ""]) }
        // How the interview ended, as Sondeo records it: the first «→ terminar» whose condition holds, else
        // `completa` (ODK ends the form by relevance but would keep no disposition).
        let endings = q.items.flatMap { item in
            item.jumps.compactMap { jump -> (String, String)? in
                guard case .end(let disposition) = jump.target else { return nil }
                return (jump.condition.xpath(specials: specials, mode: mode), disposition)
            }
        }
        if !endings.isEmpty {
            let calculation = endings.reversed().reduce("'completa'") { rest, ending in "if(\(ending.0), '\(ending.1)', \(rest))" }
            survey.append(["calculate", Self.dispositionField, "", "", "", "", "", "", calculation, "", ""])
        }
        // A choice_filter column only when a question filters its options (pyxform refuses nothing, but
        // a form without cascades keeps the sheet it always had).
        survey = survey.enumerated().map { $1 + [guidance[$0] ?? ""] + (filters.isEmpty ? [] : [filters[$0] ?? ""])
            + (defaults.isEmpty ? [] : [defaults[$0] ?? ""]) + (triggers.isEmpty ? [] : [triggers[$0] ?? ""]) }
        var surveyHeader = ["type", "name", "label", "hint", "required", "relevant", "constraint", "constraint_message", "calculation", "appearance", "parameters",
                            "guidance_hint"] + (filters.isEmpty ? [] : ["choice_filter"]) + (defaults.isEmpty ? [] : ["default"]) + (triggers.isEmpty ? [] : ["trigger"])
        choices = choices.map { $0.count < 3 + columns.count ? $0 + Array(repeating: "", count: 3 + columns.count - $0.count) : $0 }
        var choicesHeader = ["list_name", "name", "label"] + columns
        // `idiomas es, en`: one label (and hint) column per language, named as ODK names them.
        if q.languages.count > 1 {
            let others = Array(q.languages.dropFirst())
            let first = Self.languageName(q.languages[0])
            surveyHeader[2] = "label::" + first
            surveyHeader[3] = "hint::" + first
            surveyHeader[7] = "constraint_message::" + first
            surveyHeader[11] = "guidance_hint::" + first
            // Messages and instructions have no translations: the other languages repeat them.
            surveyHeader += others.map { "label::" + Self.languageName($0) } + others.map { "hint::" + Self.languageName($0) }
                + others.map { "constraint_message::" + Self.languageName($0) } + others.map { "guidance_hint::" + Self.languageName($0) }
            // Each row's question, looked up once: a grid row's variable names its grid and row.
            let itemIndex = q.itemIndices()
            var gridRows: [String: GridRow] = [:]
            for item in q.items { for gridRow in item.rows { gridRows[item.variable(of: gridRow)] = gridRow } }
            survey = survey.map { row in
                let name = row[1]
                var labels: [String: String] = [:], hints: [String: String] = [:], messages: [String: String] = [:]
                if row[0] == "begin_group", name.hasPrefix("seccion_"), let s = Int(name.dropFirst("seccion_".count)).map({ $0 - 1 }), q.sections.indices.contains(s) {
                    labels = q.sections[s].translations
                } else if let item = itemIndex[name].map({ q.items[$0] }) {
                    labels = item.translations
                    for language in others { if let own = item.modeTranslations[language]?[mode] { labels[language] = own } }
                    hints = item.helpTranslations
                    for language in others {
                        let translated = item.validations.compactMap { $0.translations[language] ?? $0.message }
                        if !translated.isEmpty { messages[language] = translated.joined(separator: " ") }
                    }
                } else if let gridRow = gridRows[name] {
                    labels = gridRow.translations
                }
                // A text without its translation reads in the first language rather than empty.
                return row + others.map { labels[$0].map(pipe) ?? row[2] } + others.map { hints[$0] ?? row[3] } + others.map { messages[$0] ?? row[7] } + others.map { _ in row[11] }
            }
            choicesHeader[2] = "label::" + Self.languageName(q.languages[0])
            choicesHeader += others.map { "label::" + Self.languageName($0) }
            choices = choices.map { row in
                let base = q.lists.first { row[0] == $0.id || row[0].hasPrefix($0.id + "_") }
                let option = base?.options.first { String($0.code) == row[1] }
                return row + others.map { language in
                    if let ends = scaleEnds[row[0]], let words = ends.translations[language], let v = Int(row[1]), v == ends.low || v == ends.high {
                        return "\(v) \(v == ends.low ? words.low : words.high)"
                    }
                    return option?.translations[language] ?? (row[0] == "sino_xlsform" ? Self.yesNo(language, row[1]) : nil)
                        ?? q.specials.first { String($0.code) == row[1] }?.translations[language] ?? row[2]
                }
            }
        }
        let settingsHeader = ["form_title", "form_id", "version", "default_language"]
        let settings = [[q.title ?? "", q.id ?? "", q.version ?? "", Self.languageName(q.languages.first ?? "es")]]
        func csv(_ rows: [[String]]) -> String { rows.map { $0.map(cell).joined(separator: ",") }.joined(separator: "\n") + "\n" }
        func block(_ name: String, _ header: [String], _ rows: [[String]]) -> [[String]] {
            [[name] + header.map { _ in "" }] + ([header] + rows).map { [""] + $0 }
        }
        return Sheets(survey: csv([surveyHeader] + survey), choices: csv([choicesHeader] + choices), settings: csv([settingsHeader] + settings),
                      combined: csv(block("survey", surveyHeader, survey) + block("choices", choicesHeader, choices) + block("settings", settingsHeader, settings)),
                      workbook: [("survey", [surveyHeader] + survey), ("choices", [choicesHeader] + choices), ("settings", [settingsHeader] + settings)])
    }

    /// A language as ODK columns name it: `Español (es)`, `English (en)`.
    public static func languageName(_ code: String) -> String { "\(nativeName(code)) (\(code))" }

    /// A language named in itself, for people choosing it: `Español`, `English` (the code when unknown).
    public static func nativeName(_ code: String) -> String {
        ["es": "Español", "en": "English", "fr": "Français", "pt": "Português", "de": "Deutsch", "it": "Italiano"][code] ?? code
    }

    /// «Sí»/«No» of the built-in yes/no list in another language (English; other languages keep the code).
    static func yesNo(_ language: String, _ code: String) -> String {
        language == "en" ? (code == "1" ? "Yes" : "No") : ""
    }

    /// The field with the interview's disposition (`→ terminar` or `completa`).
    static let dispositionField = "disposicion_final"

    /// The field that holds ODK's `username` metadata, for `{_encuestador}`.
    static let interviewerField = "encuestador_nombre"

    /// The question where the interviewer types the PQRSL case number, for `{_radicado}`.
    static let caseNumberField = "radicado_caso"

    /// The questions where the interviewer types a sample column, for `{_muestra.campo}`: `muestra_campo`.
    static let sampleFieldPrefix = "muestra_"
    static let sampleFieldLabel = "Dato de la muestra: "

    /// `{x}` becomes `${x}`, or `${x_etiqueta}` for a single-choice answer in `labelled`; a system value
    /// what `system` gives it, or nothing.
    static func pipe(_ text: String, labelled: Set<String> = [], system: [String: String] = [:]) -> String {
        QuestionnaireFile.replacingPipes(in: text) { name in
            name.hasPrefix("_") ? (system[name] ?? "") : (labelled.contains(name) ? "${\(name)_etiqueta}" : "${\(name)}")
        }
    }

    /// A text with references as an XPath `concat()`: the words as quoted strings, each reference as
    /// `value(name, fallback)` gives it.
    static func concatenation(_ text: String, _ value: (String, String?) -> String) -> String {
        let marker: Character = "\u{1}"
        var expressions: [String] = []
        let marked = QuestionnaireFile.replacingPipes(in: text) { name, fallback in
            expressions.append(value(name, fallback))
            return "\(marker)\(expressions.count - 1)\(marker)"
        }
        var parts: [String] = []
        for (i, piece) in marked.split(separator: marker, omittingEmptySubsequences: false).enumerated() where !piece.isEmpty {
            parts.append(i % 2 == 1 ? expressions[Int(piece)!] : "'\(piece.replacingOccurrences(of: "'", with: "’"))'")
        }
        return parts.count == 1 ? parts[0] : "concat(\(parts.joined(separator: ", ")))"
    }

    static func cell(_ text: String) -> String {
        text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }

    static func format(_ x: Double) -> String { x == x.rounded() ? String(Int(x)) : String(x) }
}
