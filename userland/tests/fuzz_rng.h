/*
 * The fuzzer's random numbers (part of /tests/fuzz, see fuzz.c).  Every
 * choice a worker makes comes from one xorshift32 generator seeded from
 * (seed, batch), so a batch makes the same calls with the same arguments
 * every time it is run: the seed and batch number reproduce a finding.
 */
#ifndef TESTS_FUZZ_RNG_H
#define TESTS_FUZZ_RNG_H

#include <stdint.h>

static uint32_t rng_state = 1;

/* Scramble (seed, batch) so that neighbouring batches start far apart. */
static void rng_seed(uint32_t seed, uint32_t batch)
{
    uint32_t h = seed * 0x9e3779b1u ^ (batch + 1) * 0x85ebca6bu;
    h ^= h >> 16;
    h *= 0x7feb352du;
    h ^= h >> 15;
    h *= 0x846ca68bu;
    h ^= h >> 16;
    rng_state = h ? h : 1;          /* xorshift never leaves 0 */
}

static uint32_t rng(void)
{
    uint32_t x = rng_state;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return rng_state = x;
}

/* A number in [0, n). */
static uint32_t below(uint32_t n)
{
    return n ? rng() % n : 0;
}

/* True about one time in n. */
static int one_in(uint32_t n)
{
    return below(n) == 0;
}

/* A random element of a constant array. */
#define PICK(array) ((array)[below(sizeof(array) / sizeof((array)[0]))])

#endif
