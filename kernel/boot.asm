; boot.asm — from the boot loader to the higher half.
;
; GRUB2 and QEMU's -kernel both load this ELF by its physical addresses and
; jump to `_start` (physical) with paging off, EAX = multiboot magic and
; EBX = physical address of the multiboot information.  The header and this
; stub live in a low section linked at their physical address; everything
; else is linked at KERNEL_BASE + physical.  The stub:
;   1. zeroes .bss (our page tables and stacks live there),
;   2. builds a boot page directory with 4 MiB pages that maps the first
;      4 MiB twice (identity, so the next instruction still runs after
;      paging is on) and 0xC0000000.. to physical 0.. (the higher half),
;   3. turns on paging and jumps to the higher half, where kmain() builds the
;      real kernel page tables (mm/ replaces this directory early).

KERNEL_BASE     equ 0xC0000000
MB_MAGIC        equ 0x1BADB002
MB_FLAGS        equ 0x00000003      ; page-align modules, give us a memory map
PDE_PRESENT     equ 0x001
PDE_WRITE       equ 0x002
PDE_4MB         equ 0x080
CR4_PSE         equ 0x010
CR0_PG          equ 0x80000000
CR0_WP          equ 0x00010000

extern kmain
extern __bss_start, __bss_end
global boot_stack_top
global _start
global boot_page_directory

section .multiboot
align 4
    dd MB_MAGIC
    dd MB_FLAGS
    dd -(MB_MAGIC + MB_FLAGS)

section .boot
bits 32
_start:
    cli
    mov esi, eax                    ; keep the loader's magic (EBX: info)

    ; 1. zero .bss (physical addresses: paging is still off)
    mov edi, __bss_start - KERNEL_BASE
    mov ecx, __bss_end - KERNEL_BASE
    sub ecx, edi
    shr ecx, 2
    xor eax, eax
    cld
    rep stosd

    ; 2. boot page directory: PDE 0 identity, PDEs 768..1023 = 0..1 GiB
    mov edi, boot_page_directory - KERNEL_BASE
    mov dword [edi], PDE_PRESENT | PDE_WRITE | PDE_4MB
    add edi, 768 * 4
    mov eax, PDE_PRESENT | PDE_WRITE | PDE_4MB
    mov ecx, 256
.fill:
    mov [edi], eax
    add eax, 0x400000
    add edi, 4
    loop .fill

    ; 3. paging on (4 MiB pages need CR4.PSE), then into the higher half
    mov eax, cr4
    or eax, CR4_PSE
    mov cr4, eax
    mov eax, boot_page_directory - KERNEL_BASE
    mov cr3, eax
    mov eax, cr0
    or eax, CR0_PG | CR0_WP
    mov cr0, eax
    lea eax, [higher_half]
    jmp eax

section .text
higher_half:
    mov esp, boot_stack_top
    xor ebp, ebp                    ; ends the backtrace chain
    push ebx                        ; multiboot info (physical)
    push esi                        ; multiboot magic
    call kmain
.hang:
    cli
    hlt
    jmp .hang

section .bss
align 4096
boot_page_directory:
    resb 4096
boot_stack:
    resb 16384                      ; the stack kmain runs on
boot_stack_top:
