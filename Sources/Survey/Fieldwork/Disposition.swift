/// The result of a contact attempt or of a whole case, as the encuestador records it: Sondeo's code,
/// what a person reads, the AAPOR disposition and outcome class, whether it ends the case, and how long
/// to wait before the next attempt.
///
/// Source: AAPOR *Standard Definitions* (telephone, list samples) and the queXS `outcome` table
/// (`default_delay_minutes`, `tryanother`), as summarised in the reference `questionnaire.md` §8.3.
public struct Disposition: Sendable, Equatable, Hashable {
    public let code: String
    public let spanish: String
    public let english: String
    /// AAPOR's numeric disposition (`1.1`, `2.112`, …).
    public let aapor: String
    public let outcome: OutcomeRates.OutcomeClass
    /// Ends the case: no more attempts.
    public let final: Bool
    /// Ends only the phone number, not the case (the affiliate may have another number).
    public let endsNumber: Bool
    /// Minutes to wait before calling again (temporary outcomes).
    public let retryMinutes: Int?

    /// Every disposition Sondeo knows, in the order an encuestador's menu shows them.
    public static let all: [Disposition] = [
        .init("completa", "Entrevista completa", "Complete interview", "1.1", .complete, final: true),
        .init("parcial", "Entrevista parcial", "Partial interview", "1.2", .partial, final: true),
        .init("rechazo", "Rechazo del afiliado", "Refusal by the affiliate", "2.112", .refusal, final: true),
        .init("rechazo_hogar", "Rechazo de otra persona del hogar", "Refusal by another person", "2.111", .refusal, final: false, retry: 10_080),
        .init("abandono", "Interrumpida antes de terminar", "Break-off", "2.12", .refusal, final: true),
        // A call answered and left before the end, and an appointment: the affiliate was reached and did not
        // refuse, so while the case is open they count as «other» eligible non-interviews (AAPOR 2.30); an
        // interview with answers counts by them (parcial 1.2 or abandono 2.12, ``CallScheduler/closingDisposition(attempts:progress:threshold:)``).
        .init("interrumpida", "Interrumpida; pidió llamar después", "Interrupted; asked to be called later", "2.30", .other, final: false, retry: 1_440),
        .init("cita", "Cita acordada", "Appointment", "2.30", .other, final: false),
        .init("no_contesta", "No contesta u ocupado", "No answer or busy", "3.13", .unknownHousehold, final: false, retry: 180),
        .init("buzon", "Buzón de voz del afiliado", "Affiliate's voicemail", "2.221", .nonContact, final: false, retry: 180),
        .init("buzon_desconocido", "Contestador; no se sabe si es del afiliado", "Answering machine, unknown whose", "3.14", .unknownOther, final: false, endsNumber: true),
        .init("falla_tecnica", "Falla técnica de la llamada", "Technical failure", "3.16", .unknownOther, final: false, retry: 180),
        .init("colgo", "Se cortó la llamada", "Call dropped", "2.35a", .other, final: false, retry: 0),
        .init("no_disponible", "No disponible en el periodo", "Unavailable during the period", "2.36", .other, final: false, retry: 10_080),
        .init("fallecido", "Afiliado fallecido", "Affiliate deceased", "2.31", .other, final: true),
        .init("incapacidad", "Incapacidad física o mental", "Physical or mental incapacity", "2.32", .other, final: true),
        .init("idioma", "Barrera de idioma", "Language barrier", "2.332", .other, final: true),
        .init("max_intentos_contactado", "Máximo de intentos; ya se había hablado con él", "Maximum attempts, contacted before", "2.30", .other, final: true),
        .init("max_intentos", "Máximo de intentos; nunca contactado", "Maximum attempts, never contacted", "3.90", .unknownOther, final: true),
        .init("no_contactado", "No contactado", "Not contacted", "3.90", .unknownOther, final: true),
        .init("desconectado", "Número no existe o desconectado", "Number disconnected", "4.32", .notEligible, final: false, endsNumber: true),
        .init("fax", "Fax o línea de datos", "Fax or data line", "4.20", .notEligible, final: false, endsNumber: true),
        .init("empresa", "Número de una empresa, no del afiliado", "Business number", "4.51", .notEligible, final: false, endsNumber: true),
        .init("numero_equivocado", "Número equivocado", "Wrong number", "4.51", .notEligible, final: false, endsNumber: true),
        .init("no_elegible", "No es elegible (no es afiliado o no usó el servicio)", "Not eligible", "4.70", .notEligible, final: true),
        .init("fuera_muestra", "Fuera de la muestra", "Out of sample", "4.10", .notEligible, final: true),
        .init("cuota_llena", "Cuota llena", "Quota filled", "4.80", .notEligible, final: true),
    ]

    /// The disposition of that code, or nil.
    public static func named(_ code: String) -> Disposition? { all.first { $0.code == code } }

    /// Whether a case closed with it gets no invitation to the web survey: it was interviewed, refused,
    /// is not eligible or cannot answer. A case whose phone attempts ran out (`max_intentos`,
    /// `no_contactado`) may still answer on the web.
    public var endsInvitations: Bool {
        final && !["max_intentos", "max_intentos_contactado", "no_contactado"].contains(code)
    }

    init(_ code: String, _ spanish: String, _ english: String, _ aapor: String, _ outcome: OutcomeRates.OutcomeClass,
         final: Bool, endsNumber: Bool = false, retry: Int? = nil) {
        self.code = code
        self.spanish = spanish
        self.english = english
        self.aapor = aapor
        self.outcome = outcome
        self.final = final
        self.endsNumber = endsNumber
        self.retryMinutes = retry
    }
}
