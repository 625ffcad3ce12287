import Foundation
import Synchronization

/// Failed staff logins counted per client, so that an outsider who guesses wrong locks out nobody but
/// themselves (OWASP *Authentication Cheat Sheet*, «Account lockout»: a lock any stranger can trigger is
/// a denial of service). Five failures on one account from one client stop that client trying that
/// account for 15 minutes; twenty on any accounts stop the client altogether (password spraying). The
/// staff member at another computer keeps logging in. The counts live in the server's memory: a
/// restart forgets them, and each process of a several-process deployment counts its own. A much higher
/// per-account limit in the store (``SurveyServer/accountLimit``) still stops a guess spread over many
/// addresses.
final class LoginThrottle: Sendable {
    static let perAccount = 5
    static let perClient = 20
    static let window: TimeInterval = 15 * 60

    private let failures = Mutex<[String: [Date]]>([:])

    /// Whether `client` may not try `account` now.
    func refused(account: String, client: String, now: Date) -> Bool {
        failures.withLock { table in
            recent(table["a|\(account)|\(client)"], now) >= Self.perAccount || recent(table["c|\(client)"], now) >= Self.perClient
        }
    }

    func failed(account: String, client: String, now: Date) {
        failures.withLock { table in
            if table.count > 10_000 { table = table.filter { $0.value.contains { now.timeIntervalSince($0) < Self.window } } }
            table["a|\(account)|\(client)", default: []].append(now)
            table["c|\(client)", default: []].append(now)
        }
    }

    /// A good login clears the client's failures on that account.
    func succeeded(account: String, client: String) {
        failures.withLock { table in table["a|\(account)|\(client)"] = nil }
    }

    private func recent(_ times: [Date]?, _ now: Date) -> Int {
        times?.filter { now.timeIntervalSince($0) < Self.window }.count ?? 0
    }
}
