/*
 * The system tick.  Command byte 0x36 = channel 0, low then high byte,
 * mode 3 (square wave), binary.  Time since boot is kept as a tick count
 * and converted with the exact divisor, so it does not drift.
 */
#include "kernel/pit.h"

#include "kernel/cpu.h"
#include "kernel/pic.h"
#include "kernel/trap.h"

#define PIT_CH0 0x40
#define PIT_CMD 0x43
#define PIT_MODE3_LOHI 0x36

static volatile uint64_t ticks;
static uint32_t divisor, period_ms;
static void (*tick_hook)(const struct trapframe *tf);

uint32_t pit_divisor_for_ms(uint32_t ms)
{
    if (ms < 1 || ms > 54)
        return 0;
    uint32_t d = (PIT_HZ * ms + 500) / 1000;    /* rounded to nearest */
    return d <= 0xffff ? d : 0;
}

static void pit_irq(struct trapframe *tf)
{
    ticks++;
    if (tick_hook)
        tick_hook(tf);
}

void pit_init(uint32_t ms, void (*on_tick)(const struct trapframe *tf))
{
    divisor = pit_divisor_for_ms(ms);
    period_ms = ms;
    tick_hook = on_tick;
    outb(PIT_CMD, PIT_MODE3_LOHI);
    outb(PIT_CH0, divisor & 0xff);
    outb(PIT_CH0, divisor >> 8);
    irq_install(0, pit_irq);
    pic_unmask(0);
}

uint64_t pit_ticks(void)
{
    uint32_t f = irq_save();        /* a 64-bit read is two loads */
    uint64_t t = ticks;
    irq_restore(f);
    return t;
}

uint64_t pit_uptime_ns(void)
{
    uint64_t cycles = pit_ticks() * divisor;
    return cycles / PIT_HZ * 1000000000ull + cycles % PIT_HZ * 1000000000ull / PIT_HZ;
}

uint32_t pit_tick_ms(void)
{
    return period_ms;
}
