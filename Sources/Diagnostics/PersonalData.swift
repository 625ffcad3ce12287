/// Which names denote personal data (Ley 1581 de 2012, art. 3: information linked to an identifiable
/// person): names, document numbers, phones, e-mail, addresses and neighbourhood, date of birth, and
/// `id_…` identifiers. One rule for the questionnaire's consent check (DSL-090) and for
/// `responses export --anonymize`. A document's *type* (`tipo_documento`: CC, CE) identifies no one.
public enum PersonalData {
    static let words = ["nombre", "apellido", "cedula", "documento", "celular", "telefono", "movil", "correo", "email", "direccion",
                        "whatsapp", "barrio", "nacimiento", "placa"]

    /// Whether a column or question named `name` holds personal data.
    public static func isPersonal(_ name: String) -> Bool {
        let folded = String(Suggestion.fold(name))
        if folded.hasPrefix("tipo_") { return false }
        return folded == "id" || folded.hasPrefix("id_") || words.contains { folded.contains($0) }
    }
}
