import Hummingbird

/// The request context of the web form: Hummingbird's, plus the address of the connection's other end
/// (for the login throttle, ``LoginThrottle``; behind a reverse proxy, the proxy's).
public struct ServerContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The peer's IP address, or nil (a test without a socket).
    public let peerAddress: String?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        peerAddress = source.channel.remoteAddress?.ipAddress
    }
}
