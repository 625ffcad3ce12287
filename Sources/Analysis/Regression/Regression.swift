import Foundation
import Distributions
import LinearAlgebra

/// Linear and logistic regression on the QR core of ``LeastSquares`` (LAPACK), as R fits them:
/// `lm` and `glm(family = binomial)` without a design; with a sampling design, `survey::svyglm`
/// (gaussian or quasibinomial): the coefficients weighted by the sampling weights and the standard
/// errors by the linearised sandwich V = A⁻¹ · V̂_design(Σ U_i) · A⁻¹ with A = XᵀWX and U_i the
/// score of row i (Binder 1983; Lumley, *Complex Surveys*, 2010, §5.2; `survey:::svy.varcoef`).
public enum Regression {
    /// `lm(formula)`, or `svyglm(formula, design)` (gaussian) when a design is given.
    public static func linear(_ model: ModelMatrix, design: SurveyDesign? = nil) throws -> RegressionFit {
        let weights = design.map { d in model.rows.map { d.weights[$0] } }
        let wls = try weightedLeastSquares(model.x, model.y, weights: weights)
        let n = model.rows.count, p = wls.kept.count
        let fitted = try predict(model.x, wls.kept, wls.beta)
        let residuals = zip(model.y, fitted).map { $0 - $1 }
        let w = weights ?? [Double](repeating: 1, count: n)
        let rss = zip(residuals, w).reduce(0) { $0 + $1.1 * $1.0 * $1.0 }
        // summary.lm: mss about the weighted mean of the fitted values (about 0 without intercept).
        let wTotal = w.reduce(0, +)
        let center = model.formula.intercept ? zip(fitted, w).reduce(0) { $0 + $1.0 * $1.1 } / wTotal : 0
        let mss = zip(fitted, w).reduce(0) { $0 + $1.1 * ($1.0 - center) * ($1.0 - center) }
        let interceptDF = model.formula.intercept ? 1 : 0
        let r2 = mss / (mss + rss)

        if let design {
            let (covariance, df) = try sandwich(model, design: design, kept: wls.kept, unscaled: wls.unscaled,
                                                scores: zip(w, residuals).map { $0 * $1 }, beta: wls.beta) { [kept = wls.kept] replicate in
                (try normalEquations(model.x, model.y, weights: model.rows.map { replicate.weights[$0] }, kept: kept), kept, Matrix(rows: 0, columns: 0))
            }
            var fit = assemble(model, family: .gaussian, designBased: true, beta: wls.beta, kept: wls.kept,
                               covariance: covariance, residualDF: df, usesT: true)
            fit.r2 = r2
            try waldF(&fit, intercept: model.formula.intercept)
            return fit
        }
        let rdf = n - p
        let variance = rss / Double(rdf)
        let covariance = Matrix(rows: p, columns: p, values: wls.unscaled.values.map { $0 * variance })
        var fit = assemble(model, family: .gaussian, designBased: false, beta: wls.beta, kept: wls.kept,
                           covariance: covariance, residualDF: rdf, usesT: true)
        fit.r2 = r2
        fit.adjustedR2 = 1 - (1 - r2) * Double(n - interceptDF) / Double(rdf)
        fit.sigma = variance.squareRoot()
        let numerator = p - interceptDF
        if numerator > 0 {
            let f = (mss / Double(numerator)) / variance
            fit.f = f
            fit.fDF = (numerator, rdf)
            fit.fP = FisherF.upperTail(f, df1: Double(numerator), df2: Double(rdf))
        }
        return fit
    }

    /// `glm(formula, family = binomial)`, or `svyglm(formula, design, family = quasibinomial)` when a
    /// design is given (see ``generalized(_:design:family:)``).
    public static func logistic(_ model: ModelMatrix, design: SurveyDesign? = nil) throws -> RegressionFit {
        try generalized(model, design: design, family: .binomial)
    }

