import Diagnostics

/// The one page template of Sondeo: the survey report, the segment map, the PQRSL report, the
/// questionnaire preview, the web form and the staff pages are all this page with their own body and
/// the one stylesheet (``Stylesheet``).
public enum Page {
    /// A page that stands alone (a report sent by e-mail or printed): the stylesheet inside it,
    /// nothing loaded from anywhere.
    public static func document(title: String, body: String) -> String {
        page(title: title, head: "<style>\n\(Stylesheet.css)\n\(printedPage(title: title))\n</style>", bodyClass: "documento", body: body)
    }

    /// The printed page (CSS paged media, which Chromium prints): A4, the title as a running header
    /// and «Página n de N» at the foot of every page.
    static func printedPage(title: String) -> String {
        let header = cssString(title)
        let footer = L("\"Página \" counter(page) \" de \" counter(pages)", "\"Page \" counter(page) \" of \" counter(pages)")
        return """
        @page{size:A4;margin:18mm 14mm 16mm;@top-left{content:\(header);font:8pt sans-serif;color:#555}
          @bottom-right{content:\(footer);font:8pt sans-serif;color:#555}}
        """
    }

    /// A CSS string literal of `text`, safe inside a `<style>` element.
    static func cssString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"", "\\": out += "\\" + String(scalar)
            case "\n", "\r": out += "\\A "
            case "<": out += "\\3C "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// A page of the web server: the stylesheet and scripts are its own files (`/static/…`), as the
    /// content security policy asks (no inline style or script).
    /// `wide`: a page of tables (the PQRSL desk) up to 1,100 px instead of a form's 720.
    public static func served(title: String, body: String, stylesheet: String = "/static/sondeo.css", wide: Bool = false) -> String {
        page(title: title, head: "<link rel=\"stylesheet\" href=\"\(HTML.escape(stylesheet))\">", bodyClass: "formulario", body: "<main\(wide ? " class=\"ancha\"" : "")>\n\(body)\n</main>")
    }

    private static func page(title: String, head: String, bodyClass: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(Language.current.rawValue)"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTML.escape(title))</title>
        \(head)
        </head><body class="\(bodyClass)">
        \(body)
        </body></html>
        """
    }
}
