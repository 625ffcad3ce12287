import Distributions
import SondeoTestSupport
import Testing

/// libRmath against the digits R prints (`sprintf("%.17g", …)` in R 4.2, Debian 12).
@Suite struct DistributionsTests {
    @Test("normal")
    func normal() {
        expectClose(Normal.quantile(0.975), 1.9599639845400536, rtol: 1e-15)        // qnorm(0.975)
        expectClose(Normal.cdf(1.96), 0.97500210485177963, rtol: 1e-15)             // pnorm(1.96)
        expectClose(Normal.cdf(-8), 6.2209605742717849e-16, rtol: 1e-14)            // pnorm(-8)
        expectClose(Normal.upperTail(8), 6.2209605742717849e-16, rtol: 1e-14)       // pnorm(8, lower = FALSE)
        expectClose(Normal.density(0.5), 0.35206532676429952, rtol: 1e-15)          // dnorm(0.5)
    }

    @Test("Student's t")
    func studentT() {
        expectClose(StudentT.quantile(0.975, df: 10), 2.2281388519862739, rtol: 1e-15)  // qt(0.975, 10)
        expectClose(StudentT.cdf(2.5, df: 7), 0.97950389070712363, rtol: 1e-15)        // pt(2.5, 7)
        expectClose(StudentT.twoSidedP(2.1, df: 30), 0.044242471262323529, rtol: 1e-14) // 2 * pt(-2.1, 30)
    }

    @Test("chi-square and F")
    func chiSquareAndF() {
        expectClose(ChiSquared.quantile(0.95, df: 3), 7.8147279032511792, rtol: 1e-15)          // qchisq(0.95, 3)
        expectClose(ChiSquared.upperTail(3.84, df: 1), 0.050043521248705224, rtol: 1e-14)       // pchisq(3.84, 1, lower.tail = FALSE)
        expectClose(FisherF.quantile(0.95, df1: 2, df2: 847), 3.0063528287355461, rtol: 1e-14)  // qf(0.95, 2, 847)
        expectClose(FisherF.upperTail(3.1, df1: 4, df2: 120), 0.01813051082324716, rtol: 1e-13) // pf(3.1, 4, 120, lower.tail = FALSE)
    }

    @Test("beta")
    func beta() {
        expectClose(Beta.quantile(0.025, a: 19, b: 3), 0.69622559308607579, rtol: 1e-14)  // qbeta(0.025, 19, 3)
        // pbeta(0.3, 2, 5) = 1 − (1 − x)^5 (1 + 5x) by hand: 1 − 0.16807·2.5 = 0.579825
        expectClose(Beta.cdf(0.3, a: 2, b: 5), 0.579825, rtol: 1e-14)
    }
}
