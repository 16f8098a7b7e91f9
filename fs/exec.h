/*
 * Running programs: execve, and the kernel's own exec of the first
 * program (fs/exec.c, docs/exec.md).
 */
#ifndef FS_EXEC_H
#define FS_EXEC_H

long sys_execve(const char *upath, const char *const *uargv, const char *const *uenvp);
/* execve with kernel strings, for init; the caller then enters user mode
 * through proc_frame(current). */
int exec_kernel(const char *path, const char *const *argv, const char *const *envp);

#endif
