"""The writable ext2 image: user programs create, grow, rename, link and
remove files until the disk is full and back; the live image is then
copied out of guest memory and must be e2fsck-clean, with the same free
counts as the image Cowix booted from."""
import re
import shutil
import subprocess

from conftest import INITRD, boot_and_dump_image, run_program


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
    r = subprocess.run(["e2fsck", "-fn", dump], stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT)
    assert r.returncode == 0, r.stdout.decode()
    assert free_counts(dump) == free_counts(image)


def test_concurrent_appends_stay_whole(boot):
    b = run_program(boot, "/tests/append", timeout=120)
    assert "append: all checks passed" in b.output, b
    assert b.status == 0
