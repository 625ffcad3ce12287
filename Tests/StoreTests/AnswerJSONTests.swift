import Foundation
import GRDB
import SondeoTestSupport
import Testing
@testable import Store

/// Answers kept as one JSON object per interview (migration v4): what goes in comes back, SQLite can
/// read it with json_extract, and a store written with one row per answer (v3) is carried over.
@Suite struct AnswerLayoutTests {
    @Test("round trip: numbers, texts that look like numbers, specials, quotes, line breaks and accents")
    func roundTrip() {
        let answers = [StoredAnswer(variable: "nps", number: 9), StoredAnswer(variable: "usos", number: 3.5),
                       StoredAnswer(variable: "codigo", text: "5"), StoredAnswer(variable: "servicio", status: "NS"),
                       StoredAnswer(variable: "razon", text: "Dijo \"muy bien\"\ny volvió\t¡sí! \\ ñ"), StoredAnswer(variable: "razones", text: "1 3")]
        let text = AnswerJSON.encode(answers)
        #expect(text == #"{"codigo":"5","nps":9,"razon":"Dijo \"muy bien\"\ny volvió\t¡sí! \\ ñ","razones":"1 3","servicio":{"especial":"NS"},"usos":3.5}"#)
        #expect(AnswerJSON.decode(text) == answers.sorted { $0.variable < $1.variable })
        // Written by hand in SQL, with spaces: the general parser reads it.
        #expect(AnswerJSON.decode(#"{ "nps" : 10, "servicio": {"especial": "NR"} }"#) == [StoredAnswer(variable: "nps", number: 10), StoredAnswer(variable: "servicio", status: "NR")])
    }

    @Test("a v3 store (one row per answer) migrates to one JSON object per interview, readable with json_extract")
    func migration() throws {
        let dir = TemporaryDirectory()
        let path = dir.path("viejo.sqlite")
        let queue = try DatabaseQueue(path: path)
        try StoreSchema.migrator.migrate(queue, upTo: "v3: PQRSL cases")
        try queue.write { db in
            try db.execute(sql: "INSERT INTO questionnaire_version (questionnaire, version, sha256, source, published_at) VALUES ('q', '1', 'x', 'encuesta q', 'now')")
            try db.execute(sql: """
                INSERT INTO interview (questionnaire, version, respondent, mode, started_at, source) VALUES ('q', '1', 'AF1', 'web', 't', 's');
                INSERT INTO answer (interview_id, variable, status, number, text) VALUES (1, 'nps', 'answered', 9, NULL), (1, 'servicio', 'NS', NULL, NULL),
                    (1, 'razon', 'answered', NULL, 'buena atención');
                """)
        }
        let store = try SQLiteStore(path: path)
        let interview = try #require(try store.interview(questionnaire: "q", respondent: "AF1"))
        #expect(interview.answers == [StoredAnswer(variable: "nps", number: 9), StoredAnswer(variable: "razon", text: "buena atención"),
                                      StoredAnswer(variable: "servicio", status: "NS")])
        let nps = try DatabaseQueue(path: path).read { try Double.fetchOne($0, sql: "SELECT json_extract(answers, '$.nps') FROM interview") }
        #expect(nps == 9)
    }
}
