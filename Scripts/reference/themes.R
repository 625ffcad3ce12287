# Reference figures for open comments coded by theme (issue 21): the same codeframe written as R
# regular expressions over the comments lower-cased and transliterated to ASCII, and the design-based
# share of commenters mentioning each theme (svyciprop, logit) and their NPS (svymean of the ±100 score),
# on the example survey. Run from the repository root:  Rscript Scripts/reference/themes.R
# Writes Tests/AnalysisTests/Fixtures/r_themes.json. CI never runs this.
suppressMessages({ library(survey); library(jsonlite) })
options(digits = 17)
r <- read.csv("Examples/data/respuestas.csv", encoding = "UTF-8", stringsAsFactors = FALSE)
folded <- tolower(iconv(r$comentario, from = "UTF-8", to = "ASCII//TRANSLIT"))
themes <- list(
  espera = "\\b(espera|demora|tard[a-z0-9]*|filas|fila|largo|vuelva\\s+manana|3\\s+veces|lent[a-z0-9]*)\\b",
  costo = "\\b(caro|cobros|precio|costos[a-z0-9]*)\\b",
  trato = "\\b(grosera|grosero|amable[a-z0-9]*|atenta|atento|querida|trato)\\b")
commented <- !is.na(r$comentario) & trimws(r$comentario) != ""
d <- svydesign(ids = ~1, strata = ~categoria, weights = ~peso, fpc = ~N_estrato, data = r)
out <- list(r_version = R.version.string, survey_version = as.character(packageVersion("survey")), commented = sum(commented))
for (name in names(themes)) {
  hit <- commented & grepl(themes[[name]], folded, perl = TRUE)
  d <- update(d, mention = ifelse(commented, as.numeric(hit), NA), score = 100 * ((nps >= 9) - (nps <= 6)))
  p <- svyciprop(~mention, subset(d, commented), method = "logit")
  n <- svymean(~score, subset(d, hit))
  out[[name]] <- list(mentions = sum(hit), share = as.numeric(coef(p)), ci = as.numeric(confint(p)), se = as.numeric(SE(p)),
                      nps = as.numeric(coef(n)), nps_se = as.numeric(SE(n)))
}
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE, na = "null"), "Tests/AnalysisTests/Fixtures/r_themes.json")
