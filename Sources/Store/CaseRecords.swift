/// A PQRSL case as the store keeps it. Plain values: the rules that change it (states, terms,
/// verification) live in the `Cases` module above. Dates are ISO `yyyy-mm-dd` texts.
public struct PQRSCaseRecord: Sendable, Equatable {
    public var radicado: String
    public var channel: String
    public var type: String
    public var service: String
    public var attribute: String?
    public var ssfType: String?
    public var subsidy: Bool
    public var fromSSF: Bool
    public var text: String
    public var petitioner: String?
    /// The day it was filed (for a buzón, the day the box was opened) and, for a buzón, the deposit day.
    public var received: String
    public var deposited: String?
    public var effectiveReceipt: String
    public var termDays: Int
    /// `ley1755` or `ssf` (a term the SSF set for this case).
    public var termSource: String
    public var deadline: String
    public var originalDeadline: String
    public var maximumExtension: String
    /// Grows when the term restarts (resumed after a suspension) or is extended; one reminder per version.
    public var deadlineVersion: Int
    public var calendarVersion: String
    public var owner: String
    public var state: String
    public var suspendedOn: String?
    public var extended: Bool
    public var responseDate: String?
    public var responseChannel: String?
    public var ssfCertificate: String?
    public var verification: String
    public var satisfied: Bool?
    public var closedOn: String?
    /// When it was registered (ISO 8601 instant).
    public var openedAt: String
    /// Who makes its verification call: the aprendiz the auxiliar routed it to (procedure step 30).
    public var verifier: String?

    public init(radicado: String, channel: String, type: String, service: String, attribute: String?, ssfType: String?, subsidy: Bool,
                fromSSF: Bool, text: String, petitioner: String?, received: String, deposited: String?, effectiveReceipt: String,
                termDays: Int, termSource: String, deadline: String, originalDeadline: String, maximumExtension: String,
                deadlineVersion: Int, calendarVersion: String, owner: String, state: String, suspendedOn: String? = nil,
                extended: Bool = false, responseDate: String? = nil, responseChannel: String? = nil, ssfCertificate: String? = nil,
                verification: String, satisfied: Bool? = nil, closedOn: String? = nil, openedAt: String, verifier: String? = nil) {
        self.radicado = radicado
        self.channel = channel
        self.type = type
        self.service = service
        self.attribute = attribute
        self.ssfType = ssfType
        self.subsidy = subsidy
        self.fromSSF = fromSSF
        self.text = text
        self.petitioner = petitioner
        self.received = received
        self.deposited = deposited
        self.effectiveReceipt = effectiveReceipt
        self.termDays = termDays
        self.termSource = termSource
        self.deadline = deadline
        self.originalDeadline = originalDeadline
        self.maximumExtension = maximumExtension
        self.deadlineVersion = deadlineVersion
        self.calendarVersion = calendarVersion
        self.owner = owner
        self.state = state
        self.suspendedOn = suspendedOn
        self.extended = extended
        self.responseDate = responseDate
        self.responseChannel = responseChannel
        self.ssfCertificate = ssfCertificate
        self.verification = verification
        self.satisfied = satisfied
        self.closedOn = closedOn
        self.openedAt = openedAt
        self.verifier = verifier
    }
}

/// One line of a case's history: who did what, when, from which state to which, and why.
public struct PQRSEvent: Sendable, Equatable {
    public var radicado: String
    public var at: String
    public var actor: String
    public var action: String
    public var from: String?
    public var to: String
    public var details: String
    /// The day the step happened in law (the answer's, the suspension's, the extension's notice…), which
    /// may be earlier than `at`; nil in histories written before it was kept, and for steps without one.
    public var onDate: String?
    /// The case's deadline after the step (nil for a case without a term, and in older histories): with
    /// `onDate`, what lets a report be drawn as the case stood on an earlier day.
    public var deadline: String?
    /// The details in English when the step ran with `--lang en`, for the step's own message; not stored
    /// (the history is Confa's record, kept in Spanish).
    public var shownInEnglish: String?

