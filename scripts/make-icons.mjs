// Draws the app icons (NHS blue square, four rising white bars: the four maturity levels) as PNG
// files with no image library. Run `npm run icons` after changing the design; the output is committed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const BLUE = [0x00, 0x5e, 0xb8];
const WHITE = [0xff, 0xff, 0xff];

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** `inset` is the fraction of the side kept clear on each edge (maskable icons need ~10%+). */
function drawIcon(size, inset) {
  const rows = [];
  const bars = 4;
  const area = size * (1 - 2 * inset);
  const origin = size * inset;
  const gap = area * 0.06;
  const barWidth = (area - gap * (bars + 1)) / bars;
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3);
    for (let x = 0; x < size; x++) {
      let colour = BLUE;
      const bx = x - origin - gap;
      const bar = Math.floor(bx / (barWidth + gap));
      if (bx >= 0 && bar < bars && bx - bar * (barWidth + gap) < barWidth) {
        const height = area * (0.3 + 0.2 * bar);
        const bottom = origin + area - gap;
        if (y < bottom && y >= bottom - height) colour = WHITE;
      }
      row.set(colour, 1 + x * 3);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const out = new URL('../public/icons/', import.meta.url);
mkdirSync(out, { recursive: true });
writeFileSync(new URL('icon-192.png', out), drawIcon(192, 0.12));
writeFileSync(new URL('icon-512.png', out), drawIcon(512, 0.12));
writeFileSync(new URL('icon-maskable-512.png', out), drawIcon(512, 0.22));
console.log('Icons written to public/icons/');
