import Foundation
import SondeoTestSupport
import Testing

/// Issue 24, steps 39–40: the measurement plan of a strategy (the sample each indicator's margin needs)
/// and, after fieldwork, planned against achieved. Every figure is worked by hand below, and the
/// design-based estimate is R's: `svymean(~usa, svydesign(ids = ~1, strata = ~estrato, weights = ~peso,
/// fpc = ~N_estrato))` gives 0.416666666666667 with SE 0.184089350286454 on the responses of `review`.
@Suite struct StrategyMeasurementCLITests {
    /// 400 affiliates: 300 under 30 (100 of categoría A, 200 of B) of whom 30 use the service; their
    /// visits are 2 for half of them and 4 for the other half; 100 of 30 or more (categoría A).
    static func base(_ dir: TemporaryDirectory) -> String {
        var text = "id,categoria,edad,usa,visitas\n"
        for i in 1...400 {
            let young = i <= 300
            text += "F\(i),\(young ? (i <= 100 ? "A" : "B") : "A"),\(young ? 25 : 40),\(young && i % 10 == 0 ? 1 : 0),\(i % 2 == 0 ? 2 : 4)\n"
        }
        return dir.file("base.csv", text: text)
    }

    static let strategy = """
        estrategia prueba "Prueba de medición"
        segmento: edad < 30
        objetivo: Que usen el servicio
        meta: 30 % lo usa
        vigencia: 2027-01-01 a 2027-12-31

        actividad "Mensaje"
          objetivo: Dar a conocer el servicio
          responsable: Mercadeo
          contenido: Oferta
          canal: whatsapp
          frecuencia: mensual
          presupuesto: 1.000.000
          indicador: 90 % entregados

        indicador uso "Uso del servicio"
          medida: proporción usa
          línea base: 10 %
          meta: 30 %
          margen: 8 puntos

        indicador visitas "Visitas"
          medida: media visitas
          línea base: 3
          meta: 3,5
          margen: 0,5

        medición "Encuesta de cierre"
          cuestionario: satisfaccion_servicios
          modo: telefono
          respuesta esperada: 50 %
          estratos: categoria

        """

