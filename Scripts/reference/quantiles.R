# Reference figures for quantile rules and interval types (issue 20): svyquantile with every qrule
# (math, school, shahvaish, hf1–hf9) and interval.type mean, beta, xlogit, asin, score, on apiclus1's
# cluster design and on ten answers weighted unequally.
# Run from the repository root:  Rscript Scripts/reference/quantiles.R
# Writes Tests/AnalysisTests/Fixtures/r_quantiles.json. (Debian 12: apt-get install r-base-core
# r-cran-survey r-cran-jsonlite.) CI never runs this.
suppressMessages({ library(survey); library(jsonlite) })
options(digits = 17)
data(api)
out <- list(r_version = R.version.string, survey_version = as.character(packageVersion("survey")))
dclus1 <- svydesign(id = ~dnum, weights = ~pw, data = apiclus1, fpc = ~fpc)
rules <- c("math", "school", "shahvaish", paste0("hf", 1:9))
probs <- c(0.1, 0.25, 0.5, 0.9)
grid <- list()
for (rule in rules) {
  for (type in c("mean", "beta", "xlogit", "asin", "score")) {
    q <- svyquantile(~api00, dclus1, probs, qrule = rule, interval.type = type)$api00
    grid[[length(grid) + 1]] <- list(rule = rule, interval = type, p = probs, quantile = unname(q[, 1]),
                                     lower = unname(q[, 2]), upper = unname(q[, 3]), se = unname(q[, 4]))
  }
}
out$apiclus1 <- grid
small <- data.frame(y = c(3, 1, 4, 1, 5, 9, 2, 6, 5, 3), w = c(1, 2, 1, 3, 1, 1, 2, 1, 2, 1))
ds <- svydesign(ids = ~1, weights = ~w, data = small)
out$small <- list(y = small$y, w = small$w, p = probs,
                  quantile = lapply(rules, function(rule) unname(svyquantile(~y, ds, probs, qrule = rule, ci = FALSE)$y[1, ])))
names(out$small$quantile) <- rules
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE, na = "null"), "Tests/AnalysisTests/Fixtures/r_quantiles.json")
