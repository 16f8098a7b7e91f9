/*
 * Signal frames: running a user handler and coming back.
 *
 * To run a handler, the kernel writes a frame on the user stack (the Linux
 * i386 layout: return address, signal number, for SA_SIGINFO pointers to a
 * siginfo and a ucontext; the saved registers in a struct sigcontext; the
 * FPU state) and points the trap frame at the handler with esp at the
 * frame.  When the handler returns, it "returns" to sa_restorer (the C
 * library's stub) or to the 8-byte stub in the frame itself; either calls
 * sigreturn (119) or rt_sigreturn (173), which reads the frame back.
 *
 * Everything read back is checked: segment selectors and flags the user
 * could have altered are forced to user values, so a forged frame can
 * only hurt its own process.
 */
#include "kernel/fpu.h"
#include "kernel/gdt.h"
#include "kernel/string.h"
#include "kernel/syscall.h"
#include "kernel/uapi/errno.h"
#include "kernel/uapi/syscall.h"
#include "mm/uaccess.h"
#include "proc/exit.h"
#include "kernel/uapi/wait.h"
#include "proc/sched.h"
#include "proc/sigframe.h"
#include "proc/signal.h"

/* struct sigcontext, i386 */
struct sigcontext {
    uint16_t gs, gsh, fs, fsh, es, esh, ds, dsh;
    uint32_t edi, esi, ebp, esp, ebx, edx, ecx, eax;
    uint32_t trapno, err, eip;
    uint16_t cs, csh;
    uint32_t eflags, esp_at_signal;
    uint16_t ss, ssh;
    uint32_t fpstate;
    uint32_t oldmask, cr2;
};

struct ucontext {
    uint32_t uc_flags;
    uint32_t uc_link;
    stack_t uc_stack;
    struct sigcontext uc_mcontext;
    sigset_t uc_sigmask;
};

/* sigreturn(119) frame, for handlers without SA_SIGINFO */
struct sigframe {
    uint32_t pretcode;
    int32_t sig;
    struct sigcontext sc;
    uint32_t extramask;         /* the high half of the blocked mask */
    uint8_t retcode[8];
};

/* rt_sigreturn(173) frame */
struct rt_sigframe {
    uint32_t pretcode;
    int32_t sig;
    uint32_t pinfo, puc;
    siginfo_t info;
    struct ucontext uc;
    uint8_t retcode[8];
};

/* The FPU state follows the frame, 16-byte aligned: fxsave's image. */
#define FPU_AREA 512u

_Static_assert(sizeof(struct sigcontext) == 88, "sigcontext layout");

static void fill_context(struct sigcontext *sc, const struct trapframe *tf,
                         uint32_t fpstate, sigset_t mask)
{
    memset(sc, 0, sizeof *sc);
    sc->gs = (uint16_t)tf->gs;
    sc->fs = (uint16_t)tf->fs;
    sc->es = (uint16_t)tf->es;
    sc->ds = (uint16_t)tf->ds;
    sc->edi = tf->edi;
    sc->esi = tf->esi;
    sc->ebp = tf->ebp;
    sc->esp = tf->esp;
    sc->ebx = tf->ebx;
    sc->edx = tf->edx;
    sc->ecx = tf->ecx;
    sc->eax = tf->eax;
    sc->trapno = tf->trapno;
    sc->err = tf->err;
    sc->eip = tf->eip;
    sc->cs = (uint16_t)tf->cs;
    sc->eflags = tf->eflags;
    sc->esp_at_signal = tf->esp;
    sc->ss = (uint16_t)tf->ss;
    sc->fpstate = fpstate;
    sc->oldmask = (uint32_t)mask;
    sc->cr2 = current->sig_fault_addr;
}

/* Where the frame goes: below the interrupted esp (or on the alternate
 * stack), leaving room for the FPU area, aligned as after a call: the
 * handler sees ((esp + 4) & 15) == 0, as the ABI wants. */
