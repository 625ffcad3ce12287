import Foundation
import Questionnaire
import SondeoTestSupport
import Testing

/// The XLSForm export keeps the questionnaire's meaning in ODK's own engine: the workbook Sondeo writes
/// is converted by pyxform (and checked by ODK Validate), then run in JavaRosa — the engine inside ODK
/// Collect — with an answer plan (`Tests/Witnesses/JavaRosaReplay.java`). The same plan run by Sondeo's
/// runtime (``AnswerPlan``, what `sondeo questionnaire rehearse` prints) must reach the same questions in
/// the same order, read the same piped texts and accept and refuse the same answers.
@Suite(.enabled(if: Witness.hasJavaRosa, "needs pyxform's ODK Validate jar and javac (make test installs them)"))
struct XLSFormParityTests {
    /// Both replays of `plan` on `questionnaire` (a file's text), exported in `mode`.
    func replays(_ questionnaire: String, plan: String, mode: Mode = .web, language: String? = nil) throws -> (sondeo: String, javaRosa: String) {
        let dir = TemporaryDirectory()
        let source = dir.path("form.encuesta")
        try questionnaire.write(toFile: source, atomically: true, encoding: .utf8)
        let (q, diagnostics) = QuestionnaireChecker.check(questionnaire, file: source)
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors)")
        let steps = try AnswerPlan(text: plan, file: "plan.txt", questionnaire: q).replay(AnswerCheck(language.map { q.translated(to: $0) } ?? q, mode: mode), file: "plan.txt")
        let sondeo = steps.map(\.line).joined(separator: "\n") + "\n"

