import Foundation
import Store

extension CallScheduler.Case {
    /// The store's cases as the calling rule sees them; the date parsers are made once for all cases.
    public static func from(_ states: [CaseState]) -> [CallScheduler.Case] {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let plain = ISO8601DateFormatter()
        func date(_ s: String) -> Date? { f.date(from: s) ?? plain.date(from: s) }
        return states.map { c in
            CallScheduler.Case(unit: c.unit, reserve: c.reserve, order: c.order ?? Int.max, disposition: c.disposition,
                               attemptEnds: c.attemptEnds.compactMap(date), appointment: c.appointment.flatMap(date), unfinished: c.unfinished)
        }
    }
}
