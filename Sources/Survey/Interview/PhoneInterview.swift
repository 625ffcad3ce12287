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
/// `Routing`) and the rows' and options' order ``PresentationOrder``'s, as in the web form.
public struct PhoneInterview {
    let store: any SurveyStore
    let questionnaire: QuestionnaireFile
    let version: String
    let id: String
    let interviewer: String
    let mode: Mode
    let clock: Clock
    /// Whether the whole outcome list was shown in this shift: after the first case, one short line.
    private let menu = MenuState()

    final class MenuState: @unchecked Sendable { var shown = false }

    public init(store: any SurveyStore, questionnaire: QuestionnaireFile, version: String, id: String, interviewer: String, mode: Mode,
                clock: Clock = .system) {
        self.store = store
        self.questionnaire = questionnaire
        self.version = version
        self.id = id
        self.interviewer = interviewer
        self.mode = mode
        self.clock = clock
    }

    /// The outcomes offered after a call that did not start an interview, in menu order.
    static let outcomes = ["no_contesta", "buzon", "cita", "rechazo", "rechazo_hogar", "numero_equivocado", "desconectado", "no_disponible",
                           "no_elegible", "fallecido", "idioma", "colgo", "falla_tecnica"]

    /// Works a case; returns false when the encuestador asks to leave.
    public func work(_ c: CaseState, screen: some InterviewConsole) throws -> Bool {
        screen.say()
        screen.heading(L("Caso \(c.unit)", "Case \(c.unit)") + (c.stratum.map { " · " + L("estrato", "stratum") + " \($0)" } ?? "")
                       + " · " + L("intento \(c.attempts + 1) de \(CallScheduler.maximumAttempts)", "attempt \(c.attempts + 1) of \(CallScheduler.maximumAttempts)"))
        for (key, value) in Self.contactLines(c.contact) { screen.say("  \(key): \(value)") }
        if let appointment = c.appointment {
            let spoken = AppointmentTime(stored: appointment)?.spoken ?? appointment
            screen.say("  " + L("cita: \(spoken)", "appointment: \(spoken)"))
        }
        let started = clock.timestamp
        let answered = c.unfinished ? L("Contestó: continuar la entrevista a medias", "Answered: resume the half-done interview")
                                    : L("Contestó el afiliado: empezar la entrevista", "The affiliate answered: start the interview")
        if menu.shown {
            screen.say(L("Resultado: 1 contestó · 2 no contesta · 3 buzón · 4 cita · 5 rechazo · ? todas las opciones · q salir",
                         "Outcome: 1 answered · 2 no answer · 3 voicemail · 4 appointment · 5 refusal · ? all options · q quit"))
        } else {
            showOutcomes(answered, screen: screen)
            menu.shown = true
        }
        while true {
            guard let answer = screen.ask(L("Opción:", "Option:")), answer.lowercased() != "q" else { return false }
            if answer == "?" { showOutcomes(answered, screen: screen); continue }
            if answer == "1" { return try interview(c.unit, started: started, screen: screen) }
            guard let n = Int(answer), n >= 2, n - 2 < Self.outcomes.count else {
                screen.problem(L("escriba un número de la lista, ? para verla o q para salir", "type a number of the list, ? to see it or q to quit"))
                continue
            }
            let code = Self.outcomes[n - 2]
            if code == "cita" {
                guard let at = askAppointment(screen) else { return false }
                try store.record(ContactAttempt(unit: c.unit, interviewer: interviewer, startedAt: started, endedAt: clock.timestamp, disposition: code,
                                                notes: at.stored), questionnaire: id)
                try store.addAppointment(questionnaire: id, unit: c.unit, at: at.stored, interviewer: interviewer)
                screen.say(L("Cita guardada: \(at.spoken) (hora de Colombia).", "Appointment saved: \(at.spoken) (Colombian time)."))
                return true
            }
            let notes = screen.ask(L("Nota (opcional):", "Note (optional):")).flatMap { $0.isEmpty ? nil : $0 }
            try store.record(ContactAttempt(unit: c.unit, interviewer: interviewer, startedAt: started, endedAt: clock.timestamp, disposition: code,
                                            notes: notes), questionnaire: id)
            screen.say(L("Guardado: \(Disposition.named(code)!.spanish).", "Saved: \(Disposition.named(code)!.english)."))
            return true
        }
    }

