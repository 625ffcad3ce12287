# Reference figures for count models (issue 20): glm(family = poisson) without a design and
# svyglm(family = quasipoisson) with apiclus1's cluster design, on the survey package's own data.
# Run from the repository root:  Rscript Scripts/reference/poisson.R
# Writes Tests/AnalysisTests/Fixtures/r_poisson.json. (Debian 12: apt-get install r-base-core
# r-cran-survey r-cran-jsonlite.) CI never runs this.
suppressMessages({ library(survey); library(jsonlite) })
options(digits = 17)
data(api)
out <- list(r_version = R.version.string, survey_version = as.character(packageVersion("survey")))
plain <- glm(enroll ~ stype + api99, family = poisson, data = apiclus1)
s <- summary(plain)$coefficients
out$plain <- list(terms = rownames(s), estimate = unname(s[, 1]), se = unname(s[, 2]), z = unname(s[, 3]), p = unname(s[, 4]),
                  deviance = plain$deviance, null_deviance = plain$null.deviance, aic = plain$aic, iterations = plain$iter)
dclus1 <- svydesign(id = ~dnum, weights = ~pw, data = apiclus1, fpc = ~fpc)
g <- svyglm(enroll ~ stype + api99, dclus1, family = quasipoisson)
sg <- summary(g)$coefficients
out$design <- list(terms = rownames(sg), estimate = unname(sg[, 1]), se = unname(sg[, 2]), t = unname(sg[, 3]), p = unname(sg[, 4]),
                   df = g$df.residual, deviance = g$deviance)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE, na = "null"), "Tests/AnalysisTests/Fixtures/r_poisson.json")
