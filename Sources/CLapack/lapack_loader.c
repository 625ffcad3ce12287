// BLAS and LAPACK loaded on the first call (see clapack.h): each entry point below looks up the
// library's own function once, under pthread_once, and forwards its arguments unchanged.
#include "clapack.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#define HIDDEN __attribute__((visibility("hidden")))

static struct {
    void (*dgemm)(enum CBLAS_ORDER, enum CBLAS_TRANSPOSE, enum CBLAS_TRANSPOSE, int, int, int, double, const double *, int,
                  const double *, int, double, double *, int);
    void (*dsyrk)(enum CBLAS_ORDER, enum CBLAS_UPLO, enum CBLAS_TRANSPOSE, int, int, double, const double *, int, double, double *, int);
    void (*dgeqrf)(const lapack_int_t *, const lapack_int_t *, double *, const lapack_int_t *, double *, double *, const lapack_int_t *, lapack_int_t *);
    void (*dormqr)(const char *, const char *, const lapack_int_t *, const lapack_int_t *, const lapack_int_t *, const double *, const lapack_int_t *,
                   const double *, double *, const lapack_int_t *, double *, const lapack_int_t *, lapack_int_t *, size_t, size_t);
    void (*dtrtrs)(const char *, const char *, const char *, const lapack_int_t *, const lapack_int_t *, const double *, const lapack_int_t *,
                   double *, const lapack_int_t *, lapack_int_t *, size_t, size_t, size_t);
    void (*dtrtri)(const char *, const char *, const lapack_int_t *, double *, const lapack_int_t *, lapack_int_t *, size_t, size_t);
    void (*dpotrf)(const char *, const lapack_int_t *, double *, const lapack_int_t *, lapack_int_t *, size_t);
    void (*dpotrs)(const char *, const lapack_int_t *, const lapack_int_t *, const double *, const lapack_int_t *, double *, const lapack_int_t *,
                   lapack_int_t *, size_t);
    void (*dpotri)(const char *, const lapack_int_t *, double *, const lapack_int_t *, lapack_int_t *, size_t);
    void (*dsyevd)(const char *, const char *, const lapack_int_t *, double *, const lapack_int_t *, double *, double *, const lapack_int_t *,
                   lapack_int_t *, const lapack_int_t *, lapack_int_t *, size_t, size_t);
} lib;

static pthread_once_t loaded = PTHREAD_ONCE_INIT;

static void *open_library(const char *name) {
    void *handle = dlopen(name, RTLD_NOW | RTLD_GLOBAL);
    if (!handle) {
        fprintf(stderr, "error: no se pudo cargar %s (%s): instale liblapack-dev y libopenblas-dev\n", name, dlerror());
        exit(70);
    }
    return handle;
}

static void *find(void *handle, const char *name) {
    void *function = dlsym(handle, name);
    if (!function) {
        fprintf(stderr, "error: la biblioteca de álgebra lineal no tiene %s\n", name);
        exit(70);
    }
    return function;
}

static void load(void) {
    void *blas = open_library("libblas.so.3");
    void *lapack = open_library("liblapack.so.3");
    *(void **)&lib.dgemm = find(blas, "cblas_dgemm");
    *(void **)&lib.dsyrk = find(blas, "cblas_dsyrk");
    *(void **)&lib.dgeqrf = find(lapack, "dgeqrf_");
    *(void **)&lib.dormqr = find(lapack, "dormqr_");
    *(void **)&lib.dtrtrs = find(lapack, "dtrtrs_");
    *(void **)&lib.dtrtri = find(lapack, "dtrtri_");
    *(void **)&lib.dpotrf = find(lapack, "dpotrf_");
    *(void **)&lib.dpotrs = find(lapack, "dpotrs_");
    *(void **)&lib.dpotri = find(lapack, "dpotri_");
    *(void **)&lib.dsyevd = find(lapack, "dsyevd_");
}

