import Diagnostics
import Sampling
import Table

/// The measurement of a strategy worked out (steps 39–40, `sondeo strategy plan`): for each indicator the
/// survey measures with a margin wanted, the completed interviews that margin needs in the segment
/// (``SampleSize``: n0 = z²S²/e², corrected for the segment's size, Cochran eq. 4.2), the largest of them
/// — the indicator that drives the size —, the invitations that many completes take at the expected
/// response rate and design effect, and both shared among the strata in proportion to the segment's
/// affiliates in each (``Allocation``).
///
/// The unit variance S² comes from the base when it holds the indicator's column (the segment's standard
/// deviation, or shares of promoters and detractors); for a share, p is the value closest to ½ between
/// today's (the segment in the base, or the baseline) and the target — the share the measurement will
/// find lies between them, and p(1 − p) is largest there; with nothing known, the least favourable value
/// (p = ½; for an NPS, half promoters and half detractors).
public struct MeasurementPlan: Sendable {
    public struct Sizing: Sendable {
        public let indicator: StrategyFile.Indicator
        public let kind: String
        public let column: String
        /// The margin wanted, as written: points of a percentage (or of the NPS), or the mean's units.
        public let margin: Double
        /// Where S² came from, in words.
        public let basis: String
        public let size: SampleSize
    }

    public struct StratumPlan: Sendable {
        public let name: String
        /// Affiliates of the segment in the stratum.
        public let population: Int
        public let completes: Int
        public let invitations: Int
    }

    public let title: String
    public let questionnaire: String?
    public let modes: [String]
    public let confidence: Double
    public let responseRate: Double
    public let deff: Double
    /// Affiliates in the segment: the population measured.
    public let population: Int
    public let sizings: [Sizing]
    /// The completes and invitations of the indicator that needs most.
    public let completes: Int
    public let invitations: Int
    public let driving: String
    public let strataColumn: String?
    public let strata: [StratumPlan]

    /// The plan of `file`, checked without problems against `base` (``StrategyCheck``).
    public init(_ file: StrategyFile, check: StrategyCheck, base: Table) throws(StrategyPlanError) {
        guard let plan = file.measurement else { throw .noMeasurement(file.path) }
        guard let mask = check.segmentMask, let population = check.segmentSize, population > 0 else { throw .noSegment(file.path) }
        title = plan.title
        questionnaire = plan.fields["cuestionario"]?.value
        modes = plan.fields["modo"].map { $0.value.split(separator: ",").map { StrategyFile.fold(String($0).trimmingCharacters(in: .whitespaces)) } } ?? []
        confidence = (plan.fields["confianza"].flatMap { StrategyCheck.number($0.value) } ?? 95) / 100
        responseRate = (plan.fields["respuesta esperada"].flatMap { StrategyCheck.number($0.value) } ?? 100) / 100
        deff = plan.fields["efecto de diseno"].flatMap { StrategyCheck.number($0.value) } ?? 1
        self.population = population
        var sizings: [Sizing] = []
        for indicator in file.indicators {
            guard let marginText = indicator.fields["margen"]?.value,
                  let margin = StrategyCheck.margin(marginText),
                  let (kind, column) = indicator.fields["medida"].flatMap({ StrategyCheck.measure($0.value) }), let column else { continue }
            let baseline = indicator.fields["linea base"].flatMap { StrategyCheck.number($0.value) }
            let values = base[column]?.numbers
            let goal = indicator.fields["meta"].flatMap { StrategyCheck.number($0.value) }
            let (target, basis) = Self.target(kind: kind, values: values, mask: mask, column: column, baseline: baseline, target: goal)
            do {
                let size = try SampleSize(target: target, margin: kind == "media" ? margin : margin / 100, confidence: confidence,
                                          population: population, deff: deff, responseRate: responseRate)
                sizings.append(Sizing(indicator: indicator, kind: kind, column: column, margin: margin, basis: basis, size: size))
            } catch {
                throw .size(indicator: indicator.id, error)
            }
        }
        guard let largest = sizings.max(by: { $0.size.nFinal < $1.size.nFinal }) else { throw .noMargin(file.path) }
        self.sizings = sizings
        completes = min(largest.size.n, population)
        invitations = min(largest.size.nFinal, population)
        driving = largest.indicator.id
        strataColumn = plan.fields["estratos"]?.value
        if let name = strataColumn, base[name] != nil {
            do {
                let strata = try FrameStrata.strata(of: base.filtered(mask), column: name)
                let byCompletes = try Allocation(strata: strata, total: completes, method: .proportional)
                let byInvitations = try Allocation(strata: strata, total: invitations, method: .proportional)
                self.strata = zip(byCompletes.strata, byInvitations.strata).map {
                    StratumPlan(name: $0.stratum, population: $0.population, completes: $0.size, invitations: $1.size)
                }
            } catch {
                throw .allocation(error)
            }
        } else {
            strata = []
        }
    }

    static func percent(_ share: Double) -> String { NumberText.decimal(share * 100, places: 1) + " %" }