    /// The whole list of call outcomes, numbered.
    func showOutcomes(_ answered: String, screen: some InterviewConsole) {
        screen.say(L("Resultado de la llamada:", "Call outcome:"))
        screen.say("  1  " + answered)
        for (index, code) in Self.outcomes.enumerated() {
            let d = Disposition.named(code)!
            screen.say("  \(index + 2)".padding(toLength: 5, withPad: " ", startingAt: 0) + L(d.spanish, d.english))
        }
        screen.say("  ?  " + L("Ver esta lista otra vez", "Show this list again"))
        screen.say("  q  " + L("Salir", "Quit"))
    }

    /// The contact fields worth showing first (name, phones, e-mail, municipality), then up to six others.
    static func contactLines(_ contact: [String: String]) -> [(String, String)] {
        let first = ["nombre", "telefono", "celular", "correo", "email", "municipio", "direccion"]
        let preferred = contact.keys.filter { key in first.contains { String(Suggestion.fold(key)).hasPrefix($0) } }.sorted()
        let others = contact.keys.filter { !preferred.contains($0) }.sorted().prefix(max(0, 6 - preferred.count))
        return (preferred + others).map { ($0, contact[$0]!) }
    }

    /// The call-back time, as the encuestador types it (``AppointmentTime``: «15/12 10:30», «mañana 3 pm»,
    /// «lunes 9»), stored as ISO 8601 with its offset; a time already past is asked again.
    func askAppointment(_ screen: some InterviewConsole) -> AppointmentTime? {
        while true {
            guard let text = screen.ask(L("Día y hora de la cita (p. ej. 15/12 10:30, mañana 3 pm, lunes 9):",
                                          "Appointment day and time (e.g. 15/12 10:30, mañana 3 pm, lunes 9):")) else { return nil }
            switch AppointmentTime.parse(text, now: clock.now()) {
            case .success(let time): return time
            case .failure(let problem): screen.problem(problem.message)
            }
        }
    }

