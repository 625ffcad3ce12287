# Reference figures for the regression tests (issue 8), computed with R's lm, glm and survey::svyglm.
# Run from the repository root:  Rscript Scripts/reference/regression.R
# Writes Tests/AnalysisTests/Fixtures/r_regression.json. CI never runs this.
# (Debian 12: apt-get install r-base-core r-cran-survey r-cran-jsonlite.)
suppressMessages({ library(survey); library(jsonlite) })
options(digits = 17)
out <- list(r_version = R.version.string, survey_version = as.character(packageVersion("survey")))

r <- read.csv("Examples/data/respuestas.csv", encoding = "UTF-8", stringsAsFactors = FALSE)
r$canal <- factor(r$canal)               # levels in alphabetical order: presencial (reference), telefono, web
r$si <- as.numeric(r$recomendaria == "si")
d <- svydesign(ids = ~1, strata = ~categoria, weights = ~peso, fpc = ~N_estrato, data = r)

coefs <- function(table) list(term = rownames(table), estimate = unname(table[, 1]), se = unname(table[, 2]),
                             statistic = unname(table[, 3]), p = unname(table[, 4]))

# 1. OLS: numeric and categorical terms, treatment coding with the first level as reference.
m <- lm(satisf_general ~ amabilidad + tiempo_espera + canal, data = r)
s <- summary(m)
out$lm <- c(coefs(coef(s)), list(n = nobs(m), r2 = s$r.squared, adj_r2 = s$adj.r.squared, sigma = s$sigma,
                                 f = unname(s$fstatistic[1]), df1 = unname(s$fstatistic[2]), df2 = unname(s$fstatistic[3]),
                                 f_p = unname(pf(s$fstatistic[1], s$fstatistic[2], s$fstatistic[3], lower.tail = FALSE))))

# 2. An interaction of a numeric and a categorical term, with «web» as the reference level.
r2 <- r; r2$canal <- relevel(r2$canal, ref = "web")
m2 <- lm(satisf_general ~ amabilidad + canal + amabilidad:canal, data = r2)
s2 <- summary(m2)
out$lm_interaction <- c(coefs(coef(s2)), list(n = nobs(m2), r2 = s2$r.squared, adj_r2 = s2$adj.r.squared, sigma = s2$sigma,
                                              f = unname(s2$fstatistic[1])))

# 3. A perfectly collinear regressor: R reports its coefficient as NA (aliased).
r3 <- r; r3$doble <- 2 * r3$amabilidad
m3 <- lm(satisf_general ~ amabilidad + doble + precio, data = r3)
out$lm_aliased <- list(coefficients = unname(coef(m3)), aliased = names(coef(m3))[is.na(coef(m3))],
                       se = unname(coef(summary(m3))[, 2]), r2 = summary(m3)$r.squared)

# 4. Logistic regression, glm(binomial).
g <- glm(si ~ amabilidad + precio, family = binomial, data = r)
sg <- summary(g)
out$glm <- c(coefs(coef(sg)), list(n = nobs(g), deviance = deviance(g), null_deviance = g$null.deviance, aic = AIC(g),
                                   iterations = g$iter))

# 5. svyglm gaussian: the design's linearised (sandwich) standard errors; t on degf + 1 − p df.
sm <- svyglm(satisf_general ~ amabilidad + tiempo_espera + canal, design = d)
ssm <- summary(sm)
# The weighted R² of the design-based fit (descriptive): 1 − Σ w e² / Σ w (y − ȳ_w)² over the model's rows.
used <- r[rownames(model.frame(sm)), ]
e <- used$satisf_general - fitted(sm)
ybar <- weighted.mean(used$satisf_general, used$peso)
r2_weighted <- 1 - sum(used$peso * e^2) / sum(used$peso * (used$satisf_general - ybar)^2)
wald <- regTermTest(sm, ~ amabilidad + tiempo_espera + canal, method = "Wald")
out$svyglm <- c(coefs(coef(ssm)), list(df = sm$df.residual, dispersion = unname(ssm$dispersion[1]),
                                       wald_f = as.numeric(wald$Ftest), wald_df = wald$df, wald_ddf = wald$ddf, wald_p = as.numeric(wald$p), r2_weighted = r2_weighted))

# 6. svyglm quasibinomial.
sq <- svyglm(si ~ amabilidad + precio, design = d, family = quasibinomial)
ssq <- summary(sq)
out$svyglm_quasibinomial <- c(coefs(coef(ssq)), list(df = sq$df.residual, deviance = deviance(sq)))

# 7. Johnson's (2000) relative weights of five attributes on satisf_general (complete cases), unweighted
#    and with the sampling weights (weighted correlation matrix), computed from the definition:
#    R_xx = V Λ Vᵀ, Λ_half = V Λ^½ Vᵀ, β = Λ_half⁻¹ r_xy, ε_j = Σ_k Λ_half[j,k]² β_k².
drivers <- c("amabilidad", "tiempo_espera", "claridad_info", "instalaciones", "precio")
cc <- r[complete.cases(r[, c("satisf_general", drivers)]), ]
relative_weights <- function(R) {
  rxx <- R[drivers, drivers]; rxy <- R[drivers, "satisf_general"]
  e <- eigen(rxx, symmetric = TRUE)
  half <- e$vectors %*% diag(sqrt(e$values)) %*% t(e$vectors)
  beta <- solve(half, rxy)
  eps <- as.vector((half^2) %*% (beta^2))
  list(weights = eps, r2 = sum(eps), share = eps / sum(eps),
       standardized = as.vector(solve(rxx, rxy)))
}
out$relative_weights <- c(list(n = nrow(cc), drivers = drivers), relative_weights(cor(cc[, c("satisf_general", drivers)])))
wcor <- cov.wt(cc[, c("satisf_general", drivers)], wt = cc$peso, cor = TRUE)$cor
out$relative_weights_weighted <- c(list(drivers = drivers), relative_weights(wcor))
out$relative_weights_check_r2 <- summary(lm(satisf_general ~ amabilidad + tiempo_espera + claridad_info + instalaciones + precio, data = cc))$r.squared
# Performance: the design-based mean of each attribute (its own non-missing answers).
out$driver_means <- lapply(setNames(drivers, drivers), function(v) as.numeric(coef(svymean(as.formula(paste0("~", v)), d, na.rm = TRUE))))

# Figures of the report on respuestas.csv (Tests/SondeoCLITests/ReportCLITests.swift): the Rao–Scott test of
# recomendaria by canal and the share recommending (logit interval).
rs <- svychisq(~canal + recomendaria, d)
out$report_recomendaria_by_canal <- list(f = unname(rs$statistic), p = unname(rs$p.value))

writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "Tests/AnalysisTests/Fixtures/r_regression.json")
cat("Tests/AnalysisTests/Fixtures/r_regression.json\n")
