/*
 * free [-k | -m]: memory use from /proc/meminfo (Linux's "Name:  N kB"
 * lines), in KiB (default) or MiB:
 *                total       used       free     shared
 *   Mem:        130048      10240     119808       2048
 * used = MemTotal - MemFree.  shared is the memory in frames shared by
 * copy-on-write, the "CowShared:" line Cowix's kernel provides; on Linux,
 * which has no such line, the "Shmem:" line is shown instead.
 */
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <err.h>

struct meminfo {
    unsigned long total, free, cow_shared, shmem;
    int has_cow;
};

static void read_meminfo(struct meminfo *m)
{
    char line[256];
    FILE *f = fopen("/proc/meminfo", "r");
    if (f == NULL)
        err(1, "/proc/meminfo");
    memset(m, 0, sizeof *m);
    while (fgets(line, sizeof line, f)) {
        char *colon = strchr(line, ':');
        if (colon == NULL)
            continue;
        *colon = '\0';
        unsigned long kb = strtoul(colon + 1, NULL, 10);
        if (strcmp(line, "MemTotal") == 0)
            m->total = kb;
        else if (strcmp(line, "MemFree") == 0)
            m->free = kb;
        else if (strcmp(line, "Shmem") == 0)
            m->shmem = kb;
        else if (strcmp(line, "CowShared") == 0) {
            m->cow_shared = kb;
            m->has_cow = 1;
        }
    }
    fclose(f);
}

int main(int argc, char **argv)
{
    unsigned long unit = 1;
    struct meminfo m;

    if (argc > 2 || (argc == 2 && strcmp(argv[1], "-k") != 0 &&
                     strcmp(argv[1], "-m") != 0)) {
        fprintf(stderr, "usage: free [-k | -m]\n");
        return 2;
    }
    if (argc == 2 && strcmp(argv[1], "-m") == 0)
        unit = 1024;
    read_meminfo(&m);
    unsigned long shared = m.has_cow ? m.cow_shared : m.shmem;
    printf("%-7s %10s %10s %10s %10s\n", "", "total", "used", "free", "shared");
    printf("%-7s %10lu %10lu %10lu %10lu\n", "Mem:", m.total / unit,
           (m.total - m.free) / unit, m.free / unit, shared / unit);
    return 0;
}
