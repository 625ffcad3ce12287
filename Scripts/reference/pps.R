# Reference figures for PPS samples without replacement (issue 20): Brewer's and Overton's
# approximations, as svydesign(pps = "brewer" / "overton") on the survey package's election_pps
# (40 counties drawn with probability proportional to their votes, R's help page of svydesign).
# Run from the repository root:  Rscript Scripts/reference/pps.R
# Writes Tests/AnalysisTests/Fixtures/r_pps.json and election_pps.csv.
# (Debian 12: apt-get install r-base-core r-cran-survey r-cran-jsonlite.) CI never runs this.
suppressMessages({ library(survey); library(jsonlite) })
options(digits = 17)
data(election)
out <- list(r_version = R.version.string, survey_version = as.character(packageVersion("survey")))
est <- function(s) list(estimate = unname(as.numeric(coef(s))), se = unname(as.numeric(SE(s))))
e <- election_pps[, c("County", "TotPrecincts", "Bush", "Kerry", "Nader", "votes", "p")]
e$big <- ifelse(e$votes > median(e$votes), "grande", "pequeño")
write.csv(e, "Tests/AnalysisTests/Fixtures/election_pps.csv", row.names = FALSE)
for (method in c("brewer", "overton")) {
  d <- svydesign(id = ~1, fpc = ~p, data = e, pps = method)
  b <- svyby(~Bush, ~big, d, svytotal)
  out[[method]] <- list(total_bush = est(svytotal(~Bush, d)), total_kerry = est(svytotal(~Kerry, d)),
                        mean_bush = est(svymean(~Bush, d)), ratio = est(svyratio(~Bush, ~votes, d)),
                        by_big = list(group = as.character(b$big), estimate = unname(coef(b)), se = unname(SE(b))))
}
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE, na = "null"), "Tests/AnalysisTests/Fixtures/r_pps.json")
