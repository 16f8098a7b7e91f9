/*
 * long syscall6(long n, long a, long b, long c, long d, long e, long f)
 *
 * The six-argument system call (mmap2, pselect6...): the sixth argument
 * goes in ebp, which C code cannot name in an asm constraint.  ebx, esi,
 * edi and ebp are callee-saved in the i386 System V ABI, so we save them.
 */
    .text
    .globl syscall6
    .type syscall6, @function
syscall6:
    push %ebp
    push %edi
    push %esi
    push %ebx
    /* 4 saved registers + return address = 20 bytes above the arguments */
    mov 20(%esp), %eax
    mov 24(%esp), %ebx
    mov 28(%esp), %ecx
    mov 32(%esp), %edx
    mov 36(%esp), %esi
    mov 40(%esp), %edi
    mov 44(%esp), %ebp
    int $0x80
    pop %ebx
    pop %esi
    pop %edi
    pop %ebp
    ret
    .size syscall6, . - syscall6

    .section .note.GNU-stack, "", @progbits
