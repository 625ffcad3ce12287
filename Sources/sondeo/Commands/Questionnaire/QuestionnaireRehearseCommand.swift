import ArgumentParser
import Diagnostics
import Questionnaire
import Survey
import Table

/// `sondeo questionnaire rehearse FILE --plan PLAN [--mode M] [--format table|csv]`.
struct QuestionnaireRehearseCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "rehearse",
            abstract: L("Ensaya un cuestionario con respuestas de prueba: qué preguntas se hacen, cómo se leen y qué respuestas se aceptan.",
                        "Rehearse a questionnaire with test answers: which questions are asked, how they read and which answers are accepted."),
            discussion: HelpText.discussion([
                L("El plan tiene una respuesta por línea, «variable=valor» (códigos separados por espacios en «varias de», fechas aaaa-mm-dd, NS o NR). Una variable repetida es un segundo intento después de un rechazo. Las condiciones, los saltos, las validaciones y los textos con respuestas son los mismos de la entrevista por teléfono, el formulario web y la importación.",
                  "The plan has one answer per line, «variable=value» (codes separated by spaces for «varias de», dates yyyy-mm-dd, NS or NR). A variable written again is a second try after a refusal. Conditions, jumps, validations and piped texts are those of the phone interview, the web form and imports."),
            ], examples: [
                "sondeo questionnaire rehearse Questionnaires/satisfaccion-servicios.encuesta --plan ensayo.txt --mode telefono",
            ])
        )
    }

    @Argument(help: ArgumentHelp(L("Archivo .encuesta.", ".encuesta file."), valueName: L("archivo", "file")))
    var file: String
    @Option(help: ArgumentHelp(L("Plan de respuestas: «variable=valor» por línea.", "Answer plan: «variable=value» per line."), valueName: L("plan", "plan")))
    var plan: String
    @Option(help: ArgumentHelp(L("Modo del ensayo: telefono, presencial o web (por defecto el primero del cuestionario).", "Mode of the rehearsal: telefono, presencial or web (the questionnaire's first by default)."),
                               valueName: L("modo", "mode")))
    var mode: String?
    @Option(help: ArgumentHelp(L("Idioma de los textos (uno de la línea «idiomas», p. ej. en).", "Language of the texts (one of the «idiomas» line, e.g. en)."),
                               valueName: L("idioma", "language")))
    var language: String?
    @Option(help: ArgumentHelp(L("Formato de salida: table o csv.", "Output format: table or csv."), valueName: L("formato", "format")))
    var format: OutputFormat = .table
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        try format.require([.table, .csv])
        try QuestionnaireModeOption.validate(mode)
    }

    func run() throws {
        let steps = try QuestionnaireGate.checked(for: L("antes de ensayarlo", "before rehearsing it")) {
            let (_, q) = try QuestionnaireCheck.valid(file)
            let chosen = try QuestionnaireModeOption.chosen(mode, in: q, file: file)
            let script = try QuestionnaireLanguageOption.translated(q, to: language, name: file) { Terminal.error("Error: " + $0) }
            return try QuestionnaireRehearsal.run(script, plan: plan, mode: chosen)
        }
        print(QuestionnaireRehearsalOutput.render(steps, format: format), terminator: "")
    }
}

/// The rehearsal as a person reads it (a table) or as a spreadsheet takes it (CSV).
enum QuestionnaireRehearsalOutput {
    static func outcome(_ step: AnswerPlan.Step) -> String {
        if step.outcomes.isEmpty { return L("sin respuesta en el plan", "not answered in the plan") }
        return step.outcomes.map { $0 == "ok" ? L("aceptada", "accepted") : L("rechazada", "refused") }.joined(separator: ", ")
    }

    static func render(_ steps: [AnswerPlan.Step], format: OutputFormat) -> String {
        let headers = [L("variable", "variable"), L("texto", "text"), L("respuesta", "answer")]
        if format == .csv {
            return String(decoding: CSVWriter.standard.bytes(of: Table(textRows: [headers] + steps.map { [$0.variable, $0.text, outcome($0)] })), as: UTF8.self)
        }
        var table = TextTable(headers: headers)
        for step in steps { table.append([step.variable, TextTable.shortened(step.text, to: 70), outcome(step)]) }
        return table.rendered() + "\n" + L("\(steps.count) preguntas alcanzadas.\n", "\(steps.count) questions reached.\n")
    }
}
