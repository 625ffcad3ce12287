import Diagnostics
import Store
/// How a PQRSL case reached Confa (procedure steps 1–9).
public enum PQRSChannel: String, Sendable, CaseIterable {
    case presencial, correoSSF = "correo-ssf", chat, correo, web, telefono, redes, buzon

    /// The channel in a person's words, for reports.
    public var label: String {
        switch self {
        case .presencial: return L("presencial", "in person")
        case .correoSSF: return L("correo de la SSF", "SSF mail")
        case .chat: return "chat"
        case .correo: return L("correo electrónico", "e-mail")
        case .web: return L("página web", "website")
        case .telefono: return L("teléfono", "telephone")
        case .redes: return L("redes sociales", "social media")
        case .buzon: return L("buzón de sugerencias", "suggestion box")
        }
    }
}

/// What the person asks for, and the legal term of each kind (Ley 1755 de 2015, art. 14; queja,
/// reclamo and sugerencia are modalities of petition, art. 13). A felicitación has no legal term: Confa
/// answers it in the general 15 days.
extension PQRSCaseRecord {
    /// Whether this case has a legal term (see ``PQRSType/hasTerm``).
    public var hasTerm: Bool { PQRSType(rawValue: type)?.hasTerm ?? true }
    /// Whether its term is running today: waiting for an answer and a type with a term.
    public var termRuns: Bool { hasTerm && PQRSState(rawValue: state)?.termRuns == true }
}

public enum PQRSType: String, Sendable, CaseIterable {
    case peticion, peticionDocumentos = "peticion-documentos", consulta, queja, reclamo, sugerencia, felicitacion

    /// Business days to answer.
    public var termDays: Int {
        switch self {
        case .peticionDocumentos: return 10
        case .consulta: return 30
        default: return 15
        }
    }

    /// Whether a legal term runs: every petition does (Ley 1755 de 2015, arts. 13–14), a felicitación
    /// asks for nothing — the procedure records it and notifies the service (steps 20–21) — so it has
    /// no deadline, reminder, extension, suspension or «a tiempo».
    public var hasTerm: Bool { self != .felicitacion }

    public var label: String {
        switch self {
        case .peticion: return "petición"
        case .peticionDocumentos: return "petición de documentos"
        case .consulta: return "consulta"
        case .queja: return "queja"
        case .reclamo: return "reclamo"
        case .sugerencia: return "sugerencia"
        case .felicitacion: return "felicitación"
        }
    }
}

/// Where a case is in its life (reference `pqrsl.md` §4.3). Trasladado, desistido and cerrado end it.
public enum PQRSState: String, Sendable, CaseIterable {
    case asignado, suspendido, prorrogado, respondido, cargadoSSF = "cargado-ssf", enVerificacion = "en-verificacion",
         cerrado, trasladado, desistido

    public var isFinal: Bool { self == .cerrado || self == .trasladado || self == .desistido }
    /// Still waiting for an answer, so its legal term runs (not while suspended).
    public var termRuns: Bool { self == .asignado || self == .prorrogado }
    /// The state in words, as the desk and the reports show it.
    public var label: String {
        switch self {
        case .cargadoSSF: return L("cargado en la SSF", "uploaded to the SSF")
        case .enVerificacion: return L("en verificación", "being verified")
        default: return rawValue
        }
    }
}

/// Where a case stands in the satisfaction verification (step 32).
public enum VerificationStatus: String, Sendable, CaseIterable {
    /// Not verified by rule (petición, felicitación, SSF request, sugerencia unless set).
    case noAplica = "no-aplica"
    /// A reclamo about subsidies waiting for the monthly draw.
    case pendienteMuestreo = "pendiente-muestreo"
    /// Not drawn in the monthly sample.
    case noSeleccionado = "no-seleccionado"
    /// To be called (up to three attempts on different days).
    case pendiente
    case contactado
    case noContactado = "no-contactado"
}

/// What happens to a case: the transition table's events.
public enum PQRSAction: String, Sendable, CaseIterable {
    case open = "radicar", classify = "clasificar", transfer = "trasladar", suspend = "suspender", resume = "reanudar",
         desist = "desistir", extend = "prorrogar", respond = "responder", uploadSSF = "cargar-ssf", close = "cerrar",
         draw = "sortear", verify = "verificar", route = "asignar", request = "solicitar", answerRequest = "recibir-informacion",
         attach = "adjuntar", routeCall = "enrutar-llamada"
}