static uint32_t frame_address(const struct trapframe *tf, const struct sigaction *act,
                              uint32_t size, uint32_t *fpu_at)
{
    uint32_t sp = tf->esp;
    const stack_t *alt = &current->sig_altstack;
    bool on_alt = sp - (uint32_t)alt->ss_sp < alt->ss_size;
    if ((act->sa_flags & SA_ONSTACK) && !(alt->ss_flags & SS_DISABLE) && !on_alt)
        sp = (uint32_t)alt->ss_sp + alt->ss_size;
    sp = (sp - FPU_AREA) & ~15u;
    *fpu_at = sp;
    return ((sp - size) & ~15u) - 4;
}

/* The legacy stub: for a frame without a restorer.  `pop %eax` (sigframe
 * only, to drop the signal number), `mov $nr, %eax`, `int $0x80`. */
static void write_stub(uint8_t code[8], bool rt)
{
    uint32_t nr = rt ? __NR_rt_sigreturn : __NR_sigreturn;
    uint8_t *c = code;
    if (!rt)
        *c++ = 0x58;
    *c++ = 0xb8;
    memcpy(c, &nr, 4);
    c += 4;
    *c++ = 0xcd;
    *c++ = 0x80;
    while (c < code + 8)
        *c++ = 0x90;
}

static void point_at_handler(struct trapframe *tf, uint32_t frame, const struct sigaction *act)
{
    tf->esp = frame;
    tf->eip = (uint32_t)act->sa_handler;
    tf->cs = SEL_UCODE;
    tf->ss = tf->ds = tf->es = SEL_UDATA;
    tf->eflags &= ~(0x100u | 0x400u);  /* no single step, direction up */
}

static bool setup_rt(struct trapframe *tf, int sig, const struct sigaction *act,
                     sigset_t old_mask)
{
    struct rt_sigframe f;
    uint32_t fpu_at;
    uint32_t at = frame_address(tf, act, sizeof f, &fpu_at);
    memset(&f, 0, sizeof f);
    f.sig = sig;
    f.pinfo = at + offsetof(struct rt_sigframe, info);
    f.puc = at + offsetof(struct rt_sigframe, uc);
    f.info.si_signo = sig;
    f.info.si_code = current->sig_code[sig];
    if (current->sig_fault_addr)
        f.info.si_addr = (void *)current->sig_fault_addr;
    else
        f.info.si_pid = current->sig_sender[sig];
    f.uc.uc_stack = current->sig_altstack;
    fill_context(&f.uc.uc_mcontext, tf, fpu_at, old_mask);
    f.uc.uc_sigmask = old_mask;
    write_stub(f.retcode, true);
    f.pretcode = act->sa_flags & SA_RESTORER ? (uint32_t)act->sa_restorer
                                             : at + offsetof(struct rt_sigframe, retcode);
    fpu_save(current->fpu);
    if (copy_to_user((void *)fpu_at, current->fpu, FPU_AREA) < 0 ||
        copy_to_user((void *)at, &f, sizeof f) < 0)
        return false;
    point_at_handler(tf, at, act);
    tf->eax = (uint32_t)sig;        /* also in registers, as Linux does */
    tf->edx = f.pinfo;
    tf->ecx = f.puc;
    return true;
}

static bool setup_plain(struct trapframe *tf, int sig, const struct sigaction *act,
                        sigset_t old_mask)
{
    struct sigframe f;
    uint32_t fpu_at;
    uint32_t at = frame_address(tf, act, sizeof f, &fpu_at);
    memset(&f, 0, sizeof f);
    f.sig = sig;
    fill_context(&f.sc, tf, fpu_at, old_mask);
    f.extramask = (uint32_t)(old_mask >> 32);
    write_stub(f.retcode, false);
    f.pretcode = act->sa_flags & SA_RESTORER ? (uint32_t)act->sa_restorer
                                             : at + offsetof(struct sigframe, retcode);
    fpu_save(current->fpu);
    if (copy_to_user((void *)fpu_at, current->fpu, FPU_AREA) < 0 ||
        copy_to_user((void *)at, &f, sizeof f) < 0)
        return false;
    point_at_handler(tf, at, act);
    tf->eax = (uint32_t)sig;
    tf->edx = tf->ecx = 0;
    return true;
}

