"""Booting: both loaders, the command line, self-tests, panics, and the
clear messages for machines Cowix cannot run on."""
import re
import subprocess

from conftest import BOOT_ERROR_STATUS, KERNEL, PANIC_STATUS


def test_kernel_is_multiboot():
    assert subprocess.run(["grub-file", "--is-x86-multiboot", KERNEL]).returncode == 0


def test_ktest_all_pass(boot):
    b = boot("ktest")
    m = re.search(r"^(\d+) passed, (\d+) failed", b.output, re.M)
    assert m, b
    assert int(m.group(1)) >= 4 and m.group(2) == "0", b
    assert "not ok" not in b.output
    assert b.status == 0, b            # QEMU exit status 1


def test_ktest_one_by_name(boot):
    b = boot("ktest=pit_ticks_advance")
    assert "ok pit_ticks_advance" in b.output
    assert "1 passed, 0 failed" in b.output, b
    assert b.status == 0


def test_ktest_unknown_name_fails(boot):
    b = boot("ktest=no_such_test")
    assert "not ok no_such_test: no such test" in b.output
    assert b.status == 1, b


def test_banner_and_command_line_under_qemu(boot):
    b = boot("ktest=ksyms_name_functions quantum=5")
    assert "Cowix" in b.lines()[0]
    assert re.search(r"command line: \S*kernel.elf ktest=ksyms_name_functions quantum=5",
                     b.output)
    assert "cmdline:" not in b.output     # no warnings for good words


def test_iso_boots_through_grub_to_a_shell(machine):
    m = machine(iso=True, timeout=120)
    m.expect("Cowix 0.1, a copy-on-write kernel for i386")
    m.expect("command line: \r*\n")    # GRUB passes no arguments
    m.wait_prompt()
    assert m.run("echo grub-booted") == "grub-booted"


def test_panic_prints_symbolised_backtrace(boot):
    b = boot("ktest=panic_backtrace")
    assert b.status == PANIC_STATUS, b
    assert "Kernel panic" in b.output and "Page fault" in b.output
    assert "page fault at address 00000010 (not present, write, kernel)" in b.output
    assert re.search(r"eax=[0-9a-f]{8} ebx=", b.output) and "cr2=00000010" in b.output
    frames = re.findall(r"#\d+ [0-9a-f]{8} (\w+)\+0x[0-9a-f]+", b.output)
    assert frames[:5] == ["ktest_panic_inner", "ktest_panic_outer",
                          "ktest_fn_panic_backtrace", "ktest_run", "run_ktests"], b


def test_unknown_word_is_reported_not_fatal(boot):
    b = boot("frobnicate quantum=0 ktest=ksyms_name_functions")
    assert "cmdline: unknown word 'frobnicate' ignored" in b.output
    assert "cmdline: value out of range in 'quantum=0' ignored" in b.output
    assert "1 passed, 0 failed" in b.output


def test_too_little_memory_is_a_clear_message(boot):
    b = boot("", memory=12)
    assert "Cowix cannot start: Cowix needs at least 16 MiB of RAM" in b.output, b
    assert b.status == BOOT_ERROR_STATUS


def test_missing_initrd_is_a_clear_message(boot):
    b = boot("", no_initrd=True)
    assert "Cowix cannot start: no initrd module" in b.output, b
    assert b.status == BOOT_ERROR_STATUS


def test_kernel_stack_overflow_hits_the_guard_page(boot):
    b = boot("ktest=kernel_stack_overflow")
    assert "Kernel panic: double fault" in b.output, b
    assert "the kernel stack ran into its guard page" in b.output
    assert "ktest_recurse" in b.output
    assert b.status == PANIC_STATUS


def test_gdb_stops_at_kmain_with_symbols(tmp_path):
    """What `make gdb` does, in batch mode: QEMU halted with its gdb stub,
    gdb attached with the kernel's symbols, a breakpoint in kmain."""
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    qemu = subprocess.Popen(
        ["qemu-system-i386", "-m", "128", "-display", "none", "-no-reboot",
         "-serial", "file:" + str(tmp_path / "serial.log"), "-kernel", KERNEL,
         "-append", "ktest=ksyms_name_functions", "-gdb", "tcp::%d" % port, "-S"])
    try:
        out = subprocess.run(
            ["gdb", "-q", "-batch", KERNEL, "-ex", "target remote :%d" % port,
             "-ex", "break kmain", "-ex", "continue", "-ex", "bt 1", "-ex", "kill"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=60).stdout.decode()
    finally:
        qemu.kill()
        qemu.wait()
    assert re.search(r"#0\s+kmain \(magic=\d+, info_phys=\d+\) at kernel/main.c:\d+", out), out
