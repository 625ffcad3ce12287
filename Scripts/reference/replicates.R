# Reference figures for replicate-weight designs (issue 20): JK1, JKn, BRR and Fay weights made by
# R's as.svrepdesign, and every estimator and model under replicate variance, on the survey package's
# own data (apiclus1, apistrat, scd). The bootstrap check reads Sondeo's own Rao–Wu replicates
# (Fixtures/apistrat_boot.csv, from `sondeo sample replicates --method bootstrap --seed 20261206
# --replicates 50`) into svrepdesign, so that R computes the variance from them independently.
# Run from the repository root:  Rscript Scripts/reference/replicates.R
# Writes Tests/AnalysisTests/Fixtures/r_replicates.json, apiclus1_jk1.csv (R's JK1 weights, as a
# vendor would ship them) and scd.csv. (Debian 12: apt-get install r-base-core r-cran-survey
# r-cran-jsonlite.) CI never runs this.
suppressMessages({ library(survey); library(jsonlite) })
options(digits = 17)
data(api); data(scd)
out <- list(r_version = R.version.string, survey_version = as.character(packageVersion("survey")))
est <- function(s) list(estimate = unname(as.numeric(coef(s))), se = unname(as.numeric(SE(s))),
                        deff = if (!is.null(attr(s, "deff"))) unname(diag(as.matrix(attr(s, "deff")))) else NULL)

dclus1 <- svydesign(id = ~dnum, weights = ~pw, data = apiclus1, fpc = ~fpc)
jk1 <- as.svrepdesign(dclus1, type = "JK1")
rw <- weights(jk1, "analysis"); colnames(rw) <- paste0("rep_", seq_len(ncol(rw)))
write.csv(cbind(apiclus1[, c("dnum", "pw", "fpc", "api00", "api99", "enroll", "sch.wide", "stype")], rw),
          "Tests/AnalysisTests/Fixtures/apiclus1_jk1.csv", row.names = FALSE)
b <- svyby(~api00, ~stype, jk1, svymean)
q <- svyquantile(~api00, jk1, 0.5, ci = TRUE)$api00
tt <- svyttest(api00 ~ I(sch.wide == "Yes"), jk1)
lin <- svyglm(api00 ~ enroll, jk1)
logi <- svyglm(I(sch.wide == "Yes") ~ api00, jk1, family = quasibinomial)
chi <- svychisq(~stype + sch.wide, jk1, statistic = "F")
out$jk1 <- list(
  scale = jk1$scale, degf = degf(jk1),
  mean_api00 = est(svymean(~api00, jk1, deff = TRUE)),
  total_enroll = est(svytotal(~enroll, jk1)),
  mean_by_stype = list(group = as.character(b$stype), estimate = unname(coef(b)), se = unname(SE(b))),
  ratio = est(svyratio(~api00, ~api99, jk1)),
  share_schwide = est(svymean(~sch.wide, jk1)),
  median = list(estimate = unname(q[1, 1]), lower = unname(q[1, 2]), upper = unname(q[1, 3]), se = unname(q[1, 4])),
  ttest = list(estimate = unname(tt$estimate), df = unname(tt$parameter), p = tt$p.value, lower = tt$conf.int[1], upper = tt$conf.int[2]),
  linear = list(coef = unname(coef(lin)), se = unname(SE(lin)), df = lin$df.residual),
  logistic = list(coef = unname(coef(logi)), se = unname(SE(logi))),
  chisq = list(f = unname(chi$statistic), df1 = unname(chi$parameter[1]), df2 = unname(chi$parameter[2]), p = unname(chi$p.value)))

dstrat <- svydesign(id = ~1, strata = ~stype, weights = ~pw, data = apistrat, fpc = ~fpc)
jkn <- as.svrepdesign(dstrat, type = "JKn")
out$jkn <- list(replicates = ncol(weights(jkn, "analysis")), degf = degf(jkn),
                mean_api00 = est(svymean(~api00, jkn, deff = TRUE)), total_enroll = est(svytotal(~enroll, jkn, na.rm = TRUE)),
                share_schwide = est(svymean(~sch.wide, jkn)))

write.csv(scd, "Tests/AnalysisTests/Fixtures/scd.csv", row.names = FALSE)
scdnofpc <- svydesign(data = scd, prob = ~1, id = ~ambulance, strata = ~ESA, nest = TRUE)
brr <- as.svrepdesign(scdnofpc, type = "BRR")
fay <- as.svrepdesign(scdnofpc, type = "Fay", fay.rho = 0.3)
out$brr <- list(weights = unname(weights(brr, "analysis")), mean_alive = est(svymean(~alive, brr)),
                ratio = est(svyratio(~alive, ~arrests, brr)), total_arrests = est(svytotal(~arrests, brr)))
out$fay <- list(weights = unname(weights(fay, "analysis")), mean_alive = est(svymean(~alive, fay)),
                ratio = est(svyratio(~alive, ~arrests, fay)))

boot <- read.csv("Tests/AnalysisTests/Fixtures/apistrat_boot.csv")
bs <- svrepdesign(data = boot, weights = ~pw, repweights = "rep_[0-9]+", type = "bootstrap", combined.weights = TRUE)
out$bootstrap <- list(scale = bs$scale, degf = degf(bs), mean_api00 = est(svymean(~api00, bs)),
                      total_enroll = est(svytotal(~enroll, bs, na.rm = TRUE)))
# The bootstrap's aim: about the variance the design gives by linearisation.
out$bootstrap$linearised_mean_api00 <- est(svymean(~api00, svydesign(id = ~1, strata = ~stype, weights = ~pw, data = apistrat)))
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE, na = "null"), "Tests/AnalysisTests/Fixtures/r_replicates.json")

# Calibrating a replicate design calibrates every replicate (postStratify, rake, calibrate of a svyrep.design).
pop_stype <- data.frame(stype = c("E", "H", "M"), Freq = as.vector(table(apipop$stype)[c("E", "H", "M")]))
pop_schwide <- data.frame(sch.wide = c("No", "Yes"), Freq = as.vector(table(apipop$sch.wide)[c("No", "Yes")]))
out2 <- jsonlite::fromJSON("Tests/AnalysisTests/Fixtures/r_replicates.json", simplifyVector = FALSE)
ps <- postStratify(jk1, ~stype, pop_stype)
rk <- rake(jk1, list(~stype, ~sch.wide), list(pop_stype, pop_schwide), control = list(maxit = 100, epsilon = 1e-13))
totals <- c(`(Intercept)` = nrow(apipop), stypeH = sum(apipop$stype == "H"), stypeM = sum(apipop$stype == "M"), api99 = sum(apipop$api99))
cl <- calibrate(jk1, ~stype + api99, totals)
out2$jk1_calibrated <- list(poststratified = est(svymean(~api00, ps)), poststratified_total = est(svytotal(~enroll, ps)),
                            raked = est(svymean(~api00, rk)), linear = est(svymean(~api00, cl)))
writeLines(toJSON(out2, auto_unbox = TRUE, digits = NA, pretty = TRUE, na = "null"), "Tests/AnalysisTests/Fixtures/r_replicates.json")
