import ArgumentParser
import Diagnostics
import Foundation
import Segmentation
import Store
import Strategy
import Table

/// `sondeo strategy`: the loyalty strategy of procedure steps 37–40 — a plain-text file checked,
/// printed and approved, and its measurement planned and reviewed against what was achieved.
struct StrategyCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "strategy",
            abstract: L("La estrategia de fidelización (pasos 37 y 38): un archivo .estrategia con su segmento, objetivo, meta, plan táctico e indicadores; revisarla, imprimirla y aprobarla.",
                        "The loyalty strategy (steps 37 and 38): a .estrategia file with its segment, objective, goal, tactical plan and indicators; check, print and approve it."),
            discussion: HelpText.discussion([
                L("Cada actividad del plan táctico lleva objetivo, responsable, contenido, canal, frecuencia, presupuesto e indicador de cumplimiento (paso 37); cada indicador de la estrategia, su medida (proporción, media, nps o csat de una columna, o casos pqrsl), su línea base y su meta. Ejemplo: Examples/estrategia_jovenes.estrategia.",
                  "Each activity of the tactical plan has objective, owner, content, channel, frequency, budget and compliance indicator (step 37); each indicator of the strategy, its measure (proporción, media, nps or csat of a column, or casos pqrsl), its baseline and its target. Example: Examples/estrategia_jovenes.estrategia."),
            ], examples: [
                "sondeo strategy check Examples/estrategia_jovenes.estrategia --base Examples/data/afiliados.csv --channels Examples/data/respuestas.csv",
                "sondeo strategy render Examples/estrategia_jovenes.estrategia --base Examples/data/afiliados.csv --out plan.html",
                "sondeo strategy approve Examples/estrategia_jovenes.estrategia --by \"Coordinación de Mercadeo Estratégico\" --answers si,si,si,si",
            ]),
            subcommands: [CheckStrategyCommand.self, RenderStrategyCommand.self, ApproveStrategyCommand.self, StrategyStatusCommand.self,
                          PlanStrategyCommand.self, ReviewStrategyCommand.self]
        )
    }

    @OptionGroup var global: GlobalOptions
}

/// `sondeo strategy check FILE [--base BASE]`.
struct CheckStrategyCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "check", abstract: L("Revisa la estrategia: campos, canales, presupuesto, fechas, el segmento contra la base.",
                                                               "Checks the strategy: fields, channels, budget, dates, the segment against the base."))
    }

    @OptionGroup var input: StrategyInput
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let (file, _, check, base) = try input.loadAll()
        for problem in check.problems { Terminal.error(DiagnosticRenderer.render(problem, language: Language.current)) }
        let channels = check.problems.isEmpty ? try input.channelUse(file, check: check, base: base) : nil
        for warning in channels?.warnings ?? [] { Terminal.error(DiagnosticRenderer.render(warning, language: Language.current, severity: .warning)) }
        let segment = check.segmentSize.map { size in L(", segmento de \(NumberText.count(size, "afiliado", "afiliados")) de \(NumberText.integer(check.baseRows ?? 0))",
                                                       ", segment of \(NumberText.integer(size)) affiliates of \(NumberText.integer(check.baseRows ?? 0))") } ?? ""
        print(L("\(input.file): \(NumberText.count(check.problems.count, "error", "errores")) · \(NumberText.count(file.activities.count, "actividad", "actividades")), presupuesto total $ \(NumberText.integer(Int(check.budget.rounded())))\(segment), \(NumberText.count(file.indicators.count, "indicador", "indicadores"))",
                "\(input.file): \(check.problems.count) errors · \(file.activities.count) activities, total budget $ \(NumberText.integer(Int(check.budget.rounded())))\(segment), \(file.indicators.count) indicators"))
        if let channels { print(channels.summary) }
        if !check.problems.isEmpty { throw ExitCode(ExitStatus.dataError.rawValue) }
    }
}

/// `sondeo strategy render FILE --out plan.html|.md|.pdf`.
struct RenderStrategyCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "render", abstract: L("El plan imprimible: Markdown, HTML o PDF.", "The printable plan: Markdown, HTML or PDF."))
    }

    @OptionGroup var input: StrategyInput
    @Option(help: ArgumentHelp(L("Archivo de salida: .md, .html o .pdf (por defecto Markdown en pantalla).", "Output file: .md, .html or .pdf (Markdown on screen by default)."),
                               valueName: L("salida", "output"))) var out: String?
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if let out, ![FileKind.md, .html, .pdf].contains(FileKind(path: out)) {
            throw ValidationError(L("--out debe terminar en .md, .html o .pdf, no «\(out)»", "--out must end in .md, .html or .pdf, not «\(out)»"))
        }
    }

    func run() throws {
        let (file, _, check) = try input.load()
        if let first = check.problems.first { throw first }
        guard let out else { return print(file.markdown(check), terminator: "") }
        let html = FileKind(path: out) != .md
        try DocumentFile.write(html ? file.html(check) : file.markdown(check), html: html, to: out)
        print(L("Escrito \(out).", "Wrote \(out)."))
    }
}

/// `sondeo strategy approve FILE --by NAME --answers si,si,si,si`.
struct ApproveStrategyCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "approve",
                             abstract: L("Registra la aprobación (paso 38): las respuestas a las cuatro preguntas, quién y cuándo, con el SHA-256 del archivo.",
                                         "Records the approval (step 38): the answers to the four questions, who and when, with the file's SHA-256."),
                             discussion: HelpText.discussion(StrategyApproval.questions.enumerated().map { "\($0.offset + 1). " + L($0.element.1, $0.element.2) }, examples: []))
    }

    @OptionGroup var input: StrategyInput
    @Option(help: ArgumentHelp(L("Quién aprueba (nombre y cargo).", "Who approves (name and role)."), valueName: L("nombre", "name"))) var by: String
    @Option(help: ArgumentHelp(L("Las cuatro respuestas en orden, si o no, separadas por comas.", "The four answers in order, si or no, comma-separated."),
                               valueName: "si,si,si,si")) var answers: String
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let given = answers.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
        guard given.count == 4 else {
            throw ValidationError(L("--answers lleva cuatro respuestas (si o no), una por pregunta del paso 38, no \(given.count)", "--answers takes four answers (si or no), one per question of step 38, not \(given.count)"))
        }
        let yes = try given.enumerated().map { try parseYesNo($0.element, option: "--answers (\($0.offset + 1))") }
        guard !by.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError(L("--by no puede estar vacío", "--by cannot be empty")) }
        let (file, bytes, check) = try input.load()
        let approval = try StrategyApproval.record(file, check: check, bytes: bytes, by: by, answers: yes, in: try storeOptions.open())
        print(approval.said)
        if !approval.approved { throw ExitCode(ExitStatus.dataError.rawValue) }
    }
}

/// `sondeo strategy status FILE`: approved as it is now, or not.
struct StrategyStatusCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "status", abstract: L("Dice si la estrategia, tal como está el archivo, está aprobada.", "Says whether the strategy, as the file is now, is approved."))
    }

    @OptionGroup var input: StrategyInput
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        guard let data = FileManager.default.contents(atPath: input.file) else { throw StrategyReadError(path: input.file) }
        let file = StrategyFile(text: String(decoding: data, as: UTF8.self), path: input.file)
        let (text, current) = try StrategyApproval.status(file, bytes: [UInt8](data), in: try storeOptions.open())
        print(text)
        if !current { throw ExitCode(ExitStatus.dataError.rawValue) }
    }
}
