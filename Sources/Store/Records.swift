import Questionnaire

/// A questionnaire version as published: its identity is id + version + the SHA-256 of its text.
public struct PublishedVersion: Sendable, Equatable {
    public var questionnaire: String
    public var version: String
    public var sha256: String
    public var source: String
    /// ISO 8601, UTC.
    public var publishedAt: String

    public init(questionnaire: String, version: String, sha256: String, source: String, publishedAt: String) {
        self.questionnaire = questionnaire
        self.version = version
        self.sha256 = sha256
        self.source = source
        self.publishedAt = publishedAt
    }
}

/// One sampled affiliate, as `sondeo sample draw` wrote it: the case the encuestadores work on.
public struct SampleUnit: Sendable, Equatable {
    public var unit: String
    public var stratum: String?
    public var weight: Double?
    /// N_h, for the finite-population correction.
    public var stratumSize: Double?
    public var reserve: Bool
    public var order: Int?
    /// The other columns of the sample file (name, phones, municipality…), kept as text.
    public var contact: [String: String]

    public init(unit: String, stratum: String? = nil, weight: Double? = nil, stratumSize: Double? = nil,
                reserve: Bool = false, order: Int? = nil, contact: [String: String] = [:]) {
        self.unit = unit
        self.stratum = stratum
        self.weight = weight
        self.stratumSize = stratumSize
        self.reserve = reserve
        self.order = order
        self.contact = contact
    }
}

/// One contact attempt: who called, when, and how it ended.
public struct ContactAttempt: Sendable, Equatable {
    public var unit: String
    public var interviewer: String
    public var startedAt: String
    public var endedAt: String
    /// A ``Disposition`` code.
    public var disposition: String
    public var notes: String?

    public init(unit: String, interviewer: String, startedAt: String, endedAt: String, disposition: String, notes: String? = nil) {
        self.unit = unit
        self.interviewer = interviewer
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.disposition = disposition
        self.notes = notes
    }
}

/// Where a case stands: its current disposition (the last attempt's) and how many attempts it had.
public struct CaseState: Sendable, Equatable {
    public var unit: String
    public var stratum: String?
    public var reserve: Bool
    public var disposition: String?
    public var attempts: Int
    /// Interviewers who made its attempts, in order.
    public var interviewers: [String]
    /// When its attempts ended (ISO 8601), in order.
    public var attemptEnds: [String] = []
    /// A pending appointment (ISO 8601).
    public var appointment: String?
    /// An interview started and not finished.
    public var unfinished = false
    public var order: Int?
    public var contact: [String: String] = [:]
    /// Who holds the case now (``SurveyStore/claim(questionnaire:unit:interviewer:now:until:)``) and
    /// until when (ISO 8601); a claim past its time holds nothing.
    public var claimedBy: String?
    public var claimedUntil: String?
    /// The interviewer a supervisor gave the case to, or nil (anyone may take it).
    public var assignedTo: String?
}

/// What publishing did.
public enum PublishOutcome: Sendable, Equatable {
    case published
    /// The same id, version and text were already there: nothing changed.
    case alreadyPublished
}

/// One interview as stored: which version it answered, how, by whom, when, how it ended, and its answers.
public struct InterviewRecord: Sendable, Equatable {
    public var questionnaire: String
    public var version: String
    /// The affiliate (the sample unit) or the respondent id of another channel.
    public var respondent: String
    /// `telefono`, `presencial` or `web`.
    public var mode: String
    public var interviewer: String?
    public var startedAt: String
    public var endedAt: String?
    /// A ``Disposition`` code; nil while in progress.
    public var disposition: String?
    /// `collect`, or `import:<file sha256>`.
    public var source: String
    public var answers: [StoredAnswer]

    public init(questionnaire: String, version: String, respondent: String, mode: String, interviewer: String?, startedAt: String,
                endedAt: String?, disposition: String?, source: String, answers: [StoredAnswer]) {
        self.questionnaire = questionnaire
        self.version = version
        self.respondent = respondent
        self.mode = mode
        self.interviewer = interviewer
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.disposition = disposition
        self.source = source
        self.answers = answers
    }
}

