/*
 * kmain: from the boot stub to a running system.  Each step brings up one
 * layer on top of the previous ones (docs/boot.md walks through them):
 * consoles, CPU tables, the loader's information, the command line,
 * memory, interrupts and the timer, processes and files, then the first
 * user process (or, with `ktest`, the self-tests).
 */
#include <stdint.h>

#include "fs/dev.h"
#include "fs/exec.h"
#include "fs/fscontext.h"
#include "fs/mount.h"
#include "fs/namei.h"
#include "fs/tty.h"
#include "kernel/clock.h"
#include "kernel/cmdline.h"
#include "kernel/console.h"
#include "kernel/cpu.h"
#include "kernel/fpu.h"
#include "kernel/gdt.h"
#include "kernel/idt.h"
#include "kernel/ktest.h"
#include "kernel/layout.h"
#include "kernel/multiboot.h"
#include "kernel/pic.h"
#include "kernel/pit.h"
#include "kernel/power.h"
#include "kernel/syscall.h"
#include "mm/mm.h"
#include "mm/vm.h"
#include "proc/sched.h"
#include "proc/start.h"

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

/* pid 1 under `ktest`: run the self-tests in a process context (they may
 * sleep, fork and wait), then power off with the verdict. */
static void run_ktests(void *arg)
{
    (void)arg;
    int failures = ktest_run(options.ktest_name);
    power_off(failures ? 1 : 0);
}

/* pid 1: the console as fds 0-2, then exec init; enter it through iret. */
static void start_init(void *arg)
{
    (void)arg;
    current->fs = fs_context_new(vfs_root());
    if (!current->fs || fs_open_console_fds() < 0)
        cannot_boot("cannot open /dev/console for init");
    const char *argv[CMDLINE_MAX_INIT_ARGS + 2] = {options.init};
    for (int i = 0; i < options.init_argc; i++)
        argv[i + 1] = options.init_argv[i];
    const char *envp[] = {"HOME=/", "TERM=linux", "PATH=/bin:/usr/bin:/sbin:/usr/sbin", NULL};
    int err = exec_kernel(options.init, argv, envp);
    if (err) {
        kprintf("cannot run %s (error %d); trying /bin/sh\n", options.init, -err);
        const char *sh[] = {"/bin/sh", NULL};
        if (exec_kernel("/bin/sh", sh, envp) < 0)
            cannot_boot("no init program could be run");
    }
    enter_user(proc_frame(current));
}

static void start_files(void)
{
    if (!boot.initrd.end)
        cannot_boot("no initrd module: nothing to run as init");
    /* Where the live image is: tests dump it from QEMU's monitor. */
    kprintf("initrd: ext2 image at physical 0x%x, %u bytes\n", boot.initrd.start,
            boot.initrd.end - boot.initrd.start);
    const char *err = fs_init(PHYS_TO_VIRT(boot.initrd.start),
                              boot.initrd.end - boot.initrd.start);
    if (err)
        cannot_boot(err);
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
    syscall_set_trace(options.strace);

    err = mm_init(&boot);
    if (err)
        cannot_boot(err);

    pic_init();
    fpu_init();
    clock_init();
    random_init(rdtsc() ^ clock_realtime_ns());
    uint32_t quantum = (uint32_t)(options.quantum_ms / options.tick_ms);
    proc_start(quantum ? quantum : 1);
    pit_init((uint32_t)options.tick_ms, sched_tick);
    tty_init();
    sti();

    if (options.ktest) {
        if (boot.initrd.end)
            start_files();
        proc_spawn_first(run_ktests, NULL);
    } else {
        start_files();
        proc_spawn_first(start_init, NULL);
    }
    sched_idle();
}
