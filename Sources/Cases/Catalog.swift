import Diagnostics
import Mail
import Foundation

/// The lists Confa edits without a new version of Sondeo (procedure steps 10–14): services, quality
/// attributes, SSF types, the routing rules (type × service → owner) and three settings. A CSV file with
/// the columns `lista,clave,valor`:
///
///     servicio,subsidio,Subsidio monetario
///     atributo,oportunidad,Oportunidad
///     tipo_ssf,queja-subsidio,Queja sobre subsidio familiar
///     ruta,peticion-documentos:*,secretaria-general     (type:service → owner; * = any; first match wins;
///     ruta,*:*,servicio                                  owner «servicio» = the service itself)
///     ajuste,verificar_sugerencias,no
///     ajuste,muestra_reclamos_subsidio,100
///     ajuste,meta_a_tiempo,95                            (% of answers on time the report measures against)
///     responsable,salud,Luisa Marín <luisa.marin@confa.co>   (who answers for an owner; one line per person)
public struct Catalog: Sendable {
    /// A person who answers for an owner (a service, Secretaría General): who gets its assignments,
    /// compliments and reminders by e-mail.
    public struct Person: Sendable, Equatable {
        public var name: String
        public var email: String

        public init(name: String, email: String) {
            self.name = name
            self.email = email
        }
    }

    public var services: [(code: String, name: String)] = []
    public var attributes: [(code: String, name: String)] = []
    public var ssfTypes: [(code: String, name: String)] = []
    public var routes: [(type: String, service: String, owner: String)] = []
    /// The people of each owner (`responsable` lines), in the file's order.
    public var people: [String: [Person]] = [:]
    public var verifySuggestions = false
    public var subsidySampleSize = 100
    /// The share of answers on time the monthly report sets against (percent).
    public var onTimeTarget = 95.0
    /// Where it came from (a path, or «predeterminado»).
    public var source = "predeterminado"

    /// The catalogue shipped with Sondeo: Confa's services and the usual quality attributes.
    public static let standard: Catalog = try! Catalog(text: defaultText, source: "predeterminado")

    public static let defaultText = """
        lista,clave,valor
        servicio,subsidio,Subsidio monetario
        servicio,recreacion,Recreación y turismo
        servicio,educacion,Educación y cultura
        servicio,credito,Crédito social
        servicio,vivienda,Vivienda
        servicio,salud,Salud (IPS Confa)
        servicio,afiliaciones,Afiliaciones y aportes
        servicio,atencion,Atención al usuario
        atributo,oportunidad,Oportunidad
        atributo,amabilidad,Amabilidad y trato
        atributo,informacion,Claridad de la información
        atributo,infraestructura,Infraestructura
        atributo,tramites,Trámites y requisitos
        atributo,costo,Costo
        tipo_ssf,queja-subsidio,Queja sobre subsidio familiar
        tipo_ssf,reclamo-afiliacion,Reclamo sobre afiliación o aportes
        tipo_ssf,peticion-informacion,Petición de información
        ruta,peticion-documentos:*,secretaria-general
        ruta,consulta:*,secretaria-general
        ruta,*:*,servicio
        ajuste,verificar_sugerencias,no
        ajuste,muestra_reclamos_subsidio,100
        ajuste,meta_a_tiempo,95
        """

    public init(path: String) throws(CaseError) {
        guard let (text, _) = TextLines.read(path) else { throw .unreadableFile(path: path) }
        try self.init(text: text, source: path)
    }

