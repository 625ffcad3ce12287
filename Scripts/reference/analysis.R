# Reference figures for Tests/AnalysisTests, computed with R's survey package.
# Run from the repository root:  Rscript Scripts/reference/analysis.R
# Writes Tests/AnalysisTests/Fixtures/r_reference.json and Tests/AnalysisTests/Fixtures/apiclus1.csv.
# (Debian 12: apt-get install r-base-core r-cran-survey r-cran-jsonlite.) CI never runs this.
suppressMessages({ library(survey); library(jsonlite) })
options(digits = 17)
out <- list(r_version = R.version.string, survey_version = as.character(packageVersion("survey")))

r <- read.csv("Examples/data/respuestas.csv", encoding = "UTF-8", stringsAsFactors = FALSE)
r$csat[r$csat == 99] <- NA
d <- svydesign(ids = ~1, strata = ~categoria, weights = ~peso, fpc = ~N_estrato, data = r)
est <- function(s) list(estimate = as.numeric(coef(s)), se = unname(SE(s)), deff = if (!is.null(attr(s, "deff"))) unname(diag(as.matrix(attr(s, "deff")))) else NULL,
                        ci = unname(as.vector(confint(s))))

out$mean_csat <- est(svymean(~csat, d, na.rm = TRUE, deff = TRUE))
out$total_csat <- est(svytotal(~csat, d, na.rm = TRUE, deff = TRUE))
out$degf <- degf(d)

by_canal <- svyby(~csat, ~canal, d, svymean, na.rm = TRUE, deff = TRUE)
out$mean_csat_by_canal <- list(canal = as.character(by_canal$canal), estimate = as.numeric(coef(by_canal)),
                               se = unname(SE(by_canal)), deff = unname(deff(by_canal)))
# (svyby(covmat = TRUE) fails with na.rm = TRUE in survey 4.1, so the contrast uses edad, which has no NA.)
edad_by <- svyby(~edad, ~canal, d, svymean, covmat = TRUE)
contrast <- svycontrast(edad_by, c(telefono = 0, web = 1, presencial = -1)[as.character(edad_by$canal)])
# Its test is svyttest's on the two groups' rows: t on the model's residual degrees of freedom.
tt <- svyttest(edad ~ I(canal == "web"), subset(d, canal %in% c("web", "presencial")))
out$diff_edad_web_presencial <- list(estimate = as.numeric(coef(contrast)), se = unname(SE(contrast)), df = unname(tt$parameter),
                                     t = unname(tt$statistic), p = tt$p.value, lower = tt$conf.int[1], upper = tt$conf.int[2])

by2 <- svyby(~satisf_general, ~canal + sexo, d, svymean, na.rm = TRUE)
out$mean_satisf_by_canal_sexo <- list(canal = as.character(by2$canal), sexo = as.character(by2$sexo),
                                      estimate = as.numeric(coef(by2)), se = unname(SE(by2)))

for (m in c("logit", "beta", "mean", "asin", "xlogit", "likelihood")) {
  p <- svyciprop(~I(recomendaria == "si"), d, method = m)
  out[[paste0("prop_recomendaria_", m)]] <- list(estimate = as.numeric(coef(p)), ci = unname(as.vector(confint(p))),
                                                 se = unname(sqrt(vcov(p))))
}
pb <- svyby(~I(recomendaria == "si"), ~canal, d, svyciprop, method = "beta", vartype = "ci")
out$prop_recomendaria_beta_by_canal <- list(canal = as.character(pb$canal), estimate = as.numeric(coef(pb)),
                                            lower = unname(pb$ci_l), upper = unname(pb$ci_u))
pl <- svyby(~I(recomendaria == "si"), ~canal, d, svyciprop, method = "logit", vartype = "ci")
out$prop_recomendaria_logit_by_canal <- list(canal = as.character(pl$canal), estimate = as.numeric(coef(pl)),
                                             lower = unname(pl$ci_l), upper = unname(pl$ci_u))

q <- svyquantile(~edad, d, c(0.25, 0.5), ci = TRUE)
out$quantile_edad <- list(p = c(0.25, 0.5), estimate = unname(q$edad[, 1]), lower = unname(q$edad[, 2]),
                          upper = unname(q$edad[, 3]), se = unname(q$edad[, 4]))

rat <- svyratio(~satisf_general, ~amabilidad, d, na.rm = TRUE)
out$ratio_satisf_amabilidad <- list(estimate = as.numeric(coef(rat)), se = unname(SE(rat)))

