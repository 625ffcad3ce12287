import BusinessDays
import Diagnostics
import Foundation
import Questionnaire
import Store

/// What the encuestador sees and types during a phone or face-to-face interview: the terminal of
/// `sondeo collect` is one; a test may be another.
public protocol InterviewConsole {
    func say(_ text: String)
    func question(_ text: String)
    func instruction(_ text: String)
    func problem(_ text: String)
    func warning(_ text: String)
    func heading(_ text: String)
    /// Dimmed or otherwise styled text (an ANSI code on a terminal, nothing elsewhere).
    func style(_ text: String, _ code: String) -> String
    /// Reads a line after a prompt; nil at the end of the input.
    func ask(_ prompt: String) -> String?
}

extension InterviewConsole {
    func say() { say("") }
}

/// One encuestador's work on one case: the call outcome, then the interview question by question,
/// every answer saved at once so that nothing typed is lost if the program stops. The questions'
/// order, checks, warnings, NS/NR and pipes are the questionnaire runtime's (`AnswerCheck`,
/// `Routing`) and the rows' and options' order ``PresentationOrder``'s, as in the web form. The call
/// itself (outcomes, appointments, history, undo) is in `PhoneInterview+Call.swift`.
///
/// One resume rule for every way a session ends: the call counts as an attempt the moment the affiliate
/// answers (``SurveyStore/answerCall(_:attempt:)``), so «q», Ctrl-C, a closed terminal and a killed
/// program all leave one attempt `interrumpida`, the answers given, and the interview to resume at
/// its first unanswered question on the next call.
public struct PhoneInterview {
    let store: any SurveyStore
    let questionnaire: QuestionnaireFile
    let version: String
    let id: String
    let interviewer: String
    /// How the script names the encuestador (`{_encuestador}`): the name on the staff record, else the code.
    let interviewerName: String
    let mode: Mode
    let scheduler: CallScheduler
    let clock: Clock
    /// Whether the whole outcome list was shown in this shift: after the first case, one short line.
    let menu = MenuState()

    final class MenuState: @unchecked Sendable { var shown = false }

    /// How the interview part of a call ended.
    enum InterviewEnd { case finished, suspended, undone }

    public init(store: any SurveyStore, questionnaire: QuestionnaireFile, version: String, id: String, interviewer: String, interviewerName: String? = nil,
                mode: Mode, scheduler: CallScheduler = CallScheduler(), clock: Clock = .system) {
        self.store = store
        self.questionnaire = questionnaire
        self.version = version
        self.id = id
        self.interviewer = interviewer
        self.interviewerName = interviewerName ?? interviewer
        self.mode = mode
        self.scheduler = scheduler
        self.clock = clock
    }

