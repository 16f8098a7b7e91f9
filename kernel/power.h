/*
 * Stopping the machine.  Under QEMU with `-device isa-debug-exit,
 * iobase=0xf4,iosize=0x04`, writing v to port 0xf4 ends QEMU with exit
 * status (v << 1) | 1; without that device the write does nothing and we
 * fall back to ACPI-less halting.
 */
#ifndef KERNEL_POWER_H
#define KERNEL_POWER_H

#include <stdint.h>

#define QEMU_EXIT_PANIC 0x7f        /* QEMU exits 255 */

void power_exit_qemu(uint32_t value);
__attribute__((noreturn)) void power_off(uint32_t status);
__attribute__((noreturn)) void power_reboot(void);

#endif
