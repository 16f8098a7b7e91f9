/*
 * ps: list all processes, from /proc/<pid>/stat and /proc/<pid>/status
 * (in Linux's formats):
 *     PID  PPID S    VSZ   RSS COMMAND
 * VSZ and RSS are in KiB (VmSize and VmRSS of status; if those lines are
 * missing, vsize and rss of stat).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
#include <dirent.h>
#include <err.h>

struct proc {
    int pid, ppid;
    char state;
    char name[64];
    unsigned long vsz_kb, rss_kb;
};

/*
 * /proc/PID/stat: "pid (comm) state ppid pgrp session tty tpgid flags
 * minflt cminflt majflt cmajflt utime stime cutime cstime priority nice
 * threads itrealvalue starttime vsize rss ...".  comm may hold spaces and
 * parentheses, so it ends at the last ')'.
 */
static int read_stat(int pid, struct proc *p)
{
    char path[64], buf[1024];
    snprintf(path, sizeof path, "/proc/%d/stat", pid);
    FILE *f = fopen(path, "r");
    if (f == NULL)
        return -1;
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';

    char *open = strchr(buf, '('), *close = strrchr(buf, ')');
    if (open == NULL || close == NULL || close < open)
        return -1;
    size_t len = (size_t)(close - open - 1);
    if (len >= sizeof p->name)
        len = sizeof p->name - 1;
    memcpy(p->name, open + 1, len);
    p->name[len] = '\0';
    p->pid = pid;

    /* Fields after comm, counted from 3 (state). */
    char *field = close + 2;
    unsigned long vsize = 0, rss = 0;
    for (int i = 3; i <= 24 && *field; i++) {
        if (i == 3)
            p->state = *field;
        else if (i == 4)
            p->ppid = atoi(field);
        else if (i == 23)
            vsize = strtoul(field, NULL, 10);
        else if (i == 24)
            rss = strtoul(field, NULL, 10);
        field = strchrnul(field, ' ');
        if (*field)
            field++;
    }
    p->vsz_kb = vsize / 1024;
    p->rss_kb = rss * 4;
    return 0;
}

/* VmSize and VmRSS from /proc/PID/status ("VmRSS:\t  1234 kB"). */
static void read_status(int pid, struct proc *p)
{
    char path[64], line[256];
    snprintf(path, sizeof path, "/proc/%d/status", pid);
    FILE *f = fopen(path, "r");
    if (f == NULL)
        return;
    while (fgets(line, sizeof line, f)) {
        if (strncmp(line, "VmSize:", 7) == 0)
            p->vsz_kb = strtoul(line + 7, NULL, 10);
        else if (strncmp(line, "VmRSS:", 6) == 0)
            p->rss_kb = strtoul(line + 6, NULL, 10);
    }
    fclose(f);
}

static int by_pid(const void *a, const void *b)
{
    return ((const struct proc *)a)->pid - ((const struct proc *)b)->pid;
}

int main(int argc, char **argv)
{
    (void)argv;
    if (argc > 1) {
        fprintf(stderr, "usage: ps\n");
        return 2;
    }
    DIR *d = opendir("/proc");
    if (d == NULL)
        err(1, "/proc");

    struct proc *procs = NULL;
    int n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (!isdigit((unsigned char)e->d_name[0]))
            continue;
        if (n == cap) {
            cap = cap ? 2 * cap : 64;
            struct proc *bigger = realloc(procs, (size_t)cap * sizeof *procs);
            if (bigger == NULL)
                err(1, "out of memory");
            procs = bigger;
        }
        int pid = atoi(e->d_name);
        if (read_stat(pid, &procs[n]) == 0) {   /* it may have exited */
            read_status(pid, &procs[n]);
            n++;
        }
    }
    closedir(d);

    qsort(procs, (size_t)n, sizeof *procs, by_pid);
    printf("%5s %5s S %6s %6s COMMAND\n", "PID", "PPID", "VSZ", "RSS");
    for (int i = 0; i < n; i++)
        printf("%5d %5d %c %6lu %6lu %s\n", procs[i].pid, procs[i].ppid,
               procs[i].state, procs[i].vsz_kb, procs[i].rss_kb, procs[i].name);
    free(procs);
    return 0;
}
