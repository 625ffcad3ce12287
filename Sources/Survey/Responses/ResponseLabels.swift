import Questionnaire
import Table

/// The labels of an export's columns, from the published questionnaire: each variable's question as
/// its label, the options as value labels, NS/NR as missing codes, and the level of measurement
/// (single choice, sí/no and 0/1 nominal; scales and grids ordinal; numbers scale). The system and
/// design columns get their meaning as label. What the SPSS and Stata files, the workbook's labels
/// sheet and the `.sps`/`.do` beside a CSV say.
public enum ResponseLabels {
    public static func of(_ q: QuestionnaireFile) -> TableLabels {
        var labels = TableLabels(file: [q.title ?? q.id, q.version.map { "versión \($0)" }].compactMap { $0 }.joined(separator: ", "))
        let system: [(String, String)] = [
            ("id_afiliado", "Identificador del afiliado"), ("_fila", "Número de fila (export anonimizado)"),
            ("_version", "Versión del cuestionario"), ("_modo", "Modo de la entrevista"), ("_encuestador", "Encuestador"),
            ("_inicio", "Inicio de la entrevista"), ("_fin", "Fin de la entrevista"), ("_disposicion", "Disposición final (AAPOR)"),
            (PresentationOrder.seedVariable, "Semilla del orden de presentación"),
            ("estrato", "Estrato de muestreo"), ("peso", "Peso de diseño (N_h / n_h)"), ("N_estrato", "Afiliados del estrato en el marco (N_h)"),
        ]
        for (name, text) in system { labels.variables[name] = VariableLabel(label: text) }
        labels.variables["peso"]?.measure = .scale
        labels.variables["N_estrato"]?.measure = .scale
        labels.variables[Paradata.device] = VariableLabel(label: "Dispositivo del encuestado (web)")
        labels.variables[Paradata.duration] = VariableLabel(label: "Duración de la entrevista (segundos)", measure: .scale)
        for (page, items) in SurveyForm.pages(of: q).enumerated() {
            let title = items.first.flatMap { q.items[$0].section }.map { " (\(q.sections[$0].title))" } ?? ""
            labels.variables[Paradata.pageVariable(page)] = VariableLabel(label: "Segundos en la página \(page + 1)" + title, measure: .scale)
        }
        for variable in Variables.of(q) {
            let measure: VariableLabel.Measure
            switch q.item(variable.item)?.type {
            case .scale?, .grid?: measure = .ordinal
            case .integer?, .decimal?, .calculated?: measure = .scale
            default: measure = .nominal
            }
            labels.variables[variable.name] = VariableLabel(label: variable.label, values: variable.values.map { (code: Double($0.code), label: $0.label) },
                                                            missing: variable.missing.map(Double.init), measure: variable.kind == .text || variable.kind == .date ? nil : measure)
        }
        return labels
    }
}
