import Foundation
import GRDB

/// Personal links of the web survey: one token per sample unit and questionnaire.
extension SQLiteStore {
    /// Gives every main-sample case of a questionnaire a token (those that have one keep it) and returns
    /// all of them as (unit, token), in the sample's order. `token` makes a new one (128 random bits).
    public func webLinks(questionnaire: String, includeReserve: Bool, now: String, token: () -> String) throws -> [(unit: String, token: String)] {
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
}
