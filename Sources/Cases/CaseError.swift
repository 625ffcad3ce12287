import Foundation
import Diagnostics
import Table

/// Why a PQRSL command cannot do what it was asked, in words the auxiliar de servicio al cliente reads.
/// Nothing is written when one of these is thrown.
public enum CaseError: Diagnostic, Equatable {
    case unreadableFile(path: String)
    case badCatalogLine(path: String, line: Int, text: String)
    case unknownCode(list: Catalog.List, code: String, valid: [String], suggestion: String?)
    case unknownValue(field: String, value: String, valid: [String], suggestion: String?)
    case badDate(field: String, text: String)
    case notFound(radicado: String, suggestion: String?)
    case refused(radicado: String, state: PQRSState, action: PQRSAction)
    case responseBeforeFiling(response: CivilDate, received: CivilDate)
    case dateBefore(field: String, date: CivilDate, earlier: String, limit: CivilDate)
    case extensionLate(notified: CivilDate, deadline: CivilDate)
    case extensionTooLong(until: CivilDate, maximum: CivilDate, term: Int)
    case extensionNotLater(until: CivilDate, deadline: CivilDate)
    case attemptSameDay(radicado: String, date: CivilDate)
    case verificationOver(radicado: String, status: VerificationStatus)
    case notSelected(radicado: String, status: VerificationStatus)
    case satisfactionNeeded
    case satisfactionWithoutContact
    case certificateMissing(radicado: String)
    case sampleAlreadyDrawn(month: String)
    case badRow(path: String, line: Int, field: String, reason: String)
    /// Ley 1755, art. 17: the request to complete a petition comes within 10 days of its filing.
    case suspensionLate(radicado: String, date: CivilDate, limit: CivilDate)
    /// Ley 1755, art. 17: desistimiento only once the petitioner's month to complete it has passed.
    case desistTooEarly(radicado: String, date: CivilDate, suspended: CivilDate, earliest: CivilDate)
    /// The monthly verification sample is drawn once the month is over: a month drawn early can never be
    /// drawn again, and its cases answered later would wait for a draw for good.
    case monthNotOver(month: String, lastDay: CivilDate, day: CivilDate)
    /// Only the suggestion box has a deposit day distinct from the day it is opened (procedure step 15).
    case depositOutsideBox(channel: String)
    /// A text the step needs (what the person asks, a reason, the entity a case goes to) left empty.
    case emptyText(field: String)
    /// A case that arrived by the SSF's mail is one the SSF sent: it needs `--from-ssf` (and its
    /// certificate after the answer), not an ordinary case.
    case ssfChannelNeedsFlag
    /// A step about the legal term (suspend, extend) on a case without one (a felicitación).
    case noTerm(radicado: String, action: PQRSAction)
    /// A day after today (Colombia) for something that has already happened.
    case futureDate(field: String, date: CivilDate, today: CivilDate)
    /// A receipt before Ley 1755 de 2015 was promulgated (30 June 2015): its terms did not apply.
    case beforeLaw(date: CivilDate)
    /// A term set by the SSF outside 1…30 business days (30 is the law's longest, for consultas).
    case ssfTermOutOfRange(days: Int)
    /// An attachment with no bytes, or over the size a store keeps (``CaseDesk/attachmentLimit``).
    case emptyFile(name: String)
    case fileTooLarge(name: String, size: Int, limit: Int)
    /// An internal request the case does not have, or one already answered.
    case unknownRequest(radicado: String, id: Int, known: [Int])
    case requestAnswered(radicado: String, id: Int, on: String)
    /// A kept document written under another extension than its own (a name's extension is a promise).
    case otherExtension(name: String, out: String)
    /// A verification call of an earlier day without its time (step 32 keeps the date and the hour).
    case callTimeNeeded(date: CivilDate)
    case badTime(text: String)
    case badMonth(text: String)