    /// The interview itself; returns false when the encuestador quits.
    func interview(_ unit: String, started: String, screen: some InterviewConsole) throws -> Bool {
        let record = try store.startInterview(InterviewRecord(questionnaire: id, version: version, respondent: unit, mode: mode.rawValue, interviewer: interviewer,
                                                              startedAt: started, endedAt: nil, disposition: nil, source: "collect", answers: []), actor: interviewer)
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
        var passed = Set<String>()           // optional questions left blank in this session
        var history: [String] = []           // variables asked, for «<»
        var revisit: String?                 // the variable «<» went back to: asked again, its answer shown and kept on Enter
        var section: Int?
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
                return true
            }
            if item.section != section, let s = item.section {
                screen.heading(questionnaire.sections[s].title)
                section = item.section
            }
            show(item, row: row, responses: responses, order: order, screen: screen)
            let kept = variable == revisit ? responses[variable] : nil
            if let kept {
                screen.say(screen.style("  " + L("Respuesta guardada: \(shown(kept, item: item)) — Enter la conserva", "Saved answer: \(shown(kept, item: item)) — Enter keeps it"), "2"))
            }
            while true {
                guard let text = screen.ask(">") else {
                    try suspend(unit, started: started, screen: screen)
                    return false
                }
                if text.lowercased() == "q" {
                    try suspend(unit, started: started, screen: screen)
                    return false
                }
                if text == "<" {
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
                if text.isEmpty && item.optional {
                    passed.insert(variable)
                    history.append(variable)
                    revisit = nil
                    break
                }
                guard let answer = parse(text, item: item, screen: screen) else { continue }
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
                history.append(variable)
                revisit = nil
                break
            }
        }
    }

    /// How many of the questions that apply, given the answers so far, have an answer (notes and
    /// calculations left out; a grid row counts as a question).
    public func progress(of interview: InterviewRecord) -> (answered: Int, applicable: Int) {
        let responses = Responses(stored: interview.answers, of: questionnaire)
        let routing = Routing(Evaluator(questionnaire, mode: mode))
        var answered = 0, applicable = 0
        for (item, state) in zip(questionnaire.items, routing.states(responses).states) where state == .applies {
            switch item.type {
            case .note, .calculated: continue
            case .grid:
                for row in item.rows where routing.rowApplies(row, itemState: state, responses) {
                    applicable += 1
                    if responses[item.variable(of: row)] != nil { answered += 1 }
                }
            default:
                applicable += 1
                if responses[item.id] != nil { answered += 1 }
            }
        }
        return (answered, applicable)
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

    /// A stored answer as the encuestador reads it back: code and label, the number, the text.
    func shown(_ answer: Answer, item: Item) -> String {
        let options: [AnswerList.Option] = {
            switch item.type {
            case .single(let l), .multiple(let l), .grid(let l): return questionnaire.list(l)?.options ?? []
            default: return []
            }
        }()
        switch answer {
        case .number(let x):
            if case .yesNo = item.type { return x == 1 ? "1 Sí" : "2 No" }
            if let o = options.first(where: { Double($0.code) == x }) { return "\(o.code) \(o.label)" }
            return NumberText.exact(x)
        case .text(let s): return "«\(s)»"
        case .codes(let c): return c.sorted().map { code in options.first { $0.code == code }.map { "\($0.code) \($0.label)" } ?? String(code) }.joined(separator: ", ")
        case .special(let name): return questionnaire.specials.first { $0.name == name }.map { "\($0.name.lowercased()) (\($0.label))" } ?? name
        }
    }

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

    func suspend(_ unit: String, started: String, screen: some InterviewConsole) throws {
        try store.record(ContactAttempt(unit: unit, interviewer: interviewer, startedAt: started, endedAt: clock.timestamp, disposition: "interrumpida"),
                         questionnaire: id)
        screen.say(L("Entrevista suspendida; las respuestas quedaron guardadas y se continuará en la próxima llamada.",
                     "Interview suspended; the answers are saved and it will resume on the next call."))
    }

    /// Shows a question: its text for the mode with piped answers, instructions, options and keys.
    func show(_ item: Item, row: GridRow?, responses: Responses, order: PresentationOrder, screen: some InterviewConsole) {
        screen.say()
        let text = QuestionnaireFile.replacingPipes(in: item.text(for: mode) ?? item.mainText ?? item.id) { name in
            if name == "_encuestador" { return interviewer }
            return questionnaire.pipedText(name, responses, number: NumberText.exact)
        }
        screen.question(text + (row.map { " — " + $0.text } ?? ""))
        if row == nil || row?.id == order.rows(of: item).first?.id { item.instructions.forEach(screen.instruction) }
        switch item.type {
        case .single(let l), .multiple(let l), .grid(let l):
            let options = questionnaire.list(l).map { list in item.type.isGrid ? list.options : order.options(of: item, in: list) } ?? []
            for o in options { screen.say("  \(o.code)  \(o.label)") }
            if case .multiple = item.type {
                screen.say(screen.style("  " + L("Varios códigos separados por espacios", "Several codes separated by spaces")
                                        + (item.maximum.map { L(" (máximo \($0))", " (at most \($0))") } ?? ""), "2"))
            }
        case .yesNo: screen.say("  1  Sí\n  2  No")
        case .scale(let low, let high, let a, let b):
            screen.say("  \(low)…\(high)" + (a.map { "  (\(low) = \($0)" } ?? "") + (b.map { ", \(high) = \($0))" } ?? ""))
        case .integer(let low, let high), .decimal(let low, let high):
            if let low, let high { screen.say("  " + L("Número de \(NumberText.exact(low)) a \(NumberText.exact(high))", "Number from \(NumberText.exact(low)) to \(NumberText.exact(high))")) }
        case .date: screen.say("  aaaa-mm-dd")
        case .note: screen.say(screen.style("  " + L("(Enter para seguir)", "(Enter to continue)"), "2"))
        case .text, .calculated: break
        }
        let specials = questionnaire.specials.filter { item.allowedSpecials.contains($0.name) }
        let keys = specials.map { "\($0.name.lowercased()): \($0.label)" } + [L("<: anterior", "<: back"), L("q: suspender", "q: suspend")]
            + (item.optional ? [L("Enter: sin respuesta", "Enter: no answer")] : [])
        screen.say(screen.style("  [" + keys.joined(separator: " · ") + "]", "2"))
    }


    /// What the encuestador typed, as an answer of the item's type; nil (after saying why) when unreadable.
    func parse(_ text: String, item: Item, screen: some InterviewConsole) -> Answer? {
        if let special = questionnaire.specials.first(where: { $0.name.lowercased() == text.lowercased() }) { return .special(special.name) }
        switch item.type {
        case .text: return text.isEmpty ? nil : .text(text)
        case .date: return .text(text)
        case .multiple:
            let codes = text.split(whereSeparator: { $0 == " " || $0 == "," }).map { Int($0) }
            guard !codes.isEmpty, codes.allSatisfy({ $0 != nil }) else {
                screen.problem(L("escriba los códigos separados por espacios, p. ej. 1 3", "type the codes separated by spaces, e.g. 1 3"))
                return nil
            }
            return .codes(Set(codes.compactMap { $0 }))
        default:
            guard let x = Double(text.replacingOccurrences(of: ",", with: ".")) else {
                screen.problem(L("escriba un número", "type a number"))
                return nil
            }
            return .number(x)
        }
    }
}
