import Diagnostics

/// A position in a questionnaire file (1-based line and column).
public struct TextPosition: Sendable, Equatable, Comparable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (a: TextPosition, b: TextPosition) -> Bool { (a.line, a.column) < (b.line, b.column) }
}

/// A parsed `.encuesta` file: the header, the answer lists and the items in order.
public struct QuestionnaireFile: Sendable {
    public var id: String?
    public var title: String?
    /// `encuesta id "Título" @en "Title"`.
    public var titleTranslations: [String: String] = [:]
    public var version: String?
    public var modes: [Mode] = []
    /// `idiomas es, en`: the language of the texts first, then those of the translations (`@en "…"`).
    public var languages: [String] = []
    public var specials: [SpecialCode] = []
    public var lists: [AnswerList] = []
    public var sections: [Section] = []
    public var items: [Item] = []
    public var headerPosition = TextPosition(line: 1, column: 1)
    /// `parcial desde N %`: from which share of the applicable questions answered an unfinished
    /// interview is partial (AAPOR 1.2) rather than a break-off; nil leaves the default (50 %).
    public var partialFrom: Double?
    /// Where the `versión` line is, for messages about the version number.
    public var versionPosition: TextPosition?
    /// The lines of `repetir` blocks: their items are checked once per copy, and a mistake is said once.
    public var repeatedLines: [ClosedRange<Int>] = []
    /// The `repetir` blocks as written, for the long export (one row per copy asked).
    public var repeats: [RepeatGroup] = []

    /// The list of that name.
    public func list(_ name: String) -> AnswerList? { lists.first { $0.id == name } }

