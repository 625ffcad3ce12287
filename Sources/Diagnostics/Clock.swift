import Foundation

/// Where "now" comes from: the system clock for people, a fixed or stepped one for tests. Every
/// workflow that stamps a time (claims, interview starts and ends, sessions) takes one, instead of
/// reading the system clock where it stands.
public struct Clock: Sendable {
    public let now: @Sendable () -> Date

    public init(now: @escaping @Sendable () -> Date) { self.now = now }

    /// The machine's clock.
    public static let system = Clock { Date() }

    /// A clock stopped at `date`.
    public static func fixed(_ date: Date) -> Clock { Clock { date } }

    /// Now as the store writes times: ISO 8601 in UTC with milliseconds, so that texts sort as times.
    public var timestamp: String { Self.timestamp(now()) }

    /// `seconds` from now, as the store writes times.
    public func timestamp(after seconds: TimeInterval) -> String { Self.timestamp(now().addingTimeInterval(seconds)) }

    public static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }
}
