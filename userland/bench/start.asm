; The entry point of bench.  Its very first instruction reads the TSC:
; when bench runs as init, that is the first user instruction the machine
; executes, so boot_tsc is the cost of booting (op_boot_to_user prints it).
; Then it calls bench_main(argc, argv) and exits with its result.

        section .text
        global _start
        extern bench_main

_start:
        rdtsc
        mov [boot_tsc], eax
        mov [boot_tsc + 4], edx

        ; System V i386 process entry: [esp] = argc, esp + 4 = argv.
        mov ecx, [esp]
        lea edx, [esp + 4]
        and esp, -16            ; gcc expects a 16-byte aligned stack at calls
        sub esp, 8
        push edx
        push ecx
        call bench_main

        mov ebx, eax            ; exit(bench_main(argc, argv))
        mov eax, 1
        int 0x80

        section .bss
        global boot_tsc
        alignb 8
boot_tsc:
        resq 1
