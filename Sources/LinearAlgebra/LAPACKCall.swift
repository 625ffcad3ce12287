import CLapack

/// Turns LAPACK's INFO output into a typed error.
enum LAPACKCall {
    static func check(_ info: Int32, routine: String,
                      positive: (Int) -> LinearAlgebraError) throws(LinearAlgebraError) {
        if info < 0 { throw .illegalArgument(routine: routine, position: Int(-info)) }
        if info > 0 { throw positive(Int(info)) }
    }
}
