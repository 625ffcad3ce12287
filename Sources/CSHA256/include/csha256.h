#ifndef CSHA256_H
#define CSHA256_H

#include <stddef.h>
#include <stdint.h>

/// The 64 round constants K (FIPS 180-4, 4.2.2).
extern const uint32_t csha256_k[64];

/// Whether this processor has the SHA extensions (and SSSE3/SSE4.1) that csha256_blocks uses.
int csha256_available(void);

/// Compresses `blocks` 64-byte blocks of `data` into the eight words of `state` (FIPS 180-4, 6.2.2),
/// with the processor's SHA-256 instructions. Only call it when csha256_available() says so.
void csha256_blocks(uint32_t state[8], const uint8_t *data, size_t blocks);

#endif
