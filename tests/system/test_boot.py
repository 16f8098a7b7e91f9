"""Booting: both loaders, the command line, self-tests, panics, and the
clear messages for machines Cowix cannot run on."""
import os
import re
import shutil
import subprocess

from conftest import BOOT_ERROR_STATUS, INITRD, KERNEL, PANIC_STATUS, ROOT, TREE

# The memory issue's tests, by name: losing one must not go unnoticed.
MEMORY_KTESTS = [
    "frame_alloc_free_exact", "heap_random_sizes", "vm_destroy_frees_all",
    "demand_zero", "cow_child_write_isolated", "cow_parent_write_isolated",
    "cow_three_way", "cow_last_ref_no_copy", "copy_to_user_into_cow",
    "copy_from_user_bad_ptr_efault", "clone_oom_no_leak", "clone_fails_midway_no_leak",
    "kernel_half_shared",
]


def test_kernel_is_multiboot():
    assert subprocess.run(["grub-file", "--is-x86-multiboot", KERNEL]).returncode == 0


def test_ktest_all_pass(boot):
    b = boot("ktest")
    m = re.search(r"^(\d+) passed, (\d+) failed", b.output, re.M)
    assert m, b
    assert int(m.group(1)) >= 20 and m.group(2) == "0", b
    assert "not ok" not in b.output
    for name in MEMORY_KTESTS:
        assert "ok %s\r\n" % name in b.output, name
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


def test_vga_text_screen_shows_kernel_output(tmp_path):
    """The VGA console gets what the serial line gets: the text screen's
    memory, read through QEMU's monitor, holds the banner and the shell's
    prompt."""
    import time
    import pexpect
    log, dump = tmp_path / "serial.log", tmp_path / "vga.bin"
    qemu = pexpect.spawn("qemu-system-i386", [
        "-m", "128", "-display", "none", "-no-reboot", "-monitor", "stdio",
        "-serial", "file:%s" % log, "-kernel", KERNEL, "-initrd", INITRD,
        "-append", "init=/bin/sh"], cwd=str(tmp_path), timeout=30)
    try:
        qemu.expect_exact("(qemu)")
        for _ in range(150):
            if log.exists() and log.read_bytes().endswith(b"# "):
                break
            time.sleep(0.2)
        # (a relative name: the monitor would read "4000 /tmp" as a division)
        qemu.sendline("pmemsave 0xb8000 4000 %s" % dump.name)
        qemu.expect_exact("(qemu)")
        qemu.sendline("quit")
        qemu.expect(pexpect.EOF)
    finally:
        qemu.terminate(force=True)
    chars = dump.read_bytes()[0::2].decode("latin-1")         # cells: char, attribute
    rows = [chars[i:i + 80].rstrip() for i in range(0, len(chars), 80)]
    assert "Cowix 0.1, a copy-on-write kernel for i386" in rows, rows
    assert "/#" in rows, rows


def test_too_little_memory_is_a_clear_message(boot):
    b = boot("", memory=12)
    assert "Cowix cannot start: Cowix needs at least 16 MiB of RAM" in b.output, b
    assert b.status == BOOT_ERROR_STATUS


def test_missing_initrd_is_a_clear_message(boot):
    b = boot("", no_initrd=True)
    assert "Cowix cannot start: no initrd module" in b.output, b
    assert b.status == BOOT_ERROR_STATUS


def test_initrd_that_is_not_ext2_is_a_clear_message(boot, tmp_path):
    junk = tmp_path / "junk.img"
    junk.write_bytes(os.urandom(1 << 20))
    b = boot("", initrd=str(junk))
    assert "Cowix cannot start: the initrd is not an ext2 image Cowix can mount" in b.output, b
    assert b.status == BOOT_ERROR_STATUS and not b.panicked, b


def copy_tree_backwards(src, dst, links=None):
    """Copy a tree creating every directory's entries in reverse order, so
    that a file system that lists them in creation order lists them
    differently from the original.  Hard links stay links."""
    links = {} if links is None else links
    os.mkdir(dst)
    for name in sorted(os.listdir(src), reverse=True):
        s, d = os.path.join(src, name), os.path.join(dst, name)
        st = os.lstat(s)
        if os.path.isdir(s) and not os.path.islink(s):
            copy_tree_backwards(s, d, links)
        elif (st.st_dev, st.st_ino) in links:
            os.link(links[st.st_dev, st.st_ino], d)
        else:
            shutil.copy2(s, d, follow_symlinks=False)
            links[st.st_dev, st.st_ino] = d
    shutil.copystat(src, dst)


def test_initrd_is_reproducible(tmp_path):
    """The same tree gives the same image to the byte, whatever the order
    the directories list their files in (and their time stamps)."""
    mkinitrd = os.path.join(ROOT, "tools", "mkinitrd.sh")
    backwards = str(tmp_path / "backwards")
    copy_tree_backwards(TREE, backwards)
    os.utime(os.path.join(backwards, "bin"), (1, 1))
    img = str(tmp_path / "again.img")
    subprocess.run([mkinitrd, img, backwards], check=True, stdout=subprocess.DEVNULL)
    with open(img, "rb") as a, open(INITRD, "rb") as b:
        assert a.read() == b.read()


def test_kernel_stack_overflow_hits_the_guard_page(boot):
    b = boot("ktest=kernel_stack_overflow")
    assert "Kernel panic: double fault" in b.output, b
    assert "the kernel stack ran into its guard page" in b.output
    assert "ktest_recurse" in b.output
    assert b.status == PANIC_STATUS


def test_make_gdb_stops_at_kmain_with_symbols(tmp_path):
    """`make gdb` itself, in batch mode: QEMU halted with its gdb stub, gdb
    attached with the kernel's symbols, stopped at the breakpoint in kmain."""
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    out = subprocess.run(
        ["make", "-s", "-C", ROOT, "gdb", "GDB_PORT=%d" % port, "ARGS=ktest=pit_ticks_advance",
         "GDB_EXTRA=-batch -ex 'bt 1' -ex kill"],
        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        timeout=120).stdout.decode()
    assert re.search(r"#0\s+kmain \(magic=\d+, info_phys=\d+\) at kernel/main.c:\d+", out), out
