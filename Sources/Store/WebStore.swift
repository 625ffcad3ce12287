/// What the web form needs from a store besides the survey's tables: personal links, staff accounts
/// and their sessions, and a page's answers written at once. SQLite and PostgreSQL both provide it.
public protocol WebStore: SurveyStore {
    /// Gives every main-sample case a token (those that have one keep it); all of them as (unit, token).
    func webLinks(questionnaire: String, includeReserve: Bool, now: String, token: @escaping @Sendable () -> String) throws -> [(unit: String, token: String)]
    /// The questionnaire and unit a token opens, or nil.
    func webLink(token: String) throws -> (questionnaire: String, unit: String)?
    /// Adds an account or replaces its role and password (failures cleared).
    func saveWebUser(_ user: WebUser, actor: String) throws
    func webUser(_ code: String) throws -> WebUser?
    /// Counts a failed login; from `limit` failures on, the account is locked until `lockUntil`.
    func loginFailed(_ code: String, limit: Int, lockUntil: String) throws
    /// A good login: failures cleared and a session opened until `expires`.
    func openSession(_ token: String, code: String, expires: String) throws
    /// The account of a live session, or nil.
    func session(_ token: String, now: String) throws -> WebUser?
    func closeSession(_ token: String) throws
    /// Replaces all the answers of an unfinished interview at once.
    func replaceAnswers(_ answers: [StoredAnswer], questionnaire: String, respondent: String) throws
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

    public init(code: String, role: String, salt: String, hash: String, iterations: Int, failures: Int = 0, lockedUntil: String? = nil) {
        self.code = code
        self.role = role
        self.salt = salt
        self.hash = hash
        self.iterations = iterations
        self.failures = failures
        self.lockedUntil = lockedUntil
    }
}