#define READY pthread_once(&loaded, load)

HIDDEN void cblas_dgemm(enum CBLAS_ORDER order, enum CBLAS_TRANSPOSE transA, enum CBLAS_TRANSPOSE transB, int m, int n, int k,
                        double alpha, const double *a, int lda, const double *b, int ldb, double beta, double *c, int ldc) {
    READY;
    lib.dgemm(order, transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
}

HIDDEN void cblas_dsyrk(enum CBLAS_ORDER order, enum CBLAS_UPLO uplo, enum CBLAS_TRANSPOSE trans, int n, int k, double alpha,
                        const double *a, int lda, double beta, double *c, int ldc) {
    READY;
    lib.dsyrk(order, uplo, trans, n, k, alpha, a, lda, beta, c, ldc);
}

HIDDEN void dgeqrf_(const lapack_int_t *m, const lapack_int_t *n, double *a, const lapack_int_t *lda, double *tau, double *work,
                    const lapack_int_t *lwork, lapack_int_t *info) {
    READY;
    lib.dgeqrf(m, n, a, lda, tau, work, lwork, info);
}

HIDDEN void dormqr_(const char *side, const char *trans, const lapack_int_t *m, const lapack_int_t *n, const lapack_int_t *k, const double *a,
                    const lapack_int_t *lda, const double *tau, double *c, const lapack_int_t *ldc, double *work, const lapack_int_t *lwork,
                    lapack_int_t *info, size_t side_len, size_t trans_len) {
    READY;
    lib.dormqr(side, trans, m, n, k, a, lda, tau, c, ldc, work, lwork, info, side_len, trans_len);
}

HIDDEN void dtrtrs_(const char *uplo, const char *trans, const char *diag, const lapack_int_t *n, const lapack_int_t *nrhs, const double *a,
                    const lapack_int_t *lda, double *b, const lapack_int_t *ldb, lapack_int_t *info, size_t uplo_len, size_t trans_len,
                    size_t diag_len) {
    READY;
    lib.dtrtrs(uplo, trans, diag, n, nrhs, a, lda, b, ldb, info, uplo_len, trans_len, diag_len);
}

HIDDEN void dtrtri_(const char *uplo, const char *diag, const lapack_int_t *n, double *a, const lapack_int_t *lda, lapack_int_t *info,
                    size_t uplo_len, size_t diag_len) {
    READY;
    lib.dtrtri(uplo, diag, n, a, lda, info, uplo_len, diag_len);
}

HIDDEN void dpotrf_(const char *uplo, const lapack_int_t *n, double *a, const lapack_int_t *lda, lapack_int_t *info, size_t uplo_len) {
    READY;
    lib.dpotrf(uplo, n, a, lda, info, uplo_len);
}

HIDDEN void dpotrs_(const char *uplo, const lapack_int_t *n, const lapack_int_t *nrhs, const double *a, const lapack_int_t *lda, double *b,
                    const lapack_int_t *ldb, lapack_int_t *info, size_t uplo_len) {
    READY;
    lib.dpotrs(uplo, n, nrhs, a, lda, b, ldb, info, uplo_len);
}

HIDDEN void dpotri_(const char *uplo, const lapack_int_t *n, double *a, const lapack_int_t *lda, lapack_int_t *info, size_t uplo_len) {
    READY;
    lib.dpotri(uplo, n, a, lda, info, uplo_len);
}

HIDDEN void dsyevd_(const char *jobz, const char *uplo, const lapack_int_t *n, double *a, const lapack_int_t *lda, double *w, double *work,
                    const lapack_int_t *lwork, lapack_int_t *iwork, const lapack_int_t *liwork, lapack_int_t *info, size_t jobz_len,
                    size_t uplo_len) {
    READY;
    lib.dsyevd(jobz, uplo, n, a, lda, w, work, lwork, iwork, liwork, info, jobz_len, uplo_len);
}
