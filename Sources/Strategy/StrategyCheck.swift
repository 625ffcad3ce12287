import Diagnostics
import Foundation
import Segmentation
import Table

/// `sondeo strategy check`: everything wrong with a strategy, located, and what it adds up to — the
/// tactical plan's total budget and, with the affiliate base, how many affiliates its segment holds.
/// With the base, the segment's expression and the indicators' columns are checked against it.
public struct StrategyCheck: Sendable {
    /// The channels an activity can use (the ones Confa reaches its affiliates by).
    public static let channels = ["correo", "whatsapp", "sms", "llamada", "presencial", "web", "redes sociales", "carta", "evento", "app"]
    /// The measures an indicator can be: a share, a mean, an NPS or CSAT of a column of the segment, or PQRSL cases.
    public static let measures = ["proporcion", "media", "nps", "csat"]
    /// The modes a measurement survey can be answered by (steps 39–40).
    public static let modes = ["telefono", "web", "presencial", "correo", "whatsapp", "sms"]

    public let problems: [StrategyProblem]
    /// The sum of the activities' budgets, in pesos.
    public let budget: Double
    /// Affiliates in the segment and in the base, when the base was given.
    public let segmentSize: Int?
    public let baseRows: Int?
    /// What the base says today of each `proporción`/`media` indicator in the segment (a share in %,
    /// or a mean): the baseline as the data has it, beside the one written.
    public let measured: [String: Double]
    /// The segment's expression: as written, or the saved segment's.
    public let segmentExpression: String?
    /// Per row of the base, whether it is in the segment (when the base was given and the segment reads).
    public let segmentMask: [Bool]?

