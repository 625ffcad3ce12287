# Reference figures for proportional-odds models of a Likert answer (issue 20): svyolr with the
# example survey's stratified design and MASS::polr without a design, on satisf_general (1–5).
# optim is run to a tight tolerance (R's default stops at a relative change of 1e-8 of the
# log-likelihood, which leaves the coefficients good to about four digits).
# Run from the repository root:  Rscript Scripts/reference/ordinal.R
# Writes Tests/AnalysisTests/Fixtures/r_ordinal.json. (Debian 12: apt-get install r-base-core
# r-cran-survey r-cran-jsonlite.) CI never runs this.
suppressMessages({ library(survey); library(jsonlite); library(MASS) })
options(digits = 17)
out <- list(r_version = R.version.string, survey_version = as.character(packageVersion("survey")))
r <- read.csv("Examples/data/respuestas.csv", encoding = "UTF-8", stringsAsFactors = FALSE)
r$satisf <- factor(r$satisf_general)
d <- svydesign(ids = ~1, strata = ~categoria, weights = ~peso, fpc = ~N_estrato, data = r)
tight <- list(reltol = 1e-15, maxit = 10000)
m <- svyolr(satisf ~ amabilidad + tiempo_espera + canal, design = d, control = tight)
out$design <- list(coef = unname(coef(m)[seq_along(m$coefficients)]), zeta = unname(m$zeta), se = unname(SE(m)),
                   names = names(coef(m)), df = m$df.residual, deviance = m$deviance)
p <- polr(satisf ~ amabilidad + tiempo_espera + canal, data = r, Hess = TRUE, control = tight)
sp <- summary(p)$coefficients
out$plain <- list(coef = unname(p$coefficients), zeta = unname(p$zeta), se = unname(sp[, 2]), names = rownames(sp),
                  deviance = p$deviance, aic = AIC(p))
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE, na = "null"), "Tests/AnalysisTests/Fixtures/r_ordinal.json")
