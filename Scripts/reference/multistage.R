# Reference figures for multistage designs (issue 20): two-stage cluster samples with a fpc at each
# stage, on the survey package's own apiclus2 (districts, then schools) and mu284 (Särndal's
# municipalities in clusters), as in R's help pages.
# Run from the repository root:  Rscript Scripts/reference/multistage.R
# Writes Tests/AnalysisTests/Fixtures/r_multistage.json, apiclus2.csv and mu284.csv.
# (Debian 12: apt-get install r-base-core r-cran-survey r-cran-jsonlite.) CI never runs this.
suppressMessages({ library(survey); library(jsonlite) })
options(digits = 17)
data(api); data(mu284)
out <- list(r_version = R.version.string, survey_version = as.character(packageVersion("survey")))
est <- function(s) list(estimate = unname(as.numeric(coef(s))), se = unname(as.numeric(SE(s))),
                        deff = if (!is.null(attr(s, "deff"))) unname(diag(as.matrix(attr(s, "deff")))) else NULL)

a <- apiclus2[, c("dnum", "snum", "fpc1", "fpc2", "pw", "api00", "api99", "enroll", "stype", "sch.wide")]
a$fpc2 <- as.numeric(a$fpc2)
write.csv(a, "Tests/AnalysisTests/Fixtures/apiclus2.csv", row.names = FALSE)
dclus2 <- svydesign(id = ~dnum + snum, fpc = ~fpc1 + fpc2, data = apiclus2)
b <- svyby(~api00, ~stype, dclus2, svymean)
g <- svyglm(api00 ~ enroll, dclus2)
out$apiclus2 <- list(
  weights_head = unname(weights(dclus2)[1:6]),
  mean_api00 = est(svymean(~api00, dclus2, deff = TRUE)),
  total_enroll = est(svytotal(~enroll, dclus2, na.rm = TRUE)),
  mean_by_stype = list(group = as.character(b$stype), estimate = unname(coef(b)), se = unname(SE(b))),
  ratio = est(svyratio(~api00, ~api99, dclus2)),
  share_schwide = est(svymean(~sch.wide, dclus2)),
  glm = list(coef = unname(coef(g)), se = unname(SE(g))),
  # The same data as one stage (what Sondeo did before): the ultimate-cluster SE.
  one_stage_mean_api00 = est(svymean(~api00, svydesign(id = ~dnum, fpc = ~fpc1, weights = ~pw, data = apiclus2))))

write.csv(mu284, "Tests/AnalysisTests/Fixtures/mu284.csv", row.names = FALSE)
dmu <- svydesign(id = ~id1 + id2, fpc = ~n1 + n2, data = mu284)
out$mu284 <- list(total_y1 = est(svytotal(~y1, dmu)), mean_y1 = est(svymean(~y1, dmu)))
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE, na = "null"), "Tests/AnalysisTests/Fixtures/r_multistage.json")
