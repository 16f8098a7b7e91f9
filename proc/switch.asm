; switch.asm — changing from one process's kernel stack to another's.
;
; switch_to(&prev->ctx_esp, next->ctx_esp) saves the callee-saved registers
; and the flags on the current kernel stack, stores esp, loads the next
; process's esp and pops the same things back: from the caller's point of
; view it is an ordinary function call that returns when this process is
; scheduled again.  Everything else (the user's registers) is already in
; the trap frame at the top of each kernel stack.

global switch_to
global enter_user
global kernel_entry_trampoline
global fork_return
extern trap_return
extern sched_first_return

section .text

; void switch_to(uint32_t *save_esp, uint32_t next_esp)
switch_to:
    mov eax, [esp + 4]
    mov edx, [esp + 8]
    pushfd
    push ebp
    push ebx
    push esi
    push edi
    mov [eax], esp
    mov esp, edx
    pop edi
    pop esi
    pop ebx
    pop ebp
    popfd
    ret

; void enter_user(struct trapframe *tf): leave the kernel through the trap
; frame, the way every return to user mode does (the first process too).
enter_user:
    mov esp, [esp + 4]
    jmp trap_return

; A fork child's first switch "returns" here, with esp at its trap frame:
; the work due on a return to user mode (signals that arrived before it
; ever ran, a reschedule) is done as on any other return, then out.
fork_return:
    call sched_first_return
    jmp trap_return

; A new kernel context starts here (proc/sched.c builds its stack):
; ebx = function, esi = its argument.
kernel_entry_trampoline:
    sti
    push esi
    call ebx
    ud2                             ; the function must not return
