#ifndef SONDEO_CLAPACK_H
#define SONDEO_CLAPACK_H
/* What LinearAlgebra calls from BLAS and LAPACK (Debian: liblapack-dev, libopenblas-dev), loaded on
 * the first call (lapack_loader.c) rather than linked: OpenBLAS starts a worker thread when it is
 * loaded, which spins for a while on the second core — a command that does no linear algebra (reading,
 * segmenting, drawing) would lose that core during its parallel reading.
 *
 * CBLAS as the reference interface declares it (the enumerations' values are the standard's), so
 * that whichever cblas.h the system's alternatives choose does not matter. The LAPACK Fortran-77
 * entry points: gfortran ABI, lower-case name and a trailing underscore, every argument by pointer,
 * column-major storage, 32-bit INTEGER (Debian's builds are LP64), and one hidden size_t length per
 * CHARACTER argument appended at the end. */
#include <stddef.h>

enum CBLAS_ORDER { CblasRowMajor = 101, CblasColMajor = 102 };
enum CBLAS_TRANSPOSE { CblasNoTrans = 111, CblasTrans = 112, CblasConjTrans = 113 };
enum CBLAS_UPLO { CblasUpper = 121, CblasLower = 122 };

/* C = alpha op(A) op(B) + beta C. */
void cblas_dgemm(enum CBLAS_ORDER order, enum CBLAS_TRANSPOSE transA, enum CBLAS_TRANSPOSE transB,
                 int m, int n, int k, double alpha, const double *a, int lda, const double *b, int ldb,
                 double beta, double *c, int ldc);
/* C = alpha A' A + beta C (one triangle). */
void cblas_dsyrk(enum CBLAS_ORDER order, enum CBLAS_UPLO uplo, enum CBLAS_TRANSPOSE trans, int n, int k,
                 double alpha, const double *a, int lda, double beta, double *c, int ldc);

typedef int lapack_int_t;

/* QR factorisation A = QR (Householder). */
void dgeqrf_(const lapack_int_t *m, const lapack_int_t *n, double *a, const lapack_int_t *lda,
             double *tau, double *work, const lapack_int_t *lwork, lapack_int_t *info);
/* Apply Q or Q' from dgeqrf to a matrix C. */
void dormqr_(const char *side, const char *trans, const lapack_int_t *m, const lapack_int_t *n,
             const lapack_int_t *k, const double *a, const lapack_int_t *lda, const double *tau,
             double *c, const lapack_int_t *ldc, double *work, const lapack_int_t *lwork,
             lapack_int_t *info, size_t side_len, size_t trans_len);
/* Solve a triangular system op(A) X = B. */
void dtrtrs_(const char *uplo, const char *trans, const char *diag, const lapack_int_t *n,
             const lapack_int_t *nrhs, const double *a, const lapack_int_t *lda, double *b,
             const lapack_int_t *ldb, lapack_int_t *info,
             size_t uplo_len, size_t trans_len, size_t diag_len);
/* Inverse of a triangular matrix, in place. */
void dtrtri_(const char *uplo, const char *diag, const lapack_int_t *n, double *a,
             const lapack_int_t *lda, lapack_int_t *info, size_t uplo_len, size_t diag_len);
/* Cholesky factorisation of a symmetric positive-definite matrix, and solve with it. */
void dpotrf_(const char *uplo, const lapack_int_t *n, double *a, const lapack_int_t *lda,
             lapack_int_t *info, size_t uplo_len);
void dpotrs_(const char *uplo, const lapack_int_t *n, const lapack_int_t *nrhs, const double *a,
             const lapack_int_t *lda, double *b, const lapack_int_t *ldb, lapack_int_t *info,
             size_t uplo_len);
/* Inverse from a Cholesky factor. */
void dpotri_(const char *uplo, const lapack_int_t *n, double *a, const lapack_int_t *lda,
             lapack_int_t *info, size_t uplo_len);
/* Eigenvalues and eigenvectors of a symmetric matrix (divide and conquer). */
void dsyevd_(const char *jobz, const char *uplo, const lapack_int_t *n, double *a,
             const lapack_int_t *lda, double *w, double *work, const lapack_int_t *lwork,
             lapack_int_t *iwork, const lapack_int_t *liwork, lapack_int_t *info,
             size_t jobz_len, size_t uplo_len);
#endif
