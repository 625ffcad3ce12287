import Store
import Table

/// Which cases a list shows: by state, owner and month of receipt. The same rule for `sondeo cases
/// list`, `cases export` and the desk's list page.
public struct CaseFilter: Sendable, Equatable {
    public var state: String?
    public var owner: String?
    /// The month of receipt, `aaaa-mm`.
    public private(set) var month: String?

    /// Empty texts mean «any» (a web form's blank choice). A month that is not `aaaa-mm` is refused.
    public init(state: String? = nil, owner: String? = nil, month: String? = nil) throws(CaseError) {
        self.state = state?.isEmpty == true ? nil : state
        self.owner = owner?.isEmpty == true ? nil : owner
        if let month, !month.isEmpty {
            guard Self.firstDay(ofMonth: month) != nil else { throw .badMonth(text: month) }
            self.month = month
        }
    }

    /// The first day of a month written `aaaa-mm`, or nil when it is not one (`2026-1`, `octubre`, `2026-13`).
    public static func firstDay(ofMonth month: String) -> CivilDate? {
        month.count == 7 ? CivilDate(parsing: month + "-01") : nil
    }

    public func matches(_ c: PQRSCaseRecord) -> Bool {
        (state == nil || c.state == state) && (owner == nil || c.owner == owner) && (month.map { c.received.hasPrefix($0 + "-") } ?? true)
    }

    public func apply(_ cases: [PQRSCaseRecord]) -> [PQRSCaseRecord] { cases.filter(matches) }

    /// The verification queue (procedure steps 30–32): cases in verification whose call is pending,
    /// the longest answered first (then by radicado). The desk's «por verificar» page lists these.
    public static func verificationQueue(_ cases: [PQRSCaseRecord]) -> [PQRSCaseRecord] {
        cases.filter { $0.verification == VerificationStatus.pendiente.rawValue && $0.state == PQRSState.enVerificacion.rawValue }
            .sorted { ($0.responseDate ?? "", $0.radicado) < ($1.responseDate ?? "", $1.radicado) }
    }
}
