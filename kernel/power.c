/*
 * Power-off and reboot, as reboot(2) and the ktest runner need them.
 * Power-off first tries QEMU's debug-exit port (so tests see the status),
 * then the ACPI ports QEMU's PIIX4 and ICH9 chipsets answer, then halts.
 */
#include "kernel/power.h"

#include "kernel/console.h"
#include "kernel/cpu.h"

void power_exit_qemu(uint32_t value)
{
    outl(0xf4, value);
}

void power_off(uint32_t status)
{
    power_exit_qemu(status & 0x7f);
    outw(0x604, 0x2000);            /* QEMU q35 / newer PIIX4 ACPI */
    outw(0xb004, 0x2000);           /* older QEMU and Bochs */
    kprintf("Power down.\n");
    for (;;) {
        cli();
        hlt();
    }
}

void power_reboot(void)
{
    /* Pulse the CPU reset line through the keyboard controller. */
    for (int spin = 0; spin < 100000 && (inb(0x64) & 2); spin++)
        ;
    outb(0x64, 0xfe);
    for (;;) {
        cli();
        hlt();
    }
}
