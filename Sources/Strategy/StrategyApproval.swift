import Diagnostics
import Foundation
import Store
import Table
import BusinessDays

/// Aprobar estrategia (procedure step 38): the four verification questions answered by who approves,
/// kept in the store's append-only audit log with the SHA-256 of the file they were asked about — so a
/// changed file is no longer approved and needs a new approval.
public struct StrategyApproval: Sendable, Equatable {
    /// Step 38's questions, in its words.
    public static let questions = [
        ("cumple_objetivo", "¿La estrategia cumple con el objetivo propuesto?", "Does the strategy meet the stated objective?"),
        ("impulsa_meta", "¿El desarrollo de la estrategia impulsa el cumplimiento de la meta?", "Does carrying it out drive the goal?"),
        ("canales_alineados", "¿Los canales identificados están alineados con el segmento objetivo?", "Are the channels aligned with the target segment?"),
        ("identidad_marca", "¿La estrategia garantiza la identidad de marca?", "Does the strategy protect the brand identity?"),
    ]
    static let action = "strategy-approval"

    public let strategy: String
    public let sha256: String
    public let by: String
    public let at: String
    /// The answers, in the order of ``questions``.
    public let answers: [Bool]
    public var approved: Bool { answers.allSatisfy { $0 } }

    /// Records the answers for the file's current bytes; a file its `check` finds problems in is
    /// refused before anything is written. A «no» is recorded too: the strategy stays not approved, with why.
    public static func record(_ file: StrategyFile, check: StrategyCheck, bytes: [UInt8], by: String, answers: [Bool], in store: any SurveyStore,
                              clock: Clock = .system) throws -> StrategyApproval {
        if let first = check.problems.first { throw first }
        let approval = StrategyApproval(strategy: file.id!, sha256: SHA256.hex(of: bytes), by: by, at: clock.timestamp, answers: answers)
        let details = JSONValue.object([("strategy", .string(approval.strategy)), ("sha256", .string(approval.sha256)), ("by", .string(by)),
                                        ("answers", .object(zip(questions, answers).map { ($0.0.0, .bool($0.1)) })), ("approved", .bool(approval.approved))])
        try store.appendAudit(actor: by, action: action, details: details.rendered())
        return approval
    }

    /// The latest approval recorded for the strategy `id`, whatever file it was of.
    public static func latest(of id: String, in store: any SurveyStore) throws -> StrategyApproval? {
        try store.audit().reversed().lazy.filter { $0.action == action }.compactMap { entry -> StrategyApproval? in
            guard let object = try? JSONSerialization.jsonObject(with: Data(entry.details.utf8)) as? [String: Any], object["strategy"] as? String == id,
                  let sha = object["sha256"] as? String, let by = object["by"] as? String, let answers = object["answers"] as? [String: Bool] else { return nil }
            return StrategyApproval(strategy: id, sha256: sha, by: by, at: entry.at, answers: questions.map { answers[$0.0] ?? false })
        }.first
    }

    /// What `strategy status` says of a file: approved as it is, approved in another version, or never.
    public static func status(_ file: StrategyFile, bytes: [UInt8], in store: any SurveyStore) throws -> (text: String, current: Bool) {
        guard let id = file.id else { return (L("el archivo no dice «estrategia id»", "the file does not say «estrategia id»"), false) }
        guard let last = try latest(of: id, in: store) else {
            return (L("La estrategia «\(id)» no se ha presentado a aprobación (sondeo strategy approve).", "Strategy «\(id)» has not been submitted for approval (sondeo strategy approve)."), false)
        }
        let day = CivilDate.colombianLocal(last.at)
        guard last.sha256 == SHA256.hex(of: bytes) else {
            return (L("La estrategia «\(id)» cambió desde su última revisión (\(day), \(last.by), SHA-256 \(last.sha256.prefix(12))…): necesita una nueva aprobación.",
                      "Strategy «\(id)» changed since its last review (\(day), \(last.by), SHA-256 \(last.sha256.prefix(12))…): it needs a new approval."), false)
        }
        return (last.said, last.approved)
    }

    /// `Estrategia «x» aprobada por Ana el …` or why it was not.
    public var said: String {
        let day = CivilDate.colombianLocal(at)
        if approved {
            return L("Estrategia «\(strategy)» aprobada por \(by) el \(day) (SHA-256 \(sha256.prefix(12))…): responde sí a las cuatro preguntas del paso 38.",
                     "Strategy «\(strategy)» approved by \(by) on \(day) (SHA-256 \(sha256.prefix(12))…): yes to the four questions of step 38.")
        }
        let noes = zip(Self.questions, answers).filter { !$0.1 }.map { L($0.0.1, $0.0.2) }
        return L("Estrategia «\(strategy)» no aprobada por \(by) el \(day): respondió no a ", "Strategy «\(strategy)» not approved by \(by) on \(day): answered no to ")
            + noes.joined(separator: " ")
    }
}
