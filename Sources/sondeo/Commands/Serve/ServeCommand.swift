import ArgumentParser
import Diagnostics
import Foundation
import SondeoWeb
import Store
import Survey
import Table

/// `sondeo serve`: the web survey (self-administered, with personal links).
struct ServeCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "serve",
            abstract: L("Encuesta web: cada afiliado de la muestra responde desde su enlace personal, en el celular o el computador.",
                        "Web survey: each sampled affiliate answers from a personal link, on a phone or a computer."),
            discussion: HelpText.discussion([
                L("Primero «sondeo serve links» crea los enlaces (un token de 128 bits por afiliado) en un CSV para enviarlos por correo o WhatsApp; luego «sondeo serve ID» atiende el formulario. Una página por sección, con las condiciones y saltos del cuestionario aplicados en el navegador y revisados de nuevo en el servidor; cada página enviada queda guardada, y quien cierre el navegador sigue donde iba.",
                  "First «sondeo serve links» creates the links (a 128-bit token per affiliate) in a CSV to send by e-mail or WhatsApp; then «sondeo serve ID» serves the form. One page per section, with the questionnaire's conditions and jumps applied in the browser and checked again on the server; every page sent is saved, and whoever closes the browser resumes where they were."),
            ], examples: [
                "sondeo serve links satisfaccion_servicios --base-url https://encuestas.confa.co --out enlaces.csv",
                "sondeo serve satisfaccion_servicios --port 8080",
            ]),
            subcommands: [ServeRunCommand.self, ServeLinksCommand.self, ServeUserCommand.self, ServeInviteCommand.self],
            defaultSubcommand: ServeRunCommand.self
        )
    }
}

/// `sondeo serve [run] ID`: serves the form until stopped.
struct ServeRunCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "run", abstract: L("Atiende el formulario web de un cuestionario publicado.", "Serves the web form of a published questionnaire."))
    }

    @Argument(help: ArgumentHelp(L("Id del cuestionario publicado.", "Id of the published questionnaire."), valueName: "id")) var questionnaire: String
    @Option(help: ArgumentHelp(L("Dirección en la que escucha (por defecto solo este equipo).", "Address to listen on (this computer only by default)."), valueName: "host"))
    var host = "127.0.0.1"
    @Option(help: ArgumentHelp(L("Puerto.", "Port."), valueName: "n")) var port = 8080
    @Flag(help: ArgumentHelp(L("Detrás de un proxy inverso (nginx, Caddy, el que pone HTTPS): el equipo de quien ingresa se toma de X-Forwarded-For. Sin proxy no lo use: cualquiera podría inventar ese encabezado.",
                               "Behind a reverse proxy (nginx, Caddy, whichever provides HTTPS): the client is taken from X-Forwarded-For. Do not use it without a proxy: anyone could forge that header.")))
    var behindProxy = false
    @Option(help: ArgumentHelp(L("Catálogo PQRSL de las páginas de casos (/casos, para auxiliar, aprendiz y supervisor). Por defecto SONDEO_CATALOGO o el de Sondeo.",
                                 "PQRSL catalogue of the case pages (/casos, for auxiliar, aprendiz and supervisor). SONDEO_CATALOGO or Sondeo's by default."),
                               valueName: L("archivo", "file")))
    var catalog: String?
    @OptionGroup(title: L("Correo de los avisos PQRSL (el botón «Enviar» de /casos/pendientes)", "Mail for the PQRSL notices (the «Send» button of /casos/pendientes)"))
    var mail: CaseMailOptions
    @OptionGroup var calendarOptions: CalendarOptions
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let server = try SurveyServer(store: try storeOptions.openWeb(), questionnaire: questionnaire, behindProxy: behindProxy,
                                      caseDesk: try CaseOptions.desk(catalog: catalog, calendar: calendarOptions), caseMailer: try mail.client())
        Terminal.error(L("Encuesta «\(questionnaire)» en http://\(host):\(port)/r/TOKEN (los enlaces, con «sondeo serve links»); personal en /ingresar (casos PQRSL en /casos). Ctrl-C para terminar.",
                         "Survey «\(questionnaire)» at http://\(host):\(port)/r/TOKEN (links from «sondeo serve links»); staff at /ingresar (PQRSL cases at /casos). Ctrl-C to stop."))
        try server.runUntilStopped(host: host, port: port)
    }
}

