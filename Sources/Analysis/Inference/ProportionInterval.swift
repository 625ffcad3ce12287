import Foundation
import Distributions

/// Confidence intervals for a proportion, as R's `svyciprop` computes them (Lumley, `survey`
/// `R/svyttest.R`; Korn & Graubard, "Confidence intervals for proportions with small expected number
/// of positive counts estimated from survey data", *Survey Methodology* 24, 1998). Design-based methods
/// use the t quantile with the domain's degrees of freedom.
public enum ProportionMethod: String, Sendable, CaseIterable {
    /// Wald interval on the log-odds, back-transformed (R's default `logit`).
    case logit
    /// Profile-likelihood interval of the quasi-binomial intercept, with the design's effect on the
    /// variance (R's `likelihood`).
    case likelihood
    /// The same by the delta method on logit(p̂) (R's `xlogit`; equal to `logit` for linearised designs).
    case xlogit
    /// Korn–Graubard: Clopper–Pearson with the effective sample size p̂(1 − p̂)/V̂ (R's `beta`).
    case beta
    /// p̂ ± t·SE (R's `mean`).
    case mean
    /// Wald interval on asin(√p̂), back-transformed (R's `asin`).
    case asin
    /// Wilson score interval. Design-based with the effective sample size and t_df; for unweighted
    /// simple random samples the classical Wilson interval on the counts (R's `prop.test(correct = FALSE)`).
    case wilson
    /// Exact binomial interval on the counts (R's `binom.test`); unweighted simple random samples only.
    case clopperPearson = "clopper-pearson"
}

enum ProportionInterval {
    /// The interval for p̂ with design variance `variance`, domain degrees of freedom `df` and `rows`
    /// rows in the domain (for Korn–Graubard's t ratio).
    static func designBased(_ method: ProportionMethod, p: Double, variance: Double, df: Int, rows: Int, n: Int,
                            confidence: Double) -> (Double, Double) {
        let alpha = 1 - confidence
        let t = df > 0 ? StudentT.quantile(1 - alpha / 2, df: Double(df)) : .nan
        let se = variance.squareRoot()
        switch method {
        case .mean:
            return (p - t * se, p + t * se)
        case .logit, .xlogit:
            let eta = log(p / (1 - p)), seEta = se / (p * (1 - p))
            return (expit(eta - t * seEta), expit(eta + t * seEta))
        case .asin:
            let eta = asin(p.squareRoot()), seEta = se / (2 * (p * (1 - p)).squareRoot())
            return (pow2(sin(eta - t * seEta)), pow2(sin(eta + t * seEta)))
        case .beta:
            var nEff = p * (1 - p) / variance
            let ratio = StudentT.quantile(alpha / 2, df: Double(rows - 1)) / StudentT.quantile(alpha / 2, df: Double(df))
            nEff *= ratio * ratio
            return (Beta.quantile(alpha / 2, a: nEff * p, b: nEff * (1 - p) + 1),
                    Beta.quantile(1 - alpha / 2, a: nEff * p + 1, b: nEff * (1 - p)))
        case .wilson:
            return wilson(p: p, n: p * (1 - p) / variance, quantile: t)
        case .likelihood:
            return likelihood(p: p, variance: variance, n: Double(n), t: t)
        case .clopperPearson:
            return (.nan, .nan)
        }
    }

    /// The profile-likelihood interval of R's `svyciprop(method = "likelihood")`: the intercept β of a
    /// quasi-binomial GLM with weights scaled to mean 1 has deviance D(β) = 2n[p̂ log(p̂/μ) + (1 − p̂)
    /// log((1 − p̂)/(1 − μ))] above its minimum, μ = expit(β); the bounds solve D(β) = φ·t²·λ, with the
    /// dispersion φ = n/(n − 1) (`svyvar` of the Pearson residuals), λ = design variance / model
    /// variance of β̂ = V̂·n/(p̂(1 − p̂)) and t the t_df quantile (`survey:::confint.svyglm`). R finds the
    /// bounds by spline interpolation over ten profile points; here they are solved exactly, so the two
    /// agree to about 1e-6.
    static func likelihood(p: Double, variance: Double, n: Double, t: Double) -> (Double, Double) {
        guard p > 0 && p < 1 && n > 1 else { return (.nan, .nan) }
        let lambda = variance * n / (p * (1 - p))
        let target = n / (n - 1) * t * t * lambda
        let center = log(p / (1 - p))
        func excess(_ beta: Double) -> Double {
            let mu = expit(beta)
            return 2 * n * (p * log(p / mu) + (1 - p) * log((1 - p) / (1 - mu))) - target
        }
        func root(_ inside: Double, _ direction: Double) -> Double {
            var step = 0.5, outside = inside + direction * step
            while excess(outside) < 0 && step < 100 { step *= 2; outside = inside + direction * step }
            var a = inside, b = outside
            for _ in 0..<200 {
                let middle = (a + b) / 2
                if excess(middle) < 0 { a = middle } else { b = middle }
                if abs(b - a) < 1e-15 * max(1, abs(middle)) { break }
            }
            return (a + b) / 2
        }
        return (expit(root(center, -1)), expit(root(center, 1)))
    }

    /// Wilson's score interval: [p̂ + q²/2n ± q·√(p̂(1 − p̂)/n + q²/4n²)] / (1 + q²/n)
    /// (Wilson 1927; Brown, Cai & DasGupta, *Statistical Science* 16, 2001, eq. 4).
    static func wilson(p: Double, n: Double, quantile q: Double) -> (Double, Double) {
        let q2 = q * q
        let center = (p + q2 / (2 * n)) / (1 + q2 / n)
        let half = q / (1 + q2 / n) * (p * (1 - p) / n + q2 / (4 * n * n)).squareRoot()
        return (center - half, center + half)
    }

    /// Clopper–Pearson: [B⁻¹(α/2; x, n − x + 1), B⁻¹(1 − α/2; x + 1, n − x)], with 0 and 1 at the ends.
    static func clopperPearson(successes x: Double, n: Double, confidence: Double) -> (Double, Double) {
        let alpha = 1 - confidence
        let lower = x == 0 ? 0 : Beta.quantile(alpha / 2, a: x, b: n - x + 1)
        let upper = x == n ? 1 : Beta.quantile(1 - alpha / 2, a: x + 1, b: n - x)
        return (lower, upper)
    }

    static func expit(_ x: Double) -> Double { exp(x) / (1 + exp(x)) }
    private static func pow2(_ x: Double) -> Double { x * x }
}
