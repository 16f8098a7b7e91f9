/*
 * Regression tests for the bugs the robustness programs found (the system
 * call fuzzer /tests/fuzz, the exhaust_* tests, fuzzing under KUBSAN),
 * one case per bug, each the smallest program that shows it:
 *
 *   init=/tests/fuzz_regress -- NAME      runs case NAME (as init)
 *   init=/tests/run -- /tests/fuzz_regress NAME
 *                                          the same under the leak-checking
 *                                          init (what the system tests do)
 *   build/user/root/tests/fuzz_regress NAME   the same on Linux, which
 *                                          is where the expected results
 *                                          were checked (but for
 *                                          mountpoint_busy)
 *
 * A case prints "fuzz_regress NAME: ok" and exits 0 when the kernel does
 * what Linux does and, on Cowix, all the case used has come back: the
 * /proc/kstat counters and the root file system's free blocks and inodes
 * (robust.h; memory within 64 KiB, for this process's own pages).
 * docs/robustness.md lists the cases with the seed and batch the fuzzer
 * found them in.
 */
#include <fcntl.h>
#include <signal.h>
#include <time.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>

#include "kernel/uapi/ldt.h"
#include "t.h"
#include "robust.h"

/* Found by seed 1, batch 29 (rmdir("/proc") succeeded and freed the
 * directory under the mount) and seed 5, batch 31 (rename of a sandbox
 * directory onto "/dev" succeeded, hiding its file under the mount).
 * Linux refuses to remove or replace a mount point: EBUSY.  Do not run
 * this case on a host: there the renames would be tried on the real /dev. */
static void mountpoint_busy(void)
{
    CHECK_EQ(raw(__NR_rmdir, (long)"/proc", 0, 0), -EBUSY);
    CHECK_EQ(raw(__NR_rmdir, (long)"/dev", 0, 0), -EBUSY);
    CHECK_EQ(raw(__NR_rename, (long)"/proc", (long)"/proc2", 0), -EBUSY);
    CHECK(mkdir("/tmp/mp", 0755) == 0);
    CHECK_EQ(raw(__NR_rename, (long)"/tmp/mp", (long)"/dev", 0), -EBUSY);
    CHECK_EQ(raw(__NR_rename, (long)"/tmp/mp", (long)"/proc", 0), -EBUSY);
    CHECK(rmdir("/tmp/mp") == 0);
    CHECK(access("/proc/self/stat", R_OK) == 0);
    CHECK(access("/dev/null", W_OK) == 0);
}

/* Found by seed 1, batch 13 (writev) and seed 4, batch 83 (pwrite64): a
 * write to /dev/null of more than 2 GiB returned the byte count, a
 * negative number that is no errno.  Linux checks, in this order, that the
 * whole range is user memory (EFAULT) and that the count is a valid
 * ssize_t (EINVAL), then caps it at MAX_RW_COUNT (INT_MAX rounded down to
 * a page); readv and writev check every piece (longer than SSIZE_MAX:
 * EINVAL) before moving a byte, and cap the total.  Checked on Debian's
 * 6.1 kernel. */
#define MAX_RW_COUNT 0x7ffff000L

static void rw_count_cap(void)
{
    static char buf[16];
    int fd = open("/dev/null", O_WRONLY);
    CHECK(fd >= 0);
    struct iovec two[2] = {{buf, 0x60000000}, {buf, 0x60000000}};
    CHECK_EQ(raw(__NR_writev, fd, (long)two, 2), MAX_RW_COUNT);
    struct iovec one[1] = {{buf, 0x90000000u}};
    CHECK_EQ(raw(__NR_writev, fd, (long)one, 1), -EINVAL);
    struct iovec far[2] = {{buf, 16}, {(void *)0xbffff000u, 0x2000}};
    CHECK_EQ(raw(__NR_writev, fd, (long)far, 2), -EFAULT);
    CHECK_EQ(raw(__NR_write, fd, (long)buf, 0x7fffffffL), MAX_RW_COUNT);
    CHECK_EQ(raw(__NR_write, fd, (long)buf, (long)0x90000000u), -EINVAL);
    CHECK_EQ(raw(__NR_write, fd, (long)buf, (long)0xfffff000u), -EFAULT);   /* into the kernel */
    CHECK_EQ(syscall(__NR_pwrite64, fd, buf, 0x7ffff800u, 0, 0), MAX_RW_COUNT);
    CHECK_EQ(syscall(__NR_pwrite64, fd, buf, 0x80000000u, 0, 0), -1);
    CHECK_EQ(errno, EINVAL);
    close(fd);
}