    /// `glm(formula, family = poisson)` of a count, or `svyglm(formula, design, family = quasipoisson)`
    /// when a design is given: log-linear rates, whose exponentiated coefficients are rate ratios.
    public static func poisson(_ model: ModelMatrix, design: SurveyDesign? = nil) throws -> RegressionFit {
        if let i = model.y.firstIndex(where: { $0 < 0 }) { throw RegressionError.negativeCount(column: model.formula.response, value: model.y[i]) }
        return try generalized(model, design: design, family: .poisson)
    }

    /// A generalised linear model by iteratively reweighted least squares exactly as `glm.fit` runs
    /// it: start from the family's μ, working response z = η + (y − μ)/(dμ/dη), working weights
    /// w·(dμ/dη)²/V(μ), stop when |D − D_old|/(|D| + 0.1) < 10⁻⁸, at most 25 iterations
    /// (`glm.control`). The design's weights enter rescaled to mean 1 over the design's rows
    /// (`svyglm(rescale = TRUE)`), which changes the deviance only.
    static func generalized(_ model: ModelMatrix, design: SurveyDesign?, family: GLMFamily) throws -> RegressionFit {
        let n = model.rows.count, y = model.y
        let prior: [Double]
        if let design {
            let mean = design.weights.reduce(0, +) / Double(design.rowCount)
            prior = model.rows.map { design.weights[$0] / mean }
        } else {
            prior = [Double](repeating: 1, count: n)
        }
        func deviance(_ mu: [Double]) -> Double {
            var total = 0.0
            for i in 0..<n { total += prior[i] * family.unitDeviance(y[i], mu[i]) }
            return total
        }
        var mu = (0..<n).map { family.start(y[$0], prior: prior[$0]) }
        var eta = mu.map(family.link)
        var devOld = deviance(mu)
        var converged = false
        var iterations = 0
        var last: (beta: [Double], kept: [Int], unscaled: Matrix, working: [Double])?
        while iterations < 25 {
            iterations += 1
            let derivative = eta.map(family.derivative)
            let z = (0..<n).map { eta[$0] + (y[$0] - mu[$0]) / derivative[$0] }
            // Working weights w·(dμ/dη)²/V(μ) (w·μ(1 − μ) for the logit link, w·μ for the log).
            let working = (0..<n).map { i in prior[i] * derivative[i] * derivative[i] / family.variance(mu[i]) }
            let wls = try weightedLeastSquares(model.x, z, weights: working)
            last = (wls.beta, wls.kept, wls.unscaled, working)
            eta = try predict(model.x, wls.kept, wls.beta)
            mu = eta.map(family.mean)
            let dev = deviance(mu)
            if abs(dev - devOld) / (abs(dev) + 0.1) < 1e-8 {
                converged = true
                devOld = dev
                break
            }
            devOld = dev
        }
        guard let fitted = last else { throw RegressionError.noConvergence(iterations: iterations) }
        if family.family == .binomial, let terms = separatingTerms(model, fitted.kept, fitted.beta, mu: mu) { throw RegressionError.separation(terms: terms) }
        guard converged else { throw RegressionError.noConvergence(iterations: iterations) }

        let p = fitted.kept.count
        // The null model: the weighted mean (or μ = ½ without intercept).
        let wTotal = prior.reduce(0, +)
        let nullMu = model.formula.intercept ? zip(prior, y).reduce(0) { $0 + $1.0 * $1.1 } / wTotal : family.interceptFreeNull
        let nullDeviance = deviance([Double](repeating: nullMu, count: n))
        var fit: RegressionFit
        if let design {
            // Scores: x · (working residual (y − μ)/μ(1 − μ)) · working weight of the last iteration.
            let scores = (0..<n).map { i in (y[i] - mu[i]) / family.derivative(eta[i]) * fitted.working[i] }
            let (covariance, df) = try sandwich(model, design: design, kept: fitted.kept, unscaled: fitted.unscaled, scores: scores,
                                                beta: fitted.beta) { replicate in
                let refit = try generalized(model, design: replicate, family: family)
                let estimates = refit.coefficients.compactMap(\.estimate)
                return (estimates, fitted.kept, fitted.unscaled)
            }
            fit = assemble(model, family: family.family, designBased: true, beta: fitted.beta, kept: fitted.kept,
                           covariance: covariance, residualDF: df, usesT: true)
        } else {
            fit = assemble(model, family: family.family, designBased: false, beta: fitted.beta, kept: fitted.kept,
                           covariance: fitted.unscaled, residualDF: n - p, usesT: false)
            fit.aic = family.aic(deviance: devOld, y: y, mu: mu, prior: prior, parameters: p)
        }
        fit.deviance = devOld
        fit.nullDeviance = nullDeviance
        fit.iterations = iterations
        return fit
    }

