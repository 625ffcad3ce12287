import Foundation
import SondeoTestSupport
import Store
import Testing

/// `sondeo serve invite` against a real SMTP server on 127.0.0.1 (aiosmtpd, Tests/Mail/smtp_sink.py):
/// STARTTLS with a certificate made for the test, AUTH PLAIN, one mailbox that does not exist. What
/// arrives is read back from the server's own record of each message.
@Suite(.serialized) struct InvitationCLITests {
    @Test("invitations by e-mail over STARTTLS with a password from the environment: accents intact, each link its own, a missing mailbox logged as failed; no repeat; a reminder only to whom it reached; the follow-up with the link opened; a WhatsApp file",
          .enabled(if: Witness.hasPython("aiosmtpd"), "needs aiosmtpd (make test installs it with pip)"))
    func invitations() throws {
        let dir = TemporaryDirectory()
        let store = dir.path("campo.sqlite"), sample = dir.path("muestra.csv"), template = dir.path("invitacion.txt")
        try """
            id_afiliado,nombre,correo,celular,estrato,peso,N_estrato,orden,reserva
            AF1,Ana Ríos,ana@example.co,3001112233,A,20,200,1,0
            AF2,Luis Mora,rebota@example.co,3002223344,A,20,200,2,0
            AF3,Sin Correo,,3003334455,A,20,200,3,0
            AF4,Rita Paz,rita@example.co,3004445566,A,20,200,4,0

            """.write(toFile: sample, atomically: true, encoding: .utf8)
        _ = try SondeoRunner.run(["questionnaire", "publish", CollectCLITests.satisfaccion, "--store", store])
        _ = try SondeoRunner.run(["sample", "load", sample, "--questionnaire", "satisfaccion_servicios", "--store", store])
        // AF4 refused on the phone: no invitation.
        try SQLStore(sqlite: store).record(ContactAttempt(unit: "AF4", interviewer: "e01", startedAt: "2026-12-01T15:00:00Z", endedAt: "2026-12-01T15:01:00Z",
                                                          disposition: "rechazo"), questionnaire: "satisfaccion_servicios")
        try "Asunto: Encuesta de satisfacción de Confa\n\nHola {nombre}:\n\nResponda aquí, son 5 minutos:\n{enlace}\n\nGracias,\nConfa\n"
            .write(toFile: template, atomically: true, encoding: .utf8)
        let sink = try SMTPSink(in: dir)
        defer { sink.stop() }
        let environment = ["SONDEO_SMTP_PASSWORD": "clave-smtp", "SONDEO_SMTP_CA": sink.certificate]
        let send = ["serve", "invite", "satisfaccion_servicios", "--template", template, "--smtp", "smtp://encuestas@localhost:\(sink.port)",
                    "--from", "encuestas@confa.co", "--base-url", "https://encuestas.confa.co", "--store", store]
        let first = try SondeoRunner.run(send, environment: environment)
        #expect(first.status == 74, "\(first.stderr)")
        #expect(first.stderr.contains("2 afiliados reciben la invitación · 1 sin dato en «correo» · 1 ya terminaron (entrevista, rechazo o no elegible)."))
        #expect(first.stdout == "1 correo recibido por el servidor; 1 fallidos.\n")
        #expect(first.stderr.contains("AF2 <rebota@example.co>: el servidor de correo respondió «550 5.1.1 Mailbox does not exist» a RCPT TO:<rebota@example.co>"))
        let arrived = try sink.messages()
        #expect(arrived.count == 1)
        let token = try #require(try SQLStore(sqlite: store).webLinks(questionnaire: "satisfaccion_servicios", includeReserve: false, now: "t", token: { "x" })
            .first { $0.unit == "AF1" }?.token)
        #expect(arrived.first?["to"] as? [String] == ["ana@example.co"])
        #expect(arrived.first?["subject"] as? String == "Encuesta de satisfacción de Confa")
        #expect(arrived.first?["from_header"] as? String == "Confa <encuestas@confa.co>")
        #expect((arrived.first?["body"] as? String)?.contains("Hola Ana Ríos:\r\n\r\nResponda aquí, son 5 minutos:\r\nhttps://encuestas.confa.co/r/\(token)\r\n") == true)
        #expect(arrived.first?["tls"] as? Bool == true && arrived.first?["authenticated"] as? Bool == true)

        // Again: AF1 is not invited twice; AF2, which never got it, is tried again.
        let again = try SondeoRunner.run(send, environment: environment)
        #expect(again.stderr.contains("1 afiliado recibe la invitación · 1 sin dato en «correo» · 1 ya invitados (use --reminder)"))
        // AF1 opens the link; the reminder goes to AF1 only (AF2 never got the invitation).
        try SQLStore(sqlite: store).linkOpened(token: token, at: "2026-12-06T15:00:00Z")
        let reminder = try SondeoRunner.run(send + ["--reminder"], environment: environment)
        #expect(reminder.status == 0 && reminder.stdout == "1 correo recibido por el servidor; 0 fallidos.\n", "\(reminder.stderr)")
        #expect(try sink.messages().count == 2)

        let followUp = dir.path("seguimiento.csv")
        let status = try SondeoRunner.run(["serve", "invite", "satisfaccion_servicios", "--status", "--out", followUp, "--store", store])
        #expect(status.stderr.contains("2 afiliados con envíos: 1 recibidos por el servidor, 1 fallidos, 1 abrieron el enlace, 0 completaron la encuesta."), "\(status.stderr)")
        let rows = try String(contentsOfFile: followUp, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(rows.first == "id_afiliado,correo,invitacion,recordatorios,ultimo_envio,error,abrio_enlace,completa")
        #expect(rows.contains { $0.hasPrefix("AF1,ana@example.co,") && $0.hasSuffix(",1,enviada,,2026-12-06 10:00,no") }, "\(rows)")

        // A WhatsApp campaign for who has no e-mail invitation yet: AF2 and AF3, by mobile.
        let campaign = dir.path("campana.csv")
        let whatsapp = try SondeoRunner.run(["serve", "invite", "satisfaccion_servicios", "--template", template, "--csv", campaign, "--store", store])
        #expect(whatsapp.status == 0, "\(whatsapp.stderr)")
        let lines = try String(contentsOfFile: campaign, encoding: .utf8)
        #expect(lines.hasPrefix("id_afiliado,celular,mensaje\n") && lines.contains("AF2,3002223344,\"Hola Luis Mora:") && lines.contains("AF3,3003334455,"))

        // The password never goes in the address.
        let leaked = try SondeoRunner.run(["serve", "invite", "satisfaccion_servicios", "--template", template, "--smtp", "smtp://encuestas:secreto@localhost:\(sink.port)",
                                           "--from", "encuestas@confa.co", "--store", store])
        #expect(leaked.status == 64 && leaked.stderr.contains("[MAIL-002]"))
    }
}
