/// A dense matrix of doubles in column-major order (as BLAS and LAPACK want it): element (i, j) is
/// `values[i + j * rows]`.
///
/// ```swift
/// let x = Matrix(rows: 3, columns: 2, values: [1, 1, 1, 1, 2, 3])   // columns: intercept, x
/// let xtx = x.transposedTimes(x)                                      // XᵀX by dgemm
/// ```
public struct Matrix: Sendable, Equatable {
    public let rows: Int
    public let columns: Int
    public var values: [Double]

    public init(rows: Int, columns: Int, values: [Double]) {
        precondition(rows >= 0 && columns >= 0 && values.count == rows * columns,
                     "a \(rows)×\(columns) matrix needs \(rows * columns) values")
        self.rows = rows
        self.columns = columns
        self.values = values
    }

    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        self.init(rows: rows, columns: columns, values: [Double](repeating: value, count: rows * columns))
    }

    /// From rows written as they are read: `Matrix(rowMajor: [[1, 2], [3, 4]])`.
    public init(rowMajor: [[Double]]) {
        let rows = rowMajor.count, columns = rowMajor.first?.count ?? 0
        precondition(rowMajor.allSatisfy { $0.count == columns }, "rows of different lengths")
        var values = [Double](repeating: 0, count: rows * columns)
        for i in 0..<rows { for j in 0..<columns { values[i + j * rows] = rowMajor[i][j] } }
        self.init(rows: rows, columns: columns, values: values)
    }

    /// The n×n identity.
    public static func identity(_ n: Int) -> Matrix {
        var m = Matrix(rows: n, columns: n)
        for i in 0..<n { m[i, i] = 1 }
        return m
    }

    public subscript(row: Int, column: Int) -> Double {
        get { values[row + column * rows] }
        set { values[row + column * rows] = newValue }
    }

    /// Column j as an array.
    public func column(_ j: Int) -> [Double] {
        Array(values[(j * rows)..<((j + 1) * rows)])
    }

    /// The diagonal of a square matrix.
    public var diagonal: [Double] {
        (0..<min(rows, columns)).map { self[$0, $0] }
    }

    public var transposed: Matrix {
        var t = Matrix(rows: columns, columns: rows)
        for j in 0..<columns { for i in 0..<rows { t[j, i] = self[i, j] } }
        return t
    }
}