    // MARK: - The pieces

    /// β̂ of y on the columns of X weighted by `weights` (QR of √w·X), the columns kept by R's rank rule,
    /// and (XᵀWX)⁻¹.
    static func weightedLeastSquares(_ x: Matrix, _ y: [Double], weights: [Double]?) throws -> (beta: [Double], kept: [Int], unscaled: Matrix) {
        var xs = x, ys = y
        if let weights {
            let roots = weights.map { $0.squareRoot() }
            for j in 0..<x.columns {
                let offset = j * x.rows
                for i in 0..<x.rows { xs.values[offset + i] *= roots[i] }
            }
            for i in ys.indices { ys[i] *= roots[i] }
        }
        let (fit, kept) = try LeastSquares.droppingAliased(x: xs, y: ys)
        return (fit.coefficients, kept, try fit.unscaledCovariance())
    }

    /// X·β over the kept columns.
    static func predict(_ x: Matrix, _ kept: [Int], _ beta: [Double]) throws -> [Double] {
        var result = [Double](repeating: 0, count: x.rows)
        for (b, j) in zip(beta, kept) {
            let offset = j * x.rows
            for i in 0..<x.rows { result[i] += b * x.values[offset + i] }
        }
        return result
    }

    /// The design-based covariance A⁻¹ V̂(Σ U) A⁻¹, computed as R does: the linearised values
    /// h_i = s_i · x_iᵀ A⁻¹ (s_i the row's weighted residual score) are totals for the design's
    /// variance; rows left out of the model count as zeros in their PSUs and strata (a domain), and the
    /// residual degrees of freedom are the PSUs minus the strata of the model's rows, + 1 − p (`svyglm`).
    ///
    /// With replicate weights the model is refitted in each replicate (`refit`, given the replicate's
    /// design) and the covariance is that of the replicate coefficients, with the replicate design's
    /// degrees of freedom + 1 − p (`svyglm.svyrep.design`).
    static func sandwich(_ model: ModelMatrix, design: SurveyDesign, kept: [Int], unscaled: Matrix, scores: [Double], beta: [Double],
                         refit: @Sendable (SurveyDesign) throws -> (beta: [Double], kept: [Int], unscaled: Matrix)) throws -> (Matrix, Int) {
        let n = model.rows.count, p = kept.count
        if let replication = design.replication {
            let columns = try replicateCoefficients(design, count: p, kept: kept, refit: refit)
            let v = replication.covariance(columns, full: beta)
            var covariance = Matrix(rows: p, columns: p)
            for a in 0..<p { for b in 0..<p { covariance[a, b] = v[a][b] } }
            return (covariance, replication.degreesOfFreedom + 1 - p)
        }
        // U_i = s_i x_i (the score of row i); V(Σ U) from the design, then A⁻¹ V A⁻¹.
        var u = [Double](repeating: 0, count: n * p)
        for (k, j) in kept.enumerated() {
            for i in 0..<n { u[k * n + i] = model.x.values[j * n + i] * scores[i] }
        }
        let v = try design.scoreCovariance(u, columns: p, rows: model.rows)
        var middle = Matrix(rows: p, columns: p)
        for a in 0..<p { for b in 0..<p { middle[a, b] = v[a][b] } }
        let covariance = try unscaled.times(middle).times(unscaled)
        // PSUs and strata among the model's rows.
        var psuSeen = [Bool](repeating: false, count: design.psuCount), stratumSeen = [Bool](repeating: false, count: design.strataNames.count)
        for row in model.rows {
            psuSeen[design.psu[row]] = true
            stratumSeen[design.stratum[row]] = true
        }
        let psus = psuSeen.reduce(0) { $0 + ($1 ? 1 : 0) }, strata = stratumSeen.reduce(0) { $0 + ($1 ? 1 : 0) }
        return (covariance, psus - strata + 1 - p)
    }

