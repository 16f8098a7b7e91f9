/*
 * Cooperative yield: two children that write their letter and yield take
 * strict turns (boot with a long quantum so the timer does not interfere).
 */
#include <sched.h>

#include "t.h"

#define ROUNDS 20

static void take_turns(int fd, char letter)
{
    for (int i = 0; i < ROUNDS; i++) {
        CHECK(write(fd, &letter, 1) == 1);
        sched_yield();
    }
}

int main(void)
{
    int p[2];
    CHECK(pipe(p) == 0);
    pid_t a = spawn_writer(p[1], 'A', take_turns);
    pid_t b = spawn_writer(p[1], 'B', take_turns);
    close(p[1]);
    char seq[2 * ROUNDS + 1];
    int n = read_all(p[0], seq, 2 * ROUNDS);
    printf("order: %s\n", seq);
    CHECK_EQ(n, 2 * ROUNDS);
    for (int i = 2; i < n; i++)
        CHECK(seq[i] == seq[i - 2] && seq[i] != seq[i - 1]);
    waitpid(a, NULL, 0);
    waitpid(b, NULL, 0);
    pass("yield");
    return 0;
}
