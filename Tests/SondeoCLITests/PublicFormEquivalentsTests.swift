import Foundation
import Questionnaire
import SondeoTestSupport
import Testing

/// Our own equivalents of three kinds of public XLSForms (issue 19's corpus beside pyxform's tutorial
/// and widgets forms): a humanitarian post-distribution monitoring form (satisfaction, a «none» that
/// goes alone, a follow-up on problems), a household targeting form (constraints between answers, a
/// score calculated with `if()` and `div`, a cascade whose column holds the region's names, a date not
/// in the future) and an NGO web survey (or_other, a maximum of choices, randomized options, a rank, a
/// 0–10 scale with a follow-up, a time, an e-mail checked by regex). Each is imported, checked, and run
/// with the same interview in JavaRosa (the original form) and in Sondeo (the converted text): the same
/// questions reached and the same answers refused; then the converted text exported back to XLSForm
/// behaves in JavaRosa as in Sondeo.
@Suite(.enabled(if: Witness.hasJavaRosa && Witness.hasPython("openpyxl"), "needs openpyxl, pyxform's ODK Validate jar and javac (make test installs them)"))
struct PublicFormEquivalentsTests {
    static let pdmScript = """
        import sys, openpyxl
        wb = openpyxl.Workbook(); s = wb.active; s.title = "survey"
        s.append(["type", "name", "label", "hint", "required", "relevant", "constraint", "constraint_message", "calculation"])
        rows = [
         ["start", "start"], ["end", "end"],
         ["select_one yn", "consent", "Hola, somos del equipo de monitoreo. ¿Acepta responder unas preguntas sobre la asistencia que recibió?", None, "yes"],
         ["begin_group", "resp", "Sobre la asistencia", None, None, "${consent} = 'yes'"],
         ["select_one sexo", "sexo_resp", "Sexo de la persona que responde", None, "yes"],
         ["integer", "edad_resp", "¿Qué edad tiene?", "En años cumplidos", "yes", None, ". >= 18 and . <= 100", "La persona debe ser mayor de edad"],
         ["select_one modalidad", "modalidad", "¿Qué tipo de asistencia recibió?", None, "yes"],
         ["decimal", "monto", "¿Cuánto recibió (pesos)?", None, "yes", "${modalidad} = 'efectivo' or ${modalidad} = 'bono'", ". > 0", "El monto debe ser mayor que cero"],
         ["select_one satisf", "satisf_cantidad", "¿Qué tan satisfecho está con la cantidad recibida?", None, "yes"],
         ["select_one satisf", "satisf_calidad", "¿Y con la calidad de los productos?", None, "yes", "${modalidad} = 'especie'"],
         ["select_multiple problemas", "problemas", "¿Tuvo alguno de estos problemas al recibirla?", None, "yes", None, "not(selected(., 'ninguno') and count-selected(.) > 1)", "«Ninguno» no va con otros problemas"],
         ["text", "problemas_detalle", "Cuéntenos qué pasó", None, "no", "count-selected(${problemas}) > 0 and not(selected(${problemas}, 'ninguno'))"],
         ["select_one yn", "conoce_canal", "¿Sabe cómo presentar una queja o sugerencia?", None, "yes"],
         ["select_multiple canales", "canales", "¿Por cuáles medios?", None, "yes", "${conoce_canal} = 'yes'"],
         ["note", "gracias", "Gracias. Sus ${edad_resp} años de experiencia cuentan."],
         ["end_group"],
        ]
        for r in rows: s.append(r)
        c = wb.create_sheet("choices"); c.append(["list_name", "name", "label"])
        for r in [["yn","yes","Sí"],["yn","no","No"],["sexo","f","Mujer"],["sexo","m","Hombre"],["sexo","o","Otro / prefiere no decir"],
                  ["modalidad","efectivo","Efectivo"],["modalidad","bono","Bono"],["modalidad","especie","Alimentos o kits"],
                  ["satisf",1,"Muy insatisfecho"],["satisf",2,"Insatisfecho"],["satisf",3,"Ni satisfecho ni insatisfecho"],["satisf",4,"Satisfecho"],["satisf",5,"Muy satisfecho"],
                  ["problemas","espera","Largas esperas"],["problemas","distancia","Lugar muy lejos"],["problemas","trato","Mal trato"],["problemas","ninguno","Ninguno"],
                  ["canales","linea","Línea telefónica"],["canales","buzon","Buzón"],["canales","personal","Personal en terreno"]]:
            c.append(r)
        t = wb.create_sheet("settings"); t.append(["form_title", "form_id", "version"]); t.append(["Monitoreo posterior a la entrega", "pdm", "2026-01"])
        wb.save(sys.argv[1])
        """

