/*
 * kmain: from the boot stub to a running system.  Each step brings up one
 * layer on top of the previous ones (docs/boot.md walks through them):
 * consoles, CPU tables, the loader's information, the command line,
 * memory, interrupts and the timer, then the self-tests or the first
 * user process.
 */
#include <stdint.h>

#include "kernel/cmdline.h"
#include "kernel/console.h"
#include "kernel/cpu.h"
#include "kernel/gdt.h"
#include "kernel/idt.h"
#include "kernel/ktest.h"
#include "kernel/layout.h"
#include "kernel/multiboot.h"
#include "kernel/pic.h"
#include "kernel/pit.h"
#include "kernel/power.h"
#include "kernel/serial.h"
#include "mm/mm.h"
#include "mm/vm.h"

#define COWIX_VERSION "0.1"
#define QEMU_EXIT_BOOT_ERROR 0x7e   /* QEMU exits 253 */
#define BOOT_VISIBLE_MEMORY 0x40000000u     /* boot.asm maps 1 GiB */

static struct boot_info boot;
static struct boot_options options;

const struct boot_options *boot_options(void)
{
    return &options;
}

__attribute__((noreturn)) static void cannot_boot(const char *why)
{
    kprintf("Cowix cannot start: %s\n", why);
    power_off(QEMU_EXIT_BOOT_ERROR);
}

static void print_warning(const char *msg)
{
    kprintf("%s\n", msg);
}

static void on_tick(void)
{
}

void kmain(uint32_t magic, uint32_t info_phys)
{
    console_init();
    gdt_init();
    idt_init();
    kprintf("Cowix %s, a copy-on-write kernel for i386\n", COWIX_VERSION);

    const char *err = multiboot_parse(magic, info_phys, PHYS_TO_VIRT(0),
                                      BOOT_VISIBLE_MEMORY, &boot);
    if (err)
        cannot_boot(err);
    kprintf("command line: %s\n", boot.cmdline);
    cmdline_parse(boot.cmdline, &options, print_warning);

    err = mm_init(&boot);
    if (err)
        cannot_boot(err);

    pic_init();
    pit_init((uint32_t)options.tick_ms, on_tick);
    sti();

    if (options.ktest) {
        vm_switch(NULL);
        int failures = ktest_run(options.ktest_name);
        power_off(failures ? 1 : 0);
    }
    if (!boot.initrd.end)
        cannot_boot("no initrd module: nothing to run as init");
    kprintf("no process layer yet\n");
    power_off(2);
}