/// `sondeo serve links ID --out enlaces.csv`.
struct ServeLinksCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "links",
            abstract: L("Crea (o repite) el enlace personal de cada afiliado de la muestra y los escribe en un CSV con sus datos de contacto.",
                        "Creates (or repeats) each sampled affiliate's personal link and writes them to a CSV with their contact data."),
            discussion: HelpText.discussion([
                L("Cada enlace lleva un token aleatorio de 128 bits: solo abre la encuesta de ese afiliado. Correr el comando otra vez da los mismos enlaces y crea solo los que falten. Quedan fuera los casos ya entrevistados, los que rechazaron y los no elegibles.",
                  "Each link carries a random 128-bit token: it opens that affiliate's survey only. Running the command again gives the same links and creates only the missing ones. Cases already interviewed, refusals and ineligible cases are left out."),
            ], examples: ["sondeo serve links satisfaccion_servicios --base-url https://encuestas.confa.co --out enlaces.csv"])
        )
    }

    @Argument(help: ArgumentHelp(L("Id del cuestionario publicado.", "Id of the published questionnaire."), valueName: "id")) var questionnaire: String
    @Option(help: ArgumentHelp(L("Dirección pública del servidor (por defecto http://127.0.0.1:8080).", "Public address of the server (http://127.0.0.1:8080 by default)."), valueName: "url"))
    var baseUrl = "http://127.0.0.1:8080"
    @Option(help: ArgumentHelp(L("Archivo de salida (.csv o .xlsx).", "Output file (.csv or .xlsx)."), valueName: L("salida", "output"))) var out: String
    @Flag(help: ArgumentHelp(L("Incluye los casos de reserva.", "Include reserve cases."))) var reserve = false
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var global: GlobalOptions

    func validate() throws { try OutputPath.requireTable(out) }

    func run() throws {
        let (links, leftOut) = try WebLinks.table(store: try storeOptions.openWeb(), questionnaire: questionnaire, baseURL: baseUrl, includeReserve: reserve,
                                                  now: Clock.system.timestamp, token: SurveyServer.newToken)
        try DataFile.write(links, to: out)
        Terminal.error(WebLinks.written(links, leftOut: leftOut, to: out, questionnaire: questionnaire))
    }
}

/// `sondeo serve user CODE --role encuestador|supervisor|auxiliar|aprendiz`: an account for the staff pages.
struct ServeUserCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "user",
            abstract: L("Crea o cambia la cuenta de un encuestador o supervisor del formulario web; la contraseña se lee de la entrada estándar.",
                        "Creates or changes the account of a web-form interviewer or supervisor; the password is read from standard input."),
            discussion: HelpText.discussion([
                L("La contraseña (10 caracteres o más) no se guarda: solo su derivación PBKDF2-HMAC-SHA256 con sal aleatoria. Cinco intentos fallidos bloquean la cuenta 15 minutos. Los encuestadores ven /encuestador; los supervisores, /campo.",
                  "The password (10 characters or more) is not stored: only its PBKDF2-HMAC-SHA256 derivation with a random salt. Five failed attempts lock the account for 15 minutes. Interviewers see /encuestador; supervisors, /campo."),
            ], examples: ["sondeo serve user e01 --role encuestador --name \"Laura Gómez\" < clave.txt"])
        )
    }

    @Argument(help: ArgumentHelp(L("Código del usuario.", "User code."), valueName: L("código", "code"))) var code: String
    @Option(help: ArgumentHelp(L("Rol: encuestador, supervisor, auxiliar (casos PQRSL) o aprendiz (llamadas de verificación).", "Role: encuestador, supervisor, auxiliar (PQRSL cases) or aprendiz (verification calls)."), valueName: L("rol", "role"))) var role: String
    @Option(help: ArgumentHelp(L("Nombre de la persona, como lo dice el guion de la entrevista («le habla Laura Gómez»); si se omite, se conserva el registrado.",
                                 "The person's name, as the interview script says it («le habla Laura Gómez»); kept when omitted."), valueName: L("nombre", "name")))
    var name: String?
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try StaffAccount.check(code: code, role: role)
        if isatty(STDIN_FILENO) != 0 { Terminal.error(L("Contraseña de \(code):", "Password for \(code):")) }
        try StaffAccount.save(code: code, role: role, password: readLine(strippingNewline: true) ?? "", name: name, in: try storeOptions.openWeb(), actor: storeOptions.actor)
        print(L("Cuenta «\(code)» (\(role)) guardada en \(storeOptions.shownPath).", "Account «\(code)» (\(role)) saved in \(storeOptions.shownPath)."))
    }
}
