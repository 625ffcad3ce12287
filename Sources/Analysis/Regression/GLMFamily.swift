import Foundation

/// What `glm.fit` needs of a family with its canonical link, exactly as R's C code computes it:
/// binomial with the logit (`binomial()`, clamping η to ±30) and Poisson with the log
/// (`poisson()`, μ at least machine ε). With a design, the same fits are R's
/// `svyglm(family = quasibinomial | quasipoisson)`: the coefficients do not change, the standard
/// errors are the design's sandwich.
struct GLMFamily: Sendable {
    let family: RegressionFit.Family

    static let binomial = GLMFamily(family: .binomial)
    static let poisson = GLMFamily(family: .poisson)

    /// μ from η (`linkinv`).
    func mean(_ eta: Double) -> Double {
        switch family {
        case .poisson: return max(exp(eta), Double.ulpOfOne)
        default:
            let epsilon = Double.ulpOfOne
            let t = eta < -30 ? epsilon : (eta > 30 ? 1 / epsilon : exp(eta))
            return t / (1 + t)
        }
    }

    /// dμ/dη (`mu.eta`).
    func derivative(_ eta: Double) -> Double {
        switch family {
        case .poisson: return max(exp(eta), Double.ulpOfOne)
        default:
            let e = exp(eta), one = 1 + e
            return eta > 30 || eta < -30 ? Double.ulpOfOne : e / (one * one)
        }
    }

    /// η from μ (`linkfun`).
    func link(_ mu: Double) -> Double { family == .poisson ? log(mu) : log(mu / (1 - mu)) }

    /// V(μ).
    func variance(_ mu: Double) -> Double { family == .poisson ? mu : mu * (1 - mu) }

    /// The starting μ (`mustart` of `family$initialize`).
    func start(_ y: Double, prior: Double) -> Double { family == .poisson ? y + 0.1 : (prior * y + 0.5) / (prior + 1) }

    /// The unit deviance d(y, μ), summed with the prior weights into the deviance.
    func unitDeviance(_ y: Double, _ mu: Double) -> Double {
        switch family {
        case .poisson: return 2 * ((y > 0 ? y * log(y / mu) : 0) - (y - mu))
        default: return y == 1 ? -2 * log(mu) : -2 * log(1 - mu)
        }
    }

    /// μ of the null model without an intercept (η = 0).
    var interceptFreeNull: Double { family == .poisson ? 1 : 0.5 }

    /// AIC = −2 log L + 2p (`family$aic`): binomial with 0/1 answers −2 log L = deviance; Poisson
    /// −2 Σ w (y log μ − μ − log y!).
    func aic(deviance: Double, y: [Double], mu: [Double], prior: [Double], parameters: Int) -> Double {
        switch family {
        case .poisson:
            var total = 0.0
            for i in y.indices { total += -2 * prior[i] * (y[i] * log(mu[i]) - mu[i] - lgamma(y[i] + 1)) }
            return total + 2 * Double(parameters)
        default: return deviance + 2 * Double(parameters)
        }
    }
}
