import Foundation
import SondeoTestSupport
import Testing

/// `sondeo questionnaire check` and `render` as a person runs them: exit codes, the located
/// messages, and the files an XLSForm or a codebook export leaves on disk.
@Suite struct QuestionnaireCLITests {
    static let satisfaccion = RepositoryFiles.path("Questionnaires/satisfaccion-servicios.encuesta")

    /// Two questions; the second's condition names «aa», which does not exist (line 10, column 14).
    static let broken = """
        encuesta prueba "Prueba"
        versión 1
        modos presencial
        lista sino: 1 Sí | 2 No

        a: una de sino
          "¿Uno?"
        b: una de sino
          "¿Dos?"
          mostrar si aa = 1

        """

    @Test("check: a clean questionnaire exits 0 with its summary line")
    func checkClean() throws {
        let run = try SondeoRunner.run(["questionnaire", "check", Self.satisfaccion])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.hasSuffix("satisfaccion-servicios.encuesta: 0 errores, 0 advertencias · 10 preguntas, 13 variables, 4 listas · unos 2 min de entrevista\n"))
    }

    @Test("check: an error exits 1 and shows file:line:column, the rule, the line and «¿quiso decir?»")
    func checkBroken() throws {
        let dir = TemporaryDirectory()
        let file = dir.path("mala.encuesta")
        try Self.broken.write(toFile: file, atomically: true, encoding: .utf8)
        let run = try SondeoRunner.run(["questionnaire", "check", file])
        #expect(run.status == 1)
        #expect(run.stdout.contains("""
            error[DSL-060]: «aa» no es una pregunta de este cuestionario; ¿quiso decir «a»?
             --> \(file):10:14
               |
            10 |   mostrar si aa = 1
               |              ^^
            """))
        #expect(run.stdout.contains("1 error, 0 advertencias"))

        let json = try SondeoRunner.run(["questionnaire", "check", file, "--format", "json"])
        #expect(json.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["errors"] as? Int == 1 && object["warnings"] as? Int == 0 && object["version"] as? String == "1")
        let diagnostic = try #require((object["diagnostics"] as? [[String: Any]])?.first)
        #expect(diagnostic["code"] as? String == "DSL-060" && diagnostic["line"] as? Int == 10 && diagnostic["column"] as? Int == 14)
        #expect(diagnostic["text"] as? String == "  mostrar si aa = 1")

        let english = try SondeoRunner.run(["questionnaire", "check", file, "--lang", "en"])
        #expect(english.stdout.contains("«aa» is not a question of this questionnaire; did you mean «a»?"))
    }

    @Test("check --against: the same version number with another text is an error at the versión line")
    func checkAgainst() throws {
        let dir = TemporaryDirectory()
        let published = dir.path("v1.encuesta"), edited = dir.path("v1b.encuesta")
        let text = try String(contentsOfFile: Self.satisfaccion, encoding: .utf8)
        try text.write(toFile: published, atomically: true, encoding: .utf8)
        try text.replacingOccurrences(of: "¿Cuántas veces lo utilizó en esos tres meses?", with: "¿Cuántas veces lo usó en esos tres meses?")
            .write(toFile: edited, atomically: true, encoding: .utf8)
        let same = try SondeoRunner.run(["questionnaire", "check", published, "--against", published])
        #expect(same.status == 0)
        let run = try SondeoRunner.run(["questionnaire", "check", edited, "--against", published, "--format", "json"])
        #expect(run.status == 1)
        #expect(run.stdout.contains("\"DSL-101\"") && run.stdout.contains("\"line\": 4"))
    }

    @Test("render: markdown for the phone, HTML, the JSON contract; xlsform and codebook write their files")
    func render() throws {
        let markdown = try SondeoRunner.run(["questionnaire", "render", Self.satisfaccion, "--format", "markdown", "--mode", "telefono"])
        #expect(markdown.status == 0)
        #expect(markdown.stdout.hasPrefix("# Satisfacción con los servicios de Confa\n"))
        #expect(markdown.stdout.contains("**3. ¿Cuántas veces lo utilizó en esos tres meses?** `usos`"))

        let html = try SondeoRunner.run(["questionnaire", "render", Self.satisfaccion, "--format", "html"])
        #expect(html.stdout.hasPrefix("<!DOCTYPE html>") && html.stdout.contains("lang=\"es\""))

        let json = try SondeoRunner.run(["questionnaire", "render", Self.satisfaccion, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["id"] as? String == "satisfaccion_servicios")
        #expect((object["items"] as? [Any])?.count == 11)  // ten questions and the closing note

        let dir = TemporaryDirectory()
        let xlsform = try SondeoRunner.run(["questionnaire", "render", Self.satisfaccion, "--format", "xlsform", "--out", dir.path("xlsform")])
        #expect(xlsform.status == 0, "\(xlsform.stderr)")
        for name in ["survey.csv", "choices.csv", "settings.csv", "formulario.csv"] {
            #expect(FileManager.default.fileExists(atPath: dir.path("xlsform/\(name)")), "\(name)")
        }
        let survey = try String(contentsOfFile: dir.path("xlsform/survey.csv"), encoding: .utf8)
        #expect(survey.hasPrefix("type,name,"))
        #expect(survey.contains("integer,usos,"))

        let codebook = try SondeoRunner.run(["questionnaire", "render", Self.satisfaccion, "--format", "codebook", "--out", dir.path("libro")])
        #expect(codebook.status == 0, "\(codebook.stderr)")
        let sps = try String(contentsOfFile: dir.path("libro/etiquetas.sps"), encoding: .utf8)
        #expect(sps.contains("VARIABLE LABELS"))
        // By hand from the questionnaire: NS = 98 and NR = 99 on nps; csat's list starts «1 Muy insatisfecho».
        #expect(sps.contains("MISSING VALUES nps (98, 99)."))
        #expect(sps.contains("VALUE LABELS csat\n  1 'Muy insatisfecho'"))
        let stata = try String(contentsOfFile: dir.path("libro/etiquetas.do"), encoding: .utf8)
        #expect(stata.contains("label define"))
        #expect(stata.contains("replace nps = .b if nps == 99"))
    }

    @Test("render --mode: a misspelt mode is suggested; a mode the questionnaire does not use is refused")
    func renderMode() throws {
        let pqrsl = RepositoryFiles.path("Questionnaires/verificacion-pqrsl.encuesta")
        let misspelt = try SondeoRunner.run(["questionnaire", "render", pqrsl, "--mode", "telfono"])
        #expect(misspelt.status == 64)
        #expect(misspelt.stderr.hasPrefix("Error: --mode debe ser telefono, presencial o web, no «telfono»; ¿quiso decir «telefono»?"))
        let web = try SondeoRunner.run(["questionnaire", "render", pqrsl, "--mode", "web"])
        #expect(web.status == 64)
        #expect(web.stderr == "Error: --mode web: \(pqrsl) no se aplica en ese modo (modos: teléfono)\n")
        let accented = try SondeoRunner.run(["questionnaire", "render", pqrsl, "--mode", "teléfono"])
        #expect(accented.status == 0 && accented.stdout.contains("texto para teléfono"))
    }

    @Test("render refuses a questionnaire with errors and writes nothing; a missing file exits 66; Windows-1252 is located")
    func renderRefuses() throws {
        let dir = TemporaryDirectory()
        let file = dir.path("mala.encuesta")
        try Self.broken.write(toFile: file, atomically: true, encoding: .utf8)
        let run = try SondeoRunner.run(["questionnaire", "render", file, "--format", "xlsform", "--out", dir.path("x")])
        #expect(run.status == 1)
        #expect(run.stderr.contains("tiene 1 error: corríjalos antes de convertirlo."))
        #expect(!FileManager.default.fileExists(atPath: dir.path("x")))

        let missing = try SondeoRunner.run(["questionnaire", "check", dir.path("nada.encuesta")])
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("no existe el archivo"))

        // «versión» saved by an old editor in Windows-1252: ó is the single byte 0xF3, at line 2, column 6.
        let latin1 = dir.path("latin1.encuesta")
        try Data("encuesta e \"E\"\nversi".utf8 + [0xF3] + Data("n 1\n".utf8)).write(to: URL(fileURLWithPath: latin1))
        // It is the check's one error, in its report like any other (exit 1), and in JSON too.
        let encoding = try SondeoRunner.run(["questionnaire", "check", latin1])
        #expect(encoding.status == 1)
        #expect(encoding.stdout.contains("error[DSL-000]: el archivo no está en UTF-8 (byte 0xF3)"), "\(encoding.stdout)")
        #expect(encoding.stdout.contains("\(latin1):2:6"))
        let json = try SondeoRunner.run(["questionnaire", "check", latin1, "--format", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(json.status == 1 && report["errors"] as? Int == 1)
        #expect((report["diagnostics"] as? [[String: Any]])?.first?["code"] as? String == "DSL-000")
    }

    @Test("rehearse: the questions a plan reaches, their piped texts and the answers refused; a bad plan line is located")
    func rehearse() throws {
        let dir = TemporaryDirectory()
        let questionnaire = RepositoryFiles.path("Questionnaires/satisfaccion-servicios.encuesta")
        let plan = dir.file("ensayo.txt", text: "# un detractor\nconsentimiento=1\nservicio=6\nusos=0\nusos=3\nnps=NS\ncsat=1\n")
        let run = try SondeoRunner.run(["questionnaire", "rehearse", questionnaire, "--plan", plan, "--mode", "telefono", "--format", "csv"])
        #expect(run.status == 0, "\(run.stderr)")
        // By hand: usos 1..90 refuses 0; NS skips «nps_razon»; csat 1 asks «razones» and «mejora»; service 6 (salud) shows «sedes».
        #expect(run.stdout == """
            variable,texto,respuesta
            consentimiento,"Buenos días, le habla — de Confa. ¿Nos regala cinco minutos para conocer su opinión sobre nuestros servicios? Sus datos se tratan según la Ley 1581 de 2012. ¿Acepta participar?",aceptada
            servicio,¿Qué servicio de Confa utilizó en los últimos tres meses?,aceptada
            usos,¿Cuántas veces lo utilizó en esos tres meses?,"rechazada, aceptada"
            nps,"En una escala de 0 a 10, ¿qué tan probable es que recomiende Confa a un familiar o amigo?",aceptada
            csat,"En general, ¿qué tan satisfecho está con el servicio de Salud (IPS Confa)?",aceptada
            atributos_amabilidad,la amabilidad del personal,sin respuesta en el plan
            atributos_espera,el tiempo de espera,sin respuesta en el plan
            atributos_informacion,la claridad de la información recibida,sin respuesta en el plan
            atributos_sedes,las instalaciones,sin respuesta en el plan
            razones,¿Qué fue lo que más influyó en su calificación? Puede elegir hasta tres.,sin respuesta en el plan
            mejora,¿Qué deberíamos mejorar?,sin respuesta en el plan

            """, "\(run.stdout)")
        let typo = dir.file("malo.txt", text: "consentimiento=1\nservico=2\n")
        let bad = try SondeoRunner.run(["questionnaire", "rehearse", questionnaire, "--plan", typo])
        #expect(bad.status == 65 && bad.stdout.isEmpty, "\(bad.status) \(bad.stdout)")
        #expect(bad.stderr.contains("\(typo):2") && bad.stderr.contains("«servico» no es una variable del cuestionario; ¿quiso decir «servicio»?"), "\(bad.stderr)")
        let number = dir.file("numero.txt", text: "consentimiento=1\nservicio=2\nusos=muchos\n")
        let unreadable = try SondeoRunner.run(["questionnaire", "rehearse", questionnaire, "--plan", number])
        #expect(unreadable.status == 65 && unreadable.stderr.contains("«usos»: escriba un número"), "\(unreadable.stderr)")
    }
}
