#ifndef SONDEO_CRMATH_SHIM_H
#define SONDEO_CRMATH_SHIM_H
/* R's standalone math library (Debian: r-mathlib). Some names in Rmath.h are macros that Swift
 * cannot see (qnorm -> qnorm5, pnorm -> pnorm5, dnorm -> dnorm4); Distributions calls the real
 * functions. */
#define MATHLIB_STANDALONE 1
#include <Rmath.h>
#endif
