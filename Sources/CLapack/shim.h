#ifndef SONDEO_CLAPACK_SHIM_H
#define SONDEO_CLAPACK_SHIM_H
/* What LinearAlgebra calls from BLAS and LAPACK (Debian: liblapack-dev, libopenblas-dev).
 * CBLAS comes from its header. The LAPACK Fortran-77 entry points are declared by hand, so that
 * liblapacke-dev is not needed. gfortran ABI: lower-case name and a trailing underscore, every
 * argument by pointer, column-major storage, 32-bit INTEGER (Debian's builds are LP64), and one
 * hidden size_t length per CHARACTER argument appended at the end. */
#include <stddef.h>
#include <cblas.h>

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
