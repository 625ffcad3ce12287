# The R survey peer of `sondeo analyze regress` with the design (12 terms).
# Usage: Rscript Benchmarks/r_svyglm.R FILE   → prints "seconds" (read.csv + svydesign + svyglm + summary)
suppressMessages(library(survey))
file <- commandArgs(trailingOnly = TRUE)[1]
t0 <- Sys.time()
r <- read.csv(file, stringsAsFactors = FALSE)
d <- svydesign(ids = ~1, strata = ~categoria, weights = ~peso, fpc = ~N_estrato, data = r)
m <- svyglm(satisf_general ~ amabilidad + tiempo_espera + claridad_info + instalaciones + precio + edad + nps + csat +
              canal + servicio + sexo + categoria, design = d)
s <- summary(m)
cat(sprintf("%.2f\n", as.numeric(Sys.time() - t0, units = "secs")))
