#!/usr/bin/env python3
"""Makes a scan-like PDF of a text PDF with nothing but poppler and the standard library:
pdftoppm renders each page grey at 150 dpi, each page is turned by a small angle and
speckled, and the pages become a PDF of images (no text layer), as a scanner would save it.
Usage: make-scan.py IN.pdf OUT.pdf [angle-degrees] [seed]"""
import glob, math, os, random, subprocess, sys, tempfile, zlib

def read_pgm(path):
    data = open(path, 'rb').read()
    parts, pos = [], 0
    while len(parts) < 4:  # P5 width height maxval, then one whitespace byte
        while data[pos:pos + 1].isspace(): pos += 1
        start = pos
        while not data[pos:pos + 1].isspace(): pos += 1
        parts.append(data[start:pos])
    width, height = int(parts[1]), int(parts[2])
    return width, height, bytearray(data[pos + 1:pos + 1 + width * height])

def degrade(width, height, pixels, angle, rng):
    cos, sin = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    cx, cy = width / 2, height / 2
    out = bytearray(b'\xf0' * (width * height))  # a greyish paper
    for y in range(height):
        dy = y - cy
        row = y * width
        for x in range(width):
            dx = x - cx
            sx, sy = int(cos * dx + sin * dy + cx), int(-sin * dx + cos * dy + cy)
            if 0 <= sx < width and 0 <= sy < height:
                v = pixels[sy * width + sx]
                out[row + x] = min(v, 240)
    for _ in range(width * height // 20000):  # specks of dust, one to three pixels: about a hundred a page
        x, y, size = rng.randrange(width - 3), rng.randrange(height - 3), rng.randrange(1, 4)
        for i in range(size):
            for j in range(size):
                out[(y + j) * width + x + i] = rng.randrange(0, 90)
    return out

def write_pdf(pages, path, dpi=150):
    objects = []
    kids = []
    for width, height, pixels in pages:
        w, h = width * 72 / dpi, height * 72 / dpi
        image = zlib.compress(bytes(pixels), 6)
        objects.append(b'<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n' % (width, height, len(image)) + image + b'\nendstream')
        content = b'q %.2f 0 0 %.2f 0 0 cm /Im0 Do Q' % (w, h)
        objects.append(b'<< /Length %d >>\nstream\n' % len(content) + content + b'\nendstream')
        objects.append(None)  # the page, once the tree's number is known
        kids.append((len(objects), len(objects) - 2, len(objects) - 1, w, h))
    tree = len(objects) + 1
    for page, image, content, w, h in kids:
        objects[page - 1] = b'<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %.2f %.2f] /Resources << /XObject << /Im0 %d 0 R >> >> /Contents %d 0 R >>' % (tree, w, h, image, content)
    objects.append(b'<< /Type /Pages /Kids [%s] /Count %d >>' % (b' '.join(b'%d 0 R' % k[0] for k in kids), len(kids)))
    objects.append(b'<< /Type /Catalog /Pages %d 0 R >>' % tree)
    out = bytearray(b'%PDF-1.4\n')
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b'%d 0 obj\n' % number + body + b'\nendobj\n'
    xref = len(out)
    out += b'xref\n0 %d\n0000000000 65535 f \n' % (len(objects) + 1)
    out += b''.join(b'%010d 00000 n \n' % o for o in offsets)
    out += b'trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n' % (len(objects) + 1, len(objects), xref)
    open(path, 'wb').write(out)

def main():
    source, target = sys.argv[1], sys.argv[2]
    angle = float(sys.argv[3]) if len(sys.argv) > 3 else 0.6
    rng = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 7)
    with tempfile.TemporaryDirectory() as work:
        subprocess.run(['pdftoppm', '-r', '150', '-gray', source, os.path.join(work, 'page')], check=True)
        pages = []
        for path in sorted(glob.glob(os.path.join(work, 'page-*.pgm')), key=lambda p: (len(p), p)):
            width, height, pixels = read_pgm(path)
            pages.append((width, height, degrade(width, height, pixels, angle, rng)))
    write_pdf(pages, target)

main()