/// An interview as a row of the store: its record and its answers in the form the store keeps them
/// (one JSON object sorted by variable, ``AnswerJSON``). An import makes rows on the thread that checks
/// the file, so that the one writing only writes; an export decodes their answers straight into an
/// ``AnswerSheet``.
public struct InterviewRow: Sendable {
    /// The interview without its answers (`record.answers` is empty: they are below).
    public let record: InterviewRecord
    /// The answers as the store keeps them (UTF-8 JSON).
    let answers: [UInt8]

    /// The row of a record with its answers.
    public init(_ record: InterviewRecord) {
        var bare = record
        bare.answers = []
        self.init(record: bare, answers: AnswerJSON.bytes(record.answers))
    }

    /// The row of a record without answers and the answers of a sheet.
    /// `system`: system values kept beside the answers, as (variable, text) — an imported
    /// interview's `_orden`.
    public init(_ record: InterviewRecord, sheet: AnswerSheet, encoder: SheetEncoder, system: [(String, String)] = []) {
        precondition(record.answers.isEmpty, "the answers are the sheet's")
        self.init(record: record, answers: AnswerJSON.bytes(sheet, layout: encoder.layout, keys: encoder.keys, system: system))
    }

    init(record: InterviewRecord, answers: [UInt8]) {
        self.record = record
        self.answers = answers
    }

    /// The answers as stored answers, by variable.
    public var storedAnswers: [StoredAnswer] { AnswerJSON.decode(String(decoding: answers, as: UTF8.self)) }

    /// The number stored for a system value such as `_seg_p1`, found in the stored JSON the same way.
    public func systemNumber(_ variable: String) -> Double? {
        systemValue(variable, quoted: false).flatMap { Double($0) }
    }

    /// The text stored for a system value such as `_orden` (a plain string, no escapes), found in the
    /// stored JSON without decoding the other answers: an export reads it for every interview.
    public func systemText(_ variable: String) -> String? { systemValue(variable, quoted: true) }

    /// The stored value after `"variable":` — up to the closing quote of a text, or the end of a number.
    private func systemValue(_ variable: String, quoted: Bool) -> String? {
        let key = Array("\"\(variable)\":\(quoted ? "\"" : "")".utf8)
        guard key.count <= answers.count else { return nil }
        return answers.withUnsafeBufferPointer { bytes -> String? in
            var i = 0
            while i + key.count <= bytes.count {
                if bytes[i] == key[0] && bytes[i..<(i + key.count)].elementsEqual(key) {
                    let start = i + key.count
                    let end: Int
                    if quoted {
                        guard let close = bytes[start...].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
                        end = close
                    } else {
                        end = bytes[start...].firstIndex { !"0123456789.-+eE".utf8.contains($0) } ?? bytes.count
                    }
                    return String(decoding: bytes[start..<end], as: UTF8.self)
                }
                i += 1
            }
            return nil
        }
    }

    /// The record with its answers.
    public var interview: InterviewRecord {
        var full = record
        full.answers = storedAnswers
        return full
    }

    /// The answers by slot of `layout`; answers to names the layout lacks (the web form's `_pagina`)
    /// are left out.
    public func sheet(_ layout: AnswerLayout) -> AnswerSheet { AnswerJSON.sheet(answers, layout: layout) }
}

/// One stored answer: a number, a text (the codes of a `varias de` as «2 7»), or a special code by
/// name (`NS`, `NR`) in `status`.
public struct StoredAnswer: Sendable, Equatable {
    public var variable: String
    /// `answered`, or the name of a special code.
    public var status: String
    public var number: Double?
    public var text: String?

    public init(variable: String, status: String = "answered", number: Double? = nil, text: String? = nil) {
        self.variable = variable
        self.status = status
        self.number = number
        self.text = text
    }
}