N <- nrow(r)
f2 <- svychisq(~canal + servicio, d)
f1 <- svychisq(~canal + servicio, d, statistic = "Chisq")
tab <- svytable(~canal + servicio, d, Ntotal = N)
pe <- suppressWarnings(chisq.test(tab, correct = FALSE))
out$crosstab_canal_servicio <- list(
  rows = rownames(tab), cols = colnames(tab), weighted = matrix(as.numeric(svytable(~canal + servicio, d)), nrow = nrow(tab)),
  pearson_statistic = as.numeric(pe$statistic), pearson_p = unname(pe$p.value),
  f = unname(f2$statistic), df1 = unname(f2$parameter[1]), df2 = unname(f2$parameter[2]), p = unname(f2$p.value),
  first_order_p = unname(f1$p.value), stdres = matrix(as.numeric(pe$stdres), nrow = nrow(tab)))
rowpct <- svyby(~I(servicio == "salud"), ~canal, d, svyciprop, method = "logit", vartype = "ci")
out$crosstab_row_pct_salud <- list(canal = as.character(rowpct$canal), estimate = as.numeric(coef(rowpct)),
                                   lower = unname(rowpct$ci_l), upper = unname(rowpct$ci_u))

r$npsx <- (r$nps >= 9) - (r$nps <= 6)
d <- update(d, npsx = (nps >= 9) - (nps <= 6))
nps <- svymean(~npsx, d)
out$nps <- list(estimate = 100 * as.numeric(coef(nps)), se = 100 * unname(SE(nps)), ci = 100 * unname(as.vector(confint(nps))),
                promoters = as.numeric(coef(svymean(~I(nps >= 9), d))[2]), detractors = as.numeric(coef(svymean(~I(nps <= 6), d))[2]))
nb <- svyby(~npsx, ~canal, d, svymean, covmat = TRUE)
nc <- svycontrast(nb, c(telefono = 1, web = -1, presencial = 0)[as.character(nb$canal)])
out$nps_by_canal <- list(canal = as.character(nb$canal), estimate = 100 * as.numeric(coef(nb)), se = 100 * unname(SE(nb)))
out$nps_telefono_minus_web <- list(estimate = 100 * as.numeric(coef(nc)), se = 100 * unname(SE(nc)), df = degf(d))
cs <- svyciprop(~I(csat >= 4), d, method = "logit", na.rm = TRUE)
out$csat <- list(estimate = as.numeric(coef(cs)), ci = unname(as.vector(confint(cs))))

# Unweighted simple random sample: the first 200 responses, no design information.
s <- r[1:200, ]
x <- sum(s$recomendaria == "si")
ds <- svydesign(ids = ~1, data = s)
out$srs <- list(x = x, n = 200, wilson = unname(as.vector(prop.test(x, 200, correct = FALSE)$conf.int)),
                clopper_pearson = unname(as.vector(binom.test(x, 200)$conf.int)),
                mean_edad = as.numeric(coef(svymean(~edad, ds))), se_edad = unname(SE(svymean(~edad, ds))),
                nps_trinomial_se = {
                  p <- mean(s$nps >= 9); dd <- mean(s$nps <= 6); 100 * sqrt((p + dd - (p - dd)^2) / 200) })

# One-stage cluster sample: apiclus1 (survey's example data).
data(api)
write.csv(apiclus1[, c("dnum", "pw", "fpc", "api00", "enroll", "sch.wide", "stype", "api99")], "Tests/AnalysisTests/Fixtures/apiclus1.csv", row.names = FALSE)
dc <- svydesign(id = ~dnum, weights = ~pw, data = apiclus1, fpc = ~fpc)
out$apiclus1 <- list(mean_api00 = est(svymean(~api00, dc, deff = TRUE)), total_enroll = est(svytotal(~enroll, dc, deff = TRUE)),
                     prop_sch_wide_logit = unname(as.vector(confint(svyciprop(~I(sch.wide == "Yes"), dc)))),
                     degf = degf(dc))

# A stratum with a single unit, under each lonely-PSU policy.
lone <- rbind(r[r$categoria == "A", ][1:40, ], r[r$categoria == "C", ][1, ])
lone$N_estrato <- ifelse(lone$categoria == "C", 2022, 14010)
for (policy in c("remove", "adjust", "average")) {
  options(survey.lonely.psu = policy)
  dl <- svydesign(ids = ~1, strata = ~categoria, weights = ~peso, fpc = ~N_estrato, data = lone)
  out[[paste0("lonely_", policy)]] <- list(se = unname(SE(svymean(~edad, dl))))
}
options(survey.lonely.psu = "fail")
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "Tests/AnalysisTests/Fixtures/r_reference.json")
