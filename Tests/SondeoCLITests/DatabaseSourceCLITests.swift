import Foundation
import GRDB
import SondeoTestSupport
import Testing

/// Issue 24, step 36: the base read straight from a database — a SQLite file or a PostgreSQL server —
/// with `--query`, wherever a data file is read. The expected files are written out by hand from the
/// rows the test puts in the database.
@Suite struct DatabaseSourceCLITests {
    /// The rows both databases hold: a number missing, a decimal missing, a boolean missing, a date
    /// missing, a text missing.
    static let expected = """
        id_afiliado,edad,salario,usa_salud,fecha_afiliacion,municipio
        AF1,34,2.5,true,2020-03-01,Manizales
        AF2,,1.75,false,,Villamaría
        AF3,51,,,2019-12-31,

        """

    @Test("a SQLite file read with --query: its declared types and NULLs, the file untouched, a write refused, --query required and only for a database")
    func sqlite() throws {
        let dir = TemporaryDirectory()
        let base = dir.path("base.db")
        let queue = try DatabaseQueue(path: base)
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE afil (id_afiliado TEXT, edad INTEGER, salario REAL, usa_salud BOOLEAN, fecha_afiliacion DATE, municipio VARCHAR(40))")
            try db.execute(sql: "INSERT INTO afil VALUES ('AF1', 34, 2.5, 1, '2020-03-01', 'Manizales'), ('AF2', NULL, 1.75, 0, NULL, 'Villamaría'), ('AF3', 51, NULL, NULL, '2019-12-31', NULL)")
        }
        try queue.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: base))

        let out = dir.path("desde_sqlite.csv")
        let converted = try SondeoRunner.run(["data", "convert", base, "--query", "afil", "--out", out])
        #expect(converted.status == 0, "\(converted.stderr)")
        #expect(try String(contentsOfFile: out, encoding: .utf8) == Self.expected)
        // An expression has no declared type: numbers when every value is one.
        let head = try SondeoRunner.run(["data", "inspect", base, "--query", "SELECT edad * 2 AS doble, municipio FROM afil", "--format", "json"])
        let columns = try #require((try JSONSerialization.jsonObject(with: Data(head.stdout.utf8)) as? [String: Any])?["columns"] as? [[String: Any]])
        #expect(columns.map { "\($0["name"]!) \($0["type"]!) \($0["missing"]!)" } == ["doble integer 1", "municipio categorical 1"], "\(head.stdout)")

        // analyze reads the header, then the table (the query runs once): (34 + 51) / 2 = 42.5, AF2's age missing.
        let mean = try SondeoRunner.run(["analyze", "mean", base, "--query", "afil", "--var", "edad", "--format", "json"])
        #expect(mean.status == 0 && mean.stdout.contains("\"estimate\": 42.5"), "\(mean.stdout)\(mean.stderr)")

        let write = try SondeoRunner.run(["data", "head", base, "--query", "DELETE FROM afil"])
        #expect(write.status == 74 && write.stderr.contains("STORE-011") && write.stderr.contains("readonly"), "\(write.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: base)) == before)
        let empty = try SondeoRunner.run(["data", "head", base, "--query", "SELECT * FROM afil WHERE edad > 100"])
        #expect(empty.status != 0 && empty.stderr.contains("no devolvió ninguna fila"), "\(empty.stderr)")
        let noQuery = try SondeoRunner.run(["data", "head", base])
        #expect(noQuery.status == 64 && noQuery.stderr.contains("es una base de datos: diga qué leer con --query"))
        try "a,b\n1,2\n".write(toFile: dir.path("x.csv"), atomically: true, encoding: .utf8)
        let onFile = try SondeoRunner.run(["data", "head", dir.path("x.csv"), "--query", "afil"])
        #expect(onFile.status == 64 && onFile.stderr.contains("--query es para leer de una base de datos"))
    }

    @Test("a PostgreSQL query as the frame: its column types and NULLs, the password from PGPASSWORD and never printed, the draw's report naming the query and its rows",
          .enabled(if: TestPostgres.isConfigured, "needs SONDEO_TEST_POSTGRES (.ci/run starts a server)"))
    func postgres() throws {
        let url = try #require(try TestPostgres.newDatabase(for: "DatabaseSourceCLITests"))
        let made = try Witness.run("psql", [url, "-q", "-v", "ON_ERROR_STOP=1", "-c", """
            CREATE TABLE afil (id_afiliado text, edad integer, salario numeric(6,2), usa_salud boolean, fecha_afiliacion date, municipio varchar(40),
                               ultima timestamptz);
            INSERT INTO afil VALUES ('AF1', 34, 2.5, true, '2020-03-01', 'Manizales', '2026-11-29 10:00:00-05'),
                                    ('AF2', NULL, 1.75, false, NULL, 'Villamaría', NULL), ('AF3', 51, NULL, NULL, '2019-12-31', NULL, NULL);
            """])
        #expect(made.status == 0, "\(made.output)")
        var parts = try #require(URLComponents(string: url))
        let password = try #require(parts.password)
        parts.password = nil
        let bare = try #require(parts.string)
        let dir = TemporaryDirectory()
        let out = dir.path("desde_postgres.csv")
        let converted = try SondeoRunner.run(["data", "convert", bare, "--query", "SELECT id_afiliado, edad, salario, usa_salud, fecha_afiliacion, municipio FROM afil ORDER BY id_afiliado",
                                              "--out", out], environment: ["PGPASSWORD": password])
        #expect(converted.status == 0, "\(converted.stderr)")
        #expect(try String(contentsOfFile: out, encoding: .utf8) == Self.expected)
        // 10:00 in Bogotá (UTC−5) is 15:00 UTC.
        let instant = try SondeoRunner.run(["data", "convert", bare, "--query", "SELECT ultima FROM afil WHERE ultima IS NOT NULL", "--out", dir.path("t.csv")],
                                           environment: ["PGPASSWORD": password])
        #expect(instant.status == 0, "\(instant.stderr)")
        #expect(try String(contentsOfFile: dir.path("t.csv"), encoding: .utf8) == "ultima\n2026-11-29 15:00:00Z\n")

        let drawn = try SondeoRunner.run(["sample", "draw", bare, "--query", "afil", "--total", "2", "--seed", "7", "--out", dir.path("m.csv"), "--format", "json"],
                                         environment: ["PGPASSWORD": password])
        #expect(drawn.status == 0, "\(drawn.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(drawn.stdout.utf8)) as? [String: Any])
        #expect(report["frame_query"] as? String == "afil" && report["frame_rows"] as? Int == 3 && report["frame_source"] as? String == bare)

        // A wrong query with the password in the address: the server's words, never the password.
        let wrong = try SondeoRunner.run(["data", "head", url, "--query", "SELECT nada FROM afil"])
        #expect(wrong.status == 74 && wrong.stderr.contains("STORE-011") && wrong.stderr.contains("nada") && !wrong.stderr.contains(":\(password)@"), "\(wrong.stderr)")
        let refused = try SondeoRunner.run(["data", "head", bare, "--query", "afil"], environment: ["PGPASSWORD": "otra-clave"])
        #expect(refused.status == 74 && refused.stderr.contains("no aceptó el usuario o la clave") && !refused.stderr.contains("otra-clave"), "\(refused.stderr)")
        let write = try SondeoRunner.run(["data", "head", url, "--query", "DELETE FROM afil RETURNING *"])
        #expect(write.status == 74 && write.stderr.contains("read-only"), "\(write.stderr)")
        #expect(try Witness.run("psql", [url, "-tAc", "SELECT count(*) FROM afil"]).output.trimmingCharacters(in: .whitespacesAndNewlines) == "3")
    }
}
