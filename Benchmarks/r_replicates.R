# The R survey peer of `sondeo analyze mean --by dominio` and `sondeo analyze regress` with 100 JK1
# replicate weights. Usage: Rscript Benchmarks/r_replicates.R FILE
# → prints "seconds_mean seconds_regress peak_MiB" (each including read.csv and svrepdesign).
suppressMessages(library(survey))
file <- commandArgs(trailingOnly = TRUE)[1]
t0 <- Sys.time()
r <- read.csv(file, stringsAsFactors = FALSE)
d <- svrepdesign(data = r, weights = ~peso, repweights = "rep_[0-9]+", type = "JK1", combined.weights = TRUE)
t1 <- Sys.time()
m <- svyby(~csat, ~dominio, d, svymean, na.rm = TRUE)
t2 <- Sys.time()
g <- svyglm(nps ~ csat + canal + servicio, d)
t3 <- Sys.time()
setup <- as.numeric(t1 - t0, units = "secs")
peak <- as.numeric(system(sprintf("grep VmHWM /proc/%d/status | awk '{print $2}'", Sys.getpid()), intern = TRUE)) / 1024
cat(sprintf("%.2f %.2f %.0f\n", setup + as.numeric(t2 - t1, units = "secs"), setup + as.numeric(t3 - t2, units = "secs"), peak))
