import BusinessDays
import Diagnostics
import Foundation
import Questionnaire
import Store

/// The call around the interview: the case's card (contact, appointment, earlier calls and their
/// notes), the outcome menu with its keys, appointments as people say them, «<» to take an outcome
/// back before it is saved, and when the case comes back.
extension PhoneInterview {
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
        showHistory(try store.attempts(questionnaire: id, unit: c.unit), screen: screen)
        let answered = c.unfinished ? L("Contestó: continuar la entrevista a medias", "Answered: resume the half-done interview")
                                    : L("Contestó el afiliado: empezar la entrevista", "The affiliate answered: start the interview")
        if menu.shown {
            screen.say(L("Resultado: 1 contestó · 2 no contesta · 3 buzón · 4 cita · 5 rechazo · ? todas las opciones · q salir",
                         "Outcome: 1 answered · 2 no answer · 3 voicemail · 4 appointment · 5 refusal · ? all options · q quit"))
        } else {
            showOutcomes(answered, screen: screen)
            menu.shown = true
        }
        let started = clock.timestamp
        while true {
            guard let answer = screen.ask(L("Opción:", "Option:")), answer.lowercased() != "q" else { return false }
            if answer == "?" { showOutcomes(answered, screen: screen); continue }
            if answer == "1" {
                switch try interview(c, started: started, screen: screen) {
                case .finished: return true
                case .suspended: return false
                case .undone: continue
                }
            }
            guard let n = Int(answer), n >= 2, n - 2 < Self.outcomes.count else {
                screen.problem(L("escriba un número de la lista, ? para verla o q para salir", "type a number of the list, ? to see it or q to quit"))
                continue
            }
            let code = Self.outcomes[n - 2], outcome = Disposition.named(code)!
            if code == "cita" {
                guard let reply = askAppointment(screen) else { return false }
                guard case .time(let at) = reply else { screen.say(L("No se guardó nada. Elija el resultado de la llamada.", "Nothing saved. Choose the call outcome.")); continue }
                try store.record(ContactAttempt(unit: c.unit, interviewer: interviewer, startedAt: started, endedAt: clock.timestamp, disposition: code,
                                                notes: at.stored), questionnaire: id)
                try store.addAppointment(questionnaire: id, unit: c.unit, at: at.stored, interviewer: interviewer)
                screen.say(L("Cita guardada: \(at.spoken) (hora de Colombia).", "Appointment saved: \(at.spoken) (Colombian time)."))
                return true
            }
            screen.say(L("Resultado: \(outcome.spanish).", "Outcome: \(outcome.english)."))
            guard let note = screen.ask(L("Nota (opcional; «<» vuelve a la lista sin guardar):", "Note (optional; «<» goes back to the list without saving):")) else { return false }
            if note == "<" { screen.say(L("No se guardó nada. Elija el resultado de la llamada.", "Nothing saved. Choose the call outcome.")); continue }
            let ended = clock.timestamp
            try store.record(ContactAttempt(unit: c.unit, interviewer: interviewer, startedAt: started, endedAt: ended, disposition: code,
                                            notes: note.isEmpty ? nil : note), questionnaire: id)
            screen.say(L("Guardado: \(outcome.spanish).", "Saved: \(outcome.english).") + " " + comesBack(code, attempts: c.attempts + 1))
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

    /// The earlier calls of the case, oldest first: when (Colombian time), who, how each ended, and its note.
    func showHistory(_ attempts: [ContactAttempt], screen: some InterviewConsole) {
        guard !attempts.isEmpty else { return }
        screen.say("  " + L("Llamadas anteriores:", "Earlier calls:"))
        for (index, a) in attempts.enumerated() {
            let when = AppointmentTime(instant: a.startedAt)?.spoken ?? a.startedAt
            let outcome = Disposition.named(a.disposition).map { L($0.spanish, $0.english) } ?? a.disposition
            screen.say("    \(index + 1). \(when) · \(a.interviewer) · \(outcome)")
            // An appointment's note is its time, already shown above.
            if let notes = a.notes, a.disposition != "cita" { screen.say(screen.style("       " + L("nota: ", "note: ") + "«\(notes)»", "2")) }
        }
    }

    /// When the case will be offered again after an outcome, as the calling rule decides.
    func comesBack(_ code: String, attempts: Int) -> String {
        if let next = scheduler.nextAttempt(after: clock.now(), disposition: code, attempts: attempts) {
            let time = AppointmentTime(instant: next)
            let when = time.hour == 0 && time.minute == 0 ? time.spokenDay : time.spoken
            // «a. m.» already ends the sentence.
            return L("Próximo intento: desde el \(when)", "Next attempt: from \(when)") + (when.hasSuffix(".") ? "" : ".")
        }
        if Disposition.named(code)?.final == true { return L("El caso queda cerrado.", "The case is closed.") }
        if Disposition.named(code)?.endsNumber == true { return L("Ese número no se vuelve a marcar.", "That number is not dialled again.") }
        return L("Era el intento \(attempts) de \(CallScheduler.maximumAttempts): el caso no se vuelve a llamar.",
                 "That was attempt \(attempts) of \(CallScheduler.maximumAttempts): the case is not called again.")
    }

    /// What the encuestador is told when an interview is left half-way: the answers are kept and the
    /// call already counts as an attempt, whichever way the session ended.
    func suspended(_ c: CaseState, screen: some InterviewConsole) {
        screen.say()
        screen.say(L("Entrevista suspendida; las respuestas quedaron guardadas y se continuará en la próxima llamada.",
                     "Interview suspended; the answers are saved and it will resume on the next call.") + " " + comesBack(SQLStore.openCall, attempts: c.attempts + 1))
        screen.say(screen.style(L("Para seguir ya con la misma persona: sondeo collect \(id) --interviewer \(interviewer) --unit \(c.unit)",
                                  "To go on now with the same person: sondeo collect \(id) --interviewer \(interviewer) --unit \(c.unit)"), "2"))
    }

    /// The contact fields worth showing first (name, phones, e-mail, municipality), then up to six others.
    static func contactLines(_ contact: [String: String]) -> [(String, String)] {
        let first = ["nombre", "telefono", "celular", "correo", "email", "municipio", "direccion"]
        let preferred = contact.keys.filter { key in first.contains { String(Suggestion.fold(key)).hasPrefix($0) } }.sorted()
        let others = contact.keys.filter { !preferred.contains($0) }.sorted().prefix(max(0, 6 - preferred.count))
        return (preferred + others).map { ($0, contact[$0]!) }
    }

    enum AppointmentReply { case time(AppointmentTime), back }

    /// The call-back time, as the encuestador types it (``AppointmentTime``: «15/12 10:30», «mañana 3 pm»,
    /// «lunes 9»), stored as ISO 8601 with its offset; a time already past is asked again; «<» goes back
    /// to the outcome list; nil at the end of the input.
    func askAppointment(_ screen: some InterviewConsole) -> AppointmentReply? {
        while true {
            guard let text = screen.ask(L("Día y hora de la cita (p. ej. 15/12 10:30, mañana 3 pm, lunes 9; «<» vuelve a la lista):",
                                          "Appointment day and time (e.g. 15/12 10:30, mañana 3 pm, lunes 9; «<» goes back to the list):")) else { return nil }
            if text == "<" { return .back }
            switch AppointmentTime.parse(text, now: clock.now()) {
            case .success(let time): return .time(time)
            case .failure(let problem): screen.problem(problem.message)
            }
        }
    }
}
