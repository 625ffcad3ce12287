import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// A small SMTP client (RFC 5321) on SwiftNIO: one connection, EHLO, STARTTLS (RFC 3207) or TLS from
/// the start, AUTH PLAIN (RFC 4616) over TLS only, then each message with MAIL FROM, RCPT TO and DATA.
/// A message the server refuses (an unknown mailbox) does not stop the others: its result says why,
/// and the session goes on after RSET.
public struct SMTPClient: Sendable {
    public let server: SMTPServer
    public let from: String
    public let fromName: String?

    public init(server: SMTPServer, from: String, fromName: String? = nil) {
        self.server = server
        self.from = from
        self.fromName = fromName
    }

    /// Sends the messages in one session; each gets its result (nil: accepted). `progress` is told after each.
    public func send(_ messages: [MailMessage], progress: @Sendable (Int) -> Void = { _ in }) async throws(MailError) -> [MailError?] {
        let channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>
        do {
            let tls = server.security == .tls ? try tlsContext() : nil
            let host = server.host
            channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connectTimeout(.seconds(10))
                .connect(host: server.host, port: server.port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        if let tls { try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: tls, serverHostname: host)) }
                        return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                    }
                }
        } catch let error as MailError {
            throw error
        } catch {
            throw .cannotConnect(host: server.host, port: server.port, reason: String(describing: error))
        }
        do {
            return try await channel.executeThenClose { inbound, outbound in
                var session = Session(inbound: inbound.makeAsyncIterator(), outbound: outbound)
                _ = try await session.expect(220, after: "la conexión")
                var extensions = try await session.command("EHLO \(Self.heloName)", expect: 250)
                if server.security == .startTLS {
                    guard extensions.contains(where: { $0.uppercased().hasPrefix("STARTTLS") }) else { throw MailError.noStartTLS(host: server.host) }
                    _ = try await session.command("STARTTLS", expect: 220)
                    let context = try tlsContext(), host = server.host, raw = channel.channel
                    try await raw.eventLoop.submit {
                        try raw.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: context, serverHostname: host), position: .first)
                    }.get()
                    extensions = try await session.command("EHLO \(Self.heloName)", expect: 250)
                }
                if let username = server.username, let password = server.password {
                    let token = Data("\u{0}\(username)\u{0}\(password)".utf8).base64EncodedString()
                    _ = try await session.command("AUTH PLAIN \(token)", expect: 235, shown: "AUTH PLAIN")
                }
                var results: [MailError?] = []
                for (index, message) in messages.enumerated() {
                    do {
                        _ = try await session.command("MAIL FROM:<\(from)>", expect: 250)
                        _ = try await session.command("RCPT TO:<\(message.to)>", expect: 250, alternatively: 251)
                        _ = try await session.command("DATA", expect: 354)
                        let domain = from.split(separator: "@").last.map(String.init) ?? "sondeo"
                        _ = try await session.command(message.data(from: from, fromName: fromName, domain: domain, date: Date()) + ".", expect: 250, shown: "DATA")
                        results.append(nil)
                    } catch let error as MailError {
                        results.append(error)
                        _ = try? await session.command("RSET", expect: 250)
                    }
                    progress(index + 1)
                }
                _ = try? await session.command("QUIT", expect: 221)
                return results
            }
        } catch let error as MailError {
            throw error
        } catch {
            throw .cannotConnect(host: server.host, port: server.port, reason: String(describing: error))
        }
    }

    static var heloName: String { ProcessInfo.processInfo.hostName.isEmpty ? "sondeo" : ProcessInfo.processInfo.hostName }

    /// TLS that checks the server's certificate and name against the system's authorities (and the
    /// file of ``SMTPServer/trustedCertificates``).
    func tlsContext() throws -> NIOSSLContext {
        var configuration = TLSConfiguration.makeClientConfiguration()
        if let file = server.trustedCertificates {
            configuration.additionalTrustRoots = [.file(file)]
        }
        return try NIOSSLContext(configuration: configuration)
    }

    /// The conversation: commands out, replies (possibly several lines, `250-…` then `250 …`) in.
    struct Session {
        var inbound: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
        let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
        var pending = ""

        /// Sends a command and reads its reply; the reply's lines, or a refusal.
        mutating func command(_ text: String, expect code: Int, alternatively other: Int? = nil, shown: String? = nil) async throws -> [String] {
            try await outbound.write(ByteBuffer(string: text + "\r\n"))
            return try await expect(code, alternatively: other, after: shown ?? text)
        }

        mutating func expect(_ code: Int, alternatively other: Int? = nil, after command: String) async throws -> [String] {
            var lines: [String] = []
            while true {
                let line = try await nextLine(after: command)
                lines.append(String(line.dropFirst(4)))
                guard line.count >= 4, line[line.index(line.startIndex, offsetBy: 3)] == "-" else {
                    let got = Int(line.prefix(3)) ?? 0
                    guard got == code || got == other else { throw MailError.refused(command: command, code: got, text: lines.joined(separator: " ")) }
                    return lines
                }
            }
        }

        mutating func nextLine(after command: String) async throws -> String {
            while true {
                if let end = pending.range(of: "\r\n") {
                    let line = String(pending[..<end.lowerBound])
                    pending.removeSubrange(..<end.upperBound)
                    return line
                }
                guard var buffer = try await inbound.next() else {
                    throw MailError.refused(command: command, code: 0, text: "la conexión se cerró")
                }
                pending += buffer.readString(length: buffer.readableBytes) ?? ""
            }
        }
    }
}
