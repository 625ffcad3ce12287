import Foundation
import GRDB

/// Personal links of the web survey and the staff's accounts, in the SQLite store.
extension SQLiteStore: WebStore {
    /// Gives every main-sample case of a questionnaire a token (those that have one keep it) and returns
    /// all of them as (unit, token), in the sample's order. `token` makes a new one (128 random bits).
    public func webLinks(questionnaire: String, includeReserve: Bool, now: String, token: @escaping @Sendable () -> String) throws -> [(unit: String, token: String)] {
        try write { db in
            try requirePublished(db, questionnaire)
            let units = try String.fetchAll(db, sql: "SELECT unit FROM sample_case WHERE questionnaire = ? AND (reserve = 0 OR ?) ORDER BY draw_order, unit",
                                            arguments: [questionnaire, includeReserve])
            var result: [(String, String)] = []
            for unit in units {
                if let existing = try String.fetchOne(db, sql: "SELECT token FROM web_link WHERE questionnaire = ? AND unit = ?", arguments: [questionnaire, unit]) {
                    result.append((unit, existing))
                    continue
                }
                let new = token()
                try db.execute(sql: "INSERT INTO web_link (token, questionnaire, unit, created_at) VALUES (?, ?, ?, ?)", arguments: [new, questionnaire, unit, now])
                result.append((unit, new))
            }
            return result.map { (unit: $0.0, token: $0.1) }
        }
    }

    /// The questionnaire and unit a token opens, or nil.
    public func webLink(token: String) throws -> (questionnaire: String, unit: String)? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT questionnaire, unit FROM web_link WHERE token = ?", arguments: [token]).map { ($0["questionnaire"], $0["unit"]) }
        }
    }

    /// Adds an account or replaces its role and password (failures cleared).
    public func saveWebUser(_ user: WebUser, actor: String) throws {
        try write { db in
            try db.execute(sql: """
                INSERT INTO web_user (code, role, salt, hash, iterations) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(code) DO UPDATE SET role = excluded.role, salt = excluded.salt, hash = excluded.hash,
                    iterations = excluded.iterations, failures = 0, locked_until = NULL
                """, arguments: [user.code, user.role, user.salt, user.hash, user.iterations])
            try Self.log(db, actor: actor, action: "web_user", details: "\(user.code) \(user.role)")
        }
    }

    public func webUser(_ code: String) throws -> WebUser? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM web_user WHERE code = ?", arguments: [code]).map {
                WebUser(code: $0["code"], role: $0["role"], salt: $0["salt"], hash: $0["hash"], iterations: $0["iterations"],
                        failures: $0["failures"], lockedUntil: $0["locked_until"])
            }
        }
    }

    /// Counts a failed login; from `limit` failures on, the account is locked until `lockUntil`.
    public func loginFailed(_ code: String, limit: Int, lockUntil: String) throws {
        try write { db in
            try db.execute(sql: """
                UPDATE web_user SET failures = failures + 1,
                    locked_until = CASE WHEN failures + 1 >= ? THEN ? ELSE locked_until END WHERE code = ?
                """, arguments: [limit, lockUntil, code])
        }
    }

    /// A good login: failures cleared and a session opened until `expires`.
    public func openSession(_ token: String, code: String, expires: String) throws {
        try write { db in
            try db.execute(sql: "UPDATE web_user SET failures = 0, locked_until = NULL WHERE code = ?", arguments: [code])
            try db.execute(sql: "INSERT INTO web_session (token, code, expires_at) VALUES (?, ?, ?)", arguments: [token, code, expires])
            try Self.log(db, actor: code, action: "web_login", details: code)
        }
    }

    /// The account of a live session, or nil.
    public func session(_ token: String, now: String) throws -> WebUser? {
        try read { db in
            guard let code = try String.fetchOne(db, sql: "SELECT code FROM web_session WHERE token = ? AND expires_at > ?", arguments: [token, now]) else { return nil }
            return try Row.fetchOne(db, sql: "SELECT * FROM web_user WHERE code = ?", arguments: [code]).map {
                WebUser(code: $0["code"], role: $0["role"], salt: $0["salt"], hash: $0["hash"], iterations: $0["iterations"])
            }
        }
    }

    public func closeSession(_ token: String) throws {
        try write { db in try db.execute(sql: "DELETE FROM web_session WHERE token = ?", arguments: [token]) }
    }
}