    public init(radicado: String, at: String, actor: String, action: String, from: String?, to: String, details: String, onDate: String? = nil,
                deadline: String? = nil) {
        self.radicado = radicado
        self.at = at
        self.actor = actor
        self.action = action
        self.from = from
        self.to = to
        self.details = details
        self.onDate = onDate
        self.deadline = deadline
    }
}

/// An e-mail about a case (an acknowledgement to the petitioner, an assignment, a compliment passed on,
/// a reminder), as it went: accepted by the mail server or failed with the reason. `notice` says which
/// message it is (`acuse:CONFA-2026-000001`): one accepted row of a notice means it is never sent again.
public struct CaseNoticeEntry: Sendable, Equatable {
    public var radicado: String
    public var notice: String
    public var address: String
    public var at: String
    /// `enviado`, `fallido` (tried again on the next run) or `rechazado` (the address refused for good).
    public var status: String
    public var detail: String?

    public init(radicado: String, notice: String, address: String, at: String, status: String, detail: String?) {
        self.radicado = radicado
        self.notice = notice
        self.address = address
        self.at = at
        self.status = status
        self.detail = detail
    }
}

/// A document kept with a case (procedure steps 15, 26 and 29: the scanned form, the answer sent, the
/// SSF's upload certificate), named by its SHA-256 so that the copy can be checked against the original.
public struct CaseAttachmentRecord: Sendable, Equatable {
    public var radicado: String
    /// `formato`, `respuesta`, `certificado` or `otro`.
    public var kind: String
    public var name: String
    public var sha256: String
    public var size: Int
    public var at: String
    public var actor: String

    public init(radicado: String, kind: String, name: String, sha256: String, size: Int, at: String, actor: String) {
        self.radicado = radicado
        self.kind = kind
        self.name = name
        self.sha256 = sha256
        self.size = size
        self.at = at
        self.actor = actor
    }
}

/// An internal request for information to a service about a case (procedure steps 27–28), with its own
/// due day; `answeredOn` once the service sent it.
public struct CaseRequestRecord: Sendable, Equatable {
    public var id: Int
    public var radicado: String
    public var owner: String
    public var what: String
    public var askedOn: String
    public var dueOn: String
    public var answeredOn: String?

    public init(id: Int, radicado: String, owner: String, what: String, askedOn: String, dueOn: String, answeredOn: String?) {
        self.id = id
        self.radicado = radicado
        self.owner = owner
        self.what = what
        self.askedOn = askedOn
        self.dueOn = dueOn
        self.answeredOn = answeredOn
    }
}

/// A satisfaction verification call (step 32).
public struct VerificationAttemptRecord: Sendable, Equatable {
    public var radicado: String
    public var onDate: String
    /// `contactado` or `no-contesta`.
    public var outcome: String
    public var satisfied: Bool?
    public var notes: String?
    public var actor: String
    /// The local time of the call, `HH:MM` (step 32 keeps «fechas y hora en que se llamó»); nil for calls
    /// recorded before Sondeo kept it.
    public var time: String?

    public init(radicado: String, onDate: String, outcome: String, satisfied: Bool?, notes: String?, actor: String, time: String? = nil) {
        self.radicado = radicado
        self.onDate = onDate
        self.outcome = outcome
        self.satisfied = satisfied
        self.notes = notes
        self.actor = actor
        self.time = time
    }
}

/// A monthly verification sample as drawn: enough to draw it again and get the same cases.
public struct VerificationSampleRecord: Sendable, Equatable {
    public var month: String
    public var seed: UInt64
    public var algorithm: String
    public var population: Int
    public var populationSHA256: String
    /// Radicados in draw order.
    public var selected: [String]
    public var drawnAt: String

    public init(month: String, seed: UInt64, algorithm: String, population: Int, populationSHA256: String, selected: [String], drawnAt: String) {
        self.month = month
        self.seed = seed
        self.algorithm = algorithm
        self.population = population
        self.populationSHA256 = populationSHA256
        self.selected = selected
        self.drawnAt = drawnAt
    }
}
