import Questionnaire
import Randomness

/// The order in which one interview shows the grid rows (`filas al azar`) and options (`opciones al
/// azar`) of its questions, the same on every channel: the terminal interview and the web form ask
/// this value, never their own shuffle.
///
/// Each interview has a seed, stored with its answers as ``seedVariable`` the first time the interview
/// is saved, so the order a respondent saw can be rebuilt and analysed (order effects). A new
/// interview's seed is derived from the questionnaire and the respondent (FNV-1a, 64 bits), so a
/// phone call and a web page of the same case show the same order even before anything is stored.
/// Each question then shuffles with its own generator (SplitMix64 seeded by the interview's seed and
/// the question's id; Fisher–Yates): adding a question does not change the order of the others.
/// Exclusive options (a list's `[exclusiva]`, an item's `exclusiva c`) keep their written place; the
/// special answers (NS/NR) are not list options and always come last.
public struct PresentationOrder: Sendable {
    /// The system variable that keeps the seed (16 hexadecimal digits), beside `_pagina`.
    public static let seedVariable = "_orden"

    public let seed: UInt64

    public init(seed: UInt64) { self.seed = seed }

    /// The interview's order: its stored seed, or the one derived for a new interview.
    public init(questionnaire: String, respondent: String, responses: Responses) {
        if case .text(let text)? = responses[Self.seedVariable], let stored = UInt64(text, radix: 16) {
            seed = stored
        } else {
            seed = Self.hash(questionnaire + "\u{1F}" + respondent)
        }
    }

    /// The seed as stored.
    public var storedValue: Answer {
        let hex = String(seed, radix: 16)
        return .text(String(repeating: "0", count: 16 - hex.count) + hex)
    }

    /// Puts the seed among the answers to be stored, when the questionnaire randomises anything and
    /// the answers do not hold it yet; true when it was added.
    @discardableResult
    public func stamp(_ responses: inout Responses, of questionnaire: QuestionnaireFile) -> Bool {
        guard Self.randomizes(questionnaire), responses[Self.seedVariable] == nil else { return false }
        responses[Self.seedVariable] = storedValue
        return true
    }

    /// Whether any question of the questionnaire is shown in an order other than the written one.
    public static func randomizes(_ questionnaire: QuestionnaireFile) -> Bool {
        questionnaire.items.contains { $0.randomizeRows || $0.randomizeOptions }
    }

    /// The item's grid rows in the order shown.
    public func rows(of item: Item) -> [GridRow] {
        guard item.randomizeRows, item.rows.count > 1 else { return item.rows }
        var generator = generator(for: item, salt: "filas")
        return shuffled(item.rows, fixed: { _ in false }, using: &generator)
    }

    /// The options of the item's list in the order shown.
    public func options(of item: Item, in list: AnswerList) -> [AnswerList.Option] {
        guard item.randomizeOptions, list.options.count > 1 else { return list.options }
        var generator = generator(for: item, salt: "opciones")
        return shuffled(list.options, fixed: { $0.exclusive || item.exclusive.contains($0.code) }, using: &generator)
    }

    private func generator(for item: Item, salt: String) -> SplitMix64 {
        SplitMix64(seed: seed ^ Self.hash(item.id + "\u{1F}" + salt))
    }

    /// Fisher–Yates over the elements that may move; the fixed ones keep their positions.
    private func shuffled<T>(_ elements: [T], fixed: (T) -> Bool, using generator: inout SplitMix64) -> [T] {
        let movable = elements.indices.filter { !fixed(elements[$0]) }
        var order = movable
        if order.count > 1 {
            for i in stride(from: order.count - 1, to: 0, by: -1) {
                let j = generator.bounded(i + 1)
                order.swapAt(i, j)
            }
        }
        var result = elements
        for (slot, source) in zip(movable, order) { result[slot] = elements[source] }
        return result
    }

    /// FNV-1a, 64 bits, over the UTF-8 bytes: stable across runs and machines (Swift's `Hasher` is not).
    static func hash(_ text: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            h ^= UInt64(byte)
            h = h &* 0x0000_0100_0000_01B3
        }
        return h
    }
}
