import Diagnostics
import Table

/// The channels the segment actually uses (step 38's third question: «¿los canales están alineados con
/// el segmento?»): among the contacts of a file with the affiliate's identifier and a channel (the
/// survey's responses, with `canal`), those of affiliates in the segment, by channel. An activity whose
/// channel is one the file records (a call is `telefono`, a visit or an event `presencial`, the web
/// `web`) and that the segment hardly uses (under 5 % of its contacts) gets a warning; channels the file
/// cannot show (correo, WhatsApp, SMS…) are said to have no data.
public struct SegmentChannels: Sendable {
    /// An activity's channel as the contacts file names it.
    public static let observed = ["llamada": "telefono", "presencial": "presencial", "evento": "presencial", "web": "web"]
    /// Below this share of the segment's contacts, a channel is «hardly used».
    public static let rare = 0.05

    public let source: String
    /// Contacts of affiliates in the segment.
    public let contacts: Int
    /// Share of those contacts by channel, largest first.
    public let shares: [(channel: String, share: Double)]
    public let warnings: [StrategyProblem]

    /// `file`: the contacts (read from `source`), with the base's identifier column and `channelColumn`.
    public init(_ strategy: StrategyFile, base: Table, mask: [Bool], contacts file: Table, source: String,
                channelColumn: String = "canal") throws(StrategyPlanError) {
        let idName = base.columnNames[0]
        guard let baseIDs = base[idName], let ids = file[idName] else { throw .noColumn(source, column: idName) }
        guard let channel = file[channelColumn] else { throw .noColumn(source, column: channelColumn) }
        var inSegment = Set<String>()
        for row in 0..<base.rowCount where mask[row] { if let id = baseIDs.text(at: row) { inSegment.insert(id) } }
        var counts: [String: Int] = [:]
        var total = 0
        for row in 0..<file.rowCount {
            guard let id = ids.text(at: row), inSegment.contains(id), let used = channel.text(at: row) else { continue }
            counts[StrategyFile.fold(used), default: 0] += 1
            total += 1
        }
        self.source = source
        contacts = total
        shares = counts.map { ($0.key, Double($0.value) / Double(max(1, total))) }.sorted { $0.share > $1.share || ($0.share == $1.share && $0.channel < $1.channel) }
        var warnings: [StrategyProblem] = []
        if total > 0 {
            for activity in strategy.activities {
                guard let field = activity.fields["canal"] else { continue }
                for name in field.value.split(separator: ",").map({ StrategyFile.fold(String($0).trimmingCharacters(in: .whitespaces)) }) {
                    guard let seen = Self.observed[name] else { continue }
                    let share = Double(counts[seen] ?? 0) / Double(total)
                    if share < Self.rare {
                        warnings.append(StrategyProblem(.rareChannel(activity: activity.name, channel: name, observed: seen, share: share, source: source),
                                                        file: strategy.path, line: field.line, field: "canal", text: field.text))
                    }
                }
            }
        }
        self.warnings = warnings
    }

    /// «presencial 32,0 %, telefono 23,0 %, web 45,0 %» and the number of contacts, for `check` and the plan.
    public var summary: String {
        L("Canales del segmento en \(source) (\(NumberText.count(contacts, "contacto", "contactos"))): ",
          "Segment's channels in \(source) (\(contacts) contacts): ")
            + (shares.isEmpty ? L("ningún contacto del segmento", "no contact of the segment")
                              : shares.map { "\($0.channel) \(NumberText.decimal($0.share * 100, places: 1)) %" }.joined(separator: ", "))
    }
}
