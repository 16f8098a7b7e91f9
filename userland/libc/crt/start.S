/*
 * _start: the entry point of every program (the ELF e_entry).
 *
 * The kernel jumps here with esp pointing at argc, followed by argv[],
 * NULL, envp[], NULL and the auxiliary vector (System V i386 ABI).  We
 * hand that pointer to libc_start() in C, after aligning the stack to 16
 * bytes as the ABI requires at every call.  ebp = 0 marks the outermost
 * frame for debuggers.
 */
    .text
    .globl _start
    .type _start, @function
_start:
    xor %ebp, %ebp
    mov %esp, %eax          /* eax -> argc */
    and $-16, %esp
    sub $12, %esp           /* 12 + the 4-byte push = 16: aligned at the call */
    push %eax
    call libc_start         /* does not return */
    hlt                     /* fault loudly if it ever does */
    .size _start, . - _start

    .section .note.GNU-stack, "", @progbits
