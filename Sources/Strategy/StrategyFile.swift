import Diagnostics
import Foundation

/// A loyalty strategy as a plain-text file (`.estrategia`, procedure step 37: «construir una estrategia
/// articulando la caracterización del segmento con las metas»): its segment (a `--where` expression on
/// the affiliate base), objective, goal and period, the tactical plan — one `actividad` per line of
/// the plan with objetivo, responsable, contenido, canal, frecuencia, presupuesto and its indicator of
/// compliance — and the indicators the strategy is measured by, each with a baseline and a target.
///
///     estrategia jovenes_recreacion "Jóvenes que vuelven a recreación"
///     segmento: edad < 30 and usa_recreacion == 0      # or «segmento guardado: nombre» (segmentos.txt)
///     objetivo: Que los afiliados jóvenes conozcan y usen la recreación de Confa
///     meta: 25 % del segmento usa recreación al cierre de 2027
///     vigencia: 2027-02-01 a 2027-12-15
///
///     actividad "Bienvenida por WhatsApp"
///       objetivo: Dar a conocer las vacaciones recreativas
///       responsable: Mercadeo
///       contenido: Mensaje con la oferta del trimestre y el enlace de inscripción
///       canal: whatsapp
///       frecuencia: trimestral
///       presupuesto: 2.500.000
///       indicador: 90 % de mensajes entregados
///
///     indicador uso_recreacion "Uso de recreación en el segmento"
///       medida: proporción usa_recreacion
///       línea base: 8 %
///       meta: 25 %
///       margen: 5 puntos                            # wanted of the survey that measures it (step 40)
///
///     medición "Encuesta de cierre al segmento"        # steps 39–40: it will be measured, and how
///       cuestionario: satisfaccion_servicios
///       modo: telefono, web
///       respuesta esperada: 40 %
///       confianza: 95 %
///       estratos: categoria
public struct StrategyFile: Sendable {
    /// A `campo: valor` line.
    public struct Field: Sendable {
        public let value: String
        public let line: Int
        public let text: String
    }

    public struct Activity: Sendable {
        public let name: String
        public let line: Int
        public var fields: [String: Field] = [:]
    }

    public struct Indicator: Sendable {
        public let id: String
        public let name: String
        public let line: Int
        public var fields: [String: Field] = [:]
    }

    /// The measurement plan (steps 39–40): that the strategy will be measured, and with what — the
    /// questionnaire, the modes, the response rate expected, the confidence, the strata of the base.
    public struct Measurement: Sendable {
        public let title: String
        public let line: Int
        public var fields: [String: Field] = [:]
    }

    public let path: String
    public private(set) var id: String?
    public private(set) var title: String?
    public private(set) var fields: [String: Field] = [:]
    public private(set) var activities: [Activity] = []
    public private(set) var indicators: [Indicator] = []
    /// The `medicion` block, when the strategy will be measured (step 39).
    public private(set) var measurement: Measurement?
    /// What could not be read at all (the checker adds what is read but wrong).
    public private(set) var problems: [StrategyProblem] = []

    /// The fields of the strategy, of an activity (the tactical plan's columns, step 37) and of an indicator.
    public static let strategyFields = ["segmento", "segmento guardado", "objetivo", "meta", "vigencia"]
    /// The fields a strategy cannot do without (the segment given one way or the other).
    public static let requiredFields = ["objetivo", "meta", "vigencia"]
    public static let activityFields = ["objetivo", "responsable", "contenido", "canal", "frecuencia", "presupuesto", "indicador"]
    public static let indicatorFields = ["medida", "linea base", "meta"]
    /// An indicator's optional fields: the margin of error wanted when the survey measures it (step 40),
    /// and for one that counts PQRSL cases the days counted (the strategy's `vigencia` by default).
    public static let indicatorOptionalFields = ["margen", "periodo"]
    public static let measurementFields = ["cuestionario", "modo", "respuesta esperada", "confianza", "estratos", "efecto de diseno"]
    /// The measurement plan's fields it cannot do without.
    public static let measurementRequired = ["modo", "respuesta esperada"]

