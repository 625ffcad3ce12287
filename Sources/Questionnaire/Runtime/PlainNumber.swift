/// A number as the questionnaire's texts, expressions and stored answers write it: whole numbers
/// without decimals (`9`, not `9.0`), others with the shortest text that reads back the same (`3.5`).
public enum PlainNumber {
    public static func text(_ x: Double) -> String { x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : String(x) }
}