    public init(text: String, source: String) throws(CaseError) {
        self.source = source
        for (index, raw) in TextLines.split(text).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") || (index == 0 && line.hasPrefix("lista")) { continue }
            let fields = TextLines.fields(line, maxFields: 3)
            guard fields.count == 3, !fields[1].isEmpty else { throw .badCatalogLine(path: source, line: index + 1, text: line) }
            switch fields[0] {
            case "servicio": services.append((fields[1], fields[2]))
            case "atributo": attributes.append((fields[1], fields[2]))
            case "tipo_ssf": ssfTypes.append((fields[1], fields[2]))
            case "ruta":
                let parts = fields[1].split(separator: ":").map(String.init)
                guard parts.count == 2 else { throw .badCatalogLine(path: source, line: index + 1, text: line) }
                routes.append((parts[0], parts[1], fields[2]))
            case "responsable":
                guard let person = Self.person(fields[2]) else { throw .badCatalogLine(path: source, line: index + 1, text: line) }
                people[fields[1], default: []].append(person)
            case "ajuste":
                switch fields[1] {
                case "verificar_sugerencias": verifySuggestions = ["si", "sí", "true", "1"].contains(fields[2].lowercased())
                case "muestra_reclamos_subsidio":
                    guard let k = Int(fields[2]), k > 0 else { throw .badCatalogLine(path: source, line: index + 1, text: line) }
                    subsidySampleSize = k
                case "meta_a_tiempo":
                    guard let target = Double(fields[2]), target > 0, target <= 100 else { throw .badCatalogLine(path: source, line: index + 1, text: line) }
                    onTimeTarget = target
                default: throw .badCatalogLine(path: source, line: index + 1, text: line)
                }
            default: throw .badCatalogLine(path: source, line: index + 1, text: line)
            }
        }
    }

    /// `Luisa Marín <luisa.marin@confa.co>` or a bare address; nil when there is no address in it.
    static func person(_ text: String) -> Person? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let open = trimmed.lastIndex(of: "<"), trimmed.hasSuffix(">") {
            let email = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]).trimmingCharacters(in: .whitespaces)
            let name = String(trimmed[..<open]).trimmingCharacters(in: .whitespaces)
            return EmailAddress.isPlausible(email) ? Person(name: name.isEmpty ? email : name, email: email) : nil
        }
        return EmailAddress.isPlausible(trimmed) ? Person(name: trimmed, email: trimmed) : nil
    }

    /// How an owner is shown: its people's names («Luisa Marín, Jorge Ríos»), else the service's name, else its code.
    /// The owner as a list shows it: the service's name and, when the catalogue has them, its people
    /// («Salud (IPS Confa) — Luisa Marín, Camilo Ospina»).
    public func ownerLabel(_ owner: String) -> String {
        let service = name(owner, in: .service)
        guard let people = people[owner], !people.isEmpty else { return service }
        return service + " — " + people.map(\.name).joined(separator: ", ")
    }

    public func ownerName(_ owner: String) -> String {
        if let people = people[owner], !people.isEmpty { return people.map(\.name).joined(separator: ", ") }
        return name(owner, in: .service)
    }

    /// Who answers a case: the first rule matching its type and service; «servicio» names the service.
    public func owner(type: PQRSType, service: String) -> String {
        for rule in routes where (rule.type == "*" || rule.type == type.rawValue) && (rule.service == "*" || rule.service == service) {
            return rule.owner == "servicio" ? service : rule.owner
        }
        return service
    }

    /// Checks a code against a list, with the valid codes in the message.
    public func require(_ code: String, in list: Catalog.List) throws(CaseError) {
        let codes = self.codes(list)
        guard codes.contains(code) else {
            throw .unknownCode(list: list, code: code, valid: codes, suggestion: Suggestion.closest(to: code, among: codes))
        }
    }

    public enum List: String, Sendable { case service = "servicio", attribute = "atributo", ssfType = "tipo SSF" }

    public func codes(_ list: List) -> [String] {
        switch list {
        case .service: return services.map(\.code)
        case .attribute: return attributes.map(\.code)
        case .ssfType: return ssfTypes.map(\.code)
        }
    }

    public func name(_ code: String, in list: List) -> String {
        let pairs: [(code: String, name: String)]
        switch list {
        case .service: pairs = services
        case .attribute: pairs = attributes
        case .ssfType: pairs = ssfTypes
        }
        return pairs.first { $0.code == code }?.name ?? code
    }
}
