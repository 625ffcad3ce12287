/// Text made safe for HTML: every label, answer and comment a page shows goes through here, so that
/// `<script>` typed by a respondent is shown, never run.
public enum HTMLText {
    /// `&`, `<`, `>`, `"` and `'` as entities (safe in element content and quoted attributes).
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }
}