    /// `segments`: the saved segments a `segmento guardado` names (nil: none to look in).
    public init(_ file: StrategyFile, base: Table? = nil, segments: SegmentDefinitions? = nil) {
        var problems = file.problems
        let path = file.path
        func add(_ kind: StrategyProblem.Kind, _ line: Int?, field: String? = nil, text: String? = nil) {
            problems.append(StrategyProblem(kind, file: path, line: line, field: field, text: text))
        }
        if file.id == nil { add(.missingField(what: L("la estrategia", "the strategy"), field: "estrategia id \"título\""), 1) }
        for name in StrategyFile.requiredFields where file.fields[name] == nil {
            add(.missingField(what: L("la estrategia", "the strategy"), field: name), file.id == nil ? 1 : nil)
        }
        var segment = file.fields["segmento"]
        switch (file.fields["segmento"], file.fields["segmento guardado"]) {
        case (nil, nil): add(.missingField(what: L("la estrategia", "the strategy"), field: "segmento"), nil)
        case (_?, let saved?): add(.twoSegments, saved.line, field: "segmento guardado", text: saved.text)
        case (nil, let saved?):
            if let found = segments?.segments.first(where: { $0.name == saved.value }) {
                segment = StrategyFile.Field(value: found.expression, line: saved.line, text: saved.text)
            } else {
                add(.unknownSegment(saved.value, file: segments?.path ?? "segmentos.txt", suggestion: Suggestion.closest(to: saved.value, among: segments?.segments.map(\.name) ?? [])),
                    saved.line, field: "segmento guardado", text: saved.text)
            }
        default: break
        }
        self.segmentExpression = segment?.value
        func checkPeriod(_ period: StrategyFile.Field?, _ name: String) {
            guard let period else { return }
            let parts = period.value.components(separatedBy: " a ").map { $0.trimmingCharacters(in: .whitespaces) }
            let days = parts.map(CivilDate.init(parsing:))
            if parts.count != 2 {
                add(.badDate(period.value), period.line, field: name, text: period.text)
            } else if let bad = zip(parts, days).first(where: { $0.1 == nil }) {
                add(.badDate(bad.0), period.line, field: name, text: period.text)
            } else if days[1]! < days[0]! {
                add(.endsBeforeStart(start: parts[0], end: parts[1]), period.line, field: name, text: period.text)
            }
        }
        checkPeriod(file.fields["vigencia"], "vigencia")
        var segmentSize: Int?
        var mask: [Bool]?
        if let segment {
            do {
                let expression = try ExpressionParser.parse(segment.value)
                if let base {
                    let unknown = expression.columnNames.filter { base[$0] == nil }.sorted()
                    for column in unknown {
                        add(.unknownColumn(column, suggestion: Suggestion.closest(to: column, among: base.columnNames)), segment.line, field: "segmento", text: segment.text)
                    }
                    if unknown.isEmpty {
                        let result = try ExpressionEvaluator.filter(segment.value, on: base)
                        mask = result.mask
                        let size = result.count
                        segmentSize = size
                        if size == 0 { add(.emptySegment(segment.value), segment.line, field: "segmento", text: segment.text) }
                    }
                }
            } catch {
                add(.badSegment(error.message(Language.current)), segment.line, field: "segmento", text: segment.text)
            }
        }
        if file.activities.isEmpty { add(.noActivities, nil) }
        var budget = 0.0
        var names = Set<String>()
        for activity in file.activities {
            if !names.insert(StrategyFile.fold(activity.name)).inserted { add(.repeatedName(activity.name), activity.line) }
            for name in StrategyFile.activityFields where activity.fields[name] == nil {
                add(.missingField(what: L("la actividad «\(activity.name)»", "activity «\(activity.name)»"), field: name), activity.line)
            }
            if let channel = activity.fields["canal"] {
                for one in channel.value.split(separator: ",").map({ StrategyFile.fold(String($0).trimmingCharacters(in: .whitespaces)) }) where !Self.channels.contains(one) {
                    add(.unknownChannel(one, valid: Self.channels, suggestion: Suggestion.closest(to: one, among: Self.channels)), channel.line, field: "canal", text: channel.text)
                }
            }
            if let amount = activity.fields["presupuesto"] {
                if let pesos = Self.pesos(amount.value) { budget += pesos } else { add(.badAmount(amount.value), amount.line, field: "presupuesto", text: amount.text) }
            }
        }
        var ids = Set<String>()
        var measured: [String: Double] = [:]
        for indicator in file.indicators {
            if !ids.insert(indicator.id).inserted { add(.repeatedName(indicator.id), indicator.line) }
            for name in StrategyFile.indicatorFields where indicator.fields[name] == nil {
                add(.missingField(what: L("el indicador «\(indicator.id)»", "indicator «\(indicator.id)»"), field: name), indicator.line)
            }
            for name in ["linea base", "meta"] {
                if let field = indicator.fields[name], Self.number(field.value) == nil {
                    add(.badNumber(field: name == "linea base" ? "línea base" : name, text: field.value), field.line, field: name, text: field.text)
                }
            }
            checkPeriod(indicator.fields["periodo"], "periodo")
            if let measure = indicator.fields["medida"], let words = Self.caseWords(measure.value) {
                switch CaseMeasure.parse(words) {
                case .failure(let problem): add(.badCaseMeasure(problem), measure.line, field: "medida", text: measure.text)
                case .success: break
                }
            } else if let period = indicator.fields["periodo"] {
                add(.periodNotForCases(indicator: indicator.id), period.line, field: "periodo", text: period.text)
            }
            if let measure = indicator.fields["medida"] {
                switch Self.measure(measure.value) {
                case nil: add(.badMeasure(measure.value), measure.line, field: "medida", text: measure.text)
                case (let kind, let column?)? where base != nil && base![column] == nil && !(file.measurement != nil && ["nps", "csat"].contains(kind)):
                    // An NPS or CSAT the measurement asks for is a question of the survey, not a column of the base.
                    add(.unknownColumn(column, suggestion: Suggestion.closest(to: column, among: base!.columnNames)), measure.line, field: "medida", text: measure.text)
                case (let kind, let column?)? where ["proporcion", "media"].contains(kind):
                    if let values = base?[column]?.numbers, let mask { measured[indicator.id] = IndicatorCoding.value(kind, values, mask, column: column)?.value }
                default: break
                }
            }
        }
        problems += Self.measurementProblems(file, base: base)
        self.problems = problems.sorted { ($0.line ?? 0) < ($1.line ?? 0) }
        segmentMask = mask
        self.budget = budget
        self.segmentSize = segmentSize
        baseRows = base?.rowCount
        self.measured = measured
    }

