; bench-tiny: the smallest program worth exec'ing.  It exits with status 0
; at once, so fork_exec_wait measures only the kernel's work: fork, replace
; the image, exit, wait.

        section .text
        global _start

_start:
        mov eax, 1              ; exit
        xor ebx, ebx            ; status 0
        int 0x80
