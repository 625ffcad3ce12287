import Diagnostics
import Foundation
import Table

/// The six questions with which step 36 of the procedure maps a segment.
public enum ProfileQuestion: String, Sendable, CaseIterable {
    case quien, que, como, donde, experiencia, resultado, otras

    public func title(_ language: Language) -> String {
        switch self {
        case .quien: return language.pick("¿Quién es?", "Who is it?")
        case .que: return language.pick("¿Qué es?", "What is it?")
        case .como: return language.pick("¿Cómo es? (composición)", "What is it like? (composition)")
        case .donde: return language.pick("¿Dónde está?", "Where is it?")
        case .experiencia: return language.pick("¿Qué experiencia ha tenido?", "What experience has it had?")
        case .resultado: return language.pick("¿Cómo le fue con esa experiencia?", "How did that experience go?")
        case .otras: return language.pick("Otras columnas", "Other columns")
        }
    }
}

/// Which columns answer which question. The default fits Confa's affiliate base; a file can say
/// otherwise, one question per line:
///
/// ```
/// quien: sexo, edad
/// donde: municipio, zona
/// ```
///
/// Columns of the data that no question names are described under ``ProfileQuestion/otras``. A line
/// `etiqueta usa_salud: Usa servicios de salud` gives a column the words the map shows for it (the
/// column's name stays beside them, small).
public struct ProfileLayout: Sendable {
    public var questions: [(question: ProfileQuestion, columns: [String])]
    /// What each column is, in a person's words.
    public var labels: [String: String] = [:]

    public static let confa = ProfileLayout(questions: [
        (.quien, ["sexo", "edad", "tipo_documento"]),
        (.que, ["categoria", "salario_smmlv", "sector_empresa"]),
        (.como, ["personas_a_cargo"]),
        (.donde, ["municipio", "zona"]),
        (.experiencia, ["usa_salud", "usa_educacion", "usa_recreacion", "usa_vivienda", "usa_credito", "usa_subsidio",
                        "visitas_12m", "fecha_afiliacion"]),
        (.resultado, ["ultima_satisfaccion", "pqrsl_12m"]),
    ], labels: [
        "sexo": "Sexo", "edad": "Edad", "tipo_documento": "Tipo de documento", "categoria": "Categoría de afiliación",
        "salario_smmlv": "Salario (en salarios mínimos)", "sector_empresa": "Sector de la empresa", "personas_a_cargo": "Personas a cargo",
        "municipio": "Municipio", "zona": "Zona", "usa_salud": "Usa los servicios de salud", "usa_educacion": "Usa educación",
        "usa_recreacion": "Usa recreación y turismo", "usa_vivienda": "Usa vivienda", "usa_credito": "Usa crédito social",
        "usa_subsidio": "Recibe subsidio", "visitas_12m": "Visitas en los últimos 12 meses", "fecha_afiliacion": "Fecha de afiliación",
        "ultima_satisfaccion": "Última satisfacción (1–5)", "pqrsl_12m": "PQRSL en los últimos 12 meses",
    ])

    public init(questions: [(question: ProfileQuestion, columns: [String])], labels: [String: String] = [:]) {
        self.questions = questions
        self.labels = labels
    }

    /// Reads a layout file (`quien: sexo, edad`, one question per line, `#` comments).
    public init(path: String, text: String) throws(SegmentationError) {
        var questions: [(ProfileQuestion, [String])] = []
        for (index, raw) in TextLines.split(text).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2 else { throw .badDefinition(file: path, line: index + 1, text: line) }
            let words = parts[0].split(separator: " ")
            if words.count == 2, ["etiqueta", "label"].contains(Suggestion.fold(String(words[0])).map(String.init).joined()), !parts[1].isEmpty {
                labels[String(words[1])] = parts[1]
                continue
            }
            guard let question = ProfileQuestion(rawValue: Suggestion.fold(parts[0]).map(String.init).joined()) else {
                throw .unknownQuestion(file: path, line: index + 1, key: parts[0])
            }
            questions.append((question, TextLines.list(parts[1])))
        }
        self.questions = questions
    }

    /// The layout for a table: the named columns that exist, then every other column (identifiers
    /// and free text left out) under «Otras columnas».
    public func resolved(for table: Table) -> [(question: ProfileQuestion, columns: [String])] {
        var used = Set<String>()
        var result: [(ProfileQuestion, [String])] = []
        for (question, columns) in questions {
            let present = columns.filter { table[$0] != nil && !used.contains($0) }
            used.formUnion(present)
            if !present.isEmpty { result.append((question, present)) }
        }
        let others = table.columns.filter { !used.contains($0.name) && $0.type != .text }.map(\.name)
        if !others.isEmpty { result.append((.otras, others)) }
        return result
    }
}
