import ArgumentParser
import BusinessDays
import Diagnostics
import Foundation
import Segmentation
import Store
import Strategy
import Table

/// The strategy file and, optionally, the affiliate base its segment and indicators refer to.
struct StrategyInput: ParsableArguments {
    @Argument(help: ArgumentHelp(L("Archivo de la estrategia (.estrategia).", "Strategy file (.estrategia)."), valueName: L("archivo", "file"))) var file: String
    @Option(help: ArgumentHelp(L("Base de afiliados con la que se revisan el segmento y los indicadores (un archivo o una base de datos con --query).",
                                 "Affiliate base the segment and indicators are checked against (a file, or a database with --query)."),
                               valueName: L("base", "base"))) var base: String?
    @Option(help: ArgumentHelp(L("Archivo de segmentos guardados, para «segmento guardado: nombre»; por defecto segmentos.txt junto a la base (o a la estrategia).",
                                 "Saved segments file, for «segmento guardado: name»; segmentos.txt beside the base (or the strategy) by default."),
                               valueName: L("archivo", "file"))) var segments: String?
    @Option(help: ArgumentHelp(L("Contactos del segmento con su canal (p. ej. las respuestas de la encuesta: el identificador de la base y «canal»): qué canales usa el segmento (paso 38).",
                                 "The segment's contacts with their channel (e.g. the survey's responses: the base's identifier and «canal»): which channels the segment uses (step 38)."),
                               valueName: L("archivo", "file"))) var channels: String?
    @OptionGroup var reading: ReadingOptions

    /// With `--channels` (and the base): the channels the segment uses, and the activities' channels it hardly uses.
    func channelUse(_ file: StrategyFile, check: StrategyCheck, base: Table?) throws -> SegmentChannels? {
        guard let channels else { return nil }
        guard let base, let mask = check.segmentMask else {
            throw ValidationError(L("--channels cuenta los contactos del segmento en la base: dé --base", "--channels counts the segment's contacts in the base: give --base"))
        }
        return try SegmentChannels(file, base: base, mask: mask, contacts: try reading.readTable(channels).table, source: channels)
    }

    /// The file, its bytes and its check against the base.
    func load() throws -> (file: StrategyFile, bytes: [UInt8], check: StrategyCheck) {
        let (strategy, bytes, check, _) = try loadAll()
        return (strategy, bytes, check)
    }

    /// The same, with the base (which the caller has required).
    func loadWithBase() throws -> (file: StrategyFile, bytes: [UInt8], check: StrategyCheck, base: Table) {
        let (strategy, bytes, check, base) = try loadAll()
        return (strategy, bytes, check, base!)
    }

    func loadAll() throws -> (StrategyFile, [UInt8], StrategyCheck, Table?) {
        guard let data = FileManager.default.contents(atPath: file) else { throw StrategyReadError(path: file) }
        let strategy = StrategyFile(text: String(decoding: data, as: UTF8.self), path: file)
        let table = try base.map { try reading.readTable($0).table }
        let path = SegmentDefinitions.path(beside: base.flatMap { DatabaseTable.isDatabase($0) ? nil : $0 } ?? file, given: segments)
        let saved = try FileManager.default.contents(atPath: path).map { try SegmentDefinitions(path: path, text: String(decoding: $0, as: UTF8.self)) }
        return (strategy, [UInt8](data), StrategyCheck(strategy, base: table, segments: saved), table)
    }

    /// The measurement's commands work on the base: a usage error without it.
    func requireBase() throws {
        if base == nil { throw ValidationError(L("el plan de medición se calcula sobre la base: dé --base", "the measurement plan is worked out on the base: give --base")) }
    }

    /// The strategy's PQRSL indicators counted in the cases store up to `on` (today by default), when
    /// it has any and the store exists.
    static func caseCounts(_ file: StrategyFile, store: StoreOptions, on day: CivilDate? = nil) throws -> CaseCounts? {
        guard store.exists, file.indicators.contains(where: { $0.fields["medida"].flatMap { StrategyCheck.caseMeasure($0.value) } != nil }) else { return nil }
        return CaseCounts(file, cases: try store.openCases().pqrsCases(), source: store.shownPath, today: day ?? CivilDate.colombianToday())
    }

    /// The strategy, checked without problems against the base, and its measurement plan (steps 39–40).
    func measurementPlan() throws -> (file: StrategyFile, plan: MeasurementPlan) {
        let (file, plan, _) = try measurementPlan(closing: nil)
        return (file, plan)
    }

    /// The same, and the closing base read from `closing` with the base and segment it follows.
    func measurementPlan(closing: String?) throws -> (file: StrategyFile, plan: MeasurementPlan, closing: MeasurementReview.Closing?) {
        let (file, _, check, base) = try loadWithBase()
        if let first = check.problems.first { throw first }
        let extraction = try closing.map { path in
            guard let mask = check.segmentMask else { throw StrategyPlanError.noSegment(self.file) }
            return MeasurementReview.Closing(base: base, mask: mask, table: try reading.readTable(path).table, source: path)
        }
        return (file, try MeasurementPlan(file, check: check, base: base), extraction)
    }
}
