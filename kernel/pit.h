/*
 * The 8253/8254 programmable interval timer, channel 0, as the system tick.
 * Its input clock is 1193182 Hz and the divisor is 16 bits, so periods of
 * 1 to 54 ms can be programmed.
 */
#ifndef KERNEL_PIT_H
#define KERNEL_PIT_H

#include <stdint.h>

#include "kernel/trap.h"

#define PIT_HZ 1193182u

/* The divisor for a period of `ms` milliseconds, or 0 if ms is outside
 * 1..54 (the divisor would not fit in 16 bits). */
uint32_t pit_divisor_for_ms(uint32_t ms);

/* Program channel 0 (square wave, lo/hi byte) and enable IRQ 0.
 * `on_tick` runs in the interrupt, once per period. */
void pit_init(uint32_t ms, void (*on_tick)(const struct trapframe *tf));

/* Ticks since pit_init, and nanoseconds they represent. */
uint64_t pit_ticks(void);
uint64_t pit_uptime_ns(void);
uint32_t pit_tick_ms(void);

#endif
