# Reference figures for calibrated designs (issue 20): post-stratification, raking and linear (GREG)
# calibration inside the design, with the variances R's svyrecvar gives them, on the survey package's
# own api data (apiclus1, a one-stage cluster sample; apistrat, a stratified sample; apipop, the
# population of 6,194 schools the margins come from).
# Run from the repository root:  Rscript Scripts/reference/calibration.R
# Writes Tests/AnalysisTests/Fixtures/r_calibration.json, apiclus1.csv (as analysis.R), apistrat_cal.csv
# and apipop.csv. (Debian 12: apt-get install r-base-core r-cran-survey r-cran-jsonlite.) CI never runs this.
suppressMessages({ library(survey); library(jsonlite) })
options(digits = 17)
data(api)
out <- list(r_version = R.version.string, survey_version = as.character(packageVersion("survey")))
est <- function(s) list(estimate = unname(as.numeric(coef(s))), se = unname(SE(s)),
                        deff = if (!is.null(attr(s, "deff"))) unname(diag(as.matrix(attr(s, "deff")))) else NULL)
by_est <- function(b, by) list(group = as.character(b[[by]]), estimate = unname(as.numeric(coef(b))), se = unname(SE(b)))

write.csv(apiclus1[, c("dnum", "pw", "fpc", "api00", "enroll", "sch.wide", "stype", "api99")], "Tests/AnalysisTests/Fixtures/apiclus1.csv", row.names = FALSE)
write.csv(apistrat[, c("stype", "pw", "fpc", "api00", "api99", "enroll", "sch.wide")], "Tests/AnalysisTests/Fixtures/apistrat_cal.csv", row.names = FALSE)
write.csv(apipop[, c("stype", "sch.wide", "api99")], "Tests/AnalysisTests/Fixtures/apipop.csv", row.names = FALSE)
pop_stype <- data.frame(stype = c("E", "H", "M"), Freq = as.vector(table(apipop$stype)[c("E", "H", "M")]))
pop_schwide <- data.frame(sch.wide = c("No", "Yes"), Freq = as.vector(table(apipop$sch.wide)[c("No", "Yes")]))
summarise <- function(d) list(
  total_enroll = est(svytotal(~enroll, d, na.rm = TRUE)),
  mean_api00 = est(svymean(~api00, d, deff = TRUE)),
  mean_api00_by_schwide = by_est(svyby(~api00, ~sch.wide, d, svymean), "sch.wide"),
  share_schwide = est(svymean(~sch.wide, d)),
  total_stype = est(svytotal(~stype, d, deff = TRUE)),
  ratio_api00_api99 = est(svyratio(~api00, ~api99, d)),
  glm_api00_enroll = list(coef = unname(coef(svyglm(api00 ~ enroll, d))), se = unname(SE(svyglm(api00 ~ enroll, d)))),
  weights_head = unname(weights(d)[1:5]))

dclus1 <- svydesign(id = ~dnum, weights = ~pw, data = apiclus1, fpc = ~fpc)
out$cluster_uncalibrated <- summarise(dclus1)
# Post-stratification on school type (postStratify's help page).
out$cluster_poststratified <- summarise(postStratify(dclus1, ~stype, pop_stype))
# Post-stratification on the crossed cells of type and sch.wide.
pop_cross <- as.data.frame(table(stype = apipop$stype, sch.wide = apipop$sch.wide))
out$cluster_poststratified_cross <- summarise(postStratify(dclus1, ~stype + sch.wide, pop_cross))
# Raking on the two margins, run to convergence (R's default stops at an absolute change of 1).
out$cluster_raked <- summarise(rake(dclus1, list(~stype, ~sch.wide), list(pop_stype, pop_schwide),
                                    control = list(maxit = 100, epsilon = 1e-13)))
# Linear (GREG) calibration to the population size, the type counts and the total of api99.
totals <- c(`(Intercept)` = nrow(apipop), stypeH = sum(apipop$stype == "H"), stypeM = sum(apipop$stype == "M"), api99 = sum(apipop$api99))
out$cluster_linear <- summarise(calibrate(dclus1, ~stype + api99, totals))
out$population <- list(N = nrow(apipop), api99 = sum(apipop$api99), stype = pop_stype$Freq, sch_wide = pop_schwide$Freq)

# A stratified sample (every row its own unit) post-stratified by sch.wide.
dstrat <- svydesign(id = ~1, strata = ~stype, weights = ~pw, data = apistrat, fpc = ~fpc)
out$strat_poststratified <- summarise(postStratify(dstrat, ~sch.wide, pop_schwide))
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE, na = "null"), "Tests/AnalysisTests/Fixtures/r_calibration.json")

# svyvar (the population variance of a column, with its SE), on the uncalibrated cluster design and by domain.
vv <- svyvar(~api00, dclus1)
vb <- svyby(~api00, ~stype, dclus1, svyvar)
out2 <- jsonlite::fromJSON("Tests/AnalysisTests/Fixtures/r_calibration.json")
out2$svyvar_api00 <- list(estimate = unname(as.numeric(coef(vv))), se = unname(as.numeric(SE(vv))))
out2$svyvar_api00_by_stype <- list(group = as.character(vb$stype), estimate = unname(coef(vb)), se = unname(SE(vb)))
writeLines(toJSON(out2, auto_unbox = TRUE, digits = NA, pretty = TRUE, na = "null"), "Tests/AnalysisTests/Fixtures/r_calibration.json")
