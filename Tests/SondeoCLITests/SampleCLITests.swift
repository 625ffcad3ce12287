import Foundation
import SondeoTestSupport
import Testing

/// `sondeo sample …` as a person runs it, on the example data.
@Suite struct SampleCLITests {
    static let afiliados = RepositoryFiles.exampleData("afiliados.csv")
    static let respuestas = RepositoryFiles.exampleData("respuestas.csv")

    func json(_ run: SondeoRun) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    }

    @Test("sample size shows the formula and the inputs in Spanish")
    func sizeTable() throws {
        let run = try SondeoRunner.run(["sample", "size", "--margin", "0.05", "--population", "10000", "--deff", "1.5", "--response-rate", "0.6"])
        #expect(run.status == 0)
        #expect(run.stdout == """
            Tamaño de muestra para estimar una proporción

              proporción esperada p = 0,5
              margen de error e = 0,05 (±5 puntos)
              confianza = 95 % (z = 1,9600)
              población N = 10.000
              efecto de diseño deff = 1,5 · tasa de respuesta r = 0,6

              n0      = z²·p(1−p) / e² = 384,146
              n       = n0 / (1 + (n0 − 1)/N) = 369,971 → 370
              n_final = ⌈n · deff / r⌉ = 925

            Se necesitan 370 encuestas completas; contacte a 925 personas.

            """)
    }

    @Test("sample size --format json: DESIGN.md's keys; the inverse with --n")
    func sizeJSON() throws {
        let size = try json(try SondeoRunner.run(["sample", "size", "--margin", "0.05", "--population", "10000", "--format", "json"]))
        #expect(size["n"] as? Int == 370 && size["n_final"] as? Int == 370 && size["population"] as? Int == 10_000)
        for key in ["n0", "n", "population", "margin", "confidence", "deff", "response_rate", "n_final", "formula"] {
            #expect(size[key] != nil, "\(key)")
        }
        let inverse = try json(try SondeoRunner.run(["sample", "size", "--n", "400", "--format", "json"]))
        // 1.959964 · √(0.25/400)
        expectClose(inverse["margin"] as! Double, 1.959963984540054 * (0.25 / 400.0).squareRoot(), rtol: 1e-14)
    }

    @Test("a margin of 0.035 reads ±3,5 puntos, not the binary noise of 0.035 × 100")
    func marginInPoints() throws {
        let run = try SondeoRunner.run(["sample", "size", "--margin", "0.035", "--population", "20000"])
        #expect(run.stdout.contains("  margen de error e = 0,035 (±3,5 puntos)\n"))
    }

    @Test("bad sizes: Spanish message and exit 64")
    func sizeErrors() throws {
        let margin = try SondeoRunner.run(["sample", "size", "--margin", "1.5"])
        #expect(margin.status == 64)
        #expect(margin.stderr == "error[SAMPLE-001]: el margen de error debe estar entre 0 y 1 (p. ej. 0.05 para ±5 puntos), no 1.5\n")
        let population = try SondeoRunner.run(["sample", "size", "--n", "500", "--population", "100"])
        #expect(population.stderr == "error[SAMPLE-005]: la población (N = 100) es menor que la muestra pedida (n = 500)\n")
        let neither = try SondeoRunner.run(["sample", "size"])
        #expect(neither.status == 64 && neither.stderr.hasPrefix("Error: indique --margin (o --nps-margin, o --n para el cálculo inverso)"))
    }

    @Test("sample allocate: proportional 850 over categoria is 595, 169, 86 (14,010 : 3,968 : 2,022)")
    func allocate() throws {
        // 850 · 14010/20000 = 595.425, 850 · 3968/20000 = 168.64, 850 · 2022/20000 = 85.935 → floors 595 + 168 + 85 = 848;
        // the two missing units go to the largest remainders, C (.935) and B (.64)
        let run = try SondeoRunner.run(["sample", "allocate", Self.afiliados, "--strata", "categoria", "--total", "850", "--format", "json"])
        #expect(run.status == 0)
        let document = try json(run)
        let strata = try #require(document["strata"] as? [[String: Any]])
        #expect(strata.map { $0["n"] as? Int } == [595, 169, 86])
        #expect(strata.map { $0["N"] as? Int } == [14_010, 3_968, 2_022])
        #expect(document["method"] as? String == "proportional" && document["total"] as? Int == 850)
    }

    @Test("sample draw: reproducible byte for byte, pinned first ids, weights sum to N_h; a stale allocation is refused")
    func draw() throws {
        let dir = TemporaryDirectory()
        let args = ["sample", "draw", Self.afiliados, "--strata", "categoria", "--total", "850", "--seed", "20261129", "--reserve", "0.5"]
        let first = try SondeoRunner.run(args + ["--out", dir.path("a.csv")])
        let second = try SondeoRunner.run(args + ["--out", dir.path("b.csv")])
        #expect(first.status == 0 && second.status == 0)
        let a = try String(contentsOfFile: dir.path("a.csv"), encoding: .utf8)
        #expect(a == (try String(contentsOfFile: dir.path("b.csv"), encoding: .utf8)))
        let lines = a.split(separator: "\n")
        #expect(lines.count == 1 + 850 + 426)
        // the first two ids of stratum A with seed 20261129 (the same as the independent Python draw in SamplingTests)
        #expect(lines[1].hasPrefix("AF6320520,") && lines[2].hasPrefix("AF5800694,"))
        #expect(first.stdout.contains("Semilla: 20261129"))
        #expect(first.stdout.contains("Algoritmo: splitmix64+lemire+fisher-yates/1"))

        let allocation = dir.file("asignacion.json", text: """
            {"total": 10, "method": "proportional", "strata": [{"stratum": "A", "N": 14000, "n": 5}, {"stratum": "B", "N": 3968, "n": 3}, {"stratum": "C", "N": 2022, "n": 2}]}
            """)
        let stale = try SondeoRunner.run(["sample", "draw", Self.afiliados, "--strata", "categoria", "--allocation", allocation,
                                          "--seed", "1", "--out", dir.path("c.csv")])
        #expect(stale.status == 65)
        #expect(stale.stderr == "error[SAMPLE-011]: la asignación no corresponde al marco: el estrato «A» tenía N = 14000 al asignar y el marco tiene 14010; vuelva a asignar\n")
        #expect(!FileManager.default.fileExists(atPath: dir.path("c.csv")))
    }

    @Test("sample draw copies the frame's records as they are: quotes, a line break in a field, CRLF, NA; Python's csv reads the same rows")
    func drawCopiesRecords() throws {
        let dir = TemporaryDirectory()
        // 40 affiliates in two strata; every fifth has a note with a comma and doubled quotes, the 7th a
        // line break inside its quoted note, the 9th NA; CRLF line ends, as a Windows export has them.
        var text = "id,estrato_marco,edad,nota\r\n"
        for i in 1...40 {
            let note = i == 7 ? "\"dos\r\nlíneas\"" : i == 9 ? "NA" : i % 5 == 0 ? "\"dijo \"\"bien\"\", gracias\"" : "sin nota"
            text += "P\(i),\(i % 2 == 0 ? "par" : "impar"),\(20 + i),\(note)\r\n"
        }
        // The same frame again with a byte order mark and no line end after its last record: the records
        // are copied from where the reader saw them start, counted from the file's first byte («\r\n» is one Character, hence dropLast(1)).
        for (name, bytes) in [("marco.csv", text), ("marco_bom.csv", "\u{FEFF}" + text.dropLast(1))] {
            let frame = dir.file(name, text: bytes)
            let run = try SondeoRunner.run(["sample", "draw", frame, "--strata", "estrato_marco", "--total", "40", "--id", "id",
                                            "--seed", "7", "--out", dir.path("m.csv")])
            #expect(run.status == 0, "\(run.stderr)")
            // Python's csv module reads the frame and the sample; each sampled row's frame fields are the
            // frame's, and the design's columns follow (peso = N_h / n_h = 20 / 20).
            let check = try Witness.python("""
                import csv, sys
                frame = {r["id"]: r for r in csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8-sig"))}
                rows = list(csv.DictReader(open(sys.argv[2], newline="", encoding="utf-8")))
                assert len(rows) == 40, len(rows)
                for r in rows:
                    for k, v in frame[r["id"]].items(): assert r[k] == v, (k, r[k], v)
                    assert r["estrato"] == r["estrato_marco"] and float(r["peso"]) == 1.0 and r["N_estrato"] == "20", r
                print(sorted(r["id"] for r in rows) == sorted(frame), rows[0].keys() == {*frame["P1"].keys(), "estrato", "peso", "N_estrato", "orden", "reserva"})
                """, [frame, dir.path("m.csv")])
            #expect(check.output == "True True\n", "\(name): \(check.output)")
            // The sample holds the frame's personal data: readable by its owner only (0600), as when it
            // is written without the copy.
            let mode = (try FileManager.default.attributesOfItem(atPath: dir.path("m.csv"))[.posixPermissions] as? Int) ?? 0
            #expect(mode == 0o600, "\(name): \(String(mode, radix: 8))")
        }
        let frame = dir.path("marco.csv")
        // A misspelt filter column is named among all the frame's columns, not only those the copy reads.
        let misspelt = try SondeoRunner.run(["sample", "draw", frame, "--strata", "estrato_marco", "--total", "4", "--id", "id",
                                             "--seed", "7", "--where", "edadd > 30", "--out", dir.path("n.csv")])
        #expect(misspelt.status == 64 && misspelt.stderr.contains("la columna «edadd» no existe; ¿quiso decir «edad»?"), "\(misspelt.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.path("n.csv")))
    }

    @Test("sample weights: raking to sexo and categoria gives R's Kish deff; an unknown category names its line")
    func weights() throws {
        let dir = TemporaryDirectory()
        let run = try SondeoRunner.run(["sample", "weights", Self.respuestas, "--frame", Self.afiliados, "--strata", "categoria",
                                        "--weight", "peso", "--rake", "sexo,categoria", "--out", dir.path("w.csv"), "--format", "json"])
        #expect(run.status == 0)
        let summary = try json(run)
        // R: rake(...) as in SamplingTests; 1 + var(w)(n − 1)/n / mean(w)²
        expectClose(summary["kish_deff"] as! Double, 1.22378540628023, rtol: 1e-9)
        expectClose(summary["sum"] as! Double, 20_000, rtol: 1e-12)

        let bad = dir.file("malas.csv", text: "id,sexo,categoria\n1,F,A\n2,X,B\n")
        let unknown = try SondeoRunner.run(["sample", "weights", bad, "--frame", Self.afiliados, "--rake", "sexo", "--out", dir.path("x.csv")])
        #expect(unknown.status == 65)
        #expect(unknown.stderr == "error[SAMPLE-016]: línea 3: el valor «X» de la columna «sexo» no existe en el marco\n --> \(bad):3\n")
    }
}
