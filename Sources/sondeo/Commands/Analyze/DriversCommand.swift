import Survey
import Diagnostics
import Analysis
import ArgumentParser
import Foundation
import Table

/// `sondeo analyze drivers FILE --outcome satisf_general --drivers a,b,c`: key-driver analysis.
struct DriversCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "drivers",
            abstract: L("Factores clave: qué atributos del servicio explican más la satisfacción (pesos relativos de Johnson) y cómo le va a cada uno (cuadrante importancia–desempeño).",
                        "Key drivers: which service attributes explain satisfaction most (Johnson's relative weights) and how each performs (importance–performance quadrant)."),
            discussion: HelpText.discussion([
                L("La importancia es el peso relativo de Johnson (2000): reparte el R² del modelo entre los atributos aunque estén correlacionados, y suma el R². El desempeño es la media de cada atributo según el diseño. Cuadrantes, frente a la importancia media (1/k) y al desempeño medio: «mejorar» (importante y bajo), «mantener» (importante y alto), «vigilar» (menos importante y bajo), «posible exceso» (menos importante y alto).",
                  "Importance is Johnson's (2000) relative weight: it splits the model's R² among the attributes even when they are correlated, and adds up to R². Performance is each attribute's design-based mean. Quadrants, against the mean importance (1/k) and the mean performance: «improve» (important, low), «maintain» (important, high), «monitor» (less important, low), «surplus» (less important, high)."),
            ], examples: [
                "sondeo analyze drivers respuestas.csv --outcome satisf_general --drivers amabilidad,tiempo_espera,claridad_info,instalaciones,precio --strata categoria",
            ])
        )
    }

    @Argument(help: ArgumentHelp(L("Archivo de respuestas (CSV).", "Responses file (CSV)."), valueName: L("archivo", "file")))
    var file: String
    @Option(help: ArgumentHelp(L("Resultado global (p. ej. satisf_general o nps).", "Overall outcome (e.g. satisf_general or nps)."), valueName: L("columna", "column")))
    var outcome: String
    @Option(help: ArgumentHelp(L("Atributos, separados por comas.", "Attributes, comma-separated."), valueName: L("columnas", "columns")))
    var drivers: String
    @OptionGroup var output: ResultOutput
    @OptionGroup var design: DesignOptions
    @OptionGroup var reading: ReadingOptions
    @OptionGroup var global: GlobalOptions

    var driverNames: [String] { TextLines.list(drivers) }

    func validate() throws {
        try ModelOptions.refuseGroups(design)
        guard driverNames.count >= 2 else {
            throw ValidationError(L("--drivers necesita al menos dos atributos separados por comas", "--drivers needs at least two comma-separated attributes"))
        }
    }

    func run() throws {
        let data = try AnalysisInput.read(path: file, variables: [outcome] + driverNames, options: design, reading: reading)
        let analysis = try KeyDrivers(table: data.table, outcome: outcome, drivers: driverNames, design: data.design)
        try output.emit(DriversReport(analysis: analysis, input: data, confidence: design.confidence))
    }
}
