# Reference figures for contrasts of estimates (issue 20): svycontrast on svyby(covmat = TRUE),
# linear and nonlinear (delta method), on apiclus1 and on the example survey's NPS by channel.
# Run from the repository root:  Rscript Scripts/reference/contrasts.R
# Writes Tests/AnalysisTests/Fixtures/r_contrasts.json. (Debian 12: apt-get install r-base-core
# r-cran-survey r-cran-jsonlite.) CI never runs this.
suppressMessages({ library(survey); library(jsonlite) })
options(digits = 17)
data(api)
out <- list(r_version = R.version.string, survey_version = as.character(packageVersion("survey")))
con <- function(b, e) { s <- svycontrast(b, e); list(estimate = unname(as.numeric(coef(s))), se = unname(as.numeric(SE(s))),
                                                      ci = unname(as.vector(confint(s)))) }
dclus1 <- svydesign(id = ~dnum, weights = ~pw, data = apiclus1, fpc = ~fpc)
b <- svyby(~api00, ~stype, dclus1, svymean, covmat = TRUE)
out$mean_by_stype <- list(group = as.character(b$stype), estimate = unname(coef(b)), se = unname(SE(b)))
out$e_minus_average_hm <- con(b, quote(E - (H + M) / 2))
out$e_over_h <- con(b, quote(E / H))
out$weighted_sum <- con(b, quote(0.7 * E + 0.1 * H + 0.2 * M))
t <- svyby(~enroll, ~stype, dclus1, svytotal, covmat = TRUE)
out$total_sum <- con(t, quote(E + H + M))

r <- read.csv("Examples/data/respuestas.csv", encoding = "UTF-8", stringsAsFactors = FALSE)
d <- svydesign(ids = ~1, strata = ~categoria, weights = ~peso, fpc = ~N_estrato, data = r)
d <- update(d, nps_point = 100 * ((nps >= 9) - (nps <= 6)))
n <- svyby(~nps_point, ~canal, d, svymean, covmat = TRUE)
out$nps_by_canal <- list(group = as.character(n$canal), estimate = unname(coef(n)), se = unname(SE(n)))
out$nps_web_over_telefono <- con(n, quote(web / telefono))
out$nps_web_minus_rest <- con(n, quote(web - (telefono + presencial) / 2))
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE, na = "null"), "Tests/AnalysisTests/Fixtures/r_contrasts.json")
