"""The writable ext2 image: user programs create, grow, rename, link and
remove files until the disk is full and back; the live image is then
copied out of guest memory and must be e2fsck-clean, with the same free
counts as the image Cowix booted from."""
import os
import re
import shutil
import subprocess

from conftest import INITRD, boot_and_dump_image, make_initrd, run_program


def free_counts(image):
    out = subprocess.run(["dumpe2fs", "-h", image], stdout=subprocess.PIPE,
                         stderr=subprocess.DEVNULL, check=True).stdout.decode()
    blocks = int(re.search(r"^Free blocks:\s+(\d+)", out, re.M).group(1))
    inodes = int(re.search(r"^Free inodes:\s+(\d+)", out, re.M).group(1))
    return blocks, inodes


def test_built_image_is_clean_with_room_to_spare():
    r = subprocess.run(["e2fsck", "-fn", INITRD], stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT)
    assert r.returncode == 0, r.stdout.decode()
    blocks, inodes = free_counts(INITRD)
    assert blocks * 4096 >= 16 * 1024 * 1024
    assert inodes >= 4096


def test_write_everything_then_fsck_clean(tmp_path):
    image = str(tmp_path / "boot.img")          # a copy: the one booted
    shutil.copy(INITRD, image)
    dump = str(tmp_path / "live.img")
    text = boot_and_dump_image("init=/tests/fswrite -- hold", dump, initrd=image)
    assert "fswrite: all checks passed" in text, text
    assert "disk full after" in text and "out of inodes after" in text
    # statfs64 gives the figures the superblock holds
    m = re.search(r"before: (\d+) free blocks, (\d+) free inodes", text)
    assert m and (int(m.group(1)), int(m.group(2))) == free_counts(image), text
    r = subprocess.run(["e2fsck", "-fn", dump], stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT)
    assert r.returncode == 0, r.stdout.decode()
    assert free_counts(dump) == free_counts(image)


def test_concurrent_appends_stay_whole(boot):
    b = run_program(boot, "/tests/append", timeout=120)
    assert "append: all checks passed" in b.output, b
    assert b.status == 0


# usertests, then the shell's writing tools, then a pause for the dump.
AFTER_USE = """#!/bin/sh
cd /tmp
usertests > /tmp/ut.log; echo "usertests status $?"; tail -n 1 /tmp/ut.log
mkdir -p tree/a/b && seq 1 20000 > tree/a/b/lines && touch tree/empty
ln tree/a/b/lines tree/hard && ln -s a/b/lines tree/soft && wc -l < tree/soft
cp -r tree copy && mv copy/a copy/moved && cat copy/moved/b/lines | tail -n 1
rm -r tree && ls copy && rm -r copy /tmp/ut.log && ls /tmp | wc -l
wc -c < /dev/initrd
echo IMAGE-DUMP-NOW
sleep 1000
"""


def test_image_is_fsck_clean_after_usertests_and_the_tools(tmp_path):
    """Everything usertests does to files (a 5 MiB file, holes, renames,
    links, 60-entry directories...), then touch, ln, ln -s, cp -r, mv and
    rm -r from the shell: the live image is e2fsck-clean afterwards.  (And
    /dev/initrd reads the whole image.)"""
    extra = tmp_path / "extra"
    (extra / "tests").mkdir(parents=True)
    script = extra / "tests" / "after-use"
    script.write_text(AFTER_USE)
    os.chmod(script, 0o755)
    image = make_initrd(str(extra), str(tmp_path / "boot.img"))
    dump = str(tmp_path / "live.img")
    text = boot_and_dump_image("init=/tests/after-use", dump, initrd=image).replace("\r", "")
    assert "usertests status 0\n" in text and " passed, 0 failed\n" in text, text
    words = " ".join(text.split())             # wc pads, ls makes columns on a tty
    assert "20000 20000 empty hard moved soft 0 %d IMAGE-DUMP-NOW" % os.path.getsize(image) \
        in words, text
    r = subprocess.run(["e2fsck", "-fn", dump], stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT)
    assert r.returncode == 0, r.stdout.decode()
