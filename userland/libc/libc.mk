# How to compile and link programs against the Cowix libc.
#
# Include this file after setting
#   COWIX_ROOT  the repository root (absolute path)
#   O           the userland output directory (absolute path; the one given
#               to `make -C userland O=...`, which holds crt0.o and libc.a)
# then compile and link a program like this:
#   $(USER_CC) $(USER_CFLAGS) -c prog.c -o prog.o
#   $(USER_CC) $(USER_LDFLAGS) -o prog $(USER_CRT) prog.o $(USER_LIBS)
# or in one step:  $(call user_link,prog,prog.o other.o)
#
# The programs are static i386 ELF executables (Linux i386 ABI): they run
# on Cowix and on a Linux host alike.

USER_CC      := i686-linux-gnu-gcc
USER_GCC_INC := $(shell $(USER_CC) -print-file-name=include)
USER_LIBGCC  := $(shell $(USER_CC) -print-libgcc-file-name)

# -nostdinc keeps the cross compiler's glibc headers out; gcc's own
# freestanding headers (stddef.h, stdint.h, stdarg.h...) stay available.
USER_CFLAGS := -m32 -march=i686 -O2 -g -std=c11 -Wall -Wextra \
               -ffreestanding -fno-pie -fno-stack-protector \
               -fno-asynchronous-unwind-tables \
               -ffunction-sections -fdata-sections \
               -nostdinc -isystem $(USER_GCC_INC) \
               -I$(COWIX_ROOT)/userland/libc/include -I$(COWIX_ROOT)

# --gc-sections drops every function a program does not use;
# noseparate-code gives two PT_LOAD segments (text+rodata, data+bss).
USER_LDFLAGS := -m32 -static -nostdlib -no-pie -Wl,--gc-sections \
                -Wl,-z,noexecstack -Wl,-z,noseparate-code -Wl,--build-id=none

USER_CRT  := $(O)/crt0.o
USER_LIBC := $(O)/libc.a
USER_LIBS := $(USER_LIBC) $(USER_LIBGCC)

user_link = $(USER_CC) $(USER_LDFLAGS) -o $(1) $(USER_CRT) $(2) $(USER_LIBS)
