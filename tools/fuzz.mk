# Robustness targets (docs/robustness.md).
#
#   make fuzz        the system call fuzzer as init under QEMU:
#                    FUZZ_CALLS calls (default 200000) from seed FUZZ_SEED
#                    (default 1); FUZZ_ARGS adds options (workers=8, per=200,
#                    each=1, batch=B); the log is $(B)/fuzz.log
#   make fuzz-host   the host fuzzers: the ext2 reader on EXT2_FUZZ_ITERS
#                    corrupted images (make unit runs a short loop of it)
#                    and the ELF checker on ELF_FUZZ_ITERS mutated Cowix
#                    programs (make unit has only test_elf.c's own loop)
#   make kubsan      the kernel with KUBSAN (-fsanitize=undefined) in
#                    $(B)/kubsan, and the robustness tests that boot it

FUZZ_CALLS      ?= 200000
FUZZ_SEED       ?= 1
FUZZ_ARGS       ?=
EXT2_FUZZ_ITERS ?= 200000
ELF_FUZZ_ITERS  ?= 2000000

.PHONY: fuzz fuzz-host kubsan

fuzz: $(B)/kernel.elf $(B)/initrd.img
	tools/fuzz/run.sh $(B) calls=$(FUZZ_CALLS) seed=$(FUZZ_SEED) $(FUZZ_ARGS)

$(B)/fuzz/elf_host: tools/fuzz/elf_host.c userland/tests/hostile_mutate.h \
                    userland/tests/fuzz_rng.h $(UNIT_DEPS) | $(DEPS_OK)
	@mkdir -p $(dir $@)
	@echo "  HOSTCC  $<"
	$(Q)$(HOSTCC) $(UNIT_CFLAGS) -o $@ $<

fuzz-host: $(B)/unit/test_ext2_fuzz $(B)/fuzz/elf_host userland
	EXT2_FUZZ_ITERS=$(EXT2_FUZZ_ITERS) EXT2_FUZZ_SEED=$(FUZZ_SEED) $(B)/unit/test_ext2_fuzz
	$(B)/fuzz/elf_host $(ELF_FUZZ_ITERS) $(FUZZ_SEED) $(USER_DIR)/root/bin/* \
	    $(USER_DIR)/root/sbin/* $(USER_DIR)/root/tests/*

kubsan: all
	$(MAKE) KUBSAN=1 B=$(B)/kubsan $(B)/kubsan/kernel.elf
	$(PYTEST) tests/system/test_robustness.py -k kubsan -q -p no:cacheprovider
