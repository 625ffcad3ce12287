/// What the web form needs from a store besides the survey's tables: personal links, staff accounts
/// and their sessions, and a page's answers written at once. SQLite and PostgreSQL both provide it.
public protocol WebStore: SurveyStore {
    /// Gives every main-sample case a token (those that have one keep it); all of them as (unit, token).
    func webLinks(questionnaire: String, includeReserve: Bool, now: String, token: @escaping @Sendable () -> String) throws -> [(unit: String, token: String)]
    /// The questionnaire and unit a token opens, and when it was first opened; nil for an unknown token.
    func webLink(token: String) throws -> (questionnaire: String, unit: String, openedAt: String?)?
    /// The web form's secret key (hexadecimal): `make` gives it the first time; the same one after.
    func webSecret(make: @Sendable () -> String) throws -> String
    /// Notes the first time a link was opened (later openings change nothing).
    func linkOpened(token: String, at: String) throws
    /// When each case's link was first opened, by unit.
    func openedLinks(questionnaire: String) throws -> [String: String]
    /// Records invitations sent or failed, in one transaction.
    func logInvitations(_ entries: [InvitationEntry], questionnaire: String, actor: String) throws
    /// The invitations of a questionnaire, oldest first.
    func invitations(questionnaire: String) throws -> [InvitationEntry]
    /// Adds an account or replaces its role and password (failures cleared); a nil name keeps the one stored.
    func saveWebUser(_ user: WebUser, actor: String) throws
    func webUser(_ code: String) throws -> WebUser?
    /// The accounts of one role, by code (the aprendices a verification call can be routed to).
    func webUsers(role: String) throws -> [WebUser]
    /// Counts a failed login; from `limit` failures on, the account is locked until `lockUntil`.
    func loginFailed(_ code: String, limit: Int, lockUntil: String) throws
    /// A good login: failures cleared and a session opened until `expires`.
    func openSession(_ token: String, code: String, expires: String) throws
    /// The account of a live session, or nil.
    func session(_ token: String, now: String) throws -> WebUser?
    func closeSession(_ token: String) throws
    /// A submitted web page, in one transaction: the interview is started when new, its answers are
    /// replaced by `answers`, and on the last page it is closed with its disposition and its case's
    /// claim released. A server killed mid-way leaves either the page before or the page after, never
    /// the answers of the end without the end.
    func savePage(_ interview: InterviewRecord, answers: [StoredAnswer], closing: InterviewClosing?, actor: String) throws
}

/// One invitation or reminder to a case: to which address, when, and whether the server took it.
public struct InvitationEntry: Sendable, Equatable {
    public var unit: String
    /// `invitacion` or `recordatorio`.
    public var kind: String
    public var address: String
    public var at: String
    /// `enviada` or `fallida`.
    public var status: String
    public var detail: String?

    public init(unit: String, kind: String, address: String, at: String, status: String, detail: String? = nil) {
        self.unit = unit
        self.kind = kind
        self.address = address
        self.at = at
        self.status = status
        self.detail = detail
    }
}

/// How an interview ends: its disposition (a ``Disposition`` code) and when (ISO 8601).
public struct InterviewClosing: Sendable, Equatable {
    public var disposition: String
    public var endedAt: String

    public init(disposition: String, endedAt: String) {
        self.disposition = disposition
        self.endedAt = endedAt
    }
}

/// A web account as stored: the role and the password's derivation (never the password).
public struct WebUser: Sendable, Equatable {
    public var code: String
    public var role: String
    public var salt: String
    public var hash: String
    public var iterations: Int
    public var failures: Int
    public var lockedUntil: String?
    /// The person's name as the interview script says it (`{_encuestador}`: «le habla Laura Gómez»).
    public var name: String?

    public init(code: String, role: String, salt: String, hash: String, iterations: Int, failures: Int = 0, lockedUntil: String? = nil,
                name: String? = nil) {
        self.code = code
        self.role = role
        self.salt = salt
        self.hash = hash
        self.iterations = iterations
        self.failures = failures
        self.lockedUntil = lockedUntil
        self.name = name
    }
}

