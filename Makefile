# Cowix top-level build.
#
#   make            kernel, initrd and bootable ISO in build/
#   make run        boot the ISO in QEMU, serial console on this terminal
#   make run-fast   boot with -kernel/-initrd (ARGS="..." for the command line)
#   make test       every test layer; ends with "N passed, N failed"
#   make gdb        QEMU halted with a gdb stub, gdb attached
#
# Every target first installs missing Debian packages (tools/deps.sh).

B        := build
CROSS    := i686-linux-gnu-
CC       := $(CROSS)gcc
NM       := $(CROSS)nm
NASM     := nasm
HOSTCC   := gcc
QEMU     := qemu-system-i386
PYTEST   := /usr/bin/python3 -m pytest
ARGS     ?=
# Quiet by default; `make V=1` shows every command.
Q        := $(if $(V),,@)

# Evaluated when used, i.e. after the toolchain has been installed.
GCC_INC   = $(shell $(CC) -print-file-name=include)
LIBGCC    = $(shell $(CC) -print-libgcc-file-name)

KCFLAGS   = -std=gnu11 -m32 -march=i686 -O2 -g -ffreestanding -fno-pie \
            -fno-stack-protector -fno-omit-frame-pointer -mno-omit-leaf-frame-pointer \
            -fno-optimize-sibling-calls -fno-asynchronous-unwind-tables \
            -mgeneral-regs-only -nostdinc -isystem $(GCC_INC) -I. \
            -Wall -Wextra -Werror=implicit-function-declaration -MMD -MP \
            $(KEXTRA)
ifeq ($(KUBSAN),1)
KEXTRA   += -fsanitize=undefined -DKUBSAN
endif
KLDFLAGS  = -m32 -nostdlib -static -no-pie -T kernel/linker.ld \
            -Wl,-z,noexecstack -Wl,--build-id=none