    /// What is wrong with the measurement plan (steps 39–40) and the indicators' margins.
    static func measurementProblems(_ file: StrategyFile, base: Table?) -> [StrategyProblem] {
        var problems: [StrategyProblem] = []
        func add(_ kind: StrategyProblem.Kind, _ field: StrategyFile.Field?, name: String? = nil, line: Int? = nil) {
            problems.append(StrategyProblem(kind, file: file.path, line: field?.line ?? line, field: name, text: field?.text))
        }
        func percent(_ name: String, within range: ClosedRange<Double>, _ shown: String) {
            guard let field = file.measurement?.fields[name] else { return }
            guard let value = number(field.value) else { return add(.badNumber(field: StrategyProblem.shown(name), text: field.value), field, name: name) }
            if !range.contains(value) { add(.outOfRange(field: StrategyProblem.shown(name), text: field.value, range: shown), field, name: name) }
        }
        var margins = 0
        for indicator in file.indicators {
            guard let margin = indicator.fields["margen"] else { continue }
            margins += 1
            if file.measurement == nil { add(.marginWithoutMeasurement(indicator: indicator.id), margin, name: "margen") }
            if indicator.fields["medida"].flatMap({ measure($0.value) })?.column == nil && indicator.fields["medida"] != nil {
                add(.notSurveyMeasure(indicator: indicator.id), margin, name: "margen")
            }
            if Self.margin(margin.value) == nil { add(.badNumber(field: "margen", text: margin.value), margin, name: "margen") }
        }
        guard let plan = file.measurement else { return problems }
        for name in StrategyFile.measurementRequired where plan.fields[name] == nil {
            add(.missingField(what: L("la medición", "the measurement"), field: name), nil, line: plan.line)
        }
        if margins == 0 { add(.measurementWithoutMargin, nil, line: plan.line) }
        percent("respuesta esperada", within: 0.1...100, L("0,1 % y 100 %", "0.1 % and 100 %"))
        percent("confianza", within: 50...99.9, L("50 % y 99,9 %", "50 % and 99.9 %"))
        if let field = plan.fields["efecto de diseno"] {
            if let value = number(field.value) {
                if value <= 0 || value > 20 { add(.outOfRange(field: "efecto de diseño", text: field.value, range: L("0 y 20", "0 and 20")), field, name: "efecto de diseno") }
            } else { add(.badNumber(field: "efecto de diseño", text: field.value), field, name: "efecto de diseno") }
        }
        if let field = plan.fields["modo"] {
            for mode in field.value.split(separator: ",").map({ StrategyFile.fold(String($0).trimmingCharacters(in: .whitespaces)) }) where !modes.contains(mode) {
                add(.unknownMode(mode, valid: modes, suggestion: Suggestion.closest(to: mode, among: modes)), field, name: "modo")
            }
        }
        if let field = plan.fields["estratos"], let base, base[field.value] == nil {
            add(.unknownColumn(field.value, suggestion: Suggestion.closest(to: field.value, among: base.columnNames)), field, name: "estratos")
        }
        return problems
    }

    /// Pesos as Colombians write them: `2.500.000`, `$ 2.500.000`, `2500000`, `1.250.000,50`.
    public static func pesos(_ text: String) -> Double? {
        var t = text.replacingOccurrences(of: "$", with: "").replacingOccurrences(of: "COP", with: "").replacingOccurrences(of: " ", with: "")
        guard !t.isEmpty, t.range(of: #"^\d{1,3}(\.\d{3})*(,\d{1,2})?$|^\d+(,\d{1,2})?$"#, options: .regularExpression) != nil else { return nil }
        t = t.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".")
        return Double(t).flatMap { $0 >= 0 ? $0 : nil }
    }

    /// A number or a percentage (`8 %`, `8%`, `32`, `4,2`): its value as written (8 for 8 %).
    public static func number(_ text: String) -> Double? {
        Double(text.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: ",", with: ".").trimmingCharacters(in: .whitespaces))
    }

    /// An indicator's `margen:` as written (`5 puntos`, `0,4`): a positive number, or nil.
    public static func margin(_ text: String) -> Double? {
        number(text.replacingOccurrences(of: "puntos", with: "")).flatMap { $0 > 0 ? $0 : nil }
    }

    /// `proporción usa_recreacion` → ("proporcion", "usa_recreacion"); `casos pqrsl …` → ("casos pqrsl", nil)
    /// (whether the words after it read is ``caseMeasure(_:)``'s).
    public static func measure(_ text: String) -> (kind: String, column: String?)? {
        let words = text.split(separator: " ").map(String.init)
        if caseWords(text) != nil { return ("casos pqrsl", nil) }
        guard words.count == 2, measures.contains(StrategyFile.fold(words[0])) else { return nil }
        return (StrategyFile.fold(words[0]), words[1])
    }

    /// The words after «casos pqrsl», or nil when the measure does not count cases.
    static func caseWords(_ text: String) -> [String]? {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        guard words.count >= 2, StrategyFile.fold(words[0]) == "casos", StrategyFile.fold(words[1]) == "pqrsl" else { return nil }
        return Array(words.dropFirst(2))
    }

    /// `casos pqrsl queja reclamo servicio recreacion`: the cases it counts, when it reads.
    public static func caseMeasure(_ text: String) -> CaseMeasure? {
        caseWords(text).flatMap { try? CaseMeasure.parse($0).get() }
    }

    /// `2027-02-01 a 2027-12-15` (a `vigencia:` or an indicator's `periodo:`): its first and last days.
    public static func period(_ text: String) -> (CivilDate, CivilDate)? {
        let days = text.components(separatedBy: " a ").map { CivilDate(parsing: $0.trimmingCharacters(in: .whitespaces)) }
        guard days.count == 2, let start = days[0], let end = days[1], start <= end else { return nil }
        return (start, end)
    }
}
