/*
 * Processes.  struct proc is the process control block: identity (pid,
 * parent, children, process group, session), scheduling state and the
 * saved kernel context, the address space, the file table (owned by fs/),
 * signals, and the FPU registers.  The table of processes is a hash by pid
 * plus the parent/child links; see docs/processes.md.
 */
#ifndef PROC_PROC_H
#define PROC_PROC_H

#include <stdbool.h>
#include <stdint.h>

#include "kernel/gdt.h"
#include "kernel/trap.h"
#include "kernel/uapi/signal.h"

#define PROC_MAX 4096           /* the table's size; proc_limit() may be lower */
#define PROC_NAME_MAX 16

enum proc_state {
    P_RUNNABLE,                 /* on the run queue, or running */
    P_SLEEPING,                 /* on a wait queue */
    P_STOPPED,                  /* SIGSTOP/SIGTSTP */
    P_ZOMBIE,                   /* exited, status not yet collected */
};

struct vm_space;
struct fs_context;
struct proc;

/* A list of processes sleeping until something happens (proc/waitq.h). */
struct waitq {
    struct proc *head;
};

struct proc {
    /* Scheduling.  ctx_esp is the kernel esp saved by switch_to. */
    uint32_t ctx_esp;
    uint32_t kstack_top;
    enum proc_state state;
    struct proc *run_next, *run_prev;   /* run queue */
    uint32_t slice;                     /* ticks left in the time slice */
    struct waitq *sleeping_on;
    struct proc *wait_next;             /* on that wait queue */
    uint64_t wake_at;                   /* tick for a timed sleep, or 0 */
    struct proc *timer_next;

    /* Identity and family. */
    int pid, pgid, sid;
    struct proc *parent, *children, *sibling;
    struct proc *hash_next;
    char name[PROC_NAME_MAX];
    char exe[128];                      /* the program's path (/proc/PID/exe) */

    /* Exit: the wait status (Linux encoding) once a zombie or stopped. */
    int exit_status;
    bool stop_reported;                 /* WUNTRACED saw the current stop */
    bool cont_pending;                  /* continued, not yet seen by wait */
    struct waitq child_wait;            /* where this process waits for children */
    uint32_t child_events;              /* bumped when a child changes state */
    uint32_t cutime, cstime;            /* ticks of reaped children */

    struct vm_space *vm;
    struct fs_context *fs;              /* files, cwd, umask: fs/ */

    /* Signals. */
    sigset_t sig_pending, sig_blocked;
    sigset_t sig_waiting;               /* what rt_sigtimedwait collects */
    sigset_t sig_forced;                /* pending because of a fault */
    sigset_t sig_saved_mask;            /* restored after sigsuspend */
    bool sig_restore_mask;
    uint32_t sig_fault_addr;            /* si_addr for a fault signal */
    uint64_t alarm_at;                  /* tick of a pending alarm(), or 0 */
    uint64_t restart_deadline;          /* an interrupted sleep's end */
    struct proc *alarm_next;
    stack_t sig_altstack;

    /* Thread-local storage descriptors (set_thread_area). */
    struct gdt_desc tls[GDT_TLS_COUNT];
    uint32_t clear_child_tid;

    /* Times, in ticks. */
    uint64_t start_tick;
    uint32_t utime, stime;

    /* Filled by whoever creates the process (fork copies them): */
    struct sigaction sig_action[NSIG];
    /* Who sent each pending signal (written when sent, read when
     * delivered: no need to clear them). */
    int32_t sig_sender[NSIG];
    int8_t sig_code[NSIG];
    /* FPU/SSE state (fxsave), saved when another process runs. */
    uint8_t fpu[512] __attribute__((aligned(16)));
};

extern struct proc *current;

/* How many processes may exist: PROC_MAX, or fewer on a small machine,
 * so that fork fails with -EAGAIN before memory runs out. */
uint32_t proc_limit(void);

/* A new process control block with a pid and a kernel stack, linked to
 * `parent` (NULL for the first ones); NULL when out of memory or slots. */
struct proc *proc_alloc(struct proc *parent, int *err);
/* Release a reaped zombie (or a process that never ran). */
void proc_free(struct proc *p);
struct proc *proc_find(int pid);
uint32_t proc_count(void);
/* Call fn for every process (for kill(-1), /proc, ps). */
void proc_for_each(void (*fn)(struct proc *p, void *ctx), void *ctx);
void proc_set_name(struct proc *p, const char *name);

/* The user trap frame at the top of p's kernel stack. */
static inline struct trapframe *proc_frame(struct proc *p)
{
    return (struct trapframe *)(p->kstack_top - sizeof(struct trapframe));
}

/* pid 1, who adopts orphans. */
struct proc *proc_init_process(void);

#endif
