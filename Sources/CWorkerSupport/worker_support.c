#define _GNU_SOURCE
#include "worker_support.h"
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

static int note_fd = -1;
static char alt_stack[64 * 1024];

static size_t put_number(char *out, long value) {
    char digits[24];
    size_t n = 0, len = 0;
    if (value < 0) { out[len++] = '-'; value = -value; }
    do { digits[n++] = (char)('0' + value % 10); value /= 10; } while (value > 0 && n < sizeof digits);
    while (n > 0) out[len++] = digits[--n];
    return len;
}

static void on_fatal(int sig) {
    int saved = errno;
    if (note_fd >= 0) {
        char line[64];
        size_t len = put_number(line, sig);
        line[len++] = ' ';
        len += put_number(line + len, saved);
        line[len++] = '\n';
        ssize_t ignored = write(note_fd, line, len);
        (void)ignored;
    }
    /* SA_RESETHAND restored the default action: the re-raised signal is delivered when
       this handler returns, and kills the process with it. */
    raise(sig);
}

void minutes_crash_note_install(int fd) {
    note_fd = fd;
    stack_t ss;
    memset(&ss, 0, sizeof ss);
    ss.ss_sp = alt_stack;
    ss.ss_size = sizeof alt_stack;
    sigaltstack(&ss, NULL);
    int sigs[] = { SIGSEGV, SIGBUS, SIGABRT, SIGILL, SIGFPE, SIGTRAP, SIGSYS };
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_fatal;
        sa.sa_flags = SA_ONSTACK | SA_RESETHAND;
        sigemptyset(&sa.sa_mask);
        sigaction(sigs[i], &sa, NULL);
    }
}

int minutes_pipe_cloexec(int fds[2]) {
    return pipe2(fds, O_CLOEXEC) == 0 ? 0 : errno;
}

int minutes_spawn(const char *path, char *const argv[], char *const envp[],
                  int stdin_fd, int stdout_fd, int note_fd_, pid_t *pid) {
    posix_spawn_file_actions_t fa;
    posix_spawnattr_t attr;
    int rc = posix_spawn_file_actions_init(&fa);
    if (rc != 0) return rc;
    posix_spawn_file_actions_adddup2(&fa, stdin_fd, 0);
    posix_spawn_file_actions_adddup2(&fa, stdout_fd, 1);
    posix_spawn_file_actions_adddup2(&fa, note_fd_, 3);
    posix_spawn_file_actions_addclosefrom_np(&fa, 4);
    posix_spawnattr_init(&attr);
    /* The child starts with default handlers for the signals its parent handles, and none
       blocked; SIGINT and SIGTERM the parent ignores stay ignored (the parent decides). */
    sigset_t none;
    sigemptyset(&none);
    posix_spawnattr_setsigmask(&attr, &none);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK);
    rc = posix_spawn(pid, path, &fa, &attr, argv, envp);
    posix_spawnattr_destroy(&attr);
    posix_spawn_file_actions_destroy(&fa);
    return rc;
}

int minutes_limit_memory(unsigned long long bytes) {
    struct rlimit data = { (rlim_t)bytes, (rlim_t)bytes };
    if (setrlimit(RLIMIT_DATA, &data) != 0) return errno;
    struct rlimit as = { (rlim_t)bytes * 2 + (1ULL << 30), (rlim_t)bytes * 2 + (1ULL << 30) };
    if (setrlimit(RLIMIT_AS, &as) != 0) return errno;
    return 0;
}
