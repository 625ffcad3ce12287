# Reference figures for the design defects of issue 20 (weights from --fpc, quantiles under scaled
# weights, the t test of a comparison, lonely strata in domains, the share of the stratifier), computed with R's survey package on the package's own data sets.
# Run from the repository root:  Rscript Scripts/reference/design_defects.R
# Writes Tests/AnalysisTests/Fixtures/r_design_defects.json, apisrs.csv, fpc.csv and apistrat.csv
# (apiclus1.csv comes from analysis.R).
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

# Defect 3: comparing two groups is svyttest: the difference of the domain means with a t reference on
# the degrees of freedom of the model fitted to the two groups' rows (design df + 1 - 2 coefficients).
dc <- svydesign(id = ~dnum, weights = ~pw, data = apiclus1, fpc = ~fpc)
ttest <- function(t) list(estimate = unname(t$estimate), statistic = unname(t$statistic), df = unname(t$parameter),
                          p = t$p.value, lower = t$conf.int[1], upper = t$conf.int[2])
# Two groups that are the whole sample (sch.wide Yes vs No): difference Yes - No.
out$ttest_schwide <- ttest(svyttest(api00 ~ I(sch.wide == "Yes"), dc))
# Two of three groups (H vs E among the E and H schools): difference H - E.
out$ttest_h_e <- ttest(svyttest(api00 ~ I(stype == "H"), subset(dc, stype %in% c("E", "H"))))

# Defect 4: a design stratified by county has counties with one school; with lonely.psu = "average"
# the strata of a domain are those with rows in it (R subsets the design before the variance).
data(api)
write.csv(apistrat[, c("cds", "stype", "cname", "pw", "fpc", "api00", "sch.wide")], "Tests/AnalysisTests/Fixtures/apistrat.csv", row.names = FALSE)
options(survey.lonely.psu = "average")
dcounty <- svydesign(id = ~1, strata = ~cname, weights = ~pw, data = apistrat)
m <- svyby(~api00, ~stype, dcounty, svymean)
out$lonely_average_mean <- list(group = as.character(m$stype), estimate = unname(coef(m)), se = unname(SE(m)),
                                lonely_strata = sum(table(apistrat$cname) == 1))
p <- svyby(~sch.wide, ~stype, dcounty, svymean)
out$lonely_average_share_yes <- list(group = as.character(p$stype), estimate = unname(p[["sch.wideYes"]]), se = unname(p[["se.sch.wideYes"]]))
options(survey.lonely.psu = "fail")

# Defect 5: the share of the stratification variable itself has no sampling variance.
dstrat <- svydesign(id = ~1, strata = ~stype, weights = ~pw, data = apistrat, fpc = ~fpc)
s <- svymean(~stype, dstrat, deff = TRUE)
out$stratifier_share <- list(level = sub("^stype", "", names(coef(s))), estimate = unname(coef(s)), se = unname(SE(s)),
                             deff = unname(deff(s)))
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE, na = "null"), "Tests/AnalysisTests/Fixtures/r_design_defects.json")
