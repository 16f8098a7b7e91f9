/*
 * Small arithmetic helpers and the pseudo-random generator (a 32-bit
 * linear congruential generator; the upper bits are the better ones).
 */
#include <stdlib.h>

int abs(int x)                { return x < 0 ? -x : x; }
long labs(long x)             { return x < 0 ? -x : x; }
long long llabs(long long x)  { return x < 0 ? -x : x; }

div_t div(int a, int b)
{
    div_t r = {a / b, a % b};
    return r;
}

ldiv_t ldiv(long a, long b)
{
    ldiv_t r = {a / b, a % b};
    return r;
}

static unsigned long long seed = 1;

void srand(unsigned s)
{
    seed = s;
}

int rand(void)
{
    seed = seed * 6364136223846793005ull + 1442695040888963407ull;
    return (int)(seed >> 33);
}