    public init(text: String, path: String) {
        self.path = path
        var block: Block = .strategy
        for (index, raw) in text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            let line = String(raw)
            let content = Self.withoutComment(line).trimmingCharacters(in: .whitespaces)
            guard !content.isEmpty else { continue }
            let indented = line.first == " " || line.first == "\t"
            if !indented, let (word, name, title) = Self.header(content) {
                switch word {
                case "estrategia":
                    guard id == nil else { problems.append(StrategyProblem(.repeatedField(field: "estrategia"), file: path, line: number, text: line)); continue }
                    id = name
                    self.title = title ?? name
                    block = .strategy
                    continue
                case "actividad" where name == nil && title != nil:
                    activities.append(Activity(name: title!, line: number))
                    block = .activity
                    continue
                case "indicador" where name != nil:
                    indicators.append(Indicator(id: name!, name: title ?? name!, line: number))
                    block = .indicator
                    continue
                case "medicion" where name == nil:
                    guard measurement == nil else { problems.append(StrategyProblem(.repeatedField(field: "medicion"), file: path, line: number, text: line)); continue }
                    measurement = Measurement(title: title ?? L("Medición", "Measurement"), line: number)
                    block = .measurement
                    continue
                default: break
                }
            }
            guard let colon = content.firstIndex(of: ":") else {
                problems.append(StrategyProblem(.unknownLine(content), file: path, line: number, text: line))
                continue
            }
            let key = Self.fold(String(content[..<colon]).trimmingCharacters(in: .whitespaces))
            let value = String(content[content.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
            let field = Field(value: value, line: number, text: line)
            // An unindented field after a block goes back to the strategy.
            if !indented { block = .strategy }
            func put(_ fields: inout [String: Field], allowed: [String]) {
                guard allowed.contains(key) else {
                    problems.append(StrategyProblem(.unknownLine(content), file: path, line: number, text: line))
                    return
                }
                guard fields[key] == nil else {
                    problems.append(StrategyProblem(.repeatedField(field: key), file: path, line: number, field: key, text: line))
                    return
                }
                fields[key] = field
            }
            switch block {
            case .strategy: put(&fields, allowed: Self.strategyFields)
            case .activity: put(&activities[activities.count - 1].fields, allowed: Self.activityFields)
            case .indicator: put(&indicators[indicators.count - 1].fields, allowed: Self.indicatorFields + Self.indicatorOptionalFields)
            case .measurement: put(&measurement!.fields, allowed: Self.measurementFields)
            }
        }
    }

    public init(path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else { throw StrategyReadError(path: path) }
        self.init(text: String(decoding: data, as: UTF8.self), path: path)
    }

    enum Block { case strategy, activity, indicator, measurement }

    /// `estrategia id "Título"`, `actividad "Nombre"`, `indicador id "Nombre"`, `medicion "Título"`: the
    /// word (without accents), the id, the quoted title.
    static func header(_ content: String) -> (String, String?, String?)? {
        let written = String(content.prefix { !$0.isWhitespace })
        let word = fold(written)
        guard ["estrategia", "actividad", "indicador", "medicion"].contains(word) else { return nil }
        var rest = content.dropFirst(written.count).trimmingCharacters(in: .whitespaces)
        var title: String?
        if let open = rest.firstIndex(of: "\""), let close = rest[rest.index(after: open)...].firstIndex(of: "\""), rest[close...].count == 1 {
            title = String(rest[rest.index(after: open)..<close])
            rest = String(rest[..<open]).trimmingCharacters(in: .whitespaces)
        }
        guard !rest.contains(":") else { return nil }
        let name = rest.isEmpty ? nil : rest
        if let name, name.range(of: #"^[a-z_][a-z0-9_]*$"#, options: .regularExpression) == nil { return nil }
        return (word, name, title)
    }

    /// A line without its `#` comment (a `#` inside quotes stays).
    static func withoutComment(_ line: String) -> String {
        var quoted = false
        for (i, c) in line.enumerated() {
            if c == "\"" { quoted.toggle() }
            if c == "#" && !quoted { return String(line.prefix(i)) }
        }
        return line
    }

    /// Lower case without accents: «Línea base» is «linea base».
    static func fold(_ text: String) -> String {
        text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
    }
}

/// A strategy file that cannot be read.
public struct StrategyReadError: Diagnostic {
    public let path: String
    public init(path: String) { self.path = path }
    public var code: String { "STRATEGY-000" }
    public var location: SourceLocation? { SourceLocation(source: path) }
    public var exitStatus: ExitStatus { .ioError }
    public func message(_ language: Language) -> String {
        language.pick("no se pudo leer el archivo de la estrategia «\(path)»", "could not read the strategy file «\(path)»")
    }
}
