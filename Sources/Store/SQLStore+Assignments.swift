/// Fieldwork organisation: cases given to interviewers, and completes wanted per stratum.
extension SQLStore {
    public func assign(questionnaire: String, units: [String], to interviewer: String?, actor: String) throws -> Int {
        try database.write { tx in
            try Self.requirePublished(tx, questionnaire)
            var changed = 0
            for unit in units {
                guard try Self.caseID(tx, questionnaire, unit) != nil else { throw StoreError.notInSample(questionnaire: questionnaire, unit: unit) }
                if let interviewer {
                    changed += try tx.execute("""
                        UPDATE sample_case SET assigned_to = ? WHERE questionnaire = ? AND unit = ? AND (assigned_to IS NULL OR assigned_to <> ?)
                        """, [interviewer, questionnaire, unit, interviewer])
                } else {
                    changed += try tx.execute("UPDATE sample_case SET assigned_to = NULL WHERE questionnaire = ? AND unit = ? AND assigned_to IS NOT NULL",
                                              [questionnaire, unit])
                }
            }
            if changed > 0 {
                try Self.log(tx, actor: actor, action: "assign", details: "\(questionnaire): \(changed) casos a \(interviewer ?? "(nadie)")")
            }
            return changed
        }
    }

    public func setQuotas(questionnaire: String, _ targets: [String: Int], actor: String) throws {
        try database.write { tx in
            try Self.requirePublished(tx, questionnaire)
            try tx.execute("DELETE FROM stratum_quota WHERE questionnaire = ?", [questionnaire])
            for (stratum, target) in targets.sorted(by: { $0.key < $1.key }) {
                try tx.execute("INSERT INTO stratum_quota (questionnaire, stratum, target) VALUES (?, ?, ?)", [questionnaire, stratum, target])
            }
            try Self.log(tx, actor: actor, action: "quotas", details: "\(questionnaire): " + targets.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))
        }
    }

    public func quotas(questionnaire: String) throws -> [String: Int] {
        try database.read { tx in
            var result: [String: Int] = [:]
            try tx.each("SELECT stratum, target FROM stratum_quota WHERE questionnaire = ?", [.text(questionnaire)]) { row in
                result[row.text(0)!] = row.int(1)!
            }
            return result
        }
    }
}
