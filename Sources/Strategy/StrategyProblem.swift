import Cases
import Diagnostics

/// What is wrong with a strategy file (procedure step 37), located at its line and field, in words the
/// profesional reads; `strategy check` lists them all, `approve` refuses while there is one.
public struct StrategyProblem: Diagnostic, Equatable {
    public enum Kind: Equatable, Sendable {
        /// A line that is none of the file's forms.
        case unknownLine(String)
        /// A field the strategy or an activity must have (procedure step 37's tactical plan).
        case missingField(what: String, field: String)
        case repeatedField(field: String)
        case badAmount(String)
        case badDate(String)
        case endsBeforeStart(start: String, end: String)
        case unknownChannel(String, valid: [String], suggestion: String?)
        case badSegment(String)
        case unknownColumn(String, suggestion: String?)
        case emptySegment(String)
        case badNumber(field: String, text: String)
        case repeatedName(String)
        case noActivities
        case badMeasure(String)
        /// `segmento guardado: x` not in the segments file (or no file), or both ways of giving the segment.
        case unknownSegment(String, file: String, suggestion: String?)
        case twoSegments
        /// A survey mode of the measurement plan that is none of ``StrategyCheck/modes``.
        case unknownMode(String, valid: [String], suggestion: String?)
        /// A number outside what the field allows (a response rate of 140 %).
        case outOfRange(field: String, text: String, range: String)
        /// `margen:` on an indicator of a strategy without a `medicion` block, or on one no survey measures.
        case marginWithoutMeasurement(indicator: String)
        case notSurveyMeasure(indicator: String)
        /// A `medicion` block and no indicator with the margin it should reach: nothing to size the sample by.
        case measurementWithoutMargin
        /// `casos pqrsl` followed by a word that is no kind of case, or `servicio` without one service.
        case badCaseMeasure(CaseMeasure.Problem)
        /// `periodo:` on an indicator that does not count cases (a survey measures it at the close).
        case periodNotForCases(indicator: String)
        /// An activity's channel that the segment hardly uses, by the contacts file (a warning).
        case rareChannel(activity: String, channel: String, observed: String, share: Double, source: String)
    }

    public let kind: Kind
    public let file: String
    public let line: Int?
    public let field: String?
    /// The source line, for the caret display.
    public let text: String?

    public init(_ kind: Kind, file: String, line: Int?, field: String? = nil, text: String? = nil) {
        self.kind = kind
        self.file = file
        self.line = line
        self.field = field
        self.text = text
    }

    public var code: String {
        switch kind {
        case .unknownLine: return "STRATEGY-001"
        case .missingField: return "STRATEGY-002"
        case .repeatedField: return "STRATEGY-003"
        case .badAmount: return "STRATEGY-004"
        case .badDate, .endsBeforeStart: return "STRATEGY-005"
        case .unknownChannel: return "STRATEGY-006"
        case .badSegment, .unknownColumn, .emptySegment: return "STRATEGY-007"
        case .badNumber, .badMeasure: return "STRATEGY-008"
        case .repeatedName: return "STRATEGY-009"
        case .noActivities: return "STRATEGY-010"
        case .unknownSegment, .twoSegments: return "STRATEGY-011"
        case .unknownMode, .outOfRange: return "STRATEGY-012"
        case .marginWithoutMeasurement, .notSurveyMeasure, .measurementWithoutMargin: return "STRATEGY-013"
        case .rareChannel: return "STRATEGY-015"
        case .badCaseMeasure, .periodNotForCases: return "STRATEGY-016"
        }
    }

    public var location: SourceLocation? { SourceLocation(source: file, line: line, column: text == nil ? nil : 1, field: field) }
    public var excerpt: (text: String, width: Int)? { text.map { ($0, max(1, $0.count)) } }

    /// The message, after the field it is about (`presupuesto: «dos millones» no es…`).
    public func message(_ language: Language) -> String {
        guard let field else { return text(language) }
        switch kind {
        case .badNumber, .endsBeforeStart, .unknownChannel, .badMeasure, .unknownSegment, .unknownMode, .outOfRange, .rareChannel, .badCaseMeasure: return text(language)   // they name it already
        default: break
        }
        return "\(Self.shown(field)): " + text(language)
    }

    /// A field's name as the file writes it (the parser folds accents away).
    static func shown(_ field: String) -> String {
        ["linea base": "línea base", "efecto de diseno": "efecto de diseño"][field] ?? field
    }

