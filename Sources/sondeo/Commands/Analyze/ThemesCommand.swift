import Analysis
import ArgumentParser
import Diagnostics

/// `sondeo analyze themes FILE --var comentario --themes temas.csv [--by canal] [--nps nps]`.
struct ThemesCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "themes",
            abstract: L("Lee los comentarios abiertos por temas con un libro de códigos: menciones, porcentaje de quienes comentan con su intervalo, NPS por tema, ejemplos y los comentarios sin tema.",
                        "Reads open comments by theme with a codeframe: mentions, share of commenters with its interval, NPS by theme, examples and the uncoded comments."),
            discussion: HelpText.discussion([
                L("El libro de códigos es un CSV con las columnas tema,patron: palabras o frases separadas por | (sin distinguir mayúsculas ni tildes; «tard*» es cualquier palabra que empiece por «tard»), o una expresión regular entre /…/. Un comentario puede tocar varios temas.",
                  "The codeframe is a CSV with the columns tema,patron: words or phrases separated by | (case- and accent-insensitive; «tard*» is any word starting «tard»), or a regular expression inside /…/. A comment may touch several themes."),
            ], examples: [
                "sondeo analyze themes respuestas.csv --var comentario --themes temas.csv --strata categoria --by canal --nps nps",
            ])
        )
    }

    @OptionGroup var input: AnalysisFileOptions
    @Option(help: ArgumentHelp(L("Libro de códigos (CSV con tema,patron).", "Codeframe (CSV with tema,patron)."), valueName: L("temas", "themes")))
    var themes: String
    @Option(help: ArgumentHelp(L("Columna de la recomendación 0–10, para el NPS de quienes mencionan cada tema.", "The 0–10 recommendation column, for the NPS of those mentioning each theme."),
                               valueName: L("columna", "column")))
    var nps: String?
    @OptionGroup var design: DesignOptions
    @OptionGroup var reading: ReadingOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let codeframe = try Codeframe(table: try reading.readTable(themes).table, path: themes)
        let data = try AnalysisInput.read(path: input.file, variables: [input.var] + [nps].compactMap { $0 }, options: design, reading: reading)
        let analysis = try ThemeAnalysis(data, variable: input.var, codeframe: codeframe, npsVariable: nps, confidence: design.confidence)
        try input.output.emit(ThemeReport(analysis: analysis, design: data.resolved, designKind: data.design.kind, confidence: design.confidence))
    }
}
