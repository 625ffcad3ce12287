/// What a column holds, as inferred from its values (DESIGN.md's `type` in `data inspect`).
public enum ColumnType: String, Sendable, Codable, CaseIterable {
    /// Whole numbers (`edad`, `visitas_12m`).
    case integer
    /// Numbers with a fractional part (`salario_smmlv`), point or comma as decimal mark.
    case decimal
    /// Two values: 0/1, sí/no, verdadero/falso (`usa_salud`, `recomendaria`).
    case boolean
    /// Calendar dates, `yyyy-mm-dd` or `dd/mm/yyyy` (`fecha_afiliacion`).
    case date
    /// Dates with a time of day, `2026-11-29T10:00:00Z` or `29/11/2026 10:00` (`_inicio`).
    case dateTime = "datetime"
    /// A small set of labels (`municipio`, `categoria`).
    case categorical
    /// Free text or identifiers (`comentario`, `id_afiliado`).
    case text

    /// Whether the values are numbers one can average (booleans average to a proportion).
    public var isNumeric: Bool { self == .integer || self == .decimal || self == .boolean }
}
