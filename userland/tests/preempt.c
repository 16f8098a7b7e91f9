/*
 * Preemption: two CPU-bound children that never make a system call while
 * computing still take turns.  Each reports progress by writing its letter
 * into a shared pipe every so many iterations; without a timer switching
 * them, all of one child's letters would come before the other's.
 */
#include "t.h"

#define REPORTS 40

static void spin_and_report(int fd, char letter)
{
    volatile unsigned long x = 0;
    for (int r = 0; r < REPORTS; r++) {
        for (unsigned long i = 0; i < 400000; i++)
            x += i;
        CHECK(write(fd, &letter, 1) == 1);
    }
}

int main(void)
{
    int p[2];
    CHECK(pipe(p) == 0);
    pid_t a = spawn_writer(p[1], 'A', spin_and_report);
    pid_t b = spawn_writer(p[1], 'B', spin_and_report);
    close(p[1]);
    char seq[2 * REPORTS + 1];
    int n = read_all(p[0], seq, 2 * REPORTS);
    printf("order: %s\n", seq);
    CHECK_EQ(n, 2 * REPORTS);
    int switches = 0;
    for (int i = 1; i < n; i++)
        switches += seq[i] != seq[i - 1];
    printf("%d switches between the two children\n", switches);
    CHECK(switches >= 3);
    int status;
    CHECK_EQ(waitpid(a, &status, 0), a);
    CHECK_EQ(waitpid(b, &status, 0), b);
    pass("preempt");
    return 0;
}
