import Diagnostics
import Store
import Table

/// The columns of the cases CSV (import and export), in Spanish as Confa's spreadsheets name them.
public enum CaseColumns {
    public static let intake = ["radicado", "canal", "tipo", "servicio", "atributo", "tipo_ssf", "subsidio", "desde_ssf", "texto", "peticionario",
                                "recibido", "depositado", "termino_ssf", "fecha_respuesta", "canal_respuesta", "certificado_ssf"]
    public static let computed = ["recepcion_efectiva", "termino_dias", "vence", "vence_original", "responsable", "estado", "a_tiempo", "verificacion",
                                  "satisfecho", "llama", "cerrado_el", "version_calendario"]
    /// The columns an import cannot do without.
    public static let required = ["radicado", "canal", "tipo", "servicio", "texto", "recibido"]
}

/// `cases import`: a month of cases from another system, each row taken through the same desk as a
/// case filed by hand (``CaseDesk``) — term and deadline from Sondeo's calendar; a row with
/// `fecha_respuesta` answered (and, for the SSF, uploaded with its certificate) and closed that day.
public enum CaseImport {
    /// The rows as cases with their history, and how many rows were refused (each reported, located,
    /// through `report`).
    public static func cases(in table: Table, file: String, desk: CaseDesk, at now: String, actor: String,
                             report: (String) -> Void) -> (cases: [(record: PQRSCaseRecord, events: [PQRSEvent])], errors: Int) {
        var imported: [(record: PQRSCaseRecord, events: [PQRSEvent])] = []
        var errors = 0
        var seen: [String: Int] = [:]
        for row in 0..<table.rowCount {
            let line = table.line(ofRow: row)
            func cell(_ name: String) -> String? { table[name]?.text(at: row).flatMap { $0.isEmpty ? nil : $0 } }
            func fail(_ column: String, _ message: String) {
                report("\(file):\(line) [\(column)]: error: \(message)")
                errors += 1
            }
            do throws(CaseError) {
                guard let radicado = cell("radicado") else { fail("radicado", Language.current.pick("falta el radicado", "the radicado is missing")); continue }
                if let first = seen[radicado] {
                    fail("radicado", Language.current.pick("«\(radicado)» ya apareció en la línea \(first)", "«\(radicado)» already appeared on line \(first)"))
                    continue
                }
                seen[radicado] = line
                func date(_ name: String) throws(CaseError) -> CivilDate? {
                    guard let text = cell(name) else { return nil }
                    guard let date = CivilDate(parsing: text) else { throw .badDate(field: name, text: text) }
                    return date
                }
                func flag(_ name: String) throws(CaseError) -> Bool { try cell(name).map { text throws(CaseError) in try yesNo(text, field: name) } ?? false }
                guard let received = try date("recibido") else { throw .badDate(field: "recibido", text: "") }
                let intake = CaseDesk.Intake(
                    channel: try value(cell("canal") ?? "", PQRSChannel.self, field: "canal"), type: try value(cell("tipo") ?? "", PQRSType.self, field: "tipo"),
                    service: cell("servicio") ?? "", attribute: cell("atributo"), ssfType: cell("tipo_ssf"), subsidy: try flag("subsidio"),
                    fromSSF: try flag("desde_ssf"), text: cell("texto") ?? "", petitioner: cell("peticionario"),
                    received: received, deposited: try date("depositado"), ssfTermDays: cell("termino_ssf").flatMap(Int.init))
                var (record, event) = try desk.open(intake, at: now, actor: actor)
                record.radicado = radicado
                event.radicado = radicado
                event.action = "importar"
                var events = [event]
                if let answered = try date("fecha_respuesta") {
                    if record.fromSSF && cell("certificado_ssf") == nil {
                        fail("certificado_ssf", Language.current.pick("un caso de la SSF respondido necesita su certificado de cargue",
                                                                      "an answered SSF case needs its upload certificate"))
                        continue
                    }
                    let (responded, e1) = try desk.respond(record, on: answered, channel: cell("canal_respuesta") ?? "correo", at: now, actor: actor)
                    record = responded
                    events.append(e1)
                    if record.fromSSF {
                        let (uploaded, e2) = try desk.uploadSSF(record, certificate: cell("certificado_ssf") ?? "", on: answered, at: now, actor: actor)
                        record = uploaded
                        events.append(e2)
                    }
                    let (closed, e3) = try desk.close(record, on: answered, at: now, actor: actor)
                    record = closed
                    events.append(e3)
                }
                imported.append((record, events))
            } catch {
                fail(column(of: error), error.message(Language.current))
            }
        }
        return (imported, errors)
    }

    /// The column a refusal is about.
    static func column(of error: CaseError) -> String {
        switch error {
        case .unknownCode(let list, _, _, _): return list == .service ? "servicio" : (list == .attribute ? "atributo" : "tipo_ssf")
        case .unknownValue(let field, _, _, _): return field
        case .badDate(let field, _): return field
        case .responseBeforeFiling: return "fecha_respuesta"
        default: return "—"
        }
    }

    /// `sí`/`no` as people write them in a spreadsheet.
    static func yesNo(_ text: String, field: String) throws(CaseError) -> Bool {
        switch String(Suggestion.fold(text)) {
        case "yes", "si", "s", "y", "true", "1": return true
        case "no", "n", "false", "0": return false
        default: throw .unknownValue(field: field, value: text, valid: ["si", "no"], suggestion: nil)
        }
    }

    /// A value of a closed list (channel, type), accents and case aside.
    public static func value<T: RawRepresentable & CaseIterable>(_ text: String, _: T.Type, field: String) throws(CaseError) -> T where T.RawValue == String {
        let folded = String(Suggestion.fold(text))
        if let value = T.allCases.first(where: { String(Suggestion.fold($0.rawValue)) == folded }) { return value }
        let valid = T.allCases.map(\.rawValue)
        throw .unknownValue(field: field, value: text, valid: valid, suggestion: Suggestion.closest(to: text, among: valid))
    }
}