    /// What a measure's unit variance is, from the segment in the base, the baseline, or the worst case.
    static func target(kind: String, values: [Double]?, mask: [Bool], column: String, baseline: Double?, target: Double?) -> (SizeTarget, String) {
        var answered: [Double] = []
        if let values { for (value, inSegment) in zip(values, mask) where inSegment && !value.isNaN { answered.append(value) } }
        // Coded as the review will estimate it (``IndicatorCoding``); values off an NPS or CSAT scale count as no data.
        let coded = (try? IndicatorCoding.perRespondent(kind, answered, column: column).values) ?? []
        let n = Double(coded.count)
        switch kind {
        case "media" where n > 1:
            let mean = coded.reduce(0, +) / n
            let sd = (coded.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)).squareRoot()
            return (.mean(standardDeviation: sd), L("desviación estándar del segmento en la base: ", "segment's standard deviation in the base: ") + NumberText.decimal(sd, places: 3))
        case "nps" where n > 0:
            let promoters = Double(coded.filter { $0 == 1 }.count) / n, detractors = Double(coded.filter { $0 == -1 }.count) / n
            return (.netPromoter(promoters: promoters, detractors: detractors),
                    L("promotores \(percent(promoters)) y detractores \(percent(detractors)) del segmento en la base",
                      "promoters \(percent(promoters)) and detractors \(percent(detractors)) of the segment in the base"))
        case "nps":
            return (.netPromoter(promoters: 0.5, detractors: 0.5), L("sin datos: mitad promotores y mitad detractores (el caso más desfavorable)", "no data: half promoters, half detractors (the least favourable case)"))
        case "proporcion", "csat":
            // The share expected at the measurement lies between today's (the base, or the baseline)
            // and the target: the value of that range closest to ½ has the largest p(1 − p).
            let today = n > 0 ? coded.reduce(0, +) / n : baseline.map { $0 / 100 }
            let ends = [today, target.map { $0 / 100 }].compactMap { $0 }.map { min(1, max(0, $0)) }
            guard let low = ends.min(), let high = ends.max() else { break }
            let p = min(max(0.5, low), high)
            let source = n > 0 ? L("el segmento en la base", "the segment in the base") : L("la línea base", "the baseline")
            return (.proportion(p), L("p = \(percent(p)), lo más cercano a 50 % entre \(source) (\(percent(today ?? p))) y la meta", "p = \(percent(p)), the nearest to 50 % between \(source) (\(percent(today ?? p))) and the target"))
        default: break
        }
        return (.proportion(0.5), L("sin datos: p = 50 % (el caso más desfavorable)", "no data: p = 50 % (the least favourable case)"))
    }
}

/// Why a measurement plan cannot be worked out.
public enum StrategyPlanError: Error, Diagnostic {
    case noMeasurement(String)
    case noSegment(String)
    case noMargin(String)
    case size(indicator: String, SamplingError)
    case allocation(SamplingError)
    /// The contacts file (`--channels`) lacks the identifier or the channel column.
    case noColumn(String, column: String)
    /// The closing base (`--close-base`) lacks the identifier the segment's members are followed by.
    case noIdentifier(String, column: String)

    public var code: String {
        switch self {
        case .noMeasurement, .noSegment, .noMargin, .noColumn, .noIdentifier: return "STRATEGY-014"
        case .size(_, let error), .allocation(let error): return error.code
        }
    }

    public var exitStatus: ExitStatus { .dataError }
    public var location: SourceLocation? {
        switch self {
        case .noMeasurement(let path), .noSegment(let path), .noMargin(let path), .noColumn(let path, _), .noIdentifier(let path, _): return SourceLocation(source: path)
        default: return nil
        }
    }

    public func message(_ language: Language) -> String {
        let es = language == .es
        switch self {
        case .noMeasurement(let path):
            return es ? "\(path) no tiene bloque «medición»: la estrategia no prevé medirse (paso 39)" : "\(path) has no «medición» block: the strategy does not plan to be measured (step 39)"
        case .noSegment(let path):
            return es ? "el segmento de \(path) no se pudo contar en la base: dé --base" : "the segment of \(path) could not be counted in the base: give --base"
        case .noMargin(let path):
            return es ? "ningún indicador de \(path) que mida la encuesta tiene «margen:»" : "no indicator of \(path) that the survey measures has «margen:»"
        case .size(let indicator, let error):
            return (es ? "indicador «\(indicator)»: " : "indicator «\(indicator)»: ") + error.message(language)
        case .allocation(let error):
            return error.message(language)
        case .noColumn(let path, let column):
            return es ? "\(path) no tiene la columna «\(column)»: los contactos llevan el identificador de la base y el canal"
                      : "\(path) has no column «\(column)»: the contacts carry the base's identifier and the channel"
        case .noIdentifier(let path, let column):
            return es ? "\(path) no tiene la columna «\(column)», el identificador de la base con que se sigue a los afiliados que estaban en el segmento"
                      : "\(path) has no column «\(column)», the base's identifier by which the affiliates who were in the segment are followed"
        }
    }
}
