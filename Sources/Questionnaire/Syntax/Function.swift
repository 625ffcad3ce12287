import Diagnostics

/// The functions an expression may call, each with its counterpart in ODK's XPath (XLSForm
/// specification, «Functions»; JavaRosa's `XPathFuncExpr`), so that an exported form behaves as Sondeo:
///
/// | Sondeo | qué da | XPath |
/// |---|---|---|
/// | `si(c, a, b)` | `a` si se cumple `c`, si no `b` | `if(c, a, b)` |
/// | `redondear(x)`, `redondear(x, n)` | `x` con `n` decimales (0 si falta), mitades lejos de cero | `round(x, n)` |
/// | `contar(q)` | opciones marcadas en una `varias de` (sin NS/NR) | `count-selected(q)` |
/// | `longitud(t)` | caracteres de un texto | `string-length(t)` |
/// | `hoy()` | la fecha de hoy en Colombia | `today()` |
/// | `dias(desde, hasta)` | días de una fecha a otra | `decimal-date-time(hasta) - decimal-date-time(desde)` |
/// | `sumar_dias(f, n)` | la fecha `n` días después de `f` | `date(decimal-date-time(f) + n)` |
/// | `coincide(t, "patrón")` | si el texto tiene el patrón (expresión regular) | `regex(t, 'patrón')` |
public enum Function: String, Sendable, CaseIterable {
    case si
    case redondear
    case contar
    case longitud
    case hoy
    case dias
    case sumarDias = "sumar_dias"
    case coincide

    /// The function a person wrote, with or without accents or capitals («Días», «días»).
    public init?(folding name: String) {
        self.init(rawValue: String(Suggestion.fold(name)))
    }

    /// How many arguments it takes.
    public var arity: ClosedRange<Int> {
        switch self {
        case .si: return 3...3
        case .redondear: return 1...2
        case .contar, .longitud: return 1...1
        case .hoy: return 0...0
        case .dias, .sumarDias, .coincide: return 2...2
        }
    }

    /// How it is written, for messages: `dias(desde, hasta)`.
    public var usage: String {
        switch self {
        case .si: return "si(condición, valor_si, valor_no)"
        case .redondear: return "redondear(número, decimales)"
        case .contar: return "contar(pregunta_de_varias)"
        case .longitud: return "longitud(texto)"
        case .hoy: return "hoy()"
        case .dias: return "dias(desde, hasta)"
        case .sumarDias: return "sumar_dias(fecha, días)"
        case .coincide: return "coincide(texto, \"patrón\")"
        }
    }
}
