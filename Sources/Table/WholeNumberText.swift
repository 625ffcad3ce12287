/// The decimal digits of a whole number, written one byte at a time without making a String: the
/// CSV writer and the store's answer encoder write millions of small whole numbers.
public enum WholeNumberText {
    /// Calls `emit` with the ASCII bytes of `n` (`-` first when negative), most significant first.
    @inlinable
    public static func forEachByte(of n: Int64, _ emit: (UInt8) -> Void) {
        if n < 0 { emit(UInt8(ascii: "-")) }
        var rest = n.magnitude
        var divisor: UInt64 = 1
        while divisor <= rest / 10 { divisor *= 10 }
        while divisor > 0 {
            emit(UInt8(ascii: "0") + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }
}
