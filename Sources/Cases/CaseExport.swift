import Diagnostics
import Store
import Table

/// The cases as the CSV `cases export` writes (for Almera, the SSF or a spreadsheet): the intake
/// columns ``CaseImport`` reads back, then the computed ones (term, state, verification).
public enum CaseExport {
    public static func table(_ cases: [PQRSCaseRecord]) -> Table {
        func yes(_ b: Bool) -> String { b ? "si" : "no" }
        let values: [String: (PQRSCaseRecord) -> String?] = [
            "radicado": { $0.radicado }, "canal": { $0.channel }, "tipo": { $0.type }, "servicio": { $0.service }, "atributo": { $0.attribute },
            "tipo_ssf": { $0.ssfType }, "subsidio": { yes($0.subsidy) }, "desde_ssf": { yes($0.fromSSF) }, "texto": { $0.text }, "peticionario": { $0.petitioner },
            "recibido": { $0.received }, "depositado": { $0.deposited }, "termino_ssf": { $0.termSource == "ssf" ? String($0.termDays) : nil },
            "fecha_respuesta": { $0.responseDate }, "canal_respuesta": { $0.responseChannel }, "certificado_ssf": { $0.ssfCertificate },
            "recepcion_efectiva": { $0.effectiveReceipt }, "termino_dias": { String($0.termDays) }, "vence": { $0.deadline }, "vence_original": { $0.originalDeadline },
            "responsable": { $0.owner }, "estado": { $0.state }, "a_tiempo": { c in c.hasTerm ? c.responseDate.map { yes($0 <= c.deadline) } : nil }, "verificacion": { $0.verification },
            "satisfecho": { $0.satisfied.map(yes) }, "llama": { $0.verifier }, "cerrado_el": { $0.closedOn }, "version_calendario": { $0.calendarVersion },
        ]
        let columns = (CaseColumns.intake + CaseColumns.computed).map { name in Column.optionalTexts(name, cases.map { values[name]!($0) }) }
        return Table(columns: columns, rowCount: cases.count)
    }
}

extension CaseImport {
    /// The columns a cases file lacks, as an error to print, or nil.
    public static func missingColumnsError(_ table: Table, file: String) -> String? {
        let missing = CaseColumns.required.filter { table[$0] == nil }
        guard !missing.isEmpty else { return nil }
        return L("error: a \(file) le faltan las columnas \(missing.joined(separator: ", "))", "error: \(file) lacks the columns \(missing.joined(separator: ", "))")
    }

    /// `768 filas: 768 válidas, 0 errores.`
    public static func summary(rows: Int, valid: Int, errors: Int) -> String {
        L("\(NumberText.count(rows, "fila", "filas")): \(NumberText.count(valid, "válida", "válidas")), \(NumberText.count(errors, "error", "errores")).",
          "\(rows) rows: \(valid) valid, \(errors) errors.")
    }

    /// What was saved (as shown).
    public static func saved(added: Int, unchanged: Int) -> String {
        L(" \(added == 1 ? "Guardado 1 caso nuevo" : "Guardados \(NumberText.integer(added)) casos nuevos"); \(NumberText.integer(unchanged)) \(unchanged == 1 ? "ya estaba" : "ya estaban").",
          " Saved \(added) new \(added == 1 ? "case" : "cases"); \(unchanged) \(unchanged == 1 ? "was" : "were") already there.")
    }
}