        let workbook = dir.path("form.xlsx")
        let render = try SondeoRunner.run(["questionnaire", "render", source, "--format", "xlsform", "--mode", mode.rawValue, "--out", workbook])
        #expect(render.status == 0, "\(render.stderr)")
        let (xform, converted) = try Witness.xform(fromXLSForm: workbook)
        #expect(converted.status == 0 && converted.output == "[]\n", "pyxform/ODK Validate: \(converted.output)")
        let replay = try Witness.javaRosaReplay(xform: xform, plan: plan, in: dir.url.path, language: language.map(XLSFormExport.languageName))
        #expect(replay.status == 0, "\(replay.output)")
        return (sondeo, replay.output)
    }

    static let satisfaccion = (try? String(contentsOfFile: RepositoryFiles.path("Questionnaires/satisfaccion-servicios.encuesta"), encoding: .utf8)) ?? ""

    /// A detractor of the satisfaction survey: a range and an exclusive option refused first.
    static let detractorPlan = """
        consentimiento=1
        servicio=3
        usos=95
        usos=4
        nps=4
        nps_razon=Mucha espera
        csat=2
        atributos_amabilidad=4
        atributos_espera=1
        atributos_informacion=3
        atributos_sedes=2
        razones=1 7
        razones=1 2
        mejora=Más cajeros
        contacto=1
        """

    @Test("the satisfaction survey: a detractor's path, a range and an exclusive option refused, a service's name piped")
    func satisfactionDetractor() throws {
        let (sondeo, javaRosa) = try replays(Self.satisfaccion, plan: Self.detractorPlan)
        #expect(sondeo == javaRosa)
        // Written out from the questionnaire by hand: usos 1..90 refuses 95; «7 Ninguna» is exclusive;
        // education (3) shows the «sedes» row; csat 2 asks «razones» and «mejora».
        #expect(sondeo == """
            consentimiento\tAcepto participar y autorizo el tratamiento de mis datos personales según la Ley 1581 de 2012.\tok
            servicio\t¿Qué servicio de Confa utilizó en los últimos tres meses?\tok
            usos\t¿Cuántas veces lo utilizó en esos tres meses?\trestriccion,ok
            nps\tEn una escala de 0 a 10, ¿qué tan probable es que recomiende Confa a un familiar o amigo?\tok
            nps_razon\t¿Cuál es la razón principal de su calificación de 4?\tok
            csat\tEn general, ¿qué tan satisfecho está con el servicio de Educación y cultura?\tok
            atributos_amabilidad\tla amabilidad del personal\tok
            atributos_espera\tel tiempo de espera\tok
            atributos_informacion\tla claridad de la información recibida\tok
            atributos_sedes\tlas instalaciones\tok
            razones\t¿Qué fue lo que más influyó en su calificación? Puede elegir hasta tres.\trestriccion,ok
            mejora\t¿Qué deberíamos mejorar?\tok
            contacto\t¿Autoriza que Confa lo contacte para hacer seguimiento a sus comentarios?\tok

            """)
    }

    @Test("the satisfaction survey: a promoter skips the reasons; a refusal ends the interview at once")
    func satisfactionPromoterAndRefusal() throws {
        let promoter = """
            consentimiento=1
            servicio=1
            usos=2
            nps=10
            csat=5
            atributos_amabilidad=5
            atributos_espera=5
            atributos_informacion=5
            contacto=1
            """
        let (sondeo, javaRosa) = try replays(Self.satisfaccion, plan: promoter)
        #expect(sondeo == javaRosa)
        #expect(!sondeo.contains("razones") && !sondeo.contains("atributos_sedes") && !sondeo.contains("contacto"), "\(sondeo)")
        // «No sabe» which service: the text reads its alternative, {servicio|Confa}, in both.
        let (unknown, unknownJavaRosa) = try replays(Self.satisfaccion, plan: "consentimiento=1\nservicio=98\nusos=2\nnps=9\ncsat=4\n")
        #expect(unknown == unknownJavaRosa)
        #expect(unknown.contains("csat\tEn general, ¿qué tan satisfecho está con el servicio de Confa?\tok"), "\(unknown)")
        let (refusedSondeo, refusedJavaRosa) = try replays(Self.satisfaccion, plan: "consentimiento=2\nservicio=1\n")
        #expect(refusedSondeo == refusedJavaRosa)
        #expect(refusedSondeo == "consentimiento\tAcepto participar y autorizo el tratamiento de mis datos personales según la Ley 1581 de 2012.\tok\n")
    }

    @Test("the characterisation survey face to face: household figures checked against each other, a mobile number and an e-mail by pattern")
    func characterisation() throws {
        let text = try String(contentsOfFile: RepositoryFiles.path("Questionnaires/caracterizacion-segmento.encuesta"), encoding: .utf8)
        let plan = """
            consentimiento=1
            hogar_tipo=3
            personas=4
            menores=4
            menores=2
            medios=1 2
            celular=300123
            celular=3001234567
            correo=ana@gmail
            correo=ana@gmail.com
            transporte=6
            transporte_otro=Taxi compartido
            tiempo_sede=30
            municipio=17174
            sede=1
            sede=3
            servicios_usados=2 6
            satisfaccion_servicio_2=4
            satisfaccion_servicio_6=98
            interes=Más cupos en los cursos
            """
        let (sondeo, javaRosa) = try replays(text, plan: plan, mode: .presencial)
        #expect(sondeo == javaRosa)
        // By hand: 4 minors of 4 people is refused; «300123» is not 10 digits from 3; «ana@gmail» has no domain;
        // no recreation used, so its satisfaction is not asked.
        #expect(sondeo.contains("menores\t¿Cuántas de ellas son menores de 18 años?\trestriccion,ok"), "\(sondeo)")
        #expect(sondeo.contains("celular\t¿A qué número de celular le podemos escribir?\trestriccion,ok"), "\(sondeo)")
        #expect(sondeo.contains("correo\t¿A qué correo electrónico le enviamos la información?\trestriccion,ok"), "\(sondeo)")
        // A site of Manizales is refused for Chinchiná; one block per service used, NS allowed in each.
        #expect(sondeo.contains("sede\t¿Cuál es la sede de Confa a la que más va?\trestriccion,ok"), "\(sondeo)")
        #expect(sondeo.contains("satisfaccion_servicio_2\t¿Qué tan satisfecho quedó con Recreación y turismo?\tok\nsatisfaccion_servicio_6\t¿Qué tan satisfecho quedó con Salud (IPS Confa)?\tok"), "\(sondeo)")
        #expect(!sondeo.contains("satisfaccion_servicio_1"), "\(sondeo)")
        // «6 Otro medio [otro]» asks which, right after.
        #expect(sondeo.contains("transporte_otro\tOtro medio, ¿cuál?\tok\ntiempo_sede"), "\(sondeo)")
    }

    @Test("cascading choices: the sites of the municipality chosen, NS beside them; a site of another municipality refused")
    func cascade() throws {
        let text = """
            encuesta sedes "Sedes"
            versión 1
            modos web
            especiales NS = 98 "No sabe"

            lista municipios: 17001 Manizales | 17174 Chinchiná | 17380 La Dorada
            lista sedes:
              1 Sede Centro [municipio = 17001]
              2 Sede Cable [municipio = 17001]
              3 Sede Chinchiná [municipio = 17174]
              4 Sede La Dorada [municipio = 17380]
              5 Centro recreacional Rochela [municipio = 17174]

            ciudad: una de municipios
              "¿En qué municipio vive?"
            sede: una de sedes donde municipio = ciudad, permite NS
              "¿Qué sede visita con más frecuencia?"
            otras: varias de sedes donde municipio = ciudad
              "¿Qué otras sedes de {ciudad} conoce?"

            """
        let plan = "ciudad=17174\nsede=1\nsede=3\notras=3 4\notras=3 5\n"
        let (sondeo, javaRosa) = try replays(text, plan: plan)
        #expect(sondeo == javaRosa)
        #expect(sondeo == """
            ciudad\t¿En qué municipio vive?\tok
            sede\t¿Qué sede visita con más frecuencia?\trestriccion,ok
            otras\t¿Qué otras sedes de Chinchiná conoce?\trestriccion,ok

            """)
        let (unknown, unknownJavaRosa) = try replays(text, plan: "ciudad=17380\nsede=98\n")
        #expect(unknown == unknownJavaRosa && unknown.contains("sede\t¿Qué sede visita con más frecuencia?\tok"), "\(unknown)")
    }

    @Test("hora and fecha y hora: a time checked against opening hours, a later question shown by the time given")
    func times() throws {
        let text = """
            encuesta t "T"
            versión 1
            modos web
            llegada: hora
              "¿A qué hora llegó a la sede?"
              validar llegada >= "07:00" y llegada <= "18:00" "Las sedes abren de 7:00 a 18:00"
            cita: fecha y hora
              "¿Cuándo es su próxima cita?"
            salida: hora
              "¿A qué hora salió?"
              mostrar si llegada >= "12:00"

            """
        let (morning, morningJavaRosa) = try replays(text, plan: "llegada=06:30\nllegada=09:15\ncita=2026-12-10T09:00\nsalida=10:00\n")
        #expect(morning == morningJavaRosa)
        // By hand: 06:30 is before opening; 09:15 is before noon, so «salida» is not asked.
        #expect(morning == "llegada\t¿A qué hora llegó a la sede?\trestriccion,ok\ncita\t¿Cuándo es su próxima cita?\tok\n")
        let (afternoon, afternoonJavaRosa) = try replays(text, plan: "llegada=18:30\nllegada=13:15\ncita=2026-12-10T09:00\nsalida=14:00\n")
        #expect(afternoon == afternoonJavaRosa && afternoon.contains("salida\t¿A qué hora salió?\tok"), "\(afternoon)")
    }

    @Test("repetir: one block per service ticked and one per person of the household, exported as the questions they are")
    func repeats() throws {
        let text = """
            encuesta r "R"
            versión 1
            modos web
            lista servicios: 1 Subsidio monetario | 2 Recreación | 3 Salud | 4 Ninguno [exclusiva]

            usados: varias de servicios
              "¿Qué servicios usó este año?"
            repetir por cada usados
            satisfaccion: escala 1..5
              "¿Qué tan satisfecho quedó con {_opcion}?"
            razon: texto, opcional
              "¿Por qué calificó {_opcion} con {satisfaccion}?"
              mostrar si satisfaccion <= 2
            fin repetir
            personas: entero 1..6
              "¿Cuántas personas viven en su hogar?"
            repetir 6 veces según personas
            edad: entero 0..110
              "Edad de la persona {_n}"
            fin repetir

            """
        let plan = "usados=1 3\nsatisfaccion_1=2\nrazon_1=Tardaron\nsatisfaccion_3=5\npersonas=2\nedad_1=40\nedad_2=130\nedad_2=12\n"
        let (sondeo, javaRosa) = try replays(text, plan: plan)
        #expect(sondeo == javaRosa)
        // By hand: subsidy (1) and health (3) ticked, so their blocks; a low mark asks why; two people, two ages.
        #expect(sondeo == """
            usados\t¿Qué servicios usó este año?\tok
            satisfaccion_1\t¿Qué tan satisfecho quedó con Subsidio monetario?\tok
            razon_1\t¿Por qué calificó Subsidio monetario con 2?\tok
            satisfaccion_3\t¿Qué tan satisfecho quedó con Salud?\tok
            personas\t¿Cuántas personas viven en su hogar?\tok
            edad_1\tEdad de la persona 1\tok
            edad_2\tEdad de la persona 2\trestriccion,ok

            """)
    }

    @Test("ordenar: one question per place, an option taken in an earlier place refused")
    func ranking() throws {
        let text = """
            encuesta o "O"
            versión 1
            modos web
            lista servicios: 1 Subsidio | 2 Recreación | 3 Salud | 4 Educación
            prioridad: ordenar servicios hasta 3
              "Ordene los servicios que más usa"

            """
        let (sondeo, javaRosa) = try replays(text, plan: "prioridad_1=3\nprioridad_2=3\nprioridad_2=1\nprioridad_3=1\nprioridad_3=4\n")
        #expect(sondeo == javaRosa)
        #expect(sondeo == """
            prioridad_1\tOrdene los servicios que más usa (primer lugar)\tok
            prioridad_2\t¿Y en segundo lugar?\trestriccion,ok
            prioridad_3\t¿Y en tercer lugar?\trestriccion,ok

            """)
    }

    @Test("idiomas es, en: the English labels, options and rows are ODK's English columns, and read the same in JavaRosa in English")
    func languages() throws {
        let text = """
            encuesta b "B"
            versión 1
            modos web
            idiomas es, en
            lista satisf: 1 Mal @en Bad | 2 Bien @en Good
            sección "Servicio" @en "Service"
            servicio: una de satisf
              "¿Cómo le fue?"
              @en "How did it go?"
              ayuda "Piense en su última visita" @en "Think of your last visit"
            aspectos: matriz de satisf
              "Califique"
              @en "Rate"
              - espera "la espera" @en "the wait"
            porque: texto
              "¿Por qué {servicio}?"
              @en "Why {servicio}?"

            """
        let plan = "servicio=2\naspectos_espera=1\nporque=Rápido\n"
        let (english, englishJavaRosa) = try replays(text, plan: plan, language: "en")
        #expect(english == englishJavaRosa)
        #expect(english == "servicio\tHow did it go?\tok\naspectos_espera\tthe wait\tok\nporque\tWhy Good?\tok\n", "\(english)")
        let (spanish, spanishJavaRosa) = try replays(text, plan: plan)
        #expect(spanish == spanishJavaRosa && spanish.hasPrefix("servicio\t¿Cómo le fue?\tok"), "\(spanish)")
        // And back from the workbook with both languages.
        let dir = TemporaryDirectory()
        let source = dir.file("b.encuesta", text: text), workbook = dir.path("b.xlsx"), back = dir.path("back.encuesta")
        #expect(try SondeoRunner.run(["questionnaire", "render", source, "--format", "xlsform", "--out", workbook]).status == 0)
        let imported = try SondeoRunner.run(["questionnaire", "import", workbook, "--out", back])
        #expect(imported.status == 0, "\(imported.stderr)")
        let again = try String(contentsOfFile: back, encoding: .utf8)
        for line in ["idiomas es, en", "  1 Mal @en Bad", "sección \"Servicio\" @en \"Service\"", "  @en \"How did it go?\"", "  ayuda \"Piense en su última visita\" @en \"Think of your last visit\"",
                     "  - espera \"la espera\" @en \"the wait\"", "  @en \"Why {servicio}?\""] {
            #expect(again.contains(line + "\n"), "\(line)\n\(again)")
        }
    }

    @Test("every type and construct at once (the widgets form of the language): the same path, texts and refusals in JavaRosa")
    func widgets() throws {
        let text = """
            encuesta widgets "Todos los tipos"
            versión 1
            modos web
            especiales NS = 98 "No sabe", NR = 99 "No responde"
            lista sino: 1 Sí | 2 No
            lista colores: 1 Rojo | 2 Verde | 3 Azul | 4 Otro color [otro] | 5 Ninguno [exclusiva]
            lista zonas: 1 Urbana | 2 Rural
            lista barrios: 1 Centro [zona = 1] | 2 Palermo [zona = 1] | 3 Vereda Alta [zona = 2]
            lista cinco: 1 Muy mal | 2 Mal | 3 Regular | 4 Bien | 5 Muy bien

            sección "Básicos"
            acepta: sino
              "¿Acepta?"
              si acepta = 2 → terminar rechazo
            color: una de colores, permite NS
              "Color preferido"
            colores_usados: varias de colores, máximo 2
              "Colores que usa"
            nota_color: escala 0..10 "Nada" .. "Mucho", permite NS NR
              "¿Cuánto le gusta el {color|color}?"
            edad: entero 18..99
              "Edad"
            peso: decimal 30..200
              "Peso en kilos"
              advertir peso <= 150 "Confirme el peso"
            nombre: texto
              "Nombre"
              ayuda "Como en su cédula"
              validar longitud(nombre) >= 3 "Escriba el nombre completo"
            sección "Fechas y horas"
            nacimiento: fecha
              "Fecha de nacimiento"
              validar nacimiento <= hoy() "No puede ser futura"
            llegada: hora
              "Hora de llegada"
            cita: fecha y hora
              "Próxima cita"
            sección "Lugar"
            zona: una de zonas
              "Zona"
            barrio: una de barrios donde zona = zona
              "Barrio"
            sección "Opiniones"
            aspectos: matriz de cinco, permite NS
              "Califique"
              - limpieza "la limpieza"
              - trato "el trato" si edad >= 30
            orden: ordenar colores hasta 2
              "Ordene los colores"
            repetir por cada colores_usados
            uso: entero 0..7
              "¿Cuántos días a la semana usa {_opcion}?"
            fin repetir
            puntaje: calcular si(edad >= 60, redondear(peso / 10, 1), 0)
            comentario: texto, opcional
              "¿Algo más?"
              mostrar si contar(colores_usados) >= 2 y puntaje = 0
            fin: nota
              "Gracias"

            """
        let plan = """
            acepta=1
            color=4
            color_otro=Morado
            colores_usados=1 5
            colores_usados=1 2 3
            colores_usados=1 2
            nota_color=98
            edad=17
            edad=45
            peso=160
            nombre=Al
            nombre=Ana María
            nacimiento=2030-01-01
            nacimiento=1980-02-29
            llegada=09:30
            cita=2026-12-20T15:00
            zona=2
            barrio=1
            barrio=3
            aspectos_limpieza=4
            aspectos_trato=98
            orden_1=2
            orden_2=2
            orden_2=3
            uso_1=8
            uso_1=3
            uso_2=7
            comentario=Nada
            """
        let (sondeo, javaRosa) = try replays(text, plan: plan)
        #expect(sondeo == javaRosa)
        // By hand: «Ninguno» is exclusive and «máximo 2» refuses three; the colour piped is the option's label; 17 is under 18; a name of two
        // letters; a future birth date; a downtown neighbourhood is not rural; the second place repeats the first; 8 days.
        #expect(sondeo == """
            acepta\t¿Acepta?\tok
            color\tColor preferido\tok
            color_otro\tOtro color, ¿cuál?\tok
            colores_usados\tColores que usa\trestriccion,restriccion,ok
            nota_color\t¿Cuánto le gusta el Otro color?\tok
            edad\tEdad\trestriccion,ok
            peso\tPeso en kilos\tok
            nombre\tNombre\trestriccion,ok
            nacimiento\tFecha de nacimiento\trestriccion,ok
            llegada\tHora de llegada\tok
            cita\tPróxima cita\tok
            zona\tZona\tok
            barrio\tBarrio\trestriccion,ok
            aspectos_limpieza\tla limpieza\tok
            aspectos_trato\tel trato\tok
            orden_1\tOrdene los colores (primer lugar)\tok
            orden_2\t¿Y en segundo lugar?\trestriccion,ok
            uso_1\t¿Cuántos días a la semana usa Rojo?\trestriccion,ok
            uso_2\t¿Cuántos días a la semana usa Verde?\tok
            comentario\t¿Algo más?\tok

            """, "\(sondeo)")
    }

    static let functions = """
        encuesta funciones "Funciones"
        versión 2026.12
        modos web
        especiales NS = 98 "No sabe", NR = 99 "No responde"

        lista razones: 1 Atención | 2 Tiempo | 3 Precio | 4 Otra

        nacimiento: fecha
          "¿Cuál es su fecha de nacimiento?"
          validar nacimiento <= hoy() "La fecha no puede ser futura"
          validar dias(nacimiento, hoy()) >= 18 * 365 "Debe ser mayor de edad"
        correo: texto
          "¿Cuál es su correo?"
          validar coincide(correo, "^[^@ ]+@[^@ ]+\\.[a-z]+$") "Escriba un correo válido"
        cedula: texto
          "Número de cédula"
          validar coincide(cedula, "^[0-9]{6,10}$") "La cédula tiene de 6 a 10 dígitos"
        motivos: varias de razones, permite NS
          "¿Por qué?"
        conteo: calcular contar(motivos)
        detalle: texto
          "Cuéntenos más sobre sus {conteo} motivos"
          mostrar si contar(motivos) >= 2
        gasto: decimal 0..1000000
          "¿Cuánto gastó?"
        miles: calcular redondear(gasto / 1000, 1)
        alto: texto
          "¿Por qué gastó {miles} mil pesos?"
          mostrar si si(miles > 500, 1, 0) = 1
        nombre: texto
          "Nombre"
          validar longitud(nombre) >= 3 "Escriba el nombre completo"
        cita: fecha
          "Fecha de la cita"
          validar cita >= "2020-01-01" y cita <= sumar_dias(hoy(), 30) "La cita es dentro de los próximos 30 días"
        """

    @Test("calcular gives a text and a date: piped into a label and compared in a condition, the same in JavaRosa")
    func textAndDateCalculations() throws {
        let text = """
            encuesta c "C"
            versión 1
            modos web
            nps: escala 0..10 "Nada probable" .. "Extremadamente probable"
              "¿Qué tan probable es que recomiende Confa?"
            grupo: calcular si(nps >= 9, "promotor", si(nps >= 7, "pasivo", "detractor"))
            compra: fecha
              "¿Cuándo compró?"
            vence: calcular sumar_dias(compra, 30)
            gracias: texto
              "Como {grupo}, ¿qué le gustó? Su garantía vence el {vence}."
              mostrar si grupo = "promotor"
            mejora: texto
              "¿Qué mejoraría antes del {vence}?"
              mostrar si grupo <> "promotor" y vence > "2026-12-31"

            """
        let promoter = try replays(text, plan: "nps=10\ncompra=2026-11-20\ngracias=Todo\n")
        #expect(promoter.sondeo == promoter.javaRosa)
        // By hand: 10 ≥ 9 is «promotor»; 20 November + 30 days is 20 December.
        #expect(promoter.sondeo == """
            nps\t¿Qué tan probable es que recomiende Confa?\tok
            compra\t¿Cuándo compró?\tok
            gracias\tComo promotor, ¿qué le gustó? Su garantía vence el 2026-12-20.\tok

            """)
        let detractor = try replays(text, plan: "nps=5\ncompra=2026-12-15\nmejora=La fila\n")
        #expect(detractor.sondeo == detractor.javaRosa)
        // 15 December + 30 days is 14 January 2027, after the last day of 2026.
        #expect(detractor.sondeo == """
            nps\t¿Qué tan probable es que recomiende Confa?\tok
            compra\t¿Cuándo compró?\tok
            mejora\t¿Qué mejoraría antes del 2027-01-14?\tok

            """)
    }

    @Test("functions: hoy, dias, sumar_dias, coincide, contar (NS not counted), redondear (a half away from zero), si, longitud")
    func functions() throws {
        let today = Date()
        func day(_ offset: Int) -> String {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(secondsFromGMT: -5 * 3600)!
            let parts = calendar.dateComponents([.year, .month, .day], from: today.addingTimeInterval(Double(offset) * 86_400))
            return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
        }
        let plan = """
            nacimiento=\(day(3))
            nacimiento=\(day(-17 * 365))
            nacimiento=1980-05-04
            correo=ana@confa
            correo=ana@confa.co
            cedula=12345
            cedula=1053123456
            motivos=98
            gasto=600150
            nombre=Al
            nombre=Ana Gómez
            cita=\(day(31))
            cita=\(day(30))
            """
        let (sondeo, javaRosa) = try replays(Self.functions, plan: plan)
        #expect(sondeo == javaRosa)
        // NS alone counts no reason: «detalle» is not asked; 600.15 rounds to 600.2 (> 500), so «alto» is.
        #expect(sondeo == """
            nacimiento\t¿Cuál es su fecha de nacimiento?\trestriccion,restriccion,ok
            correo\t¿Cuál es su correo?\trestriccion,ok
            cedula\tNúmero de cédula\trestriccion,ok
            motivos\t¿Por qué?\tok
            gasto\t¿Cuánto gastó?\tok
            alto\t¿Por qué gastó 600.2 mil pesos?\t-
            nombre\tNombre\trestriccion,ok
            cita\tFecha de la cita\trestriccion,ok

            """)
        let (two, twoJavaRosa) = try replays(Self.functions, plan: "motivos=1 3\ngasto=2675\n")
        #expect(two == twoJavaRosa)
        // Two reasons: «detalle» is asked with the count; 2.675 thousand rounds to 2.7, so no «alto».
        #expect(two.contains("detalle\tCuéntenos más sobre sus 2 motivos\t-") && !two.contains("alto"), "\(two)")
    }
}
