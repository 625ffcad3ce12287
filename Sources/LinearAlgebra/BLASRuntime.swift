#if canImport(Glibc)
import Glibc
#endif

/// The number of threads the BLAS library uses. OpenBLAS reads `OPENBLAS_NUM_THREADS` at start;
/// this looks its functions up at run time (`dlsym`), so the binary still runs on netlib BLAS.
public enum BLASRuntime {
    private typealias GetThreads = @convention(c) () -> Int32
    private typealias SetThreads = @convention(c) (Int32) -> Void

    /// OpenBLAS's thread count, or nil when the BLAS in use is not OpenBLAS.
    public static var threads: Int? {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "openblas_get_num_threads") else { return nil }
        return Int(unsafeBitCast(symbol, to: GetThreads.self)())
    }

    /// Sets OpenBLAS's thread count (`sondeo --threads N`); no effect on other BLAS libraries.
    public static func setThreads(_ count: Int) {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "openblas_set_num_threads") else { return }
        unsafeBitCast(symbol, to: SetThreads.self)(Int32(count))
    }
}