    /// The interview itself, the call counted as answered from its start.
    func interview(_ c: CaseState, started: String, screen: some InterviewConsole) throws -> InterviewEnd {
        let unit = c.unit
        let record = try store.answerCall(InterviewRecord(questionnaire: id, version: version, respondent: unit, mode: mode.rawValue, interviewer: interviewer,
                                                          startedAt: started, endedAt: nil, disposition: nil, source: "collect", answers: []),
                                          attempt: ContactAttempt(unit: unit, interviewer: interviewer, startedAt: started, endedAt: started,
                                                                  disposition: SQLStore.openCall))
        var responses = Responses(stored: record.answers, of: questionnaire)
        let order = PresentationOrder(questionnaire: id, respondent: unit, responses: responses)
        if order.stamp(&responses, of: questionnaire) {
            try store.saveAnswer(StoredAnswer(variable: PresentationOrder.seedVariable, answer: order.storedValue), variable: PresentationOrder.seedVariable,
                                 questionnaire: id, respondent: unit)
        }
        // System values (`_orden`, `_pagina`) are not answers the encuestador gave.
        let given = record.answers.filter { !$0.variable.hasPrefix("_") }.count
        if given > 0 { screen.say(L("Se continúa la entrevista: \(NumberText.count(given, "respuesta ya guardada", "respuestas ya guardadas")).",
                                    "Resuming: \(given) answers already saved.")) }
        let check = AnswerCheck(questionnaire, mode: mode)
        let system = SystemValues.of(interviewer: interviewerName, mode: mode, unit: try store.sampleUnit(of: id, unit: unit))
        let pageOfItem = SurveyForm.pageOfItem(questionnaire)
        let itemIndex = questionnaire.itemIndices()
        var passed = Set<String>()           // optional questions left blank in this session
        var history: [String] = []           // variables asked, for «<»
        var revisit: String?                 // the variable «<» went back to: asked again, its answer shown and kept on Enter
        var section: Int?
        var savedNow = false                 // whether this call saved an answer (until then «<» takes back «contestó»)
        while true {
            let (states, ending) = check.routing.states(responses)
            let current = revisit.flatMap { question(of: $0, states: states, responses: responses, routing: check.routing) }
                ?? nextQuestion(states: states, responses: responses, passed: passed, routing: check.routing, order: order)
            guard let (item, variable, row) = current else {
                // Answers left on questions that no longer apply (an earlier answer changed after «<») go.
                for stale in inapplicable(states: states, responses: responses, routing: check.routing) {
                    try store.saveAnswer(nil, variable: stale, questionnaire: id, respondent: unit)
                }
                let disposition = ending?.disposition ?? "completa"
                try store.finishInterview(questionnaire: id, respondent: unit, disposition: disposition, endedAt: clock.timestamp,
                                          attempt: ContactAttempt(unit: unit, interviewer: interviewer, startedAt: started, endedAt: clock.timestamp, disposition: disposition))
                screen.say(L("Entrevista terminada: \(Disposition.named(disposition)?.spanish ?? disposition).",
                             "Interview finished: \(Disposition.named(disposition)?.english ?? disposition)."))
                return .finished
            }
            if item.section != section, let s = item.section {
                screen.heading(questionnaire.sections[s].title)
                section = item.section
            }
            show(item, row: row, responses: responses, order: order, check: check, system: system, undo: history.isEmpty && !savedNow, screen: screen)
            let shownAt = clock.now()
            let kept = variable == revisit ? responses[variable] : nil
            if let kept {
                screen.say(screen.style("  " + L("Respuesta guardada: \(questionnaire.shownAnswer(kept, item: item, codes: true)) — Enter la conserva", "Saved answer: \(questionnaire.shownAnswer(kept, item: item, codes: true)) — Enter keeps it"), "2"))
            }
            // `inicial`: offered, and taken with Enter like a typed answer (checked and saved).
            let offered = kept == nil && row == nil ? questionnaire.initialAnswer(item, responses, system: system) : nil
            if let offered {
                screen.say(screen.style("  " + L("Valor inicial: \(questionnaire.shownAnswer(offered, item: item, codes: true)) — Enter lo acepta", "Initial value: \(questionnaire.shownAnswer(offered, item: item, codes: true)) — Enter accepts it"), "2"))
            }
            while true {
                guard let text = screen.ask(">"), text.lowercased() != "q" else {
                    suspended(c, screen: screen)
                    return .suspended
                }
                if text == "<" {
                    if history.isEmpty && !savedNow {
                        try store.undoCall(questionnaire: id, unit: unit, startedAt: started, actor: interviewer)
                        screen.say(L("Se deshizo «contestó»: esta llamada no quedó registrada. Elija el resultado de la llamada.",
                                     "«Answered» undone: this call was not recorded. Choose the call outcome."))
                        return .undone
                    }
                    guard let previous = history.popLast() else { screen.problem(L("es la primera pregunta", "this is the first question")); continue }
                    // The answer stays stored until another replaces it: going back loses nothing.
                    revisit = previous
                    passed.remove(previous)
                    break
                }
                if case .note = item.type {
                    passed.insert(variable)
                    revisit = nil
                    break
                }
                if text.isEmpty && kept != nil {
                    history.append(variable)
                    revisit = nil
                    break
                }
                if text.isEmpty && item.optional && offered == nil {
                    passed.insert(variable)
                    history.append(variable)
                    revisit = nil
                    break
                }
                guard let answer = text.isEmpty && offered != nil ? offered : parse(text, item: item, screen: screen) else { continue }
                let problems = check.problems(item: item, variable: variable, answer: answer, in: responses)
                let errors = problems.filter { $0.severity == .error }
                if !errors.isEmpty { errors.forEach { screen.problem(L($0.spanish, $0.english)) }; continue }
                var confirmed = true
                for warning in problems where warning.severity == .warning {
                    screen.warning(L(warning.spanish, warning.english))
                    let yes = screen.ask(L("¿Confirma la respuesta? (s/n)", "Confirm the answer? (y/n)"))?.lowercased()
                    confirmed = confirmed && ["s", "si", "sí", "y", "yes"].contains(yes ?? "")
                }
                if !confirmed { continue }
                responses[variable] = answer
                try store.saveAnswer(StoredAnswer(variable: variable, answer: answer), variable: variable, questionnaire: id, respondent: unit)
                // Paradata: the time from showing the question to its answer, added to its page.
                if let index = itemIndex[item.id], let page = pageOfItem[index] {
                    Paradata.add(seconds: clock.now().timeIntervalSince(shownAt), page: page, to: &responses)
                    let key = Paradata.pageVariable(page)
                    if let total = responses[key] { try store.saveAnswer(StoredAnswer(variable: key, answer: total), variable: key, questionnaire: id, respondent: unit) }
                }
                savedNow = true
                history.append(variable)
                revisit = nil
                break
            }
        }
    }