# Sources of the ext2 library join the kernel once it is integrated.
KEXCLUDE :=
KSRC_C   := $(filter-out $(KEXCLUDE),$(wildcard kernel/*.c mm/*.c proc/*.c fs/*.c tests/ktest/*.c))
KSRC_ASM := $(wildcard kernel/*.asm mm/*.asm proc/*.asm fs/*.asm)
KOBJ     := $(KSRC_C:%.c=$(B)/k/%.o) $(KSRC_ASM:%.asm=$(B)/k/%.asm.o)
DEPS_OK  := $(B)/.deps-ok

QEMU_BASE := -m 128 -no-reboot -device isa-debug-exit,iobase=0xf4,iosize=0x04
QEMU_TERM := -display none -chardev stdio,id=con,mux=on,signal=off \
             -serial chardev:con -mon chardev=con

.PHONY: all deps run run-fast gdb test unit ktest systest userland clean FORCE bench image-check

all: $(B)/kernel.elf $(B)/initrd.img $(B)/cowix.iso

deps: $(DEPS_OK)
$(DEPS_OK): tools/deps.sh
	@mkdir -p $(B)
	tools/deps.sh
	@touch $@

# ---- kernel ---------------------------------------------------------------

$(B)/k/%.o: %.c | $(DEPS_OK)
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(KCFLAGS) -c $< -o $@

$(B)/k/%.asm.o: %.asm | $(DEPS_OK)
	@mkdir -p $(dir $@)
	@echo "  NASM    $<"
	$(Q)$(NASM) -f elf32 -g -F dwarf -MD $(@:.o=.d) -MP $< -o $@

# Two links: the first gives the addresses for the symbol table that the
# second embeds (tools/mksyms.sh; the table sits behind the code, so no
# function moves).  The check at the end proves it.
$(B)/ksyms0.c: tools/mksyms.sh | $(DEPS_OK)
	$(Q)tools/mksyms.sh --empty > $@

$(B)/ksyms%.o: $(B)/ksyms%.c
	$(Q)$(CC) $(KCFLAGS) -c $< -o $@

$(B)/kernel0.elf: $(KOBJ) $(B)/ksyms0.o kernel/linker.ld
	@echo "  LD      $@"
	$(Q)$(CC) $(KLDFLAGS) -o $@ $(KOBJ) $(B)/ksyms0.o $(LIBGCC)

$(B)/ksyms1.c: $(B)/kernel0.elf tools/mksyms.sh
	$(Q)NM=$(NM) tools/mksyms.sh $< > $@

$(B)/kernel.elf: $(B)/kernel0.elf $(B)/ksyms1.o
	@echo "  LD      $@"
	$(Q)$(CC) $(KLDFLAGS) -o $@ $(KOBJ) $(B)/ksyms1.o $(LIBGCC)
	@NM=$(NM) tools/mksyms.sh $@ | cmp -s - $(B)/ksyms1.c || \
	    { echo "kernel: symbols moved between links"; rm -f $@; exit 1; }
	@grub-file --is-x86-multiboot $@ || { echo "kernel: not multiboot"; exit 1; }

-include $(KOBJ:.o=.d)

# ---- user programs and the initrd -----------------------------------------

USER_DIR := $(abspath $(B)/user)

userland: | $(DEPS_OK)
	@if [ -f userland/Makefile ]; then $(MAKE) -s -C userland O=$(USER_DIR); fi
	@if [ -f userland/bench/Makefile ]; then $(MAKE) -s -C userland/bench O=$(USER_DIR); fi

# The initrd is rebuilt only when the staged tree changes (see the script):
# an unchanged image keeps its time stamp, so the ISO is not redone.
$(B)/initrd.img: userland FORCE | $(DEPS_OK)
	@tools/mkinitrd.sh $@ initrd $(USER_DIR)/root

FORCE:

$(B)/cowix.iso: $(B)/kernel.elf $(B)/initrd.img grub.cfg
	@rm -rf $(B)/iso && mkdir -p $(B)/iso/boot/grub
	@cp $(B)/kernel.elf $(B)/initrd.img $(B)/iso/boot/
	@cp grub.cfg $(B)/iso/boot/grub/grub.cfg
	@echo "  ISO     $@"
	$(Q)grub-mkrescue -o $@ $(B)/iso 2> $(B)/grub-mkrescue.log || \
	    { cat $(B)/grub-mkrescue.log; exit 1; }

# ---- running --------------------------------------------------------------

run: all
	@echo "Cowix on the serial console; Ctrl-A X quits QEMU."
	-$(QEMU) $(QEMU_BASE) $(QEMU_TERM) -cdrom $(B)/cowix.iso

run-fast: $(B)/kernel.elf $(B)/initrd.img
	-$(QEMU) $(QEMU_BASE) $(QEMU_TERM) -kernel $(B)/kernel.elf \
	    -initrd $(B)/initrd.img -append "$(ARGS)"

# GDB_PORT and GDB_EXTRA (more gdb options, e.g. -batch -ex "bt" -ex kill)
# let a test drive this very target.
GDB_PORT ?= 1234
gdb: $(B)/kernel.elf $(B)/initrd.img
	@echo "serial output goes to $(B)/gdb-serial.log"
	$(QEMU) $(QEMU_BASE) -display none -serial file:$(B)/gdb-serial.log \
	    -kernel $(B)/kernel.elf -initrd $(B)/initrd.img -append "$(ARGS)" \
	    -gdb tcp::$(GDB_PORT) -S & \
	gdb -q $(B)/kernel.elf -ex "target remote :$(GDB_PORT)" -ex "break kmain" \
	    -ex "continue" $(GDB_EXTRA); kill $$! 2>/dev/null || true

# ---- tests ----------------------------------------------------------------

UNIT_SRC  := $(wildcard tests/unit/test_*.c)
UNIT_BIN  := $(UNIT_SRC:tests/unit/%.c=$(B)/unit/%)
UNIT_CFLAGS := -std=gnu11 -Wall -Wextra -g -O1 -fsanitize=address,undefined \
               -fno-sanitize-recover=undefined -I.
# A unit test #includes the kernel sources it tests: rebuild on any change.
UNIT_DEPS := tests/unit/unit.c tests/unit/unit.h \
             $(wildcard kernel/*.[ch] mm/*.[ch] proc/*.[ch] fs/*.[ch] kernel/uapi/*.h)

$(B)/unit/%: tests/unit/%.c $(UNIT_DEPS) | $(DEPS_OK)
	@mkdir -p $(dir $@)
	@echo "  HOSTCC  $<"
	$(Q)$(HOSTCC) $(UNIT_CFLAGS) -o $@ $< tests/unit/unit.c


unit: $(UNIT_BIN)
	tools/run-tests.sh unit

ktest: $(B)/kernel.elf $(B)/initrd.img
	tools/run-tests.sh ktest

systest: all
	tools/run-tests.sh system

test: all $(UNIT_BIN)
	tools/run-tests.sh all

# Write to the image from inside Cowix, copy the live image out of guest
# memory and check it with e2fsck (also part of make test).
image-check: all
	$(PYTEST) tests/system/test_ext2_write.py -q -p no:cacheprovider

# Benchmarks (not part of make test): Cowix and Debian's Linux on the
# same binary, under QEMU -icount; see docs/performance.md.
bench: all
	tools/deps.sh python3-matplotlib cpio
	tools/bench/bench.sh

clean:
	rm -rf $(B)

# Further targets live beside their tools (busybox image, fuzzing...).
-include $(wildcard tools/*.mk)
