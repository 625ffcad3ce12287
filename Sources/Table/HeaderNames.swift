import Diagnostics

/// Column names made usable, as readr and pandas do rather than refusing the file: an empty name
/// becomes `columna_N` (N its 1-based position), a repeated one `name_2`, `name_3`… Every reader
/// (CSV, workbook) uses this one rule and says what it renamed.
public enum HeaderNames {
    /// `positions`: each name's 1-based place in the file when it is not its place in `names` (a sheet's
    /// columns with neither name nor data are left out before).
    public static func unique(_ names: [String], positions: [Int]? = nil) -> (names: [String], renamed: [(from: String, to: String)]) {
        var taken = Set(names.filter { !$0.isEmpty })
        var seen = Set<String>()
        var result: [String] = [], renamed: [(from: String, to: String)] = []
        for (index, name) in names.enumerated() {
            var chosen = name
            if name.isEmpty {
                let place = positions?[index] ?? index + 1
                chosen = L("columna_\(place)", "column_\(place)")
                var k = 2
                while taken.contains(chosen) { chosen = L("columna_\(place)_\(k)", "column_\(place)_\(k)"); k += 1 }
            } else if seen.contains(name) {
                var k = 2
                while taken.contains("\(name)_\(k)") { k += 1 }
                chosen = "\(name)_\(k)"
            }
            if chosen != name { renamed.append((from: name, to: chosen)) }
            taken.insert(chosen)
            seen.insert(chosen)
            result.append(chosen)
        }
        return (result, renamed)
    }
}
