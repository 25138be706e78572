#ifndef MINUTES_WORKER_SUPPORT_H
#define MINUTES_WORKER_SUPPORT_H
#include <sys/types.h>

/// Installs handlers for the fatal signals (SEGV, BUS, ABRT, ILL, FPE, TRAP, SYS) that write
/// one line "SIGNAL ERRNO\n" to `fd` and then let the signal kill the process. Runs on an
/// alternate stack, so a stack overflow is reported too. Async-signal-safe throughout.
void minutes_crash_note_install(int fd);

/// pipe2(O_CLOEXEC): both ends close on exec, so no other worker inherits them.
int minutes_pipe_cloexec(int fds[2]);

/// posix_spawn of `path` with `stdin_fd` as 0, `stdout_fd` as 1, `note_fd` as 3 and every
/// other descriptor above 3 closed; stderr is inherited. Returns 0 or an errno value.
int minutes_spawn(const char *path, char *const argv[], char *const envp[],
                  int stdin_fd, int stdout_fd, int note_fd, pid_t *pid);

/// setrlimit(RLIMIT_DATA) and (RLIMIT_AS at twice the size, a backstop for mappings
/// RLIMIT_DATA does not count). Returns 0 or an errno value.
int minutes_limit_memory(unsigned long long bytes);

#endif
