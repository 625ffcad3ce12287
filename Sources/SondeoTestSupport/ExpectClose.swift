import Testing

/// Checks that a computed number agrees with a reference figure (from R, a textbook, or a hand
/// calculation) within a relative and an absolute tolerance: |actual − expected| ≤ atol + rtol·|expected|.
///
/// ```swift
/// expectClose(StudentT.quantile(0.975, df: 10), 2.2281388519862739, rtol: 1e-15)  // qt(0.975, 10)
/// ```
public func expectClose(_ actual: Double, _ expected: Double, rtol: Double = 1e-12, atol: Double = 0,
                        _ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation) {
    let tolerance = atol + rtol * abs(expected)
    let ok = actual == expected || abs(actual - expected) <= tolerance
    if !ok {
        let note = comment.map { ": \($0.rawValue)" } ?? ""
        Issue.record("\(actual) is not within \(tolerance) of \(expected)\(note)", sourceLocation: sourceLocation)
    }
}

/// The same, element by element.
public func expectClose(_ actual: [Double], _ expected: [Double], rtol: Double = 1e-12, atol: Double = 0,
                        sourceLocation: SourceLocation = #_sourceLocation) {
    guard actual.count == expected.count else {
        Issue.record("\(actual.count) values, expected \(expected.count)", sourceLocation: sourceLocation)
        return
    }
    for (a, e) in zip(actual, expected) { expectClose(a, e, rtol: rtol, atol: atol, sourceLocation: sourceLocation) }
}