    static let focalizacionScript = """
        import sys, openpyxl
        wb = openpyxl.Workbook(); s = wb.active; s.title = "survey"
        s.append(["type", "name", "label", "required", "relevant", "constraint", "constraint_message", "calculation", "choice_filter"])
        rows = [
         ["today", "hoy"],
         ["integer", "tam_hogar", "¿Cuántas personas conforman el hogar?", "yes", None, ". >= 1 and . <= 20", "Entre 1 y 20 personas"],
         ["integer", "menores5", "¿Cuántas tienen menos de 5 años?", "yes", None, ". >= 0 and . <= ${tam_hogar}", "No pueden ser más que las personas del hogar"],
         ["integer", "mayores60", "¿Cuántas tienen 60 años o más?", "yes", None, ". >= 0 and . + ${menores5} <= ${tam_hogar}", "Menores y mayores suman más que el hogar"],
         ["select_one yn", "discapacidad", "¿Alguna persona del hogar tiene una discapacidad?", "yes"],
         ["select_one region", "region", "Región", "yes"],
         ["select_one municipio", "municipio", "Municipio", "yes", None, None, None, None, "region=${region}"],
         ["select_one vivienda", "vivienda", "Tipo de vivienda", "yes"],
         ["decimal", "ingreso", "Ingreso mensual del hogar (pesos)", "yes", None, ". >= 0", "El ingreso no puede ser negativo"],
         ["calculate", "puntaje", None, None, None, None, None, "${menores5} * 2 + ${mayores60} * 2 + if(${discapacidad} = 'yes', 3, 0)"],
         ["calculate", "per_capita", None, None, None, None, None, "${ingreso} div ${tam_hogar}"],
         ["select_one yn", "confirma", "El hogar parece elegible (puntaje ${puntaje}). ¿Confirma los datos?", "yes", "${puntaje} >= 5 or ${per_capita} < 200000"],
         ["text", "observacion", "Observaciones de la visita", "no", "${vivienda} = 'improvisada'"],
         ["date", "fecha_visita", "Fecha de la visita", "yes", None, ". <= today()", "La visita no puede ser en el futuro"],
        ]
        for r in rows: s.append(r)
        c = wb.create_sheet("choices"); c.append(["list_name", "name", "label", "region"])
        for r in [["yn","yes","Sí"],["yn","no","No"],["region","centro","Centro"],["region","norte","Norte"],
                  ["municipio",17001,"Manizales","centro"],["municipio",17873,"Villamaría","centro"],["municipio",17614,"Riosucio","norte"],["municipio",17653,"Salamina","norte"],
                  ["vivienda","casa","Casa o apartamento"],["vivienda","cuarto","Cuarto"],["vivienda","improvisada","Vivienda improvisada"]]:
            c.append(r)
        t = wb.create_sheet("settings"); t.append(["form_title", "form_id"]); t.append(["Focalización de hogares", "focalizacion"])
        wb.save(sys.argv[1])
        """

    static let organizacionesScript = """
        import sys, openpyxl
        wb = openpyxl.Workbook(); s = wb.active; s.title = "survey"
        s.append(["type", "name", "label", "hint", "required", "relevant", "constraint", "constraint_message", "appearance", "parameters"])
        rows = [
         ["text", "organizacion", "Nombre de su organización", None, "yes"],
         ["select_one tipo_org or_other", "tipo_org", "¿Qué tipo de organización es?", None, "yes"],
         ["integer", "anios", "¿Cuántos años lleva funcionando?", None, "yes", None, ". >= 0 and . <= 100", "Entre 0 y 100 años"],
         ["select_multiple areas", "areas", "¿En qué áreas trabaja? Marque todas las que apliquen.", None, "yes", None, "count-selected(.) <= 3", "Elija máximo tres", "minimal", "randomize=true"],
         ["rank areas_rank", "prioridad", "Ordene estas necesidades de la más a la menos urgente", None, "no"],
         ["select_one escala10", "recomendaria", "De 0 a 10, ¿recomendaría el programa a otra organización?", None, "yes"],
         ["text", "por_que", "¿Qué tendríamos que mejorar?", "Sea tan concreto como pueda", "yes", "${recomendaria} <= 6"],
         ["time", "hora_contacto", "¿A qué hora prefiere que lo llamemos?", None, "no"],
         ["text", "correo", "Correo de contacto", None, "no", None, "regex(., '^[^@ ]+@[^@ ]+[.][a-z]{2,}$')", "Revise el correo"],
        ]
        for r in rows: s.append(r)
        c = wb.create_sheet("choices"); c.append(["list_name", "name", "label"])
        for r in [["tipo_org","fundacion","Fundación"],["tipo_org","cooperativa","Cooperativa"],["tipo_org","junta","Junta de acción comunal"],
                  ["areas","salud","Salud"],["areas","educacion","Educación"],["areas","empleo","Empleo"],["areas","vivienda","Vivienda"],["areas","ambiente","Medio ambiente"],
                  ["areas_rank","agua","Agua potable"],["areas_rank","vias","Vías"],["areas_rank","seguridad","Seguridad"]] + [["escala10", i, str(i)] for i in range(11)]:
            c.append(r)
        t = wb.create_sheet("settings"); t.append(["form_title", "form_id", "version"]); t.append(["Encuesta a organizaciones aliadas", "aliadas", "3"])
        wb.save(sys.argv[1])
        """

