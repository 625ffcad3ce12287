import Diagnostics

/// Why a store could not be opened.
public enum OpenFailure: Sendable, Equatable {
    /// A newer Sondeo wrote it (a migration this one does not know).
    case newerSondeo
    /// `--store postgres://…` that is not `postgres://usuario:clave@servidor/base`.
    case notPostgresAddress
    /// The PostgreSQL server did not answer.
    case unreachable
    /// The PostgreSQL server refused the user or the password.
    case credentials
    /// What the database itself said (SQLite's or PostgreSQL's words).
    case database(String)
    /// A SQLite data source that is not there.
    case missingFile
}

/// Why the store refused or failed an operation, in words the team reads.
public enum StoreError: Diagnostic, Equatable {
    /// The file or server cannot be opened as a Sondeo store.
    case cannotOpen(path: String, reason: OpenFailure)
    /// A published version's text cannot change: publish it under a new version number.
    case versionChanged(questionnaire: String, version: String)
    /// The questionnaire has not been published in this store.
    case unknownQuestionnaire(String, suggestion: String?)
    /// A sample unit already loaded for the questionnaire, with other data.
    case duplicateUnit(questionnaire: String, unit: String)
    /// A respondent already stored for the questionnaire, with other answers.
    case duplicateRespondent(questionnaire: String, respondent: String)
    /// The database reported an error (its own words).
    case database(path: String, message: String)
    /// The PostgreSQL server cannot be reached now.
    case unreachable(path: String)
    /// Another process changed the PQRSL case in between: nothing was written.
    case caseChanged(radicado: String)
    /// An imported PQRSL case exists with other data.
    case duplicateCase(radicado: String)
    /// The unit is not a case of the questionnaire's sample.
    case notInSample(questionnaire: String, unit: String)
    /// The respondent has no interview in progress (it was never started, or it is already closed).
    case noOpenInterview(questionnaire: String, respondent: String)
    /// A database read as a data table (`--query`) could not be read.
    case cannotRead(source: String, reason: OpenFailure)
    /// The query gave no rows: no table to work on.
    case emptyQuery(source: String, query: String)

    public var code: String {
        switch self {
        case .cannotOpen: return "STORE-001"
        case .versionChanged: return "STORE-002"
        case .unknownQuestionnaire: return "STORE-003"
        case .duplicateUnit: return "STORE-004"
        case .database, .unreachable: return "STORE-005"
        case .duplicateRespondent: return "STORE-006"
        case .caseChanged: return "STORE-007"
        case .duplicateCase: return "STORE-008"
        case .notInSample: return "STORE-009"
        case .noOpenInterview: return "STORE-010"
        case .cannotRead: return "STORE-011"
        case .emptyQuery: return "STORE-012"
        }
    }

    public var location: SourceLocation? {
        switch self {
        case .cannotOpen(let path, _), .database(let path, _), .unreachable(let path), .cannotRead(let path, _), .emptyQuery(let path, _): return SourceLocation(source: path)
        default: return nil
        }
    }

    public var exitStatus: ExitStatus {
        switch self {
        case .cannotOpen, .database, .unreachable, .cannotRead: return .ioError
        case .unknownQuestionnaire: return .usage
        default: return .dataError
        }
    }

    public func message(_ language: Language) -> String {
        switch self {
        case .cannotOpen(let path, let reason):
            return language.pick("no se pudo abrir el almacén «\(path)»: \(Self.why(reason, language))", "could not open the store «\(path)»: \(Self.why(reason, language))")
        case .cannotRead(let source, let reason):
            return language.pick("no se pudo leer la base de datos «\(source)»: \(Self.why(reason, language))",
                                 "could not read the database «\(source)»: \(Self.why(reason, language))")
        case .emptyQuery(let source, let query):
            return language.pick("la consulta «\(query)» no devolvió ninguna fila en «\(source)»: no hay tabla con que trabajar",
                                 "the query «\(query)» returned no rows from «\(source)»: there is no table to work on")
        case .unreachable:
            return language.pick("error de la base de datos: ", "database error: ") + Self.unreachableText(language)
        case .versionChanged(let q, let v):
            return language.pick("la versión \(v) de «\(q)» ya se publicó con otro texto: cambie el número de versión en el archivo",
                                 "version \(v) of «\(q)» was already published with another text: change the version number in the file")
        case .unknownQuestionnaire(let q, let suggestion):
            if suggestion != nil {
                return language.pick("el cuestionario «\(q)» no está publicado en este almacén", "questionnaire «\(q)» is not published in this store")
                    + Suggestion.hint(suggestion, language)
            }
            return language.pick("el cuestionario «\(q)» no está publicado en este almacén: publíquelo con «sondeo questionnaire publish ARCHIVO»",
                                 "questionnaire «\(q)» is not published in this store: publish it with «sondeo questionnaire publish FILE»")
        case .duplicateUnit(let q, let unit):
            return language.pick("«\(unit)» ya está en la muestra de «\(q)» con otros datos",
                                 "«\(unit)» is already in the sample of «\(q)» with other data")
        case .duplicateRespondent(let q, let r):
            return language.pick("«\(r)» ya tiene una entrevista de «\(q)» con otras respuestas; no se guardó nada",
                                 "«\(r)» already has an interview of «\(q)» with other answers; nothing was saved")
        case .database(_, let message):
            return language.pick("error de la base de datos: \(message)", "database error: \(message)")
        case .caseChanged(let radicado):
            return language.pick("otra persona cambió el caso \(radicado) mientras tanto; no se guardó nada: vuelva a intentarlo",
                                 "someone else changed case \(radicado) meanwhile; nothing was saved: try again")
        case .notInSample(let q, let unit):
            return language.pick("«\(unit)» no está en la muestra de «\(q)»", "«\(unit)» is not in the sample of «\(q)»")
        case .noOpenInterview(let q, let respondent):
            return language.pick("«\(respondent)» no tiene una entrevista abierta de «\(q)» (no empezó o ya se cerró)",
                                 "«\(respondent)» has no open interview of «\(q)» (never started, or already closed)")
        case .duplicateCase(let radicado):
            return language.pick("el caso \(radicado) ya existe con otros datos; no se importó nada", "case \(radicado) already exists with other data; nothing was imported")
        }
    }

    static func why(_ reason: OpenFailure, _ language: Language) -> String {
        switch reason {
        case .newerSondeo: return language.pick("lo escribió una versión más nueva de Sondeo", "a newer version of Sondeo wrote it")
        case .notPostgresAddress: return language.pick("no es una dirección postgres://usuario:clave@servidor/base", "it is not a postgres://user:password@host/database address")
        case .unreachable: return Self.unreachableText(language)
        case .credentials: return language.pick("el servidor no aceptó el usuario o la clave (PGPASSWORD)", "the server did not accept the user or the password (PGPASSWORD)")
        case .database(let message): return message
        case .missingFile: return language.pick("el archivo no existe", "the file does not exist")
        }
    }

    static func unreachableText(_ language: Language) -> String {
        language.pick("no se pudo conectar con el servidor: revise la dirección, el usuario, la clave y que el servidor esté en marcha",
                      "could not connect to the server: check the address, the user, the password and that the server is running")
    }
}
