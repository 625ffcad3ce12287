# Reference figures for the report's trends (issue 21): NPS and CSAT by wave on the stacked example
# survey (Examples/data/respuestas_olas.csv, from Scripts/examples/respuestas_olas.py), each wave its own
# stratified sample, and the change between the waves with its normal test: the waves share no
# stratum, so their covariance is 0 and V(change) = V₁ + V₂ (svyby(covmat = TRUE) fails with na.rm in
# survey 4.1, so the sum is written out).
# Run from the repository root:  Rscript Scripts/reference/waves.R
# Writes Tests/AnalysisTests/Fixtures/r_waves.json. CI never runs this.
suppressMessages({ library(survey); library(jsonlite) })
options(digits = 17)
r <- read.csv("Examples/data/respuestas_olas.csv", encoding = "UTF-8", stringsAsFactors = FALSE)
r$csat[r$csat == 99] <- NA
r$score <- 100 * ((r$nps >= 9) - (r$nps <= 6))
r$top <- ifelse(is.na(r$csat), NA, as.numeric(r$csat >= 4))
d <- svydesign(ids = ~1, strata = ~estrato_ola, weights = ~peso, fpc = ~N_estrato, data = r)
out <- list(r_version = R.version.string, survey_version = as.character(packageVersion("survey")))
for (v in c("score", "top")) {
  b <- svyby(as.formula(paste0("~", v)), ~ola, d, svymean, na.rm = TRUE)
  e <- unname(coef(b)); s <- unname(SE(b))
  change <- e[2] - e[1]; change_se <- sqrt(s[1]^2 + s[2]^2)
  out[[v]] <- list(wave = as.character(b$ola), estimate = e, se = s, change = change, change_se = change_se,
                   p = 2 * pnorm(-abs(change / change_se)))
}
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE, na = "null"), "Tests/AnalysisTests/Fixtures/r_waves.json")