    func text(_ language: Language) -> String {
        let es = language == .es
        switch kind {
        case .unknownLine(let text):
            return es ? "no se entiende la línea «\(text)»: se espera «campo: valor», «actividad \"nombre\"», «indicador nombre \"texto\"» o «medición \"título\"»"
                      : "cannot read the line «\(text)»: expected «field: value», «actividad \"name\"», «indicador name \"text\"» or «medición \"title\"»"
        case .missingField(let what, let field):
            return es ? "\(what) no tiene «\(field)»" : "\(what) has no «\(field)»"
        case .repeatedField(let field):
            return es ? "«\(field)» aparece dos veces" : "«\(field)» appears twice"
        case .badAmount(let text):
            return es ? "«\(text)» no es un valor en pesos (por ejemplo 2.500.000 o $ 2.500.000)" : "«\(text)» is not an amount in pesos (e.g. 2.500.000 or $ 2.500.000)"
        case .badDate(let text):
            return es ? "«\(text)» no es una fecha (aaaa-mm-dd)" : "«\(text)» is not a date (yyyy-mm-dd)"
        case .endsBeforeStart(let start, let end):
            return es ? "la vigencia termina (\(end)) antes de empezar (\(start))" : "the period ends (\(end)) before it starts (\(start))"
        case .unknownChannel(let channel, let valid, let suggestion):
            return (es ? "el canal «\(channel)» no es uno de: \(valid.joined(separator: ", "))" : "channel «\(channel)» is not one of: \(valid.joined(separator: ", "))")
                + Suggestion.hint(suggestion, language)
        case .badSegment(let reason):
            return es ? "el segmento no es una expresión válida: \(reason)" : "the segment is not a valid expression: \(reason)"
        case .unknownColumn(let column, let suggestion):
            return (es ? "la base no tiene la columna «\(column)»" : "the base has no column «\(column)»") + Suggestion.hint(suggestion, language)
        case .emptySegment(let expression):
            return es ? "ningún afiliado de la base cumple «\(expression)»: el segmento está vacío" : "no affiliate of the base meets «\(expression)»: the segment is empty"
        case .badNumber(let field, let text):
            return es ? "\(field): «\(text)» no es un número ni un porcentaje" : "\(field): «\(text)» is not a number or a percentage"
        case .badMeasure(let text):
            return es ? "la medida «\(text)» no es «proporción COLUMNA», «media COLUMNA», «nps COLUMNA», «csat COLUMNA» ni «casos pqrsl [TIPO…] [servicio SERVICIO]»"
                      : "measure «\(text)» is not «proporción COLUMN», «media COLUMN», «nps COLUMN», «csat COLUMN» or «casos pqrsl [TYPE…] [servicio SERVICE]»"
        case .repeatedName(let name):
            return es ? "«\(name)» está dos veces" : "«\(name)» appears twice"
        case .unknownSegment(let name, let file, let suggestion):
            return (es ? "el segmento guardado «\(name)» no está en \(file)" : "saved segment «\(name)» is not in \(file)") + Suggestion.hint(suggestion, language)
        case .twoSegments:
            return es ? "dé el segmento una sola vez: «segmento: expresión» o «segmento guardado: nombre»" : "give the segment once: «segmento: expression» or «segmento guardado: name»"
        case .unknownMode(let mode, let valid, let suggestion):
            return (es ? "modo: «\(mode)» no es uno de: \(valid.joined(separator: ", "))" : "modo: «\(mode)» is not one of: \(valid.joined(separator: ", "))")
                + Suggestion.hint(suggestion, language)
        case .outOfRange(let field, let text, let range):
            return es ? "\(field): «\(text)» debe estar entre \(range)" : "\(field): «\(text)» must be between \(range)"
        case .marginWithoutMeasurement(let indicator):
            return es ? "el indicador «\(indicator)» pide un margen pero la estrategia no tiene «medición»: agregue el bloque con el modo y la respuesta esperada (pasos 39 y 40)"
                      : "indicator «\(indicator)» asks for a margin but the strategy has no «medición»: add the block with the mode and the expected response rate (steps 39 and 40)"
        case .notSurveyMeasure(let indicator):
            return es ? "el indicador «\(indicator)» cuenta casos PQRSL: no lo mide una encuesta y no lleva margen"
                      : "indicator «\(indicator)» counts PQRSL cases: no survey measures it, and it takes no margin"
        case .rareChannel(let activity, let channel, let observed, let share, let source):
            let percent = NumberText.decimal(share * 100, places: 1)
            return es ? "la actividad «\(activity)» usa \(channel), y solo el \(percent) % de los contactos del segmento en \(source) fueron por \(observed): ¿está alineado el canal con el segmento? (paso 38)"
                      : "activity «\(activity)» uses \(channel), and only \(percent) % of the segment's contacts in \(source) were by \(observed): is the channel aligned with the segment? (step 38)"
        case .badCaseMeasure(.unknownType(let word, let suggestion)):
            let kinds = PQRSType.allCases.map(\.rawValue).joined(separator: ", ")
            return (es ? "medida: «\(word)» no es un tipo de caso PQRSL (\(kinds))" : "medida: «\(word)» is not a kind of PQRSL case (\(kinds))")
                + Suggestion.hint(suggestion, language)
        case .badCaseMeasure(.noService):
            return es ? "medida: después de «servicio» va un solo servicio del catálogo (por ejemplo «servicio recreacion»), al final"
                      : "medida: «servicio» is followed by one service of the catalogue (e.g. «servicio recreacion»), at the end"
        case .periodNotForCases(let indicator):
            return es ? "el indicador «\(indicator)» no cuenta casos PQRSL: el periodo solo se da a los que cuentan casos (a los demás los mide la encuesta de cierre)"
                      : "indicator «\(indicator)» does not count PQRSL cases: only those take a period (the closing survey measures the others)"
        case .measurementWithoutMargin:
            return es ? "la medición no tiene con qué calcular la muestra: dé «margen:» a los indicadores que mide la encuesta"
                      : "the measurement has nothing to size the sample by: give «margen:» to the indicators the survey measures"
        case .noActivities:
            return es ? "la estrategia no tiene ninguna actividad: el plan táctico es su contenido (paso 37)"
                      : "the strategy has no activity: the tactical plan is its content (step 37)"
        }
    }
}
