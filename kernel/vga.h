/*
 * VGA text mode console: 80x25 cells at physical 0xb8000, seen through the
 * kernel's direct map.  Understands \n, \r, \b, \t and scrolls.
 */
#ifndef KERNEL_VGA_H
#define KERNEL_VGA_H

void vga_init(void);
void vga_putc(char c);
void vga_clear(void);

#endif
