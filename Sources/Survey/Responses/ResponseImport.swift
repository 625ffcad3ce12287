import Diagnostics
import Foundation
import Questionnaire
import Store
import Table

/// `responses import`: the rows of a file from another channel (a web form, a KoboToolbox export)
/// checked against the published questionnaire — the same ``AnswerCheck`` and routing as the phone
/// interview and the web form — and saved all or none (or only the valid rows). Importing the same
/// file twice adds nothing.
public struct ResponseImport {
    public typealias Counts = ImportCounts

    /// The save did not happen; nothing was written.
    public enum Refusal: Error {
        /// Some rows have errors and `onlyValid` was not asked.
        case rowsWithErrors(Counts)
        /// The store refused; the rows' counts are those of the whole file.
        case store(Counts, any Error)
    }

    /// Interviews handed to the store at a time.
    static let batchSize = 2048

    let store: any SurveyStore
    let rows: ResponseRows
    let validation: RowValidation
    let rowCount: Int

    /// - Parameters:
    ///   - idColumn: the column that identifies the respondent.
    ///   - mode: the mode of rows without a `_modo` column.
    ///   - source: the interviews' `source` (`import:` and the file's SHA-256).
    ///   - report: where each problem goes, as a located line.
    public init(store: any SurveyStore, questionnaire: QuestionnaireFile, id: String, version: String, table: Table, file: String,
                idColumn: Column, mode: String, source: String, clock: Clock = .system, report: @escaping @Sendable (String) -> Void) {
        self.store = store
        rows = ResponseRows(questionnaire: questionnaire, table: table)
        validation = RowValidation(rows: rows, table: table, file: file, idColumn: idColumn, questionnaire: id, version: version,
                                   mode: mode, source: source, now: clock.timestamp, report: report)
        rowCount = table.rowCount
    }

    /// The questionnaire's variables the file has no column for (nothing can be imported then).
    public var missingColumns: [String] { rows.missingColumns }

    /// Progress: rows checked of all, and what that is in words; the last call has done = total.
    public typealias Progress = @Sendable (_ done: Int, _ total: Int, _ phase: String) -> Void

    static func rowsPhase(_ done: Int, _ total: Int) -> String {
        L("fila \(NumberText.integer(done)) de \(NumberText.integer(total))", "row \(NumberText.integer(done)) of \(NumberText.integer(total))")
    }

    /// Checks every row and saves nothing (`--dry-run`).
    public func check(progress: Progress? = nil) -> Counts {
        var validation = validation
        for row in 0..<rowCount {
            _ = validation.interview(row: row)
            if (row + 1) % Self.batchSize == 0 { progress?(row + 1, rowCount, Self.rowsPhase(row + 1, rowCount)) }
        }
        progress?(rowCount, rowCount, "")
        return validation.counts
    }

    /// Checks the rows on another thread while the store writes those already checked, in one
    /// transaction; rows with errors undo it unless `onlyValid`.
    public func save(onlyValid: Bool, actor: String, progress: Progress? = nil) throws(Refusal) -> (counts: Counts, added: Int, unchanged: Int) {
        let deliveries = Handoff<Delivery>()
        let rowCount = self.rowCount
        DispatchQueue.global(qos: .userInitiated).async { [validation] in
            var validation = validation
            var batch: [InterviewRow] = []
            for row in 0..<rowCount {
                if (row + 1) % Self.batchSize == 0 { progress?(row + 1, rowCount, Self.rowsPhase(row + 1, rowCount)) }
                guard let interview = validation.interview(row: row) else { continue }
                batch.append(interview)
                if batch.count == Self.batchSize {
                    deliveries.send(.interviews(batch))
                    batch = []
                }
            }
            deliveries.send(.interviews(batch))
            progress?(rowCount, rowCount + 1, L("guardando en el almacén", "saving to the store"))
            deliveries.send(.done(validation.counts))
        }
        var counts: Counts?
        func next() throws -> [InterviewRow]? {
            guard counts == nil else { return nil }
            switch deliveries.receive() {
            case .interviews(let batch): return batch
            case .done(let final):
                counts = final
                if final.badRows > 0 && !onlyValid { throw RowsRefused() }
                return nil
            }
        }
        // The line is cleared once the store has answered, whatever it answered.
        defer { progress?(rowCount + 1, rowCount + 1, "") }
        do {
            let saved = try store.save(actor: actor, batches: next)
            return (counts!, saved.added, saved.unchanged)
        } catch is RowsRefused {
            throw .rowsWithErrors(counts!)
        } catch {
            // The store refused (nothing was saved): let the check of the rows finish before saying so.
            while counts == nil { _ = try? next() }
            throw .store(counts!, error)
        }
    }

    /// What the thread that checks the rows hands over: checked interviews, then the final counts.
    enum Delivery: Sendable {
        case interviews([InterviewRow])
        case done(Counts)
    }

    /// Undoes the save when rows had errors and `onlyValid` was not given.
    struct RowsRefused: Error {}
}

/// How many rows of an import were valid and how many problems were found.
public struct ImportCounts: Sendable {
    public var valid = 0, badRows = 0, errors = 0, warnings = 0
}