    /// The question (or grid row) of a variable, when it still applies.
    func question(of variable: String, states: [Routing.State], responses: Responses, routing: Routing) -> (Item, String, GridRow?)? {
        for (item, state) in zip(questionnaire.items, states) where state == .applies {
            if item.id == variable, !item.type.isGrid { return (item, variable, nil) }
            if let row = item.rows.first(where: { item.variable(of: $0) == variable }), routing.rowApplies(row, itemState: state, responses) {
                return (item, variable, row)
            }
        }
        return nil
    }

    /// Variables with an answer whose question (or grid row) does not apply any more.
    func inapplicable(states: [Routing.State], responses: Responses, routing: Routing) -> [String] {
        var result: [String] = []
        for (item, state) in zip(questionnaire.items, states) {
            if item.type.isGrid {
                for row in item.rows where responses[item.variable(of: row)] != nil && !routing.rowApplies(row, itemState: state, responses) {
                    result.append(item.variable(of: row))
                }
            } else if state != .applies, responses[item.id] != nil, !isCalculated(item) {
                result.append(item.id)
            }
        }
        return result
    }

    private func isCalculated(_ item: Item) -> Bool { if case .calculated = item.type { return true } else { return false } }

    /// The first applicable question (or grid row) without an answer.
    func nextQuestion(states: [Routing.State], responses: Responses, passed: Set<String>, routing: Routing,
                      order: PresentationOrder) -> (Item, String, GridRow?)? {
        for (item, state) in zip(questionnaire.items, states) where state == .applies {
            switch item.type {
            case .calculated: continue
            case .note:
                if !passed.contains(item.id) { return (item, item.id, nil) }
            case .grid:
                for row in order.rows(of: item) where routing.rowApplies(row, itemState: state, responses) {
                    let name = item.variable(of: row)
                    if responses[name] == nil && !passed.contains(name) { return (item, name, row) }
                }
            default:
                if responses[item.id] == nil && !passed.contains(item.id) { return (item, item.id, nil) }
            }
        }
        return nil
    }

    /// Shows a question: its text for the mode with piped answers, instructions, options and keys.
    /// With `undo`, «<» takes back «contestó» (nothing was answered in this call yet).
    func show(_ item: Item, row: GridRow?, responses: Responses, order: PresentationOrder, check: AnswerCheck, system: [String: String], undo: Bool,
              screen: some InterviewConsole) {
        screen.say()
        let text = questionnaire.piped(item.text(for: mode) ?? item.mainText ?? item.id, responses, system: system, number: NumberText.exact)
        screen.question(text + (row.map { " — " + $0.text } ?? ""))
        if row == nil || row?.id == order.rows(of: item).first?.id {
            item.instructions.forEach(screen.instruction)
            // The respondent's help, for the interviewer to read if asked.
            if let help = item.help { screen.say(screen.style("  " + L("Ayuda: ", "Help: ") + help, "2")) }
        }
        switch item.type {
        case .single(let l), .multiple(let l), .grid(let l):
            let options = check.offered(questionnaire.list(l).map { list in item.type.isGrid ? list.options : order.options(of: item, in: list) } ?? [], of: item, in: responses)
            for o in options { screen.say("  \(o.code)  \(o.label)") }
            if case .multiple = item.type, let hint = item.answerHint {
                screen.say(screen.style("  " + hint + L(": los códigos separados por espacios", ": the codes separated by spaces"), "2"))
            }
        case .yesNo: screen.say("  1  Sí\n  2  No")
        case .scale(let low, let high, let a, let b):
            screen.say("  \(low)…\(high)" + (a.map { "  (\(low) = \($0)" } ?? "") + (b.map { ", \(high) = \($0))" } ?? ""))
        case .integer, .decimal:
            if let hint = item.answerHint { screen.say("  " + hint) }
        case .date: screen.say("  aaaa-mm-dd")
        case .time: screen.say("  hh:mm (24 horas)")
        case .dateTime: screen.say("  aaaa-mm-dd hh:mm")
        case .note: screen.say(screen.style("  " + L("(Enter para seguir)", "(Enter to continue)"), "2"))
        case .text, .calculated: break
        }
        let specials = questionnaire.specials.filter { item.allowedSpecials.contains($0.name) }
        let keys = specials.map { "\($0.name.lowercased()): \($0.label)" } + [undo ? L("<: deshacer «contestó»", "<: undo «answered»") : L("<: anterior", "<: back"), L("q: suspender", "q: suspend")]
            + (item.optional ? [L("Enter: sin respuesta", "Enter: no answer")] : [])
        screen.say(screen.style("  [" + keys.joined(separator: " · ") + "]", "2"))
    }


    /// What the encuestador typed, as an answer of the item's type; nil (after saying why) when unreadable.
    func parse(_ text: String, item: Item, screen: some InterviewConsole) -> Answer? {
        switch questionnaire.answer(typed: text, for: item) {
        case .answer(let answer): return answer
        case .empty: return nil
        case .unreadable(let spanish, let english):
            screen.problem(L(spanish, english))
            return nil
        }
    }
}
