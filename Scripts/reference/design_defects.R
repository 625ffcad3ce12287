# Reference figures for the design defects of issue 20 (weights from --fpc, quantiles under scaled
# weights), computed with R's survey package on the package's own data sets.
# Run from the repository root:  Rscript Scripts/reference/design_defects.R
# Writes Tests/AnalysisTests/Fixtures/r_design_defects.json, apisrs.csv and fpc.csv.
# (Debian 12: apt-get install r-base-core r-cran-survey r-cran-jsonlite.) CI never runs this.
suppressMessages({ library(survey); library(jsonlite) })
options(digits = 17)
out <- list(r_version = R.version.string, survey_version = as.character(packageVersion("survey")))
est <- function(s) list(estimate = as.numeric(coef(s)), se = unname(SE(s)))

# Defect 1: no weights, only fpc. R takes the weights from the population sizes (N_h / n_h).
data(api)
write.csv(apisrs[, c("snum", "enroll", "api00", "fpc")], "Tests/AnalysisTests/Fixtures/apisrs.csv", row.names = FALSE)
srs <- svydesign(id = ~1, fpc = ~fpc, data = apisrs)
out$apisrs_total_enroll <- est(svytotal(~enroll, srs))
out$apisrs_mean_api00 <- est(svymean(~api00, srs))
data(fpc)
write.csv(fpc[, c("stratid", "psuid", "Nh", "x")], "Tests/AnalysisTests/Fixtures/fpc.csv", row.names = FALSE)
f <- svydesign(weights = NULL, ids = ~psuid, strata = ~stratid, fpc = ~Nh, variables = ~x, data = fpc, nest = TRUE)
out$fpc_mean_x <- est(svymean(~x, f))
out$fpc_total_x <- est(svytotal(~x, f))

# Defect 2: ten answers on a 1-5 scale, all weighted 30.97 (equal weights, as a stratified draw gives).
q <- data.frame(y = c(1, 2, 3, 3, 3, 4, 4, 4, 5, 5), w = 30.97)
dq <- svydesign(ids = ~1, weights = ~w, data = q)
probs <- c(0.5, 0.2, 0.3, 0.8)
r <- svyquantile(~y, dq, probs, ci = TRUE)$y
out$scaled_quantiles <- list(y = q$y, weight = 30.97, p = probs, quantile = unname(r[, 1]),
                             lower = unname(r[, 2]), upper = unname(r[, 3]))
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE, na = "null"), "Tests/AnalysisTests/Fixtures/r_design_defects.json")
