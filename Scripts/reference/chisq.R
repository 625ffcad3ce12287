# Reference figures for the design-based tests of independence (issue 20): svychisq with
# statistic = "Wald", "adjWald", "lincom" (Davies's algorithm: needs the CompQuadForm package, e.g.
# R CMD INSTALL of github.com/cran/CompQuadForm) and "saddlepoint", on apiclus1 (cluster design) and
# the example survey (stratified).
# Run from the repository root:  Rscript Scripts/reference/chisq.R
# Writes Tests/AnalysisTests/Fixtures/r_chisq.json. (Debian 12: apt-get install r-base-core
# r-cran-survey r-cran-jsonlite.) CI never runs this.
suppressMessages({ library(survey); library(jsonlite) })
options(digits = 17)
data(api)
out <- list(r_version = R.version.string, survey_version = as.character(packageVersion("survey")))
test <- function(formula, design, statistic) {
  t <- svychisq(formula, design, statistic = statistic)
  list(f = unname(t$statistic), df1 = unname(t$parameter[1]), df2 = unname(t$parameter[2]), p = unname(t$p.value))
}
dclus1 <- svydesign(id = ~dnum, weights = ~pw, data = apiclus1, fpc = ~fpc)
r <- read.csv("Examples/data/respuestas.csv", encoding = "UTF-8", stringsAsFactors = FALSE)
d <- svydesign(ids = ~1, strata = ~categoria, weights = ~peso, fpc = ~N_estrato, data = r)
lincom <- function(formula, design, statistic) {
  t <- svychisq(formula, design, statistic = statistic)
  list(statistic = unname(t$statistic), p = unname(t$p.value))
}
for (s in c("lincom", "saddlepoint")) {
  out[[paste0("apiclus1_", s)]] <- lincom(~stype + sch.wide, dclus1, s)
  out[[paste0("respuestas_", s)]] <- lincom(~canal + servicio, d, s)
}
for (s in c("Wald", "adjWald")) {
  out[[paste0("apiclus1_", s)]] <- test(~stype + sch.wide, dclus1, s)
  out[[paste0("respuestas_", s)]] <- test(~canal + servicio, d, s)
}
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE, na = "null"), "Tests/AnalysisTests/Fixtures/r_chisq.json")
