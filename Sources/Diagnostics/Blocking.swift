import Foundation

/// Runs asynchronous work from a synchronous command and waits for its result: the web server until
/// it stops, a batch of e-mails until the last one is answered.
public func waitFor<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) throws -> T {
    let outcome = BlockingOutcome<T>()
    let done = DispatchSemaphore(value: 0)
    Task {
        do { outcome.result = .success(try await work()) } catch { outcome.result = .failure(error) }
        done.signal()
    }
    done.wait()
    return try outcome.result!.get()
}

/// The result handed from the task to the waiting thread (written before the semaphore is signalled).
private final class BlockingOutcome<T>: @unchecked Sendable { var result: Result<T, any Error>? }