/* Found by seed 3 (the whole run stopped after batch 59): a process that
 * is alone on the run queue when its time slice ends is chosen again with
 * its slice left at 0, the next tick wraps the count around, and it is
 * never preempted again: a sleeping parent that wakes up waits forever.
 * Here the parent sleeps while a child spins; each sleep must end. */
static void spin(void)
{
    for (;;)
        ;
}

static void sleep_beside_spinner(void)
{
    pid_t child = fork();
    if (child == 0)
        spin();
    CHECK(child > 0);
    for (int i = 0; i < 5; i++) {
        struct timespec ts = {0, 50 * 1000 * 1000};
        CHECK(nanosleep(&ts, NULL) == 0);
    }
    CHECK(kill(child, SIGKILL) == 0);
    int status;
    CHECK_EQ(waitpid(child, &status, 0), child);
    CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
}

/* Found by exhaust_fds: open(O_CREAT) with every descriptor in use fails
 * with -EMFILE, as it should, but creates the file all the same; Linux
 * takes the descriptor first and creates nothing. */
static void creat_at_emfile(void)
{
    long fd, first = -1, last = -1;
    unlink("/tmp/emfile_new");
    while ((fd = raw(__NR_open, (long)"/dev/null", O_RDONLY, 0)) >= 0) {
        if (first < 0)
            first = fd;
        last = fd;
    }
    CHECK(first >= 0);
    CHECK_EQ(raw(__NR_open, (long)"/tmp/emfile_new", O_RDWR | O_CREAT, 0644), -EMFILE);
    CHECK_EQ(raw(__NR_access, (long)"/tmp/emfile_new", F_OK, 0), -ENOENT);
    /* The leak check counts open files: close them all (every descriptor
     * from the first is ours, as nothing else was open above 2). */
    for (fd = first; fd <= last; fd++)
        close((int)fd);
}

/* Found by exhaust_names: a lookup through a chain of 40 symlinks fails
 * with -ELOOP; Linux follows up to 40 (MAXSYMLINKS) and refuses the 41st. */
static void symlink_chain_40(void)
{
    char from[16], to[16];
    mkdir("/tmp/chain", 0755);
    CHECK(empty_dir("/tmp/chain") == 0 && chdir("/tmp/chain") == 0);
    int fd = open("target", O_WRONLY | O_CREAT, 0644);
    CHECK(fd >= 0);
    close(fd);
    for (int i = 1; i <= 41; i++) {         /* l1 -> l2 -> ... -> l41 -> target */
        snprintf(from, sizeof from, "l%d", i);
        snprintf(to, sizeof to, i == 41 ? "target" : "l%d", i + 1);
        CHECK(symlink(to, from) == 0);
    }
    CHECK_EQ(raw(__NR_access, (long)"l2", F_OK, 0), 0);         /* 40 links */
    CHECK_EQ(raw(__NR_access, (long)"l1", F_OK, 0), -ELOOP);    /* 41 links */
    CHECK(empty_dir("/tmp/chain") == 0 && chdir("/") == 0 && rmdir("/tmp/chain") == 0);
}

/* Found by exhaust_names: getcwd in a directory whose path is longer than
 * PATH_MAX fails with -ERANGE even when the buffer is large enough; Linux
 * says -ENAMETOOLONG (ERANGE is for a buffer too small). */
static void getcwd_too_long(void)
{
    static char name[256], cwd[3 * 4096];
    memset(name, 'n', 255);
    mkdir("/tmp/long", 0755);
    CHECK(empty_dir("/tmp/long") == 0 && chdir("/tmp/long") == 0);
    for (int i = 0; i < 17; i++)            /* 17 names of 255 bytes: over 4 KiB */
        CHECK(mkdir(name, 0755) == 0 && chdir(name) == 0);
    CHECK_EQ(raw(__NR_getcwd, (long)cwd, sizeof cwd, 0), -ENAMETOOLONG);
    for (int i = 0; i < 17; i++)
        CHECK(chdir("..") == 0 && rmdir(name) == 0);
    CHECK(chdir("/") == 0 && rmdir("/tmp/long") == 0);
}

/* Found by fuzzing under KUBSAN (seeds 1, 2, 3): get_thread_area with a
 * pointer that is not 4-byte aligned forms &uinfo->entry_number, member
 * access through a misaligned pointer, and a KUBSAN kernel panics.  User
 * pointers may be misaligned: Linux accepts them.  (An ordinary kernel
 * passes this case; the KUBSAN one is the test.) */