    public var code: String {
        switch self {
        case .unreadableFile: return "CASE-001"
        case .badCatalogLine: return "CASE-002"
        case .unknownCode: return "CASE-003"
        case .unknownValue: return "CASE-004"
        case .badDate: return "CASE-005"
        case .notFound: return "CASE-006"
        case .refused: return "CASE-007"
        case .responseBeforeFiling: return "CASE-008"
        case .dateBefore: return "CASE-009"
        case .extensionLate: return "CASE-010"
        case .extensionTooLong: return "CASE-011"
        case .extensionNotLater: return "CASE-012"
        case .attemptSameDay: return "CASE-013"
        case .verificationOver: return "CASE-014"
        case .notSelected: return "CASE-015"
        case .satisfactionNeeded: return "CASE-016"
        case .satisfactionWithoutContact: return "CASE-017"
        case .certificateMissing: return "CASE-018"
        case .sampleAlreadyDrawn: return "CASE-019"
        case .badRow: return "CASE-020"
        case .suspensionLate: return "CASE-021"
        case .desistTooEarly: return "CASE-022"
        case .monthNotOver: return "CASE-023"
        case .depositOutsideBox: return "CASE-024"
        case .emptyText: return "CASE-025"
        case .ssfChannelNeedsFlag: return "CASE-026"
        case .noTerm: return "CASE-027"
        case .futureDate: return "CASE-028"
        case .beforeLaw: return "CASE-029"
        case .ssfTermOutOfRange: return "CASE-030"
        case .emptyFile: return "CASE-031"
        case .fileTooLarge: return "CASE-032"
        case .unknownRequest: return "CASE-033"
        case .requestAnswered: return "CASE-034"
        case .otherExtension: return "CASE-035"
        case .callTimeNeeded: return "CASE-036"
        case .badTime: return "CASE-037"
        case .badMonth: return "CASE-038"
        }
    }

    public var location: SourceLocation? {
        switch self {
        case .unreadableFile(let path): return SourceLocation(source: path)
        case .badCatalogLine(let path, let line, _): return SourceLocation(source: path, line: line)
        case .badRow(let path, let line, let field, _): return SourceLocation(source: path, line: line, field: field)
        default: return nil
        }
    }

    public var exitStatus: ExitStatus {
        switch self {
        case .unreadableFile: return .noInput
        case .unknownCode, .unknownValue, .badDate, .badMonth, .notFound, .depositOutsideBox: return .usage
        default: return .dataError
        }
    }

