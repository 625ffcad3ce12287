# The R survey peer of `sondeo analyze mean --by dominio` and `sondeo analyze crosstab`.
# Usage: Rscript Benchmarks/r_analyze.R FILE   → prints "seconds_mean seconds_crosstab" (each including read.csv and svydesign)
suppressMessages(library(survey))
file <- commandArgs(trailingOnly = TRUE)[1]
t0 <- Sys.time()
r <- read.csv(file, stringsAsFactors = FALSE)
d <- svydesign(ids = ~1, strata = ~estrato, weights = ~peso, fpc = ~N_estrato, data = r)
t1 <- Sys.time()
m <- svyby(~csat, ~dominio, d, svymean, na.rm = TRUE)
t2 <- Sys.time()
x <- svychisq(~canal + servicio, d)
t3 <- Sys.time()
setup <- as.numeric(t1 - t0, units = "secs")
cat(sprintf("%.2f %.2f\n", setup + as.numeric(t2 - t1, units = "secs"), setup + as.numeric(t3 - t2, units = "secs")))