    /// The form built by `script`, imported; the variable and outcome of each question JavaRosa reaches
    /// with `koboPlan` (in the form's names) and Sondeo with `sondeoPlan` (in the converted codes).
    func bothEngines(_ script: String, koboPlan: String, sondeoPlan: String, names: [String: String] = [:],
                     notes: [String] = []) throws -> (odk: [String], ours: [String], text: String) {
        let dir = TemporaryDirectory()
        let workbook = dir.path("form.xlsx"), out = dir.path("form.encuesta")
        let made = try Witness.python(script, [workbook])
        #expect(made.status == 0, "\(made.output)")
        let run = try SondeoRunner.run(["questionnaire", "import", workbook, "--out", out])
        #expect(run.status == 0 && run.stderr.contains("revisado sin errores"), "\(run.stderr)")
        for note in notes { #expect(run.stderr.contains(note), "\(note)\n\(run.stderr)") }
        let text = try String(contentsOfFile: out, encoding: .utf8)
        let (q, diagnostics) = QuestionnaireChecker.check(text, file: out)
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
        let steps = try AnswerPlan(text: sondeoPlan, file: "plan.txt", questionnaire: q).replay(AnswerCheck(q, mode: .web), file: "plan.txt")
        let ours = steps.map { "\($0.variable) \($0.outcomes.isEmpty ? "-" : $0.outcomes.joined(separator: ","))" }
        let (xform, converted) = try Witness.xform(fromXLSForm: workbook)
        #expect(converted.status == 0, "\(converted.output)")
        let javaRosa = try Witness.javaRosaReplay(xform: xform, plan: koboPlan, in: dir.url.path)
        #expect(javaRosa.status == 0, "\(javaRosa.output)")
        let odk = javaRosa.output.split(separator: "\n").compactMap { line -> String? in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 3 else { return nil }
            return (names[fields[0]] ?? fields[0]) + " " + fields[2]
        }
        return (odk, ours, text)
    }

    @Test("post-distribution monitoring: an age under 18, a zero amount and «Ninguno» with another problem refused in both engines; the quality question skipped for cash")
    func monitoring() throws {
        let (odk, ours, text) = try bothEngines(Self.pdmScript, koboPlan: Self.pdmKobo, sondeoPlan: Self.pdmSondeo,
                                                notes: ["la lista «problemas» tiene nombres que no son números: se numeraron en orden (1 = espera, 2 = distancia, 3 = trato, 4 = ninguno)"])
        #expect(odk == ours, "JavaRosa: \(odk)")
        // By hand from the form: edad 18..100, monto > 0, «ninguno» alone; cash skips satisf_calidad;
        // problems other than «ninguno» ask for the detail; «no» skips the channels.
        #expect(ours == ["consent ok", "sexo_resp ok", "edad_resp restriccion,ok", "modalidad ok", "monto restriccion,ok", "satisf_cantidad ok",
                         "problemas restriccion,ok", "problemas_detalle ok", "conoce_canal ok"], "\(ours)")
        #expect(text.contains("  validar no (problemas incluye 4 y contar(problemas) > 1) \"«Ninguno» no va con otros problemas\"\n"), "\(text)")
        let (sondeo, javaRosa) = try XLSFormParityTests().replays(text, plan: Self.pdmSondeo)
        #expect(sondeo == javaRosa)
    }

    @Test("household targeting: limits that depend on other answers, a score with if() and div, a cascade by region names, a future date refused")
    func targeting() throws {
        let (odk, ours, text) = try bothEngines(Self.focalizacionScript, koboPlan: Self.focalizacionKobo, sondeoPlan: Self.focalizacionSondeo)
        #expect(odk == ours, "JavaRosa: \(odk)")
        // By hand: 5 under-fives in a household of 4 and 1 + 4 people over 60 are refused; the score is
        // 1·2 + 1·2 + 3 = 7 ≥ 5, so «confirma» is asked and reads it; an improvised dwelling asks for notes.
        #expect(ours == ["tam_hogar ok", "menores5 restriccion,ok", "mayores60 restriccion,ok", "discapacidad ok", "region ok", "municipio ok", "vivienda ok",
                         "ingreso ok", "confirma ok", "observacion ok", "fecha_visita restriccion,ok"], "\(ours)")
        // The region column held the region's names (centro, norte): now their codes.
        #expect(text.contains("  17001 Manizales [region = 1]\n") && text.contains("  17614 Riosucio [region = 2]\n"), "\(text)")
        let (sondeo, javaRosa) = try XLSFormParityTests().replays(text, plan: Self.focalizacionSondeo)
        #expect(sondeo == javaRosa)
        #expect(sondeo.contains("confirma\tEl hogar parece elegible (puntaje 7). ¿Confirma los datos?\tok"), "\(sondeo)")
    }

    @Test("NGO web survey: «other» with its text, 150 years and four areas refused, a low score asks why, a malformed e-mail refused")
    func organisations() throws {
        let (odk, ours, text) = try bothEngines(Self.organizacionesScript, koboPlan: Self.organizacionesKobo, sondeoPlan: Self.organizacionesSondeo,
                                                names: ["tipo_org_other": "tipo_org_otro"])
        // The rank is one question in ODK and one per place in Sondeo (unanswered in this plan).
        #expect(odk.filter { !$0.hasPrefix("prioridad") } == ours.filter { !$0.hasPrefix("prioridad") }, "JavaRosa: \(odk)")
        #expect(ours == ["organizacion ok", "tipo_org ok", "tipo_org_otro ok", "anios restriccion,ok", "areas restriccion,ok", "prioridad_1 -", "prioridad_2 -",
                         "prioridad_3 -", "recomendaria ok", "por_que ok", "hora_contacto ok", "correo restriccion,ok"], "\(ours)")
        #expect(text.contains("areas: varias de areas_opciones, opciones al azar, máximo 3\n") && text.contains("prioridad: ordenar areas_rank"), "\(text)")
        let (sondeo, javaRosa) = try XLSFormParityTests().replays(text, plan: Self.organizacionesSondeo)
        #expect(sondeo == javaRosa)
    }

    static let pdmKobo = """
            consent=yes
            sexo_resp=f
            edad_resp=16
            edad_resp=34
            modalidad=efectivo
            monto=0
            monto=150000
            satisf_cantidad=2
            problemas=espera ninguno
            problemas=espera trato
            problemas_detalle=Esperamos cuatro horas
            conoce_canal=no
            """
    static let pdmSondeo = """
            consent=1
            sexo_resp=1
            edad_resp=16
            edad_resp=34
            modalidad=1
            monto=0
            monto=150000
            satisf_cantidad=2
            problemas=1 4
            problemas=1 3
            problemas_detalle=Esperamos cuatro horas
            conoce_canal=2
            """
    static let focalizacionKobo = """
            tam_hogar=4
            menores5=5
            menores5=1
            mayores60=4
            mayores60=1
            discapacidad=yes
            region=norte
            municipio=17614
            vivienda=improvisada
            ingreso=900000
            confirma=yes
            observacion=Techo de lona
            fecha_visita=2030-05-01
            fecha_visita=2026-03-02
            """
    static let focalizacionSondeo = """
            tam_hogar=4
            menores5=5
            menores5=1
            mayores60=4
            mayores60=1
            discapacidad=1
            region=2
            municipio=17614
            vivienda=3
            ingreso=900000
            confirma=1
            observacion=Techo de lona
            fecha_visita=2030-05-01
            fecha_visita=2026-03-02
            """
    static let organizacionesKobo = """
            organizacion=Fundación Luz
            tipo_org=other
            tipo_org_other=Corporación
            anios=150
            anios=12
            areas=salud educacion empleo vivienda
            areas=salud empleo
            recomendaria=5
            por_que=Más acompañamiento
            hora_contacto=09:30
            correo=luz@fundacion
            correo=luz@fundacion.org
            """
    static let organizacionesSondeo = """
            organizacion=Fundación Luz
            tipo_org=4
            tipo_org_otro=Corporación
            anios=150
            anios=12
            areas=1 2 3 4
            areas=1 3
            recomendaria=5
            por_que=Más acompañamiento
            hora_contacto=09:30
            correo=luz@fundacion
            correo=luz@fundacion.org
            """
}
