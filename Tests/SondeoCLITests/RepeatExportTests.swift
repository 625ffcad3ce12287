import Foundation
import SondeoTestSupport
import Testing

/// `responses export --repeats long`: a `repetir` block as a table of its own, one row per interview
/// and copy asked (as ODK/Kobo export repeats), checked against rows written out by hand and read back
/// by PSPP.
@Suite struct RepeatExportTests {
    /// A block per service used and a roster of up to three people; `edad` is optional, so an asked copy
    /// can be blank.
    static let questionnaire = """
        encuesta hogar_prueba "Hogar de prueba"
        versión 1
        modos web
        especiales NS = 98 "No sabe"
        lista servicios: 1 Salud | 2 Vivienda | 3 Ninguno [exclusiva]
        lista sat: 1 Mal | 2 Regular | 3 Bien

        usados: varias de servicios
          "¿Qué servicios usó?"
        repetir por cada usados
        sat: una de sat, permite NS
          "¿Cómo le fue con {_opcion}?"
        fin repetir
        personas: entero 1..9
          "¿Cuántas personas viven en el hogar?"
        repetir 3 veces según personas
        edad: entero 0..110, opcional
          "Edad de la persona {_n}"
        fin repetir

        """

    /// A1 used both services and lives with one more person whose age was not given; A2 used none and
    /// lives alone (age not given); A3 used housing and lives with two more.
    static let answers = """
        id_afiliado,usados_1,usados_2,usados_3,sat_1,sat_2,personas,edad_1,edad_2,edad_3
        A1,1,1,0,3,98,2,40,,
        A2,0,0,1,,,1,,,
        A3,0,1,0,,1,3,30,8,5

        """

    func store(in dir: TemporaryDirectory) throws -> String {
        let store = dir.path("s.sqlite")
        try Self.questionnaire.write(toFile: dir.path("hogar.encuesta"), atomically: true, encoding: .utf8)
        try Self.answers.write(toFile: dir.path("r.csv"), atomically: true, encoding: .utf8)
        #expect(try SondeoRunner.run(["questionnaire", "publish", dir.path("hogar.encuesta"), "--store", store]).status == 0)
        let imported = try SondeoRunner.run(["responses", "import", "hogar_prueba", dir.path("r.csv"), "--store", store])
        #expect(imported.status == 0, "\(imported.stderr)")
        return store
    }

    @Test("long: a file per block with a row per copy asked (a ticked option, a person counted), blank when asked and not answered; the interview file keeps the rest")
    func long() throws {
        let dir = TemporaryDirectory()
        let store = try store(in: dir)
        let run = try SondeoRunner.run(["responses", "export", "hogar_prueba", "--out", dir.path("o.csv"), "--repeats", "long", "--store", store])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("Bloque que se repite: \(dir.path("o_usados.csv")) (3 filas: una por entrevista y copia de «usados»)"), "\(run.stderr)")
        // By hand: the options ticked (Ninguno, exclusive, has no copy) and copies 1…personas.
        #expect(try String(contentsOfFile: dir.path("o_usados.csv"), encoding: .utf8) == """
            id_afiliado,_copia,_opcion,sat
            A1,1,Salud,3
            A1,2,Vivienda,98
            A3,2,Vivienda,1

            """)
        #expect(try String(contentsOfFile: dir.path("o_personas.csv"), encoding: .utf8) == """
            id_afiliado,_copia,edad
            A1,1,40
            A1,2,
            A2,1,
            A3,1,30
            A3,2,8
            A3,3,5

            """)
        let header = try String(contentsOfFile: dir.path("o.csv"), encoding: .utf8).split(separator: "\n")[0]
        #expect(header.hasSuffix("usados_1,usados_2,usados_3,personas,estrato,peso,N_estrato"), "\(header)")

        // Wide stays the default: a column per copy.
        let wide = try SondeoRunner.run(["responses", "export", "hogar_prueba", "--out", dir.path("w.csv"), "--store", store])
        #expect(wide.status == 0 && !FileManager.default.fileExists(atPath: dir.path("w_usados.csv")))
        #expect(try String(contentsOfFile: dir.path("w.csv"), encoding: .utf8).contains("usados_3,sat_1,sat_2,personas,edad_1,edad_2,edad_3,"))
    }

    @Test("anonymized: the long rows carry the interview's _fila, not its id, and follow the shuffled order")
    func anonymized() throws {
        let dir = TemporaryDirectory()
        let store = try store(in: dir)
        let run = try SondeoRunner.run(["responses", "export", "hogar_prueba", "--out", dir.path("a.csv"), "--repeats", "long", "--anonymize", "--store", store])
        #expect(run.status == 0, "\(run.stderr)")
        let main = try CSVRows(dir.path("a.csv")), people = try CSVRows(dir.path("a_personas.csv"))
        #expect(!people.header.contains("id_afiliado") && people.header.first == "_fila")
        // Each interview is recognised by its answers: personas 2 is A1, 1 is A2, 3 is A3.
        var fila: [String: String] = [:]
        for row in main.rows { fila[["2": "A1", "1": "A2", "3": "A3"][row["personas"]!]!] = row["_fila"]! }
        let expected = [("A1", "1", "40"), ("A1", "2", ""), ("A2", "1", ""), ("A3", "1", "30"), ("A3", "2", "8"), ("A3", "3", "5")]
            .map { [fila[$0.0]!, $0.1, $0.2] }.sorted { ($0[0], $0[1]) < ($1[0], $1[1]) }
        #expect(people.rows.map { [$0["_fila"]!, $0["_copia"]!, $0["edad"]!] } == expected)
    }

    @Test("long as .sav: PSPP reads the block's file with the question as label, its options and NS as missing",
          .enabled(if: Witness.hasPSPP, "needs pspp (make test installs it)"))
    func sav() throws {
        let dir = TemporaryDirectory()
        let store = try store(in: dir)
        let run = try SondeoRunner.run(["responses", "export", "hogar_prueba", "--out", dir.path("o.sav"), "--repeats", "long", "--store", store])
        #expect(run.status == 0, "\(run.stderr)")
        let pspp = try Witness.pspp("""
            GET FILE='o_usados.sav'.
            DISPLAY DICTIONARY /VARIABLES=sat.
            LIST.
            """, in: dir.url.path)
        #expect(pspp.status == 0, "\(pspp.output)")
        for text in ["¿Cómo le fue", "98[a]|No sabe", "|Mal", "|Bien", "|A1         |      1|Salud   |  3|", "|A1         |      2|Vivienda| 98|", "|A3         |      2|Vivienda|  1|"] {
            #expect(pspp.output.contains(text), "\(text)\n\(pspp.output)")
        }
    }
}

/// A small CSV read by hand (no quotes in these files): the header and each row by column name.
struct CSVRows {
    var header: [String]
    var rows: [[String: String]]

    init(_ path: String) throws {
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: true)
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        self.header = header
        rows = lines.dropFirst().map { line in
            Dictionary(uniqueKeysWithValues: zip(header, line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)))
        }
    }
}
