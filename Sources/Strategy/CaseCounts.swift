import Cases
import Diagnostics
import Foundation
import Store
import Table

/// A strategy indicator that counts PQRSL cases (`medida: casos pqrsl [TIPO…] [servicio SERVICIO]`):
/// the kinds of case it counts (all when none is named) and the service, as the cases store records
/// them (`queja reclamo servicio recreacion`).
public struct CaseMeasure: Sendable, Equatable {
    public let types: [PQRSType]
    public let service: String?

    /// What is wrong with the words after «casos pqrsl».
    public enum Problem: Error, Equatable, Sendable {
        case unknownType(String, suggestion: String?)
        case noService
    }

    /// The words after `casos pqrsl` (already split); nil with the problem when one is not a kind of case.
    public static func parse(_ words: [String]) -> Result<CaseMeasure, Problem> {
        var types: [PQRSType] = [], service: String?
        var rest = words[...]
        while let word = rest.first {
            rest = rest.dropFirst()
            let folded = StrategyFile.fold(word).trimmingCharacters(in: CharacterSet(charactersIn: ","))
            if ["y", "de", "del", "e"].contains(folded) { continue }
            if folded == "servicio" {
                guard let name = rest.first, rest.count == 1 else { return .failure(.noService) }
                service = StrategyFile.fold(name)
                rest = rest.dropFirst()
            } else if let type = PQRSType(rawValue: folded) ?? PQRSType(rawValue: String(folded.dropLast(folded.hasSuffix("es") ? 2 : 1))) {
                if !types.contains(type) { types.append(type) }
            } else if !folded.isEmpty {
                return .failure(.unknownType(word, suggestion: Suggestion.closest(to: folded, among: PQRSType.allCases.map(\.rawValue))))
            }
        }
        return .success(CaseMeasure(types: types, service: service))
    }

    /// Whether the case is one this measure counts.
    public func counts(_ record: PQRSCaseRecord) -> Bool {
        (types.isEmpty || types.contains { $0.rawValue == record.type }) && (service.map { StrategyFile.fold(record.service) == $0 } ?? true)
    }

    /// «quejas y reclamos de recreacion», «todos los casos».
    public var described: String {
        let kinds = types.isEmpty ? L("todos los tipos", "every type") : types.map(\.label).joined(separator: ", ")
        return kinds + (service.map { L(", servicio \($0)", ", service \($0)") } ?? "")
    }
}

/// The strategy's PQRSL indicators counted in the cases store (`sondeo strategy review --store`): the
/// cases received (filing day) in the indicator's `periodo:` — the strategy's `vigencia:` by default —
/// up to today, against the baseline and target written. The cases do not carry the affiliate's
/// document, so a count is of every petitioner, not only of the segment's affiliates.
public struct CaseCounts: Sendable {
    public struct Result: Sendable {
        public let id: String
        public let name: String
        public let measure: CaseMeasure
        public let start: CivilDate
        public let end: CivilDate
        /// The last day counted: the period's end, or today while it runs.
        public let through: CivilDate
        public let count: Int
        public let baseline: Double?
        public let target: Double?
        /// Services named by the measure that no case in the store has (a misspelt service counts nothing).
        public let unknownService: Bool

        /// Whether the period has ended (the count is final).
        public var finished: Bool { through >= end }
        /// Reached, not reached, or nil while the period runs and the count can still move either way:
        /// a target below the baseline is missed once the count passes it; one above is reached once met.
        public var reachedTarget: Bool? {
            guard let target else { return nil }
            let count = Double(self.count)
            if target < (baseline ?? .infinity) {
                if count > target { return false }
                return finished ? true : nil
            }
            if count >= target { return true }
            return finished ? false : nil
        }
    }

    public let source: String
    public let results: [Result]

    /// `cases`: every case of the store; `today`: Colombia's day or the cut-off asked for (the count stops there).
    public init(_ file: StrategyFile, cases: [PQRSCaseRecord], source: String, today: CivilDate) {
        self.source = source
        let services = Set(cases.map { StrategyFile.fold($0.service) })
        let vigencia = file.fields["vigencia"].flatMap { StrategyCheck.period($0.value) }
        results = file.indicators.compactMap { indicator in
            guard let text = indicator.fields["medida"]?.value, let measure = StrategyCheck.caseMeasure(text),
                  let (start, end) = indicator.fields["periodo"].flatMap({ StrategyCheck.period($0.value) }) ?? vigencia else { return nil }
            let through = min(end, today)
            let (from, to) = (start.description, through.description)
            let count = cases.lazy.filter { $0.received >= from && $0.received <= to && measure.counts($0) }.count
            return Result(id: indicator.id, name: indicator.name, measure: measure, start: start, end: end, through: through, count: count,
                          baseline: indicator.fields["linea base"].flatMap { StrategyCheck.number($0.value) },
                          target: indicator.fields["meta"].flatMap { StrategyCheck.number($0.value) },
                          unknownService: measure.service.map { !services.contains($0) } ?? false)
        }
    }
}
