/// One answer as it is entered or imported, before it becomes columns.
public enum Answer: Sendable, Equatable, Hashable {
    /// A code of a list, a point of a scale, a number (also a grid row or a calculated value).
    case number(Double)
    /// Free text, or a date as `aaaa-mm-dd`.
    case text(String)
    /// The codes chosen in a `varias de` question.
    case codes(Set<Int>)
    /// A special code declared in `especiales` (`NS`, `NR`): answered, but not with a value.
    case special(String)
}

/// The answers of one interview so far, by variable: the item id, or `item_row` for a grid row.
public struct Responses: Sendable, Equatable {
    public var values: [String: Answer]

    public init(_ values: [String: Answer] = [:]) { self.values = values }

    public subscript(variable: String) -> Answer? {
        get { values[variable] }
        set { values[variable] = newValue }
    }
}
