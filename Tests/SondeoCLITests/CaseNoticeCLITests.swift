import Foundation
import SondeoTestSupport
import Testing

/// `sondeo cases notify` against a real SMTP server on 127.0.0.1 (aiosmtpd, Tests/Mail/smtp_sink.py,
/// which refuses mailboxes starting with «rebota»): what is due goes once, a failure goes again, an
/// owner without people in the catalogue is said, a reminder sent shows as made in `cases due`.
@Suite(.serialized, .enabled(if: Witness.hasPython("aiosmtpd"), "needs aiosmtpd (make test installs it with pip)"))
struct CaseNoticeCLITests {
    /// The standard catalogue with people for salud (two) and recreación; vivienda has nobody.
    static func catalogue(in dir: TemporaryDirectory) throws -> String {
        let standard = try String(contentsOfFile: RepositoryFiles.path("Examples/data/catalogo_pqrsl.csv"), encoding: .utf8)
            .split(separator: "\n").filter { !$0.hasPrefix("responsable,") }.joined(separator: "\n")
        return dir.file("catalogo.csv", text: standard + """

            responsable,salud,Luisa Marín <luisa.marin@confa.example>
            responsable,salud,camilo.ospina@confa.example
            responsable,recreacion,Andrés Giraldo <andres.giraldo@confa.example>

            """)
    }

    @Test("acknowledgements, assignments and a compliment once each; a refused mailbox retried; nobody for vivienda said; the reminder on its day, shown as made; a new owner told")
    func notices() throws {
        let dir = TemporaryDirectory()
        let store = dir.path("pqrsl.sqlite"), catalogue = try Self.catalogue(in: dir)
        func run(_ arguments: [String], environment: [String: String] = [:]) throws -> SondeoRun {
            try SondeoRunner.run(arguments + ["--store", store, "--catalog", catalogue], environment: environment)
        }
        // Tue 3 Nov 2026: 15 business days (holidays Mon 2 and Mon 16 Nov) → Wed 25 Nov; reminder Mon 23 Nov.
        _ = try run(["cases", "open", "--channel", "web", "--type", "queja", "--service", "salud", "--text", "Esperé dos horas en la sede",
                     "--petitioner", "Ana Ríos, ana@example.co, 3001234567", "--received", "2026-11-03"])
        _ = try run(["cases", "open", "--channel", "presencial", "--type", "felicitacion", "--service", "recreacion", "--text", "Muy buena la piscina",
                     "--petitioner", "Luis Mora <rebota@example.co>", "--received", "2026-11-04"])
        _ = try run(["cases", "open", "--channel", "web", "--type", "reclamo", "--service", "vivienda", "--text", "No me llegó el subsidio",
                     "--petitioner", "Rita Paz, 3004445566", "--received", "2026-11-05"])
        let sink = try SMTPSink(in: dir)
        defer { sink.stop() }
        let environment = ["SONDEO_SMTP_PASSWORD": "clave-smtp", "SONDEO_SMTP_CA": sink.certificate]
        let send = ["cases", "notify", "--smtp", "smtp://encuestas@localhost:\(sink.port)", "--from", "pqrsl@confa.co"]

        let first = try run(send + ["--on", "2026-11-10"], environment: environment)
        #expect(first.status == 74, "\(first.stderr)")
        #expect(first.stderr.contains("Avisos pendientes: 2 acuses al peticionario, 1 asignación, 1 felicitación al servicio."), "\(first.stderr)")
        #expect(first.stderr.contains("Sin dirección para «Vivienda» (vivienda): 1 caso sin aviso (CONFA-2026-000003); agregue «responsable,vivienda,Nombre <correo>» al catálogo."), "\(first.stderr)")
        #expect(first.stdout == "4 correos recibidos por el servidor; 0 fallidos (se intentan otra vez en el próximo envío); 1 rechazados (la dirección no existe: no se intentan más).\n", "\(first.stdout)")
        #expect(first.stderr.contains("CONFA-2026-000002 <rebota@example.co>: el servidor de correo respondió «550 5.1.1 Mailbox does not exist»"), "\(first.stderr)")
        var arrived = try sink.messages()
        let byRecipient = Dictionary(arrived.map { (($0["to"] as! [String]).joined(), $0) }, uniquingKeysWith: { a, _ in a })
        #expect(Set(byRecipient.keys) == ["ana@example.co", "luisa.marin@confa.example", "camilo.ospina@confa.example", "andres.giraldo@confa.example"])
        let acknowledgement = try #require(byRecipient["ana@example.co"])
        #expect(acknowledgement["subject"] as? String == "Confa recibió su queja: radicado CONFA-2026-000001")
        #expect((acknowledgement["body"] as? String)?.contains("Le responderemos a más tardar el miércoles 2026-11-25 (15 días hábiles, Ley 1755 de 2015).") == true,
                "\(acknowledgement)")
        #expect(byRecipient["luisa.marin@confa.example"]?["subject"] as? String == "PQRSL CONFA-2026-000001 asignada: queja de Salud (IPS Confa), vence el 2026-11-25")
        #expect((byRecipient["andres.giraldo@confa.example"]?["body"] as? String)?.contains("«Muy buena la piscina»") == true)
        #expect(arrived.allSatisfy { $0["tls"] as? Bool == true && $0["authenticated"] as? Bool == true })

        // The same day again: nothing accepted goes twice, and the address refused for good is not tried again;
        // vivienda's case is still said (nobody to write to).
        let again = try run(send + ["--on", "2026-11-10"], environment: environment)
        #expect(again.status == 0 && again.stderr.contains("No hay avisos pendientes.") && again.stderr.contains("Sin dirección para «Vivienda»"), "\(again.stderr)")
        #expect(try sink.messages().count == 4)

        // Mon 23 Nov: the reminder to salud's two people, then `cases due` lists it as made.
        let reminder = try run(send + ["--on", "2026-11-23"], environment: environment)
        #expect(reminder.status == 0 && reminder.stderr.contains("Avisos pendientes: 1 recordatorio."), "\(reminder.stderr)")
        arrived = try sink.messages()
        #expect(arrived.count == 6 && arrived.suffix(2).allSatisfy { ($0["subject"] as? String) == "Recordatorio: PQRSL CONFA-2026-000001 vence el 2026-11-25" })
        let due = try JSONSerialization.jsonObject(with: Data(try run(["cases", "due", "--on", "2026-11-23", "--format", "json"]).stdout.utf8)) as! [String: Any]
        #expect((due["reminders"] as! [Any]).isEmpty && (due["reminders_already_sent"] as! [Any]).count == 1, "\(due)")

        // Routed to recreación: its person is told; salud is not told again.
        _ = try run(["cases", "classify", "CONFA-2026-000001", "--service", "recreacion", "--on", "2026-11-23"])
        let moved = try run(send + ["--on", "2026-11-23"], environment: environment)
        #expect(moved.stderr.contains("Avisos pendientes: 1 asignación."), "\(moved.stderr)")
        #expect((try sink.messages().last?["to"] as? [String]) == ["andres.giraldo@confa.example"])

        let future = try run(send + ["--on", "2099-01-01"], environment: environment)
        #expect(future.status == 64 && future.stderr.contains("es un día futuro"), "\(future.stderr)")
    }
}
