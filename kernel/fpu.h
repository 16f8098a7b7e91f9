/*
 * The floating-point and SSE registers are part of a process's state.
 * Cowix saves and restores them on every switch (eagerly: two instructions,
 * simpler than trapping on first use), with fxsave/fxrstor where the CPU
 * has them and fnsave/frstor otherwise.  Areas are 512 bytes, 16-aligned.
 */
#ifndef KERNEL_FPU_H
#define KERNEL_FPU_H

#include <stdint.h>

void fpu_init(void);
void fpu_save(uint8_t *area);
void fpu_restore(const uint8_t *area);
/* The state of a freshly initialised FPU (for a new program). */
void fpu_reset(uint8_t *area);

#endif
