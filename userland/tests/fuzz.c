/*
 * /tests/fuzz: random system calls from many processes; run it as init.
 *
 *   init=/tests/fuzz -- [calls=N] [seed=S] [workers=W] [per=P] [batch=B]
 *
 * The N calls (default 200000) are cut into batches of P (default 400).
 * Each batch is made by a fresh worker process (fuzz_worker.h) whose
 * random choices come from (S, batch) alone, so a batch repeats.  W
 * workers (default 4) run at once; one that makes no progress for
 * HANG_MS is killed and its slot reused.  At the end every process is
 * killed and reaped, the sandboxes removed (fuzz_cleanup.h), and the
 * kernel's counters (/proc/kstat) and the root file system's free blocks
 * and inodes must be what they were before the first worker started.  The last line is
 *     fuzz: N calls, 0 panics, leak check ok
 * or counts the problems printed above it and gives the command that
 * reproduces them; the exit status is 0 only in the first case.  (A panic stops the kernel: no last line.)
 *
 * batch=B makes that one batch, printing each call and its result: after
 * a panic, the batches printed last (started, not yet finished) are the
 * ones to run that way.  each=1 runs one worker at a time and checks for
 * leaks after every batch, stopping at the first batch that leaks.
 * hold=1 prints IMAGE-DUMP-NOW at the end and waits, so that the host can
 * copy the file system out of memory and check it.
 */
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <time.h>

#include "t.h"
#include "fuzz_cleanup.h"
#include "fuzz_worker.h"

#define MAX_WORKERS 16
#define NUDGE_MS    100             /* no call started for this long: SIGALRM */
#define HANG_MS     5000            /* no call started for this long: hung */
#define KILL_MS     10000           /* still there this long after SIGKILL */
#define MAX_DEATHS  48

struct options {
    long calls, per, only;
    uint32_t seed;
    int workers, each, hold;
};

/* A running worker. */
struct slot {
    pid_t pid;
    int fd;                         /* read end of its progress pipe */
    long batch, done, planned;
    int last_nr;                    /* the call it started last */
    long last_ms, nudge_ms, kill_ms;
};

/* How workers ended when they did not finish their batch. */
struct death {
    int sig, nr;
    long count;
};

static struct options opt = {200000, 400, -1, 1, 4, 0, 0};
static struct slot slots[MAX_WORKERS];
static struct death deaths[MAX_DEATHS];
static long ndeaths, calls_made, skipped, completed, exec_ended, hung, stopped, problems;

static long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void parse_options(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        const char *eq = strchr(argv[i], '=');
        long v = eq ? strtol(eq + 1, NULL, 0) : 0;
        if (!strncmp(argv[i], "calls=", 6))
            opt.calls = v;
        else if (!strncmp(argv[i], "seed=", 5))
            opt.seed = (uint32_t)v;
        else if (!strncmp(argv[i], "workers=", 8))
            opt.workers = v < 1 ? 1 : v > MAX_WORKERS ? MAX_WORKERS : (int)v;
        else if (!strncmp(argv[i], "per=", 4))
            opt.per = v < 1 ? 1 : v;
        else if (!strncmp(argv[i], "batch=", 6))
            opt.only = v;
        else if (!strncmp(argv[i], "each=", 5))
            opt.each = (int)v;
        else if (!strncmp(argv[i], "hold=", 5))
            opt.hold = (int)v;
        else
            printf("fuzz: ignoring %s\n", argv[i]);
    }
}

static const char *call_name(int nr)
{
    static char buf[16];
    const struct call_desc *d = describe(nr);
    if (d)
        return d->name;
    snprintf(buf, sizeof buf, "#%d", nr);
    return buf;
}

static void note_death(int sig, int nr)
{
    for (long i = 0; i < ndeaths; i++)
        if (deaths[i].sig == sig && deaths[i].nr == nr) {
            deaths[i].count++;
            return;
        }
    if (ndeaths < MAX_DEATHS)
        deaths[ndeaths++] = (struct death){sig, nr, 1};
}

/* The console shows which batches started, 16 to a line, so that after a
 * panic the last ones are known; other messages get lines of their own. */
static int tokens;

static void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void say(const char *fmt, ...)
{
    if (tokens)
        printf("\n");
    tokens = 0;
    if (!fmt)
        return;
    va_list ap;
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    printf("\n");
}

static void tell_started(long batch)
{
    printf("%s b%ld", tokens ? "" : "fuzz: started", batch);
    if (++tokens == 16)
        say(NULL);
    fflush(stdout);
}

