; entry.asm — every way into the kernel, and the one way back out.
;
; Each vector has a stub that makes the stack look the same: the CPU's
; iret frame (plus user esp/ss when coming from ring 3), an error code (the
; CPU's, or a dummy 0), the vector number, then the saved registers in the
; order of struct trapframe (kernel/trap.h).  C gets a pointer to it.
;
; System calls have their own, shorter path: int 0x80 goes straight to the
; handler in syscall_table with the six argument registers as C arguments,
; and returns without passing through trap_dispatch.

SEL_KDATA equ 0x10
TF_EFLAGS equ 60                    ; offsetof(struct trapframe, eflags)
EFLAGS_VM equ 0x20000

extern trap_dispatch
extern trap_return_work
extern trap_return_work_hook
extern syscall_table
extern syscall_count
extern syscall_unknown
global trap_stubs
global trap_return
global syscall_entry
global trap_return_segs_start
global trap_return_segs_end

section .text

; Save the registers the CPU did not, in struct trapframe order
; (the last pushed is the first field), and load the kernel data segments.
%macro SAVE_REGS 0
    push gs
    push fs
    push es
    push ds
    push eax
    push ebp
    push edi
    push esi
    push edx
    push ecx
    push ebx
    mov cx, SEL_KDATA
    mov ds, cx
    mov es, cx
    ; The kernel does not use fs and gs, but a user selector left in them
    ; could name a TLS slot that exec or a switch empties meanwhile: a
    ; nested trap would then save it and fault restoring it.  Null them.
    xor ecx, ecx
    mov fs, cx
    mov gs, cx
%endmacro

%macro STUB_NOERR 1
stub_%1:
    push 0
    push %1
    jmp trap_common
%endmacro

%macro STUB_ERR 1
stub_%1:
    push %1                         ; the CPU pushed the error code
    jmp trap_common
%endmacro

; Vectors that push an error code: 8, 10-14, 17, 21.
%assign v 0
%rep 48
  %if v == 8 || (v >= 10 && v <= 14) || v == 17 || v == 21
    STUB_ERR v
  %else
    STUB_NOERR v
  %endif
  %assign v v+1
%endrep

trap_common:
    SAVE_REGS
    cld
    push esp                        ; struct trapframe *
    call trap_dispatch
    add esp, 4
    ; fall through

; Restore a trap frame and return to where it came from.  A new process
; starts here too (proc/fork.c arranges its kernel stack so).
trap_return:
    pop ebx
    pop ecx
    pop edx
    pop esi
    pop edi
    pop ebp
    pop eax
; Popping a segment register can fault if user space left a selector that
; is no longer valid (a TLS slot cleared by set_thread_area); trap.c then
; zeroes the slot and retries.  Nothing else in the kernel may fault here.
trap_return_segs_start:
    pop ds
    pop es
    pop fs
    pop gs
trap_return_segs_end:
    add esp, 8                      ; vector number and error code
    iret

; int 0x80: eax = number, ebx ecx edx esi edi ebp = arguments.
; The number also goes in the error-code slot: eax is overwritten by the
; result, and restarting an interrupted call needs the number again.
syscall_entry:
    push eax
    push 0x80
    SAVE_REGS
    cld
    test byte [esp + TF_EFLAGS + 2], EFLAGS_VM >> 16
    jnz .vm86
    cmp eax, [syscall_count]
    jae .unknown                    ; negative numbers are huge unsigned
    ; Copy the six arguments: a C function may overwrite its own argument
    ; slots, and these are the user's saved registers.
    push dword [esp + 20]
    push dword [esp + 20]
    push dword [esp + 20]
    push dword [esp + 20]
    push dword [esp + 20]
    push dword [esp + 20]
    call [syscall_table + eax * 4]
    add esp, 24
.done:
    mov [esp + 24], eax             ; the return value goes to the user's eax
    cmp dword [trap_return_work], 0
    jne .work
    jmp trap_return
.work:
    push esp
    call [trap_return_work_hook]    ; signals, rescheduling
    add esp, 4
    jmp trap_return
.unknown:
    push esp
    call syscall_unknown            ; -ENOSYS (and the strace=1 log)
    add esp, 4
    jmp .done
.vm86:
    ; From virtual-8086 mode (see leave_vm86 in trap.c): no system call.
    push esp
    call trap_dispatch
    add esp, 4
    jmp trap_return

section .rodata
align 4
trap_stubs:
%assign v 0
%rep 48
    dd stub_%+v
  %assign v v+1
%endrep
