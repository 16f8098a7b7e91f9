/*
 * Signal restorers: where a signal handler "returns" to.
 *
 * When the kernel runs a handler it pushes a signal frame on the user
 * stack whose first word, the handler's return address, is the
 * sa_restorer that sigaction() registered with SA_RESTORER.  So the
 * handler's `ret` lands here, and we ask the kernel to restore the saved
 * registers and signal mask from the frame:
 *
 *   libc_restore     plain handlers (no SA_SIGINFO).  The frame is
 *                    [return address][sig][struct sigcontext ...]; `ret`
 *                    popped the return address, we pop the sig argument so
 *                    esp points at the sigcontext, then call sigreturn(119).
 *   libc_restore_rt  SA_SIGINFO handlers.  The frame is [return address]
 *                    [sig][&info][&uc][siginfo][ucontext]; the kernel finds
 *                    it from esp as is: rt_sigreturn(173).
 *
 * Neither returns: the kernel resumes the interrupted code.
 */
#include <kernel/uapi/syscall.h>

    .text
    .globl libc_restore
    .type libc_restore, @function
libc_restore:
    pop %eax
    mov $__NR_sigreturn, %eax
    int $0x80
    .size libc_restore, . - libc_restore

    .globl libc_restore_rt
    .type libc_restore_rt, @function
libc_restore_rt:
    mov $__NR_rt_sigreturn, %eax
    int $0x80
    .size libc_restore_rt, . - libc_restore_rt

    .section .note.GNU-stack, "", @progbits
