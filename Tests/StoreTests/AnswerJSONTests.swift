import Foundation
import GRDB
import SondeoTestSupport
import Questionnaire
import Testing
@testable import Store

/// Answers kept as one JSON object per interview (migration v4): what goes in comes back, SQLite can
/// read it with json_extract, and a store written with one row per answer (v3) is carried over.
@Suite struct AnswerJSONTests {
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
        // 0 and 1 are numbers there too (Foundation on Linux also calls them Bool); true is not a number.
        #expect(AnswerJSON.decode(#"{ "a": 1, "b": 0, "c": true }"#) == [StoredAnswer(variable: "a", number: 1), StoredAnswer(variable: "b", number: 0),
                                                                        StoredAnswer(variable: "c", text: "1")])
    }

    @Test("a v3 store (one row per answer) migrates to one JSON object per interview, readable with json_extract")
    func migration() throws {
        let dir = TemporaryDirectory()
        let path = dir.path("viejo.sqlite")
        let queue = try DatabaseQueue(path: path)
        // The store as an earlier Sondeo left it: the tables of v1 to v3, and GRDB's record of them.
        try queue.write { db in
            for (name, steps) in Migrations.all.prefix(3) {
                for case let .both(sql) in steps { try db.execute(sql: SQLDialect.sqlite.ddl(sql)) }
                try db.execute(sql: "CREATE TABLE IF NOT EXISTS grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
                try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES (?)", arguments: [name])
            }
        }
        try queue.write { db in
            try db.execute(sql: "INSERT INTO questionnaire_version (questionnaire, version, sha256, source, published_at) VALUES ('q', '1', 'x', 'encuesta q', 'now')")
            try db.execute(sql: """
                INSERT INTO interview (questionnaire, version, respondent, mode, started_at, source) VALUES ('q', '1', 'AF1', 'web', 't', 's');
                INSERT INTO answer (interview_id, variable, status, number, text) VALUES (1, 'nps', 'answered', 9, NULL), (1, 'servicio', 'NS', NULL, NULL),
                    (1, 'razon', 'answered', NULL, 'buena atención');
                """)
        }
        let store = try SQLStore(sqlite: path)
        let interview = try #require(try store.interview(questionnaire: "q", respondent: "AF1"))
        #expect(interview.answers == [StoredAnswer(variable: "nps", number: 9), StoredAnswer(variable: "razon", text: "buena atención"),
                                      StoredAnswer(variable: "servicio", status: "NS")])
        let nps = try DatabaseQueue(path: path).read { try Double.fetchOne($0, sql: "SELECT json_extract(answers, '$.nps') FROM interview") }
        #expect(nps == 9)
    }

    /// A small questionnaire with one variable of each kind the store keeps: a code, a scale with NS,
    /// a text, a grid and a «varias de».
    static let questionnaire = QuestionnaireParser.parse("""
        encuesta q "Q"
        versión 1
        modos web
        especiales NS = 98 "No sabe"
        lista l: 1 Uno | 2 Dos | 7 Siete
        a: una de l
          "a"
        nps: escala 0..10 "nada" .. "mucho", permite NS
          "b"
        razon: texto, opcional
          "c"
        g: matriz de l
          "d"
          - x "x"
          - y "y"
        r: varias de l
          "e"
        """, file: "q").file

    @Test("a sheet is written as the same object its stored answers give, names sorted, «varias de» codes as a text")
    func sheetEncoding() throws {
        let layout = AnswerLayout(Self.questionnaire)
        #expect(layout.names == ["a", "nps", "razon", "g_x", "g_y", "r"])
        var sheet = AnswerSheet(count: layout.count)
        sheet[try #require(layout.slot("a"))] = .number(2)
        sheet[try #require(layout.slot("nps"))] = .special("NS")
        sheet[try #require(layout.slot("razon"))] = .text("dijo \"no\"")
        sheet[try #require(layout.slot("g_y"))] = .number(7)
        sheet[try #require(layout.slot("r"))] = .codes([7, 1])
        let row = InterviewRow(Self.record, sheet: sheet, encoder: SheetEncoder(layout))
        let written = #"{"a":2,"g_y":7,"nps":{"especial":"NS"},"r":"1 7","razon":"dijo \"no\""}"#
        #expect(String(decoding: row.answers, as: UTF8.self) == written)
        let stored = [StoredAnswer(variable: "a", number: 2), StoredAnswer(variable: "g_y", number: 7), StoredAnswer(variable: "nps", status: "NS"),
                      StoredAnswer(variable: "r", text: "1 7"), StoredAnswer(variable: "razon", text: "dijo \"no\"")]
        #expect(row.storedAnswers == stored)
        #expect(AnswerJSON.encode(stored.reversed()) == written)
        #expect(row.sheet(layout) == sheet)
    }

    @Test("stored answers read straight into a sheet: names the questionnaire lacks are left out; an object edited by hand reads the same")
    func sheetDecoding() {
        let layout = AnswerLayout(Self.questionnaire)
        var expected = AnswerSheet(count: layout.count)
        expected[0] = .number(1)
        expected[1] = .number(10)
        expected[3] = .special("NS")
        expected[5] = .codes([2, 7])
        let canonical = #"{"_pagina":3,"a":1,"g_x":{"especial":"NS"},"nps":10,"r":"2 7"}"#
        #expect(AnswerJSON.sheet(Array(canonical.utf8), layout: layout) == expected)
        let byHand = #"{ "r": "2 7", "nps": 1e1, "a": 1, "g_x": {"especial": "NS"}, "otra": "x" }"#
        #expect(AnswerJSON.sheet(Array(byHand.utf8), layout: layout) == expected)
    }

    static let record = InterviewRecord(questionnaire: "q", version: "1", respondent: "W1", mode: "web", interviewer: nil, startedAt: "t0",
                                        endedAt: "t1", disposition: "completa", source: "import:abc", answers: [])
}