static void start_batch(struct slot *s, int index, long batch)
{
    int p[2];
    CHECK(pipe(p) == 0);
    fflush(stdout);
    pid_t pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        if (dup2(p[1], PROGRESS_FD) != PROGRESS_FD)
            _exit(3);
        tracing = opt.only >= 0 && dup2(1, TRACE_FD) == TRACE_FD;
        worker(opt.seed, batch, index, s->planned);
    }
    close(p[1]);
    CHECK(fcntl(p[0], F_SETFL, O_NONBLOCK) == 0);
    s->pid = pid;
    s->fd = p[0];
    s->batch = batch;
    s->done = 0;
    s->last_nr = -1;
    s->last_ms = s->nudge_ms = now_ms();
    s->kill_ms = 0;
}

static void take_record(struct slot *s, const struct record *r)
{
    s->last_nr = r->nr;
    if (r->tag == T_ODD) {
        say("fuzz: batch %ld: %s returned %d, which no Linux call returns", s->batch,
            call_name(r->nr), (int)r->value);
        problems++;
        return;
    }
    s->done++;
    if (r->tag == T_CALL)
        calls_made++;
    else
        skipped++;
}

/* Read what the worker sent so far. */
static void read_progress(struct slot *s)
{
    struct record recs[256];
    long n;
    while ((n = read(s->fd, recs, sizeof recs)) > 0) {
        for (long i = 0; i < n / (long)sizeof recs[0]; i++)
            take_record(s, &recs[i]);
        s->last_ms = now_ms();
    }
}

static void finish(struct slot *s, int status)
{
    read_progress(s);
    close(s->fd);
    s->pid = 0;
    if (WIFEXITED(status) && WEXITSTATUS(status) == 3 && s->done == 0) {
        say("fuzz: batch %ld: the worker could not set up its sandbox", s->batch);
        problems++;
    } else if (WIFEXITED(status) && s->done == s->planned) {
        completed++;
    } else if (WIFEXITED(status)) {
        exec_ended++;               /* only execve ends a worker early with a status */
    } else if (!s->kill_ms) {
        note_death(WTERMSIG(status), s->last_nr);
    }
}

static struct slot *slot_of(pid_t pid)
{
    for (int i = 0; i < opt.workers; i++)
        if (slots[i].pid == pid)
            return &slots[i];
    return NULL;
}

/* Reap whatever ended; continue workers that a random signal stopped. */
static void reap(void)
{
    int status;
    pid_t pid;
    while ((pid = waitpid(-1, &status, WNOHANG | WUNTRACED)) > 0) {
        struct slot *s = slot_of(pid);
        if (s && WIFSTOPPED(status)) {
            stopped++;
            kill(pid, SIGCONT);
        } else if (s) {
            finish(s, status);
        }
    }
}

