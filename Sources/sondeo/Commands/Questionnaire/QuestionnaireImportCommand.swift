import ArgumentParser
import Diagnostics
import Foundation
import Questionnaire
import Survey
import Table

/// `sondeo questionnaire import FORM.xlsx --out FORM.encuesta [--language L]`.
struct QuestionnaireImportCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "import",
            abstract: L("Convierte un XLSForm de KoboToolbox u ODK (.xlsx, o la carpeta de survey.csv, choices.csv y settings.csv de pyxform) en un cuestionario .encuesta y dice, con hoja y fila, lo que no se pudo convertir.",
                        "Convert a KoboToolbox or ODK XLSForm (.xlsx, or pyxform's folder of survey.csv, choices.csv and settings.csv) into a .encuesta questionnaire, saying with sheet and row what could not be converted."),
            discussion: HelpText.discussion([
                L("Convierte tipos, listas, condiciones (relevant), restricciones con su mensaje, cálculos, grupos, opciones en cascada (choice_filter), «or_other», ayudas (hint) e instrucciones (guidance_hint), con los textos de un idioma (--language, si no el predeterminado). Lo que no convierte (grupos que se repiten, fotos, GPS, hora, valores por defecto…) queda en la lista de notas. El resultado se revisa con «questionnaire check» antes de escribirlo.",
                  "Converts types, lists, conditions (relevant), constraints with their message, calculations, groups, cascading choices (choice_filter), «or_other», hints and guidance, with the texts of one language (--language, else the default). What it does not convert (repeats, photos, GPS, time, defaults…) is in the list of notes. The result is checked with «questionnaire check» before it is written."),
            ], examples: [
                "sondeo questionnaire import formulario_kobo.xlsx --out satisfaccion.encuesta",
                "sondeo questionnaire import formulario.xlsx --language English --out form.encuesta",
                "sondeo questionnaire import xlsform/ --out satisfaccion.encuesta",
            ])
        )
    }

    @Argument(help: ArgumentHelp(L("Libro XLSForm (.xlsx) con las hojas survey, choices y settings.", "XLSForm workbook (.xlsx) with the survey, choices and settings sheets."),
                                 valueName: L("libro", "workbook")))
    var workbook: String
    @Option(help: ArgumentHelp(L("Archivo .encuesta de salida; por defecto la pantalla.", "Output .encuesta file; the screen by default."), valueName: L("salida", "output")))
    var out: String?
    @Option(help: ArgumentHelp(L("Idioma de los textos (p. ej. Español o English), si el formulario tiene varios.", "Language of the texts (e.g. Español or English), when the form has several."),
                               valueName: L("idioma", "language")))
    var language: String?
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        let ext = (workbook as NSString).pathExtension.lowercased()
        if ext == "xls" {
            throw ValidationError(L("\(workbook) es un libro de Excel 97-2003 (.xls): ábralo en Excel o LibreOffice y guárdelo como .xlsx",
                                    "\(workbook) is an Excel 97-2003 workbook (.xls): open it in Excel or LibreOffice and save it as .xlsx"))
        }
        if let out { try OutputPath.require(out, oneOf: [.encuesta]) }
    }

    func run() throws {
        let result = try QuestionnaireImporting.run(workbook: workbook, out: out, language: language)
        if let out {
            try TextFile.write(result.text, to: out)
        } else {
            print(result.text, terminator: "")
        }
        if !result.notes.isEmpty {
            var table = TextTable(headers: [L("hoja", "sheet"), L("fila", "row"), L("lo que no se convirtió o cambió", "what was not converted or changed")])
            for note in result.notes { table.append([note.sheet, String(note.line), L(note.spanish, note.english)]) }
            Terminal.error(table.rendered())
        }
        for d in result.diagnostics where d.severity == .error { Terminal.error(DiagnosticRenderer.render(d, language: Localization.language)) }
        let target = out ?? L("la salida", "the output")
        let notes = NumberText.count(result.notes.count, L("nota", "note"), L("notas", "notes"))
        if result.errors > 0 {
            Terminal.error(L("Escrito \(target) con \(notes) de conversión; tiene \(NumberText.count(result.errors, "error", "errores")) que se corrigen en el texto (sondeo questionnaire check).",
                             "Wrote \(target) with \(notes) from the conversion; it has \(NumberText.count(result.errors, "error", "errors")) to fix in the text (sondeo questionnaire check)."))
            throw ExitCode(1)
        }
        Terminal.error(L("Escrito \(target) con \(notes) de conversión; revisado sin errores.", "Wrote \(target) with \(notes) from the conversion; checked without errors."))
    }
}