    public func message(_ language: Language) -> String {
        let es = language == .es
        func list(_ values: [String]) -> String { values.joined(separator: ", ") }
        switch self {
        case .unreadableFile(let path):
            return es ? "no se pudo leer \(path)" : "cannot read \(path)"
        case .badCatalogLine(_, _, let text):
            return es ? "la línea «\(text)» no es «lista,clave,valor» con lista servicio, atributo, tipo_ssf, ruta o ajuste"
                      : "line «\(text)» is not «lista,clave,valor» with list servicio, atributo, tipo_ssf, ruta or ajuste"
        case .unknownCode(let which, let code, let valid, let suggestion):
            let hint = Suggestion.hint(suggestion, language)
            return es ? "el \(which.rawValue) «\(code)» no está en el catálogo\(hint); los válidos son: \(list(valid))"
                      : "\(which.rawValue) «\(code)» is not in the catalogue\(hint); valid ones: \(list(valid))"
        case .unknownValue(let field, let value, let valid, let suggestion):
            let hint = Suggestion.hint(suggestion, language)
            return es ? "\(field) «\(value)» no existe\(hint); use uno de: \(list(valid))" : "\(field) «\(value)» does not exist\(hint); use one of: \(list(valid))"
        case .badDate(let field, let text):
            return es ? "\(field): «\(text)» no es una fecha válida (aaaa-mm-dd)" : "\(field): «\(text)» is not a valid date (yyyy-mm-dd)"
        case .notFound(let radicado, let suggestion):
            let hint = Suggestion.hint(suggestion, language)
            return es ? "no hay ningún caso con radicado «\(radicado)»\(hint)" : "there is no case with radicado «\(radicado)»\(hint)"
        case .refused(let radicado, let state, let action):
            return es ? "el caso \(radicado) está «\(state.rawValue)»: desde ahí no se puede «\(action.rawValue)»"
                      : "case \(radicado) is «\(state.rawValue)»: «\(action.rawValue)» is not possible from there"
        case .responseBeforeFiling(let response, let received):
            return es ? "la respuesta (\(response.iso)) no puede ser anterior a la radicación (\(received.iso))"
                      : "the response (\(response.iso)) cannot be earlier than the filing (\(received.iso))"
        case .emptyText(let field):
            return es ? "falta \(field): no puede quedar en blanco" : "\(field) is missing: it cannot be blank"
        case .futureDate(let field, let date, let today):
            return es ? "\(field) (\(date.iso)) no puede ser posterior a hoy (\(today.iso))" : "\(field) (\(date.iso)) cannot be later than today (\(today.iso))"
        case .beforeLaw(let date):
            return es ? "la fecha de recibo (\(date.iso)) es anterior a la Ley 1755 de 2015 (promulgada el 2015-06-30), cuyos términos aplica Sondeo: revise el año"
                      : "the receipt day (\(date.iso)) is earlier than Ley 1755 de 2015 (promulgated 2015-06-30), whose terms Sondeo applies: check the year"
        case .ssfTermOutOfRange(let days):
            return es ? "el término de la SSF (\(days) días hábiles) debe ser de 1 a 30 días hábiles (30 es el más largo de la Ley 1755, el de las consultas)"
                      : "the SSF's term (\(days) business days) must be 1 to 30 business days (30 is the longest of Ley 1755, for consultas)"
        case .emptyFile(let name):
            return es ? "el archivo «\(name)» está vacío: no hay nada que adjuntar" : "the file «\(name)» is empty: there is nothing to attach"
        case .fileTooLarge(let name, let size, let limit):
            return es ? "el archivo «\(name)» pesa \(size / 1_048_576) MB; el límite de un adjunto es \(limit / 1_048_576) MB (escanee en menor resolución o en PDF)"
                      : "the file «\(name)» weighs \(size / 1_048_576) MB; an attachment's limit is \(limit / 1_048_576) MB (scan at a lower resolution or as PDF)"
        case .unknownRequest(let radicado, let id, let known):
            return es ? "\(radicado) no tiene la solicitud \(id)" + (known.isEmpty ? " (no tiene solicitudes)" : "; tiene: \(known.map(String.init).joined(separator: ", "))")
                      : "\(radicado) has no request \(id)" + (known.isEmpty ? " (it has none)" : "; it has: \(known.map(String.init).joined(separator: ", "))")
        case .callTimeNeeded(let date):
            return es ? "indique la hora de la llamada del \(date.iso) con --time (p. ej. --time 10:30): el procedimiento deja la fecha y la hora de cada intento"
                      : "give the time of the call of \(date.iso) with --time (e.g. --time 10:30): the procedure keeps each attempt's date and time"
        case .badMonth(let text):
            return es ? "«\(text)» no es un mes: escríbalo aaaa-mm (p. ej. 2026-10)" : "«\(text)» is not a month: write it yyyy-mm (e.g. 2026-10)"
        case .badTime(let text):
            return es ? "«\(text)» no es una hora: escríbala HH:MM, de 00:00 a 23:59 (p. ej. 10:30 o 15:05)" : "«\(text)» is not a time: write it HH:MM, 00:00 to 23:59 (e.g. 10:30 or 15:05)"
        case .otherExtension(let name, let out):
            let ext = (name as NSString).pathExtension
            return es ? "«\(name)» es un .\(ext): escríbalo en un archivo .\(ext), no en «\(out)»" : "«\(name)» is a .\(ext): write it to a .\(ext) file, not «\(out)»"
        case .requestAnswered(let radicado, let id, let on):
            return es ? "la solicitud \(id) de \(radicado) ya se respondió el \(on)" : "request \(id) of \(radicado) was already answered on \(on)"
        case .noTerm(let radicado, let action):
            return es ? "\(radicado) es una felicitación: no tiene término que \(action == .extend ? "prorrogar" : "suspender") (no pide respuesta)"
                      : "\(radicado) is a compliment: it has no term to \(action == .extend ? "extend" : "suspend") (it asks for no answer)"
        case .ssfChannelNeedsFlag:
            return es ? "un caso que llega por el correo de la SSF lo envía la Superintendencia: indique --from-ssf (y su término con --ssf-term si la SSF lo fija)"
                      : "a case arriving by the SSF's mail is sent by the Superintendency: give --from-ssf (and its term with --ssf-term if the SSF sets one)"
        case .depositOutsideBox(let channel):
            return es ? "la fecha de depósito es solo para casos del buzón (--channel buzon), no de «\(channel)»"
                      : "a deposit day is only for suggestion-box cases (--channel buzon), not «\(channel)»"
        case .monthNotOver(let month, let last, let day):
            return es ? "el mes \(month) no ha terminado el \(day.iso): su muestra de verificación se sortea desde el día siguiente a su último día (\(last.iso)), cuando ya se conocen todos sus reclamos respondidos"
                      : "month \(month) is not over on \(day.iso): its verification sample is drawn from the day after its last day (\(last.iso)), when all its answered claims are known"
        case .suspensionLate(let radicado, let date, let limit):
            return es ? "\(radicado): la petición solo se puede suspender para que se complete dentro de los 10 días hábiles siguientes a su radicación (hasta el \(limit.iso)); el \(date.iso) es tarde (Ley 1755, art. 17)"
                      : "\(radicado): a petition can only be suspended to be completed within 10 business days of its filing (until \(limit.iso)); \(date.iso) is too late (Ley 1755, art. 17)"
        case .desistTooEarly(let radicado, let date, let suspended, let earliest):
            return es ? "\(radicado): el peticionario tiene un mes desde el requerimiento del \(suspended.iso) para completar la petición; el desistimiento se puede declarar desde el \(earliest.iso), no el \(date.iso) (Ley 1755, art. 17)"
                      : "\(radicado): the petitioner has one month from the request of \(suspended.iso) to complete the petition; desistimiento can be declared from \(earliest.iso), not on \(date.iso) (Ley 1755, art. 17)"
        case .dateBefore(let field, let date, let earlier, let limit):
            // «a el» is written «al».
            let to = earlier.hasPrefix("el ") ? "al " + earlier.dropFirst(3) : "a " + earlier
            return es ? "\(field) (\(date.iso)) no puede ser anterior \(to) (\(limit.iso))"
                      : "\(Self.stepNames[field] ?? field) (\(date.iso)) cannot be earlier than \(Self.stepNames[earlier] ?? earlier) (\(limit.iso))"
        case .extensionLate(let notified, let deadline):
            return es ? "la prórroga se avisó el \(notified.iso), después del vencimiento (\(deadline.iso)): la ley exige avisarla antes de que venza el término (Ley 1755, art. 14, parágrafo)"
                      : "the extension was notified on \(notified.iso), after the deadline (\(deadline.iso)): the law requires notice before the term ends (Ley 1755, art. 14)"
        case .extensionTooLong(let until, let maximum, let term):
            return es ? "la nueva fecha \(until.iso) pasa del doble del término inicial (2 × \(term) días hábiles: \(maximum.iso))"
                      : "the new date \(until.iso) goes beyond twice the initial term (2 × \(term) business days: \(maximum.iso))"
        case .extensionNotLater(let until, let deadline):
            return es ? "la nueva fecha \(until.iso) no es posterior al vencimiento actual (\(deadline.iso))" : "the new date \(until.iso) is not after the current deadline (\(deadline.iso))"
        case .attemptSameDay(let radicado, let date):
            return es ? "ya hubo un intento de verificación de \(radicado) el \(date.iso): los tres intentos deben ser en días distintos"
                      : "there was already a verification attempt for \(radicado) on \(date.iso): the three attempts must be on different days"
        case .verificationOver(let radicado, let status):
            return es ? "la verificación de \(radicado) ya terminó («\(status.rawValue)»): no se registran más intentos"
                      : "the verification of \(radicado) is over («\(status.rawValue)»): no more attempts are recorded"
        case .notSelected(let radicado, let status):
            return es ? "el caso \(radicado) no está pendiente de verificación («\(status.rawValue)»)" : "case \(radicado) is not waiting for verification («\(status.rawValue)»)"
        case .satisfactionNeeded:
            return es ? "con --outcome contactado indique --satisfied yes o no" : "with --outcome contactado give --satisfied yes or no"
        case .satisfactionWithoutContact:
            return es ? "--satisfied solo va con --outcome contactado" : "--satisfied goes only with --outcome contactado"
        case .certificateMissing(let radicado):
            return es ? "el caso \(radicado) llegó de la SSF: cargue la respuesta en la plataforma de la SSF (sondeo cases upload-ssf \(radicado) --certificate …) antes de cerrarlo"
                      : "case \(radicado) came from the SSF: upload the response to the SSF platform (sondeo cases upload-ssf \(radicado) --certificate …) before closing it"
        case .sampleAlreadyDrawn(let month):
            return es ? "la muestra de verificación de \(month) ya se sorteó; se muestra la guardada" : "the verification sample of \(month) was already drawn"
        case .badRow(_, _, _, let reason):
            return reason
        }
    }
}

extension CaseError {
    /// The steps the date rules name (in Spanish, as the rules say them), in English.
    static let stepNames = [
        "la radicación": "the filing", "la solicitud": "the request", "la fecha límite de la solicitud": "the request's due day",
        "la respuesta del servicio": "the service's answer", "el traslado": "the transfer", "la suspensión": "the suspension",
        "la reanudación": "the resumption", "el aviso de prórroga": "the extension notice", "el cargue en la SSF": "the SSF upload",
        "la respuesta": "the answer", "el cierre": "the closing", "la llamada": "the call", "el intento anterior": "the previous attempt",
    ]
}