static void misaligned_user_struct(void)
{
    static uint32_t words[8];
    struct user_desc *u = (struct user_desc *)((char *)words + 1);
    struct user_desc d = {.entry_number = 0xffffffffu};
    memcpy(u, &d, sizeof d);
    CHECK_EQ(raw(__NR_get_thread_area, (long)u, 0, 0), -EINVAL);
    d.limit = 0xfffff;
    d.flags = UD_SEG_32BIT | UD_LIMIT_IN_PAGES | UD_USEABLE;
    memcpy(u, &d, sizeof d);
    CHECK_EQ(raw(__NR_set_thread_area, (long)u, 0, 0), 0);      /* takes a free slot */
    memcpy(&d, u, sizeof d);
    CHECK(d.entry_number != 0xffffffffu);
    CHECK_EQ(raw(__NR_get_thread_area, (long)u, 0, 0), 0);
    memcpy(&d, u, sizeof d);
    CHECK_EQ(d.limit, 0xfffff);
}

/* Found by fuzzing under KUBSAN (seed 2): waitpid(INT_MIN) negates the
 * pid to get a process group, which overflows.  Linux answers -ESRCH. */
static void wait_int_min(void)
{
    int status;
    pid_t child = fork();                   /* a child to compare the group with */
    if (child == 0)
        spin();
    CHECK(child > 0);
    CHECK_EQ(raw(__NR_waitpid, (long)-2147483647 - 1, (long)&status, WNOHANG), -ESRCH);
    CHECK_EQ(raw4(__NR_wait4, (long)-2147483647 - 1, (long)&status, WNOHANG, 0), -ESRCH);
    CHECK(kill(child, SIGKILL) == 0 && waitpid(child, &status, 0) == child);
}

/* Found by seed 2, batch 723: a clone child on a stray stack ran into
 * bytes that made an iret with VM set in the popped EFLAGS.  A real CPU
 * ignores VM in an iret below ring 0 (the far jump to the selector then
 * faults); QEMU's TCG enters virtual-8086 mode, and the next trap from
 * there was taken for one from the kernel: a panic.  Each child here
 * irets to 1000:0000 with VM and IOPL 3, where a page holds an int 0x80,
 * a hlt, or a loop the timer interrupts.  Each must die of SIGSEGV,
 * on Linux (#GP on the selector) as on Cowix under QEMU (no vm86). */
#define VM86_CODE 0x10000L

static int iret_to_vm86(const unsigned char *code, size_t len)
{
    pid_t child = fork();
    if (child == 0) {
        void *page = mmap((void *)VM86_CODE, 4096, PROT_READ | PROT_WRITE | PROT_EXEC,
                          MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
        if (page != (void *)VM86_CODE)
            _exit(1);
        memcpy((void *)VM86_CODE, code, len);
        __asm__ volatile("pushl $0x23202\n\t"        /* VM, IOPL 3, IF */
                         "pushl $0x1000\n\t"         /* cs: 0x1000 * 16 = VM86_CODE */
                         "pushl $0\n\t"
                         "iret" ::: "memory");
        _exit(2);
    }
    int status;
    if (child < 0 || waitpid(child, &status, 0) != child)
        return -1;
    return WIFSIGNALED(status) ? WTERMSIG(status) : 100 + WEXITSTATUS(status);
}

static void vm86_iret(void)
{
    static const unsigned char int80[] = {0xcd, 0x80}, hlt[] = {0xf4}, loop[] = {0xeb, 0xfe};
    CHECK_EQ(iret_to_vm86(int80, sizeof int80), SIGSEGV);
    CHECK_EQ(iret_to_vm86(hlt, sizeof hlt), SIGSEGV);
    CHECK_EQ(iret_to_vm86(loop, sizeof loop), SIGSEGV);
}

struct regression {
    const char *name;
    void (*run)(void);
};

static const struct regression cases[] = {
    {"mountpoint_busy", mountpoint_busy},
    {"rw_count_cap", rw_count_cap},
    {"sleep_beside_spinner", sleep_beside_spinner},
    {"creat_at_emfile", creat_at_emfile},
    {"symlink_chain_40", symlink_chain_40},
    {"getcwd_too_long", getcwd_too_long},
    {"misaligned_user_struct", misaligned_user_struct},
    {"wait_int_min", wait_int_min},
    {"vm86_iret", vm86_iret},
};

int main(int argc, char **argv)
{
    for (unsigned i = 0; i < sizeof cases / sizeof cases[0]; i++)
        if (argc > 1 && !strcmp(argv[1], cases[i].name)) {
            struct leak_check leaks;
            leak_check_begin(&leaks);
            cases[i].run();
            CHECK(!leak_check_end(&leaks, cases[i].name));
            printf("fuzz_regress %s: ok\n", cases[i].name);
            return 0;
        }
    printf("usage: fuzz_regress NAME; NAME is one of:");
    for (unsigned i = 0; i < sizeof cases / sizeof cases[0]; i++)
        printf(" %s", cases[i].name);
    printf("\n");
    return 2;
}
