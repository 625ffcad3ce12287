import Diagnostics

extension ImportCounts {
    /// `60 filas: 60 válidas, 0 con errores (0 errores, 2 avisos).`
    public func summary(rows: Int) -> String {
        L("\(NumberText.count(rows, "fila", "filas")): \(NumberText.count(valid, "válida", "válidas")), \(NumberText.integer(badRows)) con errores (\(NumberText.count(errors, "error", "errores")), \(NumberText.count(warnings, "aviso", "avisos"))).",
          "\(rows) rows: \(valid) valid, \(badRows) with errors (\(errors) errors, \(warnings) warnings).")
    }
}

extension ResponseImport {
    /// The columns of the questionnaire the file lacks, as an error to print, or nil.
    public func missingColumnsError(file: String, questionnaire: String, version: String) -> String? {
        guard !missingColumns.isEmpty else { return nil }
        return L("error: a \(file) le faltan columnas del cuestionario «\(questionnaire)» versión \(version): \(missingColumns.joined(separator: ", "))",
                 "error: \(file) lacks columns of questionnaire «\(questionnaire)» version \(version): \(missingColumns.joined(separator: ", "))")
    }

    /// What was saved into `store` (as shown).
    public static func saved(added: Int, unchanged: Int, store: String) -> String {
        let new = added == 1 ? "Guardada 1 entrevista nueva" : "Guardadas \(NumberText.integer(added)) entrevistas nuevas"
        return L(" \(new) en \(store); \(NumberText.integer(unchanged)) \(unchanged == 1 ? "ya estaba" : "ya estaban").",
                 " Saved \(added) new \(added == 1 ? "interview" : "interviews") in \(store); \(unchanged) \(unchanged == 1 ? "was" : "were") already there.")
    }
}