bool sigframe_setup(struct trapframe *tf, int sig, const struct sigaction *act,
                    sigset_t old_mask)
{
    bool ok = act->sa_flags & SA_SIGINFO ? setup_rt(tf, sig, act, old_mask)
                                         : setup_plain(tf, sig, act, old_mask);
    current->sig_fault_addr = 0;
    return ok;
}

/* A selector the user may hold in fs/gs: null, user data, or a TLS slot,
 * always with RPL 3. */
static uint32_t user_selector(uint16_t sel)
{
    uint16_t index = sel >> 3;
    if ((sel & 3) != 3)
        return 0;
    if (sel == SEL_UDATA || (index >= GDT_TLS_FIRST && index < GDT_TLS_FIRST + GDT_TLS_COUNT))
        return sel;
    return 0;
}

#define USER_EFLAGS 0x40dd5u        /* AC OF DF TF SF ZF AF PF CF */

static void restore_context(struct trapframe *tf, const struct sigcontext *sc)
{
    tf->gs = user_selector(sc->gs);
    tf->fs = user_selector(sc->fs);
    tf->es = tf->ds = SEL_UDATA;
    tf->edi = sc->edi;
    tf->esi = sc->esi;
    tf->ebp = sc->ebp;
    tf->esp = sc->esp;
    tf->ebx = sc->ebx;
    tf->edx = sc->edx;
    tf->ecx = sc->ecx;
    tf->eax = sc->eax;
    tf->eip = sc->eip;
    tf->cs = SEL_UCODE;
    tf->ss = SEL_UDATA;
    tf->eflags = (tf->eflags & ~USER_EFLAGS) | (sc->eflags & USER_EFLAGS) | 0x200;
    tf->trapno = 0;         /* no system call to restart from here */
}

static void restore_fpu(uint32_t fpstate)
{
    uint8_t area[FPU_AREA] __attribute__((aligned(16)));
    if (fpstate && copy_from_user(area, (void *)fpstate, FPU_AREA) == 0) {
        /* Reserved MXCSR bits would fault fxrstor in the kernel. */
        uint32_t mxcsr;
        memcpy(&mxcsr, area + 24, 4);
        if (!(mxcsr & 0xffff0000u)) {
            memcpy(current->fpu, area, FPU_AREA);
            fpu_restore(current->fpu);
        }
    }
}

static __attribute__((noreturn)) void bad_frame(void)
{
    proc_exit(W_EXITCODE(0, SIGSEGV));
}

static void set_mask(sigset_t mask)
{
    current->sig_blocked = mask & ~SIG_UNBLOCKABLE;
    sched_update_work();
}

long sys_sigreturn(void)
{
    struct trapframe *tf = syscall_frame();
    struct {
        struct sigcontext sc;
        uint32_t extramask;
    } rest;
    /* The handler's `ret` popped pretcode, the stub popped the number:
     * esp is at the sigcontext. */
    if (copy_from_user(&rest, (void *)tf->esp, sizeof rest) < 0)
        bad_frame();
    restore_context(tf, &rest.sc);
    restore_fpu(rest.sc.fpstate);
    set_mask(((sigset_t)rest.extramask << 32) | rest.sc.oldmask);
    return (long)tf->eax;
}

long sys_rt_sigreturn(void)
{
    struct trapframe *tf = syscall_frame();
    struct rt_sigframe f;
    /* The handler's `ret` popped pretcode: the frame starts 4 below. */
    uint32_t at = tf->esp - 4;
    if (copy_from_user(&f, (void *)at, sizeof f) < 0)
        bad_frame();
    restore_context(tf, &f.uc.uc_mcontext);
    restore_fpu(f.uc.uc_mcontext.fpstate);
    set_mask(f.uc.uc_sigmask);
    return (long)tf->eax;
}
