import Questionnaire
import Table

/// The long layout of `repetir` blocks (`responses export --repeats long`): the interview table
/// without the copies' columns, and one table per block with a row per interview and copy asked —
/// the layout of ODK/KoboToolbox's repeat sheets and the one a household roster or a block per service
/// used is analysed in (one `satisfaccion` column, `_opcion` saying which service).
///
/// A copy is in the long table when its condition held in that interview (the option was ticked, the
/// count reached it), whether or not its questions were answered, so an asked copy left blank is a row
/// of blanks rather than a silently missing row.
public struct RepeatTable: Sendable {
    /// The block's question (`usados`, `personas`): the file is `<export>_<name>.<ext>`.
    public var name: String
    public var table: Table
    /// The block's questions with their unsuffixed names, for the labels of the long file.
    public var body: QuestionnaireFile
}

enum RepeatExport {
    /// Splits the wide columns of an export. `asked(copy)` says, per interview, whether the copy was
    /// asked; `key` names each interview in the long tables (its `id_afiliado`, or `_fila` once
    /// anonymized) and `rank` is its place in the interview table (rows follow it, so an anonymized
    /// long table does not keep the store's order).
    static func split(_ columns: [Column], questionnaire q: QuestionnaireFile, key: Column, rank: [Int],
                      asked: (RepeatGroup.Copy) -> [Bool]) -> (main: [Column], repeats: [RepeatTable]) {
        var moved = Set<String>()
        var repeats: [RepeatTable] = []
        let byName = Dictionary(columns.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        for group in q.repeats {
            var body = q
            body.items = group.body
            body.repeats = []
            let variables = Variables.of(body)
            var rows: [Int] = [], copyOf: [Int] = []
            for (c, copy) in group.copies.enumerated() {
                for (row, yes) in asked(copy).enumerated() where yes {
                    rows.append(row)
                    copyOf.append(c)
                }
            }
            // Interview by interview, copies in the block's order.
            let order = rows.indices.sorted { (rank[rows[$0]], copyOf[$0]) < (rank[rows[$1]], copyOf[$1]) }
            rows = order.map { rows[$0] }
            copyOf = order.map { copyOf[$0] }
            var long: [Column] = [key.selecting(rows)]
            long.append(.optionalNumbers("_copia", copyOf.map { Double(group.copies[$0].suffix) }))
            if group.byOption { long.append(.optionalTexts("_opcion", copyOf.map { group.copies[$0].label })) }
            for variable in variables {
                let pieces = group.copies.map { byName[group.wideName(variable.name, item: variable.item, copy: $0)] }
                for piece in pieces { if let piece { moved.insert(piece.name) } }
                long.append(stacked(variable.name, pieces, rows: rows, copies: copyOf))
            }
            repeats.append(RepeatTable(name: group.question, table: Table(columns: long, rowCount: rows.count), body: body))
        }
        return (columns.filter { !moved.contains($0.name) }, repeats)
    }

    /// One long column from the copies' wide columns: row i takes `pieces[copies[i]]` at `rows[i]`.
    private static func stacked(_ name: String, _ pieces: [Column?], rows: [Int], copies: [Int]) -> Column {
        let present = pieces.compactMap { $0 }
        if !present.isEmpty, present.allSatisfy({ $0.numbers != nil }) {
            let values: [Double?] = zip(rows, copies).map { row, c in
                guard let x = pieces[c]?.numbers?[row], !x.isNaN else { return nil }
                return x
            }
            return .optionalNumbers(name, values)
        }
        return .optionalTexts(name, zip(rows, copies).map { row, c in pieces[c]?.text(at: row) })
    }
}
