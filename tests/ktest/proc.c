/*
 * Self-tests of the process layer: the process table, the round-robin run
 * queue, wait queues and timed sleeps, with kernel-context processes (no
 * user space) created by the test.  Counts of frames, heap bytes, kernel
 * stacks and processes must be exactly back afterwards.
 */
#include "kernel/fpu.h"
#include "kernel/ktest.h"
#include "kernel/pit.h"
#include "kernel/string.h"
#include "mm/frame.h"
#include "mm/heap.h"
#include "mm/kstack.h"
#include "proc/proc.h"
#include "proc/sched.h"
#include "proc/waitq.h"

struct counts {
    uint32_t frames, procs, kstacks;
    size_t heap;
};

static struct counts measure(void)
{
    heap_trim();
    return (struct counts){frames_free(), proc_count(), kstacks_in_use(), heap_bytes_in_use()};
}

static int same(struct counts a, struct counts b)
{
    return a.frames == b.frames && a.procs == b.procs && a.kstacks == b.kstacks &&
           a.heap == b.heap;
}

/* A kernel-context process running fn(arg); it ends by becoming a zombie. */
static struct proc *spawn(void (*fn)(void *), void *arg)
{
    int err;
    struct proc *p = proc_alloc(current, &err);
    if (!p)
        return NULL;
    memset(p->sig_action, 0, sizeof p->sig_action);
    fpu_reset(p->fpu);
    sched_prepare_kernel_entry(p, fn, arg);
    sched_make_runnable(p);
    return p;
}

static __attribute__((noreturn)) void finish(void)
{
    current->state = P_ZOMBIE;
    schedule();
    __builtin_unreachable();
}

/* Let the spawned processes run until they are all zombies (waiting a
 * tick at a time when they sleep; 2 s at most), then free them. */
static void run_until_done(struct proc **ps, int n)
{
    uint64_t give_up = sched_ticks() + 2000 / pit_tick_ms();
    while (sched_ticks() < give_up) {
        int done = 0;
        for (int i = 0; i < n; i++)
            done += ps[i]->state == P_ZOMBIE;
        if (done == n)
            break;
        schedule();
        sched_sleep_until(sched_ticks() + 1);
    }
    for (int i = 0; i < n; i++)
        if (ps[i]->state == P_ZOMBIE)
            proc_free(ps[i]);
}

KTEST(proc_table_alloc_release)
{
    struct counts before = measure();
    struct proc *ps[40];
    int err;
    for (int i = 0; i < 40; i++) {
        ps[i] = proc_alloc(current, &err);
        KT_CHECK(ps[i] != NULL);
        KT_CHECK(proc_find(ps[i]->pid) == ps[i]);
        KT_CHECK(ps[i]->parent == current);
        for (int k = 0; k < i; k++)
            KT_CHECK(ps[k]->pid != ps[i]->pid);
    }
    KT_EQ(proc_count(), before.procs + 40);
    KT_EQ(kstacks_in_use(), before.kstacks + 40);
    for (int i = 0; i < 40; i++) {
        int pid = ps[i]->pid;
        proc_free(ps[i]);
        KT_CHECK(proc_find(pid) == NULL);
    }
    KT_CHECK(same(measure(), before));
}

static char order[64];
static int order_len;

static void take_turns(void *arg)
{
    for (int i = 0; i < 4; i++) {
        order[order_len++] = (char)(uintptr_t)arg;
        schedule();                     /* to the back of the queue */
    }
    finish();
}

KTEST(sched_round_robin_order)
{
    struct counts before = measure();
    order_len = 0;
    struct proc *ps[3] = {spawn(take_turns, (void *)'A'), spawn(take_turns, (void *)'B'),
                          spawn(take_turns, (void *)'C')};
    KT_CHECK(ps[0] && ps[1] && ps[2]);
    run_until_done(ps, 3);
    order[order_len] = 0;
    KT_CHECK(strcmp(order, "ABCABCABCABC") == 0);
    KT_CHECK(same(measure(), before));
}

static struct waitq test_queue;
static volatile int ready, woken;

static void sleeper(void *arg)
{
    (void)arg;
    int err = WAIT_EVENT(&test_queue, ready);
    woken += err == 0;
    finish();
}

KTEST(waitq_sleep_and_wake)
{
    struct counts before = measure();
    ready = woken = 0;
    struct proc *ps[2] = {spawn(sleeper, NULL), spawn(sleeper, NULL)};
    KT_CHECK(ps[0] && ps[1]);
    for (int i = 0; i < 4; i++)
        schedule();                     /* they run and go to sleep */
    KT_EQ(ps[0]->state, P_SLEEPING);
    KT_EQ(ps[1]->state, P_SLEEPING);
    waitq_wake_all(&test_queue);        /* a wake-up without the event */
    for (int i = 0; i < 4; i++)
        schedule();
    KT_EQ(ps[0]->state, P_SLEEPING);    /* they checked and slept again */
    ready = 1;
    waitq_wake_all(&test_queue);
    run_until_done(ps, 2);
    KT_EQ(woken, 2);
    KT_CHECK(test_queue.head == NULL);
    KT_CHECK(same(measure(), before));
}

static volatile uint64_t slept_at, woke_at;

static void timed_sleeper(void *arg)
{
    slept_at = sched_ticks();
    sched_sleep_until(slept_at + (uint32_t)(uintptr_t)arg);
    woke_at = sched_ticks();
    finish();
}

KTEST(sched_timed_sleep)
{
    struct counts before = measure();
    struct proc *p = spawn(timed_sleeper, (void *)20);
    KT_CHECK(p != NULL);
    run_until_done(&p, 1);
    KT_CHECK(woke_at >= slept_at + 20);
    KT_CHECK(woke_at <= slept_at + 22);
    KT_CHECK(same(measure(), before));
}

KTEST(pit_divisor_in_kernel)
{
    KT_EQ(pit_divisor_for_ms(1), 1193);
    KT_EQ(pit_divisor_for_ms(54), 64432);     /* 64431.8 rounded */
    KT_EQ(pit_divisor_for_ms(55), 0);
    KT_EQ(pit_divisor_for_ms(0), 0);
}