    /// Puts estimates, standard errors, statistics and p-values in the order of X's columns, with the
    /// aliased ones empty.
    static func assemble(_ model: ModelMatrix, family: RegressionFit.Family, designBased: Bool, beta: [Double], kept: [Int],
                         covariance: Matrix, residualDF: Int, usesT: Bool) -> RegressionFit {
        let position = Dictionary(uniqueKeysWithValues: kept.enumerated().map { ($1, $0) })
        let coefficients = model.columnNames.enumerated().map { j, name -> RegressionFit.Coefficient in
            guard let k = position[j] else { return .init(term: name, estimate: nil, standardError: nil, statistic: nil, p: nil) }
            let se = covariance[k, k].squareRoot()
            let statistic = beta[k] / se
            let p = usesT ? StudentT.twoSidedP(statistic, df: Double(residualDF)) : 2 * Normal.cdf(-abs(statistic))
            return .init(term: name, estimate: beta[k], standardError: se, statistic: statistic, p: p)
        }
        return RegressionFit(family: family, designBased: designBased, n: model.rows.count, excluded: model.excluded,
                             coefficients: coefficients, residualDF: residualDF, usesT: usesT, covariance: covariance)
    }

    /// The Wald F that every coefficient but the intercept is 0, on the fit's residual df
    /// (`regTermTest(fit, ~ all terms, method = "Wald")`).
    static func waldF(_ fit: inout RegressionFit, intercept: Bool) throws {
        let slopes = fit.estimated.filter { $0.term != "(Intercept)" }
        guard !slopes.isEmpty else { return }
        var v = Matrix(rows: slopes.count, columns: slopes.count)
        for (a, s) in slopes.enumerated() { for (b, t) in slopes.enumerated() { v[a, b] = fit.covariance[s.index, t.index] } }
        let beta = slopes.map(\.estimate)
        let solved = try Cholesky(v).solve(beta)
        let chisq = zip(beta, solved).reduce(0) { $0 + $1.0 * $1.1 }
        let f = chisq / Double(slopes.count)
        fit.f = f
        fit.fDF = (slopes.count, fit.residualDF)
        fit.fP = FisherF.upperTail(f, df1: Double(slopes.count), df2: Double(fit.residualDF))
    }

    /// Terms behind a separation: a 0/1 column whose rows all have the same outcome (quasi-complete
    /// separation by a level), or, when fitted probabilities reach 0 or 1 numerically (R's warning),
    /// the terms with the largest coefficients.
    static func separatingTerms(_ model: ModelMatrix, _ kept: [Int], _ beta: [Double], mu: [Double]) -> [String]? {
        let n = model.rows.count
        var terms: [String] = []
        for j in kept where model.columnNames[j] != "(Intercept)" {
            let column = model.x.values[(j * n)..<((j + 1) * n)]
            guard column.allSatisfy({ $0 == 0 || $0 == 1 }) else { continue }
            var outcomes: Set<Double> = []
            var ones = 0
            for (i, value) in column.enumerated() where value == 1 { outcomes.insert(model.y[i]); ones += 1 }
            if ones > 0 && outcomes.count == 1 && ones < n { terms.append(model.columnNames[j]) }
        }
        if !terms.isEmpty { return terms }
        let epsilon = 10 * Double.ulpOfOne
        guard mu.contains(where: { $0 > 1 - epsilon || $0 < epsilon }) else { return nil }
        let largest = zip(kept, beta).filter { model.columnNames[$0.0] != "(Intercept)" }.sorted { abs($0.1) > abs($1.1) }
        return largest.prefix(2).map { model.columnNames[$0.0] }
    }
}
