import Foundation

/// What a test needs to fill the web form over HTTP, as a browser would: the CSRF token of a page,
/// the first cookie a response sets, and a form body.
public enum WebForm {
    /// The value of the page's hidden `csrf` field.
    public static func csrf(_ body: String) -> String {
        let marker = "name=\"csrf\" value=\""
        let start = body.range(of: marker)!.upperBound
        return String(body[start...].prefix { $0 != "\"" })
    }

    /// `name=value` of the first `Set-Cookie` header, as the next request sends it back.
    public static func cookie(_ setCookie: [String]) -> String? {
        setCookie.first?.split(separator: ";").first.map(String.init)
    }

    /// An `application/x-www-form-urlencoded` body.
    public static func body(_ fields: [(String, String)]) -> String {
        fields.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
    }
}
