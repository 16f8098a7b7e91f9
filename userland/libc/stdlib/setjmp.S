/*
 * setjmp / longjmp.  setjmp saves what a function must preserve across a
 * call (ebx, esi, edi, ebp), its caller's stack pointer and the return
 * address; longjmp puts them back and "returns again" from setjmp with
 * val (1 if val is 0).
 *
 *   jmp_buf: [0] ebx  [1] esi  [2] edi  [3] ebp  [4] esp  [5] eip
 */
    .text
    .globl setjmp
    .type setjmp, @function
setjmp:
    mov 4(%esp), %eax       /* env */
    mov %ebx, 0(%eax)
    mov %esi, 4(%eax)
    mov %edi, 8(%eax)
    mov %ebp, 12(%eax)
    lea 4(%esp), %ecx       /* esp as it will be after our return */
    mov %ecx, 16(%eax)
    mov (%esp), %ecx        /* return address */
    mov %ecx, 20(%eax)
    xor %eax, %eax
    ret
    .size setjmp, . - setjmp

    .globl longjmp
    .type longjmp, @function
longjmp:
    mov 4(%esp), %edx       /* env */
    mov 8(%esp), %eax       /* val */
    test %eax, %eax
    jnz 1f
    inc %eax
1:  mov 0(%edx), %ebx
    mov 4(%edx), %esi
    mov 8(%edx), %edi
    mov 12(%edx), %ebp
    mov 16(%edx), %esp
    jmp *20(%edx)
    .size longjmp, . - longjmp

    .section .note.GNU-stack, "", @progbits
