; uaccess.asm — the only code that touches user memory on the kernel's
; behalf.  Each instruction that may fault is listed in the exception table
; (.ex_table): if the page-fault handler cannot resolve a fault there (the
; address is unmapped or not writable), the trap layer resumes at the
; fix-up, which returns -EFAULT.  Range checks happen in uaccess.c first.

EFAULT equ 14

global uaccess_copy
global uaccess_strncpy
global uaccess_clear

section .text

; int uaccess_copy(void *dst, const void *src, uint32_t n)
uaccess_copy:
    push esi
    push edi
    mov edi, [esp + 12]
    mov esi, [esp + 16]
    mov ecx, [esp + 20]
    mov edx, ecx
    shr ecx, 2
    and edx, 3
    cld
.words:
    rep movsd
    mov ecx, edx
.bytes:
    rep movsb
    xor eax, eax
.out:
    pop edi
    pop esi
    ret
.fault:
    mov eax, -EFAULT
    jmp .out

; int uaccess_clear(void *dst, uint32_t n)
uaccess_clear:
    push edi
    mov edi, [esp + 8]
    mov ecx, [esp + 12]
    mov edx, ecx
    shr ecx, 2
    and edx, 3
    xor eax, eax
    cld
.words:
    rep stosd
    mov ecx, edx
.bytes:
    rep stosb
.out:
    pop edi
    ret
.fault:
    mov eax, -EFAULT
    jmp .out

; int uaccess_strncpy(char *dst, const char *src, uint32_t max)
; Copies up to max bytes, stopping after a NUL.  Returns the string's
; length (without the NUL), max if no NUL was found, or -EFAULT.
uaccess_strncpy:
    push esi
    push edi
    mov edi, [esp + 12]
    mov esi, [esp + 16]
    mov edx, [esp + 20]
    xor ecx, ecx
.next:
    cmp ecx, edx
    jae .full
.load:
    mov al, [esi + ecx]
    mov [edi + ecx], al
    test al, al
    jz .done
    inc ecx
    jmp .next
.done:
.full:
    mov eax, ecx
.out:
    pop edi
    pop esi
    ret
.fault:
    mov eax, -EFAULT
    jmp .out

section .ex_table
    dd uaccess_copy.words, uaccess_copy.fault
    dd uaccess_copy.bytes, uaccess_copy.fault
    dd uaccess_clear.words, uaccess_clear.fault
    dd uaccess_clear.bytes, uaccess_clear.fault
    dd uaccess_strncpy.load, uaccess_strncpy.fault