    /// The position of each item by its id (the first, when an id repeats): for passes over every jump,
    /// which must not search the items once per jump.
    public func itemIndices() -> [String: Int] {
        Dictionary(items.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The item of that id.
    public func item(_ id: String) -> Item? { items.first { $0.id == id } }
}

/// Where a questionnaire is applied: each may have its own wording.
public enum Mode: String, Sendable, CaseIterable {
    case telefono, presencial, web

    /// The mode a person typed, with or without accents or capitals: «Teléfono», «telefono».
    public init?(folding text: String) { self.init(rawValue: String(Suggestion.fold(text))) }

    public var label: String {
        switch self {
        case .telefono: return "teléfono"
        case .presencial: return "presencial"
        case .web: return "web"
        }
    }
}

/// A "no sabe / no responde" code declared once in the header: `NS = 98 "No sabe"`.
public struct SpecialCode: Sendable, Equatable {
    public var name: String
    public var code: Int
    public var label: String
    public var position: TextPosition
    /// `NS = 98 "No sabe" @en "Don't know"`.
    public var translations: [String: String] = [:]
}

/// Reusable answer options with explicit codes.
public struct AnswerList: Sendable {
    public struct Option: Sendable, Equatable {
        public var code: Int
        public var label: String
        public var exclusive = false
        /// `[otro]`: choosing it asks «¿cuál?» in a text question of its own (``Item/otherOf``).
        public var other = false
        /// `1 Sí @en Yes`: the label in another language.
        public var translations: [String: String] = [:]
        /// `[municipio = 17001]`: the option's values in the list's extra columns, which a question's
        /// `donde municipio = ciudad` filters on (cascading choices).
        public var values: [String: Double] = [:]
        public var position: TextPosition
    }

    public var id: String
    public var options: [Option]
    public var position: TextPosition

    /// The extra columns its options carry (`[municipio = 17001]`), in the order first written.
    public var columns: [String] {
        var seen: [String] = []
        for option in options { for key in option.values.keys.sorted() where !seen.contains(key) { seen.append(key) } }
        return seen
    }
}

/// `una de sedes donde municipio = ciudad`: only the options whose `column` equals the value of
/// `value` (an expression over earlier answers) are offered — cascading choices, XLSForm's choice_filter.
public struct ChoiceFilter: Sendable {
    public var column: String
    public var value: Expression
    public var position: TextPosition
}

/// A titled group of items, optionally shown only under a condition.
public struct Section: Sendable {
    public var title: String
    /// `sección "Título" @en "Title"`.
    public var translations: [String: String] = [:]
    public var condition: Expression?
    /// Index of the first item of the section in ``QuestionnaireFile/items``.
    public var firstItem: Int
    public var position: TextPosition
}

/// What kind of answer an item takes.
public enum ItemType: Sendable {
    case single(list: String)
    case multiple(list: String)
    case scale(low: Int, high: Int, lowLabel: String?, highLabel: String?)
    case integer(low: Double?, high: Double?)
    case decimal(low: Double?, high: Double?)
    case text
    case date
    /// `hora`: a time of day, stored `hh:mm` (24 hours).
    case time
    /// `fecha y hora`: stored `aaaa-mm-ddThh:mm`, Colombian time.
    case dateTime
    case yesNo
    case note
    case calculated(Expression)
    case grid(list: String)

    /// Whether it is a grid (`matriz de`): one variable per row.
    public var isGrid: Bool { if case .grid = self { return true } else { return false } }

    /// The keyword, for messages and exports.
    public var keyword: String {
        switch self {
        case .single: return "una"
        case .multiple: return "varias"
        case .scale: return "escala"
        case .integer: return "entero"
        case .decimal: return "decimal"
        case .text: return "texto"
        case .date: return "fecha"
        case .time: return "hora"
        case .dateTime: return "fecha_hora"
        case .yesNo: return "sino"
        case .note: return "nota"
        case .calculated: return "calcular"
        case .grid: return "matriz"
        }
    }
}

/// A question (or note, calculated value or grid) and everything said about it.
public struct Item: Sendable {
    public var id: String
    public var type: ItemType
    public var position: TextPosition
    /// Where the list's name is written (`una de NOMBRE`), for a message about the list.
    public var listPosition: TextPosition?
    /// Unprefixed text under `nil`, per-mode texts under their mode.
    public var texts: [(mode: Mode?, text: String, position: TextPosition)] = []
    public var instructions: [String] = []
    /// `ayuda "…"`: a hint for whoever answers (under the question on the web, said on request by phone).
    public var help: String?
    /// `@en "…"`: the question's text in another language of `idiomas`, by language.
    public var translations: [String: String] = [:]
    /// `[teléfono] @en "…"`: a mode's own text in another language.
    public var modeTranslations: [String: [Mode: String]] = [:]
    /// `ayuda "…" @en "…"`: the help in another language.
    public var helpTranslations: [String: String] = [:]
    /// `@en extremos "Not at all" .. "Very much"`: a scale's end labels in another language.
    public var scaleLabelTranslations: [String: (low: String, high: String)] = [:]
    /// `inicial "…"`: the answer offered before anyone answers (a sample column, an earlier answer, a
    /// fixed value), which the respondent or interviewer confirms or changes.
    public var initial: String?
    public var condition: Expression?
    public var validations: [Rule] = []
    public var warnings: [Rule] = []
    public var jumps: [Jump] = []
    public var optional = false
    public var allowedSpecials: [String] = []
    public var randomizeRows = false
    public var randomizeOptions = false
    public var maximum: Int?
    public var exclusive: [Int] = []
    public var rows: [GridRow] = []
    /// The section this item belongs to (index into ``QuestionnaireFile/sections``), if any.
    public var section: Int?
    /// For the «¿cuál?» text that follows a choice question whose list has an `[otro]` option
    /// (`servicio_otro` after `servicio`): that question's id. The parser writes these items.
    public var otherOf: String?
    /// `donde columna = expresión` after the list's name: which options are offered.
    public var choiceFilter: ChoiceFilter?
    /// `ordenar LISTA hasta n` while it is being read; the parser then writes one question per place.
    var rankPlaces: Int??

    /// The unprefixed text, else the first one.
    public var mainText: String? { texts.first { $0.mode == nil }?.text ?? texts.first?.text }

    /// The text for a mode: its own, else the unprefixed one.
    public func text(for mode: Mode) -> String? { texts.first { $0.mode == mode }?.text ?? texts.first { $0.mode == nil }?.text }
}

/// `validar EXPR "mensaje"` or `advertir EXPR "mensaje"`.
public struct Rule: Sendable {
    public var condition: Expression
    public var message: String?
    public var position: TextPosition
    /// `validar … "mensaje" @en "message"`.
    public var translations: [String: String] = [:]

    public init(condition: Expression, message: String?, position: TextPosition, translations: [String: String] = [:]) {
        self.condition = condition
        self.message = message
        self.position = position
        self.translations = translations
    }
}

/// `si EXPR → terminar D` or `si EXPR → ir a X`.
public struct Jump: Sendable {
    public enum Target: Sendable, Equatable { case end(disposition: String), go(to: String) }
    public var condition: Expression
    public var target: Target
    public var position: TextPosition
}

/// One row of a grid: `- id "texto" [si EXPR]`.
public struct GridRow: Sendable {
    public var id: String
    public var text: String
    /// `- id "texto" @en "text"`: the row's text in another language.
    public var translations: [String: String] = [:]
    public var condition: Expression?
    public var position: TextPosition
}

/// A condition or computation, with its source text for messages and exports.
public indirect enum Expression: Sendable {
    case number(Double, TextPosition)
    case text(String, TextPosition)
    case reference(String, TextPosition)
    case mode(TextPosition)
    case unary(String, Expression, TextPosition)
    case binary(String, Expression, Expression, TextPosition)
    case membership(Expression, [Expression], TextPosition)
    case includes(Expression, Int, TextPosition)
    case answered(Expression, TextPosition)
    case isSpecial(Expression, String, TextPosition)
    /// `dias(a, hoy())`: a function of the language (``Function``) and its arguments.
    case call(Function, [Expression], TextPosition)

    public var position: TextPosition {
        switch self {
        case .number(_, let p), .text(_, let p), .reference(_, let p), .mode(let p), .unary(_, _, let p),
             .binary(_, _, _, let p), .membership(_, _, let p), .includes(_, _, let p), .answered(_, let p), .isSpecial(_, _, let p),
             .call(_, _, let p):
            return p
        }
    }

    /// Every id the expression names, with where.
    public var references: [(id: String, position: TextPosition)] {
        switch self {
        case .reference(let id, let p): return [(id, p)]
        case .number, .text, .mode: return []
        case .unary(_, let e, _), .includes(let e, _, _), .answered(let e, _), .isSpecial(let e, _, _): return e.references
        case .binary(_, let a, let b, _): return a.references + b.references
        case .membership(let e, let items, _): return items.reduce(e.references) { $0 + $1.references }
        case .call(_, let arguments, _): return arguments.flatMap(\.references)
        }
    }
}