    @Test("plan: n for each margin by Cochran with the segment's size, the largest drives, split in proportion to the strata")
    func plan() throws {
        let dir = TemporaryDirectory()
        let base = Self.base(dir), file = dir.file("e.estrategia", text: Self.strategy)
        let run = try SondeoRunner.run(["strategy", "plan", file, "--base", base, "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let indicators = try #require(json["indicators"] as? [[String: Any]])
        // uso: p between today's 10 % (30 of 300) and the target 30 %, nearest ½: 0.30; S² = 0.21.
        // n0 = 1.959964² · 0.21 / 0.08² = 126.0479; n = 126.0479 / (1 + 125.0479/300) = 88.96 → 89.
        #expect(abs((indicators[0]["n0"] as? Double ?? 0) - 126.047867554026) < 1e-9)
        #expect(indicators[0]["n"] as? Int == 89 && indicators[0]["n_final"] as? Int == 178)
        // visitas: s² = 300·1² / 299 (half 2, half 4, mean 3); n0 = 1.959964² · 300/299 / 0.5² = 15.4170;
        // n = 15.4170 / (1 + 14.4170/300) = 14.71 → 15; contacts ⌈15/0.5⌉ = 30.
        #expect(abs((indicators[1]["n0"] as? Double ?? 0) - 3.841458820694124 * 300 / 299 / 0.25) < 1e-9)
        #expect(indicators[1]["n"] as? Int == 15 && indicators[1]["n_final"] as? Int == 30)
        #expect(json["completes"] as? Int == 89 && json["invitations"] as? Int == 178 && json["driving"] as? String == "uso")
        // 89 over A 100 : B 200 → 29.67 and 59.33 → 29 + 59, the one left to A (largest remainder);
        // 178 → 59.33 and 118.67 → 59 + 118, the one left to B.
        let strata = try #require(json["strata"] as? [[String: Any]])
        #expect(strata.map { $0["stratum"] as? String } == ["A", "B"] && strata.map { $0["N"] as? Int } == [100, 200])
        #expect(strata.map { $0["completes"] as? Int } == [30, 59] && strata.map { $0["invitations"] as? Int } == [59, 119])
        let text = try SondeoRunner.run(["strategy", "plan", file, "--base", base, "--store", dir.path("campo.sqlite")])
        #expect(text.stdout.contains("Se necesitan 89 encuestas completas (las pide «uso»); contacte a 178 afiliados."), "\(text.stdout)")
        // The questionnaire it names, by id: not yet in the store (which is not created for asking).
        #expect(text.stdout.hasSuffix("Cuestionario «satisfaccion_servicios»: no está publicado en \(dir.path("campo.sqlite")); publíquelo antes del campo (paso 43).\n"), "\(text.stdout)")
        #expect(!FileManager.default.fileExists(atPath: dir.path("campo.sqlite")))
        // By file, beside the strategy: --publish publishes it as «questionnaire publish» does; then the id finds it.
        try FileManager.default.copyItem(atPath: RepositoryFiles.path("Questionnaires/satisfaccion-servicios.encuesta"), toPath: dir.path("cierre.encuesta"))
        let byFile = dir.file("f.estrategia", text: Self.strategy.replacingOccurrences(of: "cuestionario: satisfaccion_servicios", with: "cuestionario: cierre.encuesta"))
        let published = try SondeoRunner.run(["strategy", "plan", byFile, "--base", base, "--store", dir.path("campo.sqlite"), "--publish"])
        #expect(published.status == 0 && published.stdout.contains("Publicado «satisfaccion_servicios» versión "), "\(published.stdout)\(published.stderr)")
        let found = try SondeoRunner.run(["strategy", "plan", file, "--base", base, "--store", dir.path("campo.sqlite")])
        #expect(found.stdout.contains("Cuestionario «satisfaccion_servicios»: versión "), "\(found.stdout)")
        // The printable plan carries the measurement as written: each indicator's margin and the block's fields.
        let render = try SondeoRunner.run(["strategy", "render", file, "--base", base])
        #expect(render.stdout.contains("| Uso del servicio | proporción usa | 10 % | 10,0 % | 30 % | ±8 puntos |"), "\(render.stdout)")
        #expect(render.stdout.contains("## Medición (pasos 39 y 40)\n\n- **Medición**: Encuesta de cierre\n- **Cuestionario**: satisfaccion_servicios\n- **Modo**: telefono\n- **Respuesta esperada**: 50 %\n- **Estratos**: categoria\n"),
                "\(render.stdout)")
    }

    @Test("review: each stratum's completes against the plan; the share by the design (R's svymean), its margin against the planned, the change from the baseline and the target")
    func review() throws {
        let dir = TemporaryDirectory()
        let base = Self.base(dir), file = dir.file("e.estrategia", text: Self.strategy)
        // Four completes in each stratum: A (N = 100, peso 25) answers 1,1,0,1; B (N = 200, peso 50) 0,0,1,0.
        var text = "id,estrato,peso,N_estrato,usa\n"
        for (i, (stratum, usa)) in zip(1..., [("A", 1), ("A", 1), ("A", 0), ("A", 1), ("B", 0), ("B", 0), ("B", 1), ("B", 0)]) {
            text += "R\(i),\(stratum),\(stratum == "A" ? 25 : 50),\(stratum == "A" ? 100 : 200),\(usa)\n"
        }
        let responses = dir.file("respuestas.csv", text: text)
        let run = try SondeoRunner.run(["strategy", "review", file, "--base", base, "--responses", responses, "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let strata = try #require(json["strata"] as? [[String: Any]])
        #expect(strata.map { $0["planned"] as? Int } == [30, 59] && strata.map { $0["achieved"] as? Int } == [4, 4])
        let uso = try #require((json["indicators"] as? [[String: Any]])?.first)
        // p = (1/3)(3/4) + (2/3)(1/4) = 5/12; V = (1/3)²(1 − 4/100)(0.25/4) + (2/3)²(1 − 4/200)(0.25/4) = 0.0338889.
        #expect(abs((uso["estimate"] as? Double ?? 0) - 41.6666666666667) < 1e-9)
        #expect(abs((uso["se"] as? Double ?? 0) - 18.4089350286454) < 1e-9)
        #expect(abs((uso["margin_achieved"] as? Double ?? 0) - 1.959963984540054 * 18.4089350286454) < 1e-9)
        #expect(uso["margin_planned"] as? Double == 8 && uso["precision_met"] as? Bool == false)
        // z = (41.6667 − 10)/18.4089 = 1.72018; p = 2(1 − Φ(1.72018)) = 0.08540 (R: 2*pnorm(-1.72018) = 0.0853998).
        #expect(abs((uso["change_z"] as? Double ?? 0) - 31.6666666666667 / 18.4089350286454) < 1e-9)
        #expect(abs((uso["change_p"] as? Double ?? 0) - 0.0853998) < 1e-6)
        #expect(uso["target_reached"] as? Bool == true)
        #expect(json["not_in_responses"] as? [String] == ["visitas"])
        let shown = try SondeoRunner.run(["strategy", "review", file, "--base", base, "--responses", responses])
        #expect(shown.stdout.contains("margen logrado ±36,1 frente a ±8,0 planeado: menos preciso de lo planeado"), "\(shown.stdout)")
        #expect(shown.stdout.contains("A: 4 de 30 (faltan 26)"), "\(shown.stdout)")
    }

    @Test("review --store: a «casos pqrsl» indicator counts the store's cases of its kinds and service received in its period, up to --on")
    func caseIndicators() throws {
        let dir = TemporaryDirectory()
        let base = Self.base(dir)
        let file = dir.file("e.estrategia", text: Self.strategy + """
            indicador quejas "Quejas y reclamos de recreación"
              medida: casos pqrsl quejas y reclamos servicio recreacion
              periodo: 2026-02-01 a 2026-06-30
              línea base: 5
              meta: 3

            indicador gracias "Felicitaciones"
              medida: casos pqrsl felicitaciones
              periodo: 2026-11-01 a 2027-01-31
              línea base: 1
              meta: 3

            """)
        // Counted for «quejas»: 101 (queja, recreación, Feb 3) and 102 (reclamo, Mar 10) — 2 cases. Not:
        // 103 (salud), 104 (petición), 105 (Jan 20, before), 106 (felicitación), 107 (Jul 1, after).
        // «gracias» counts felicitaciones from Nov 1: 108 (Nov 15) only; 106 (Feb 5) is before.
        let cases = dir.file("casos.csv", text: """
            radicado,canal,tipo,servicio,texto,peticionario,recibido
            CONFA-2026-000101,web,queja,recreacion,La piscina estaba cerrada,Ana,2026-02-03
            CONFA-2026-000102,telefono,reclamo,recreacion,Cobro doble del plan,Luis,2026-03-10
            CONFA-2026-000103,web,queja,salud,Demora en la cita,Eva,2026-03-11
            CONFA-2026-000104,web,peticion,recreacion,Horarios del parque,Rosa,2026-03-12
            CONFA-2026-000105,web,queja,recreacion,Fila larga,Juan,2026-01-20
            CONFA-2026-000106,web,felicitacion,recreacion,Muy buen paseo,Sara,2026-02-05
            CONFA-2026-000107,web,queja,recreacion,Sin toallas,Paula,2026-07-01
            CONFA-2026-000108,web,felicitacion,atencion,Excelente atención,Marta,2026-11-15

            """)
        let store = dir.path("casos.sqlite")
        let imported = try SondeoRunner.run(["cases", "import", cases, "--store", store])
        #expect(imported.status == 0, "\(imported.stderr)")
        let responses = dir.file("respuestas.csv", text: "id,estrato,peso,N_estrato,usa\nR1,A,25,100,1\nR2,A,25,100,0\nR3,B,50,200,0\nR4,B,50,200,1\n")
        let args = ["strategy", "review", file, "--base", base, "--responses", responses, "--store", store, "--on", "2026-12-01"]
        let run = try SondeoRunner.run(args + ["--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let counts = try #require(json["cases"] as? [[String: Any]])
        #expect(counts.map { $0["indicator"] as? String } == ["quejas", "gracias"])
        #expect(counts.map { $0["cases"] as? Int } == [2, 1])
        #expect(counts[0]["types"] as? [String] == ["queja", "reclamo"] && counts[0]["service"] as? String == "recreacion")
        // 2 against a target of 3 below the baseline 5, period over: reached. 1 against 3 upwards, on Dec 1 of a
        // period to Jan 31: not decided yet (null), counted through Dec 1.
        #expect(counts[0]["target_reached"] as? Bool == true && counts[0]["period_ended"] as? Bool == true)
        #expect(counts[1]["target_reached"] is NSNull && counts[1]["through"] as? String == "2026-12-01")
        let shown = try SondeoRunner.run(args)
        #expect(shown.stdout.contains("""
              Quejas y reclamos de recreación: 2 casos (queja, reclamo, servicio recreacion; 2026-02-01 – 2026-06-30)
                línea base 5, meta 3: alcanzada
              Felicitaciones: 1 caso (felicitación; 2026-11-01 – 2026-12-01)
                línea base 1, meta 3: en curso: el periodo va hasta el 2027-01-31
            """), "\(shown.stdout)")
        let without = try SondeoRunner.run(["strategy", "review", file, "--base", base, "--responses", responses, "--store", dir.path("otro.sqlite")])
        #expect(without.stdout.contains("Cuentan casos PQRSL y no se contaron (no hay almacén de casos; dé --store): quejas, gracias"), "\(without.stdout)")
        #expect(!FileManager.default.fileExists(atPath: dir.path("otro.sqlite")))
        let bad = dir.file("mal.estrategia", text: (Self.strategy + """
            indicador quejas "Quejas"
              medida: casos pqrsl quejs servicio
              línea base: 5
              meta: 3

            """).replacingOccurrences(of: "margen: 0,5", with: "margen: 0,5\n  periodo: 2027-01-01 a 2027-03-31"))
        let check = try SondeoRunner.run(["strategy", "check", bad])
        #expect(check.status == 65)
        #expect(check.stderr.contains("error[STRATEGY-016]: medida: «quejs» no es un tipo de caso PQRSL (peticion, peticion-documentos, consulta, queja, reclamo, sugerencia, felicitacion); ¿quiso decir «queja»?"), "\(check.stderr)")
        #expect(check.stderr.contains("error[STRATEGY-016]: periodo: el indicador «visitas» no cuenta casos PQRSL"), "\(check.stderr)")
    }

    @Test("review --close-base: the base indicators the survey did not ask, measured over the segment's members at the start, found by identifier in the new extraction")
    func closingBase() throws {
        let dir = TemporaryDirectory()
        let base = Self.base(dir), file = dir.file("e.estrategia", text: Self.strategy)
        // At the close F281–F300 are gone; of the 280 members left F1–F70 use the service (70/280 = 25 %) and
        // visited 2 times, the other 210 4 times: mean (70·2 + 210·4)/280 = 3.5. F301–F400 were not in the
        // segment (edad 40 at the start) and all use it: they must not count. Their edad now is 19 (the
        // segment is not applied again).
        var text = "id,edad,usa,visitas\n"
        for i in 1...400 where !(281...300).contains(i) {
            text += i <= 300 ? "F\(i),31,\(i <= 70 ? 1 : 0),\(i <= 70 ? 2 : 4)\n" : "F\(i),19,1,9\n"
        }
        let closing = dir.file("cierre.csv", text: text)
        let responses = dir.file("respuestas.csv", text: "id,estrato,peso,N_estrato,otra\nR1,A,25,100,1\nR2,A,25,100,0\nR3,B,50,200,0\nR4,B,50,200,1\n")
        let args = ["strategy", "review", file, "--base", base, "--responses", responses, "--close-base", closing]
        let run = try SondeoRunner.run(args + ["--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let measured = try #require(json["closing_base"] as? [String: Any])
        #expect(measured["cohort"] as? Int == 300 && measured["found"] as? Int == 280 && measured["identifier"] as? String == "id")
        let rows = try #require(measured["indicators"] as? [[String: Any]])
        #expect(rows.map { $0["indicator"] as? String } == ["uso", "visitas"] && rows.map { $0["n"] as? Int } == [280, 280])
        #expect(abs((rows[0]["value"] as? Double ?? 0) - 25) < 1e-12 && rows[0]["target_reached"] as? Bool == false)
        #expect(abs((rows[1]["value"] as? Double ?? 0) - 3.5) < 1e-12 && rows[1]["target_reached"] as? Bool == true)
        #expect(json["not_in_responses"] as? [String] == [])
        let shown = try SondeoRunner.run(args)
        #expect(shown.stdout.contains("""
              En la base al cierre (\(closing); los 300 afiliados que estaban en el segmento, seguidos por id; 280 siguen en ella), un censo sin error de muestreo:
              Uso del servicio: 25,0 % (n = 280); línea base 10,0 %, meta 30,0 %: no alcanzada
              Visitas: 3,50 (n = 280); línea base 3,00, meta 3,50: alcanzada
            """), "\(shown.stdout)")
        let noID = dir.file("sin_id.csv", text: "documento,usa\nF1,1\n")
        let wrong = try SondeoRunner.run(["strategy", "review", file, "--base", base, "--responses", responses, "--close-base", noID])
        #expect(wrong.status != 0 && wrong.stderr.contains("error[STRATEGY-014]: \(noID) no tiene la columna «id», el identificador de la base con que se sigue a los afiliados que estaban en el segmento"),
                "\(wrong.stderr)")
    }

    @Test("the measurement's mistakes, located: an unknown mode, a response rate over 100 %, a margin without a measurement block")
    func mistakes() throws {
        let dir = TemporaryDirectory()
        let bad = Self.strategy.replacingOccurrences(of: "modo: telefono", with: "modo: telefon")
            .replacingOccurrences(of: "respuesta esperada: 50 %", with: "respuesta esperada: 140 %")
        let file = dir.file("e.estrategia", text: bad)
        let run = try SondeoRunner.run(["strategy", "check", file])
        #expect(run.status == 65)
        #expect(run.stderr.contains("error[STRATEGY-012]: modo: «telefon» no es uno de: telefono, web, presencial, correo, whatsapp, sms; ¿quiso decir «telefono»?"), "\(run.stderr)")
        #expect(run.stderr.contains("error[STRATEGY-012]: respuesta esperada: «140 %» debe estar entre 0,1 % y 100 %"), "\(run.stderr)")
        let noBlock = dir.file("f.estrategia", text: String(Self.strategy[..<Self.strategy.range(of: "medición \"Encuesta")!.lowerBound]))
        let second = try SondeoRunner.run(["strategy", "check", noBlock])
        #expect(second.stderr.contains("error[STRATEGY-013]: margen: el indicador «uso» pide un margen pero la estrategia no tiene «medición»"), "\(second.stderr)")
        let plan = try SondeoRunner.run(["strategy", "plan", noBlock])
        #expect(plan.status == 64 && plan.stderr.contains("dé --base"), "\(plan.stderr)")
    }

    @Test("the channels the segment uses (step 38), from a contacts file joined to the base by identifier; a channel it does not use is warned")
    func channels() throws {
        let dir = TemporaryDirectory()
        let base = Self.base(dir)
        let file = dir.file("e.estrategia", text: Self.strategy.replacingOccurrences(of: "canal: whatsapp", with: "canal: whatsapp, llamada"))
        // F1–F20 are in the segment (edad 25) and came by web; F350 (edad 40, not in it) by phone; F21 has no channel.
        let contacts = dir.file("contactos.csv", text: "id,canal\n" + (1...20).map { "F\($0),web\n" }.joined() + "F350,telefono\nF21,\n")
        let run = try SondeoRunner.run(["strategy", "check", file, "--base", base, "--channels", contacts])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasSuffix("Canales del segmento en \(contacts) (20 contactos): web 100,0 %\n"), "\(run.stdout)")
        #expect(run.stderr.hasPrefix("aviso[STRATEGY-015]: la actividad «Mensaje» usa llamada, y solo el 0,0 % de los contactos del segmento en \(contacts) fueron por telefono: ¿está alineado el canal con el segmento? (paso 38)"),
                "\(run.stderr)")
        let noBase = try SondeoRunner.run(["strategy", "check", file, "--channels", contacts])
        #expect(noBase.status == 64 && noBase.stderr.contains("dé --base"), "\(noBase.stderr)")
        let wrong = dir.file("sin_canal.csv", text: "id,medio\nF1,web\n")
        let missing = try SondeoRunner.run(["strategy", "check", file, "--base", base, "--channels", wrong])
        #expect(missing.status == 65 && missing.stderr.contains("no tiene la columna «canal»"), "\(missing.stderr)")
    }

    @Test("sondeo report --strategy: planned against achieved on the example survey's design; NPS and CSAT as R's svymean gives them")
    func report() throws {
        let dir = TemporaryDirectory()
        let file = dir.file("lealtad.estrategia", text: """
            estrategia lealtad "Lealtad de los afiliados"
            segmento: edad >= 18
            objetivo: Que recomienden a Confa
            meta: NPS de 40
            vigencia: 2027-01-01 a 2027-12-31

            actividad "Llamada de bienvenida"
              objetivo: Dar la bienvenida
              responsable: Servicio al cliente
              contenido: Llamada con los beneficios
              canal: llamada
              frecuencia: mensual
              presupuesto: 3.000.000
              indicador: 80 % contactados

            indicador nps "NPS de los afiliados"
              medida: nps nps
              línea base: 20
              meta: 40
              margen: 10

            indicador csat "CSAT"
              medida: csat csat
              línea base: 70 %
              meta: 80 %
              margen: 5 puntos

            medición "Encuesta de satisfacción"
              cuestionario: satisfaccion_servicios
              modo: telefono, web
              respuesta esperada: 60 %
              estratos: categoria
            """)
        let out = dir.path("informe.md")
        let run = try SondeoRunner.run(["report", RepositoryFiles.exampleData("respuestas.csv"), "--questionnaire", RepositoryFiles.exampleData("respuestas.encuesta"),
                                        "--strata", "categoria", "--weights", "peso", "--fpc", "N_estrato",
                                        "--strategy", file, "--base", RepositoryFiles.exampleData("afiliados.csv"), "--out", out])
        #expect(run.status == 0, "\(run.stderr)")
        let text = try String(contentsOfFile: out, encoding: .utf8)
        // R: d$y <- ifelse(nps >= 9, 1, ifelse(nps <= 6, -1, 0)); svymean(~y, svydesign(ids = ~1, strata = ~categoria,
        // weights = ~peso, fpc = ~N_estrato), na.rm = TRUE) → 0.21401005, SE 0.0301770919: 21.4 ± 1.96 · 3.0177 = 15.5 – 27.3.
        #expect(text.contains("| NPS de los afiliados | 21,4 (15,5 – 27,3) | ±5,9 / ±10,0 | sí | 20,0 |"), "\(text)")
        // The same for csat ≥ 4 with the questionnaire's «no sabe» (99, 15 answers) missing, as the report reads
        // it: d$csat[d$csat == 99] <- NA; svymean(~I(csat >= 4), design, na.rm = TRUE) → 0.6520138255, SE 0.0182311163
        // → 65.2 (61.6 – 68.8), ±3.6 against ±5 planned. (Counting 99 as 4 or more gave 66.0: a «no sabe» is not satisfied.)
        #expect(text.contains("| CSAT | 65,2 (61,6 – 68,8) | ±3,6 / ±5,0 | sí | 70,0 |"), "\(text)")
        // Planned: the NPS with no data is the worst case, S² = 1: n0 = 1.959964² / 0.1² = 384.15, n = 384.15/(1 + 383.15/20 000) = 376.9 → 377,
        // shared 14 010 : 3 968 : 2 022 → 264.1, 74.8, 38.1 → 264, 74 + 1 (largest remainder), 38; the file has 400, 250 and 200.
        #expect(text.contains("| A | 264 | 400 |") && text.contains("| total | 377 | 850 |"), "\(text)")
        let missing = try SondeoRunner.run(["report", RepositoryFiles.exampleData("respuestas.csv"), "--questionnaire", RepositoryFiles.exampleData("respuestas.encuesta"),
                                            "--strategy", file, "--out", out])
        #expect(missing.status == 64 && missing.stderr.contains("dé --base"), "\(missing.stderr)")
    }
}
