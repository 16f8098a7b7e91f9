# Debian's static BusyBox on Cowix (tools/busybox.sh, docs/compat.md).
#
#   make busybox-image   build/busybox.img: BusyBox and its applet links
#   make run-busybox     boot it, BusyBox's shell on this terminal
#                        (BUSYBOX_INIT=/bin/sh for the bare shell as pid 1,
#                        ARGS="..." adds to the kernel command line)
#   make busybox-sweep   every applet in its own boot: the system calls
#                        Cowix lacks, and who calls them

BUSYBOX_INIT ?= /init

.PHONY: busybox-image run-busybox busybox-sweep

busybox-image: | $(DEPS_OK)
	@tools/busybox.sh $(B)

run-busybox: $(B)/kernel.elf busybox-image
	@echo "BusyBox on Cowix, serial console; Ctrl-A X quits QEMU."
	-$(QEMU) $(QEMU_BASE) $(QEMU_TERM) -kernel $(B)/kernel.elf \
	    -initrd $(B)/busybox.img -append "init=$(BUSYBOX_INIT) $(ARGS)"

busybox-sweep: $(B)/kernel.elf busybox-image
	tools/busybox/sweep.py
