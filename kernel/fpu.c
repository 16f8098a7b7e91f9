/*
 * FPU set-up: CR0.MP and NE (report FPU errors as exception 16), EM and TS
 * clear (no emulation, no lazy switching), and for SSE, CR4.OSFXSR and
 * OSXMMEXCPT.  A clean state is captured once after fninit.
 */
#include "kernel/fpu.h"

#include <stdbool.h>

#include "kernel/cpu.h"
#include "kernel/string.h"

#define CR0_MP 0x2u
#define CR0_EM 0x4u
#define CR0_TS 0x8u
#define CR0_NE 0x20u
#define CR4_OSFXSR 0x200u
#define CR4_OSXMMEXCPT 0x400u
#define CPUID_FXSR (1u << 24)
#define CPUID_SSE (1u << 25)

static bool have_fxsr;
static uint8_t clean[512] __attribute__((aligned(16)));

static uint32_t cpuid_edx(void)
{
    uint32_t a = 1, b, c, d;
    __asm__ volatile("cpuid" : "+a"(a), "=b"(b), "=c"(c), "=d"(d));
    return d;
}

void fpu_init(void)
{
    uint32_t features = cpuid_edx();
    have_fxsr = features & CPUID_FXSR;
    write_cr0((read_cr0() | CR0_MP | CR0_NE) & ~(CR0_EM | CR0_TS));
    if (have_fxsr) {
        uint32_t cr4 = read_cr4() | CR4_OSFXSR;
        if (features & CPUID_SSE)
            cr4 |= CR4_OSXMMEXCPT;
        write_cr4(cr4);
    }
    __asm__ volatile("fninit");
    fpu_save(clean);
}

void fpu_save(uint8_t *area)
{
    if (have_fxsr)
        __asm__ volatile("fxsave (%0)" : : "r"(area) : "memory");
    else
        __asm__ volatile("fnsave (%0); frstor (%0)" : : "r"(area) : "memory");
}

void fpu_restore(const uint8_t *area)
{
    if (have_fxsr)
        __asm__ volatile("fxrstor (%0)" : : "r"(area) : "memory");
    else
        __asm__ volatile("frstor (%0)" : : "r"(area) : "memory");
}

void fpu_reset(uint8_t *area)
{
    memcpy(area, clean, sizeof clean);
}
