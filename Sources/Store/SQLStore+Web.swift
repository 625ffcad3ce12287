/// Personal links of the web survey and the staff's accounts.
extension SQLStore {
    public func webLinks(questionnaire: String, includeReserve: Bool, now: String, token: @escaping @Sendable () -> String) throws -> [(unit: String, token: String)] {
        try database.write { tx in
            try Self.requirePublished(tx, questionnaire)
            var existing: [String: String] = [:]
            try tx.each("SELECT unit, token FROM web_link WHERE questionnaire = ?", [.text(questionnaire)]) { existing[$0.text(0)!] = $0.text(1)! }
            var result: [(unit: String, token: String)] = []
            var new: [[SQLValue]] = []
            for unit in try tx.texts("SELECT unit FROM sample_case WHERE questionnaire = ? AND (reserve = ? OR ?) ORDER BY draw_order, unit",
                                     [questionnaire, false, includeReserve]) {
                if let token = existing[unit] {
                    result.append((unit, token))
                    continue
                }
                let made = token()
                new.append([.text(made), .text(questionnaire), .text(unit), .text(now)])
                result.append((unit, made))
            }
            try tx.insert(into: "web_link", columns: ["token", "questionnaire", "unit", "created_at"], rows: new)
            return result
        }
    }

    public func webLink(token: String) throws -> (questionnaire: String, unit: String, openedAt: String?)? {
        try database.read { tx in
            try tx.first("SELECT questionnaire, unit, opened_at FROM web_link WHERE token = ?", [token]) {
                (questionnaire: $0.text(0)!, unit: $0.text(1)!, openedAt: $0.text(2))
            }
        }
    }

    public func webSecret(make: @Sendable () -> String) throws -> String {
        try database.write { tx in
            try tx.execute("INSERT INTO web_setting (name, value) VALUES ('secreto', ?) ON CONFLICT (name) DO NOTHING", [make()])
            return try tx.first("SELECT value FROM web_setting WHERE name = 'secreto'", []) { $0.text(0)! }!
        }
    }

    public func linkOpened(token: String, at: String) throws {
        try database.write { tx in try tx.execute("UPDATE web_link SET opened_at = ? WHERE token = ? AND opened_at IS NULL", [at, token]) }
    }

    public func openedLinks(questionnaire: String) throws -> [String: String] {
        try database.read { tx in
            var result: [String: String] = [:]
            try tx.each("SELECT unit, opened_at FROM web_link WHERE questionnaire = ? AND opened_at IS NOT NULL", [.text(questionnaire)]) { row in
                result[row.text(0)!] = row.text(1)!
            }
            return result
        }
    }

    public func logInvitations(_ entries: [InvitationEntry], questionnaire: String, actor: String) throws {
        guard !entries.isEmpty else { return }
        try database.write { tx in
            for e in entries {
                try tx.execute("INSERT INTO invitation (questionnaire, unit, kind, address, at, status, detail) VALUES (?, ?, ?, ?, ?, ?, ?)",
                               [questionnaire, e.unit, e.kind, e.address, e.at, e.status, e.detail])
            }
            let sent = entries.filter { $0.status == "enviada" }.count
            try Self.log(tx, actor: actor, action: "invitations", details: "\(questionnaire): \(sent) enviadas, \(entries.count - sent) fallidas")
        }
    }

    public func invitations(questionnaire: String) throws -> [InvitationEntry] {
        try database.read { tx in
            try tx.rows("SELECT unit, kind, address, at, status, detail FROM invitation WHERE questionnaire = ? ORDER BY id", [questionnaire]) {
                InvitationEntry(unit: $0.text(0)!, kind: $0.text(1)!, address: $0.text(2)!, at: $0.text(3)!, status: $0.text(4)!, detail: $0.text(5))
            }
        }
    }

    public func saveWebUser(_ user: WebUser, actor: String) throws {
        try database.write { tx in
            try tx.execute("""
                INSERT INTO web_user (code, role, salt, hash, iterations, name) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (code) DO UPDATE SET role = excluded.role, salt = excluded.salt, hash = excluded.hash,
                    iterations = excluded.iterations, failures = 0, locked_until = NULL, name = COALESCE(excluded.name, web_user.name)
                """, [user.code, user.role, user.salt, user.hash, user.iterations, user.name])
            try Self.log(tx, actor: actor, action: "web_user", details: "\(user.code) \(user.role)")
        }
    }

    public func webUser(_ code: String) throws -> WebUser? {
        try database.read { tx in
            try tx.first("SELECT \(Self.webUserColumns) FROM web_user WHERE code = ?", [code], Self.webUserRow)
        }
    }

    public func webUsers(role: String) throws -> [WebUser] {
        try database.read { tx in
            try tx.rows("SELECT \(Self.webUserColumns) FROM web_user WHERE role = ? ORDER BY code", [role], Self.webUserRow)
        }
    }

    static let webUserColumns = "code, role, salt, hash, iterations, failures, locked_until, name"

    static func webUserRow(_ row: any SQLCursor) -> WebUser {
        WebUser(code: row.text(0)!, role: row.text(1)!, salt: row.text(2)!, hash: row.text(3)!, iterations: row.int(4)!, failures: row.int(5)!,
                lockedUntil: row.text(6), name: row.text(7))
    }

    public func loginFailed(_ code: String, limit: Int, lockUntil: String) throws {
        try database.write { tx in
            try tx.execute("""
                UPDATE web_user SET failures = failures + 1, locked_until = CASE WHEN failures + 1 >= ? THEN ? ELSE locked_until END WHERE code = ?
                """, [limit, lockUntil, code])
        }
    }

    public func openSession(_ token: String, code: String, expires: String) throws {
        try database.write { tx in
            try tx.execute("UPDATE web_user SET failures = 0, locked_until = NULL WHERE code = ?", [code])
            try tx.execute("INSERT INTO web_session (token, code, expires_at) VALUES (?, ?, ?)", [token, code, expires])
            try Self.log(tx, actor: code, action: "web_login", details: code)
        }
    }

    public func session(_ token: String, now: String) throws -> WebUser? {
        try database.read { tx in
            try tx.first("""
                SELECT u.code, u.role, u.salt, u.hash, u.iterations, u.name FROM web_session s JOIN web_user u ON u.code = s.code
                WHERE s.token = ? AND s.expires_at > ?
                """, [token, now]) {
                WebUser(code: $0.text(0)!, role: $0.text(1)!, salt: $0.text(2)!, hash: $0.text(3)!, iterations: $0.int(4)!, name: $0.text(5))
            }
        }
    }

    public func closeSession(_ token: String) throws {
        try database.write { tx in try tx.execute("DELETE FROM web_session WHERE token = ?", [token]) }
    }
}