/* The lines of /proc/PID/status that tell why a process does not move. */
static void show_status(pid_t pid)
{
    char path[32], text[1024], *line, *save;
    snprintf(path, sizeof path, "/proc/%d/status", pid);
    int fd = open(path, O_RDONLY);
    int n = fd < 0 ? -1 : (int)read(fd, text, sizeof text - 1);
    close(fd);
    if (n <= 0)
        return;
    text[n] = 0;
    printf("fuzz:  ");
    for (line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
        if (!strncmp(line, "State", 5) || !strncmp(line, "Sig", 3))
            printf(" %s", line);
    printf("\n");
}

/* A worker that started no call for NUDGE_MS gets SIGALRM, which ends a
 * blocking call; one that started none for HANG_MS is killed. */
static void check_hangs(void)
{
    long now = now_ms();
    for (int i = 0; i < opt.workers; i++) {
        struct slot *s = &slots[i];
        if (!s->pid)
            continue;
        if (now - s->last_ms > NUDGE_MS && now - s->nudge_ms > NUDGE_MS) {
            kill(s->pid, SIGALRM);
            s->nudge_ms = now;
        }
        if (!s->kill_ms && now - s->last_ms > HANG_MS) {
            say("fuzz: batch %ld (pid %d) stuck after %s: killed", s->batch, s->pid,
                s->last_nr >= 0 ? call_name(s->last_nr) : "setting up");
            show_status(s->pid);
            kill(-s->pid, SIGKILL);
            kill(s->pid, SIGKILL);
            s->kill_ms = now;
            hung++;
        } else if (s->kill_ms && now - s->kill_ms > KILL_MS) {
            say("fuzz: batch %ld (pid %d) survives SIGKILL", s->batch, s->pid);
            problems++;
            close(s->fd);
            s->pid = 0;
        }
    }
}

/* Wait up to 50 ms for progress from any worker, then look at them all. */
static void supervise(void)
{
    struct pollfd pf[MAX_WORKERS];
    int n = 0;
    for (int i = 0; i < opt.workers; i++)
        if (slots[i].pid)
            pf[n++] = (struct pollfd){slots[i].fd, POLLIN, 0};
    poll(pf, (nfds_t)n, 50);
    for (int i = 0; i < opt.workers; i++)
        if (slots[i].pid)
            read_progress(&slots[i]);
    reap();
    check_hangs();
}

/* Calls the running workers have yet to make. */
static long outstanding(void)
{
    long n = 0;
    for (int i = 0; i < opt.workers; i++)
        if (slots[i].pid)
            n += slots[i].planned - slots[i].done;
    return n;
}

/* Start batches until their calls add up to the budget: a batch ends
 * early when its worker dies, so there are more batches than calls/per. */
static void run_batches(long first, long budget)
{
    long next = first;
    for (;;) {
        int busy = 0;
        for (int i = 0; i < opt.workers; i++) {
            struct slot *s = &slots[i];
            long left = budget - (calls_made + skipped) - outstanding();
            if (!s->pid && left > 0) {
                s->planned = left < opt.per ? left : opt.per;
                start_batch(s, i, next);
                tell_started(next++);
            }
            busy |= s->pid != 0;
        }
        if (!busy)
            break;
        supervise();
    }
    say(NULL);
}

/* Kill whatever is left (stray children of workers included) and reap. */
static void kill_everything(void)
{
    kill(-1, SIGKILL);
    while (waitpid(-1, NULL, 0) > 0 || errno == EINTR)
        ;
}

static void print_deaths(void)
{
    for (long i = 0; i < ndeaths; i++)
        printf("fuzz: %ld worker(s) killed by %s after %s\n", deaths[i].count,
               strsignal(deaths[i].sig), call_name(deaths[i].nr));
}

/* hold=1: the file system is as it was booted; wait to be copied. */
static void hold(void)
{
    printf("IMAGE-DUMP-NOW\n");
    fflush(stdout);
    for (;;)
        pause();
}

/* One batch in slot 0, to its end. */
static void run_one(long batch, long ncalls)
{
    opt.workers = 1;
    slots[0].planned = ncalls;
    tell_started(batch);
    say(NULL);                      /* the trace starts on a line of its own */
    start_batch(&slots[0], 0, batch);
    while (slots[0].pid)
        supervise();
    say(NULL);
}

/* Everything the run left: processes, stray files, sandboxes. */
static void clean_up(void)
{
    kill_everything();
    if (remove_sandboxes() != 0) {
        say("fuzz: cannot remove the sandboxes in /tmp/fuzz");
        problems++;
    }
    remove_strays();
}

/* each=1: batches one at a time, the leak check after each; 1 if one leaks. */
static int run_each(const struct snapshot *before)
{
    for (long b = 0; calls_made + skipped < opt.calls; b++) {
        long left = opt.calls - calls_made - skipped;
        CHECK(make_sandboxes(1) == 0);
        run_one(b, left < opt.per ? left : opt.per);
        clean_up();
        if (leaked_since(before)) {
            say("fuzz: batch %ld leaks; see it with init=/tests/fuzz -- seed=%u batch=%ld "
                "per=%ld", b, opt.seed, b, opt.per);
            return 1;
        }
    }
    return 0;
}

int main(int argc, char **argv)
{
    parse_options(argc, argv);
    if (getpid() != 1) {
        printf("fuzz: run me as init (init=/tests/fuzz -- calls=N seed=S)\n");
        return 2;
    }
    printf("fuzz: seed %u, %ld calls in batches of up to %ld, %d workers\n", opt.seed,
           opt.calls, opt.per, opt.workers);
    struct snapshot before;
    baseline_take(&before);
    long t0 = now_ms();
    if (opt.each) {
        problems += run_each(&before);
    } else {
        CHECK(make_sandboxes(opt.workers) == 0);
        if (opt.only >= 0)
            run_one(opt.only, opt.per);
        else
            run_batches(0, opt.calls);
    }
    clean_up();
    printf("fuzz: %ld s; %ld batches complete, %ld ended by execve, %ld killed when stuck, "
           "%ld stopped and continued, %ld calls skipped\n", (now_ms() - t0) / 1000, completed,
           exec_ended, hung, stopped, skipped);
    print_deaths();
    if (!program_runs("/bin/true")) {
        printf("fuzz: fork and exec of /bin/true fail after the run\n");
        problems++;
    }
    problems += leaked_since(&before);
    if (problems)
        printf("fuzz: %ld calls, 0 panics, %ld problem(s) above: FAILED; reproduce: "
               "init=/tests/fuzz -- calls=%ld seed=%u workers=%d per=%ld\n", calls_made,
               problems, opt.calls, opt.seed, opt.workers, opt.per);
    else
        printf("fuzz: %ld calls, 0 panics, leak check ok\n", calls_made);
    if (opt.hold)
        hold();
    return problems ? 1 : 0;
}
