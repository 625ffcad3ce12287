/// What a statistics package keeps about a column beside its values: the question as the variable's
/// label, each option's label, the codes that mean «no sabe / no responde» (user-missing in SPSS,
/// extended missing `.a`, `.b` in Stata) and the level of measurement. A CSV has no room for it; an
/// SPSS or Stata file and the labels sheet of a workbook do.
public struct VariableLabel: Sendable, Equatable {
    /// SPSS's level of measurement (and Stata's by convention).
    public enum Measure: String, Sendable {
        case nominal, ordinal, scale
    }

    public var label: String?
    /// Each code's label, in the questionnaire's order.
    public var values: [(code: Double, label: String)]
    /// Codes that are not answers (NS/NR): labelled, and declared missing.
    public var missing: [Double]
    public var measure: Measure?

    public init(label: String? = nil, values: [(code: Double, label: String)] = [], missing: [Double] = [], measure: Measure? = nil) {
        self.label = label
        self.values = values
        self.missing = missing
        self.measure = measure
    }

    public static func == (a: VariableLabel, b: VariableLabel) -> Bool {
        a.label == b.label && a.missing == b.missing && a.measure == b.measure
            && a.values.map(\.code) == b.values.map(\.code) && a.values.map(\.label) == b.values.map(\.label)
    }
}

/// The labels of a table's columns, by column name, and the file's own label.
public struct TableLabels: Sendable, Equatable {
    public var file: String?
    public var variables: [String: VariableLabel]

    public init(file: String? = nil, variables: [String: VariableLabel] = [:]) {
        self.file = file
        self.variables = variables
    }

    public subscript(name: String) -> VariableLabel? { variables[name] }
}
