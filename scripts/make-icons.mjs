// Draws the app's icons (public/favicon.svg's picture: two curves on a dark blue tile) as PNGs
// for the web app manifest, with nothing but node's zlib: pwa-192.png, pwa-512.png (rounded tile
// on a transparent ground) and pwa-maskable-512.png (full-bleed ground, the picture inside the
// central safe circle, so any mask shape keeps it). Run once: `node scripts/make-icons.mjs`;
// the PNGs are committed in public/.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const OUT = new URL('../public/', import.meta.url);
const BG = [0x1e, 0x3a, 0x5f];
const ORANGE = [0xf5, 0x9e, 0x0b];
const BLUE = [0x60, 0xa5, 0xfa];

// The favicon's paths in its 32×32 box ("S" expanded: its first control point mirrors the previous one).
const CURVES = [
  { colour: BLUE, beziers: [[[4, 26], [10, 14], [18, 14], [28, 20]]] },
  {
    colour: ORANGE,
    beziers: [
      [[4, 24], [10, 8], [16, 8], [20, 16]],
      [[20, 16], [24, 24], [26, 22], [28, 10]],
    ],
  },
];
const STROKE = 3;

function cubic([p0, p1, p2, p3], t) {
  const u = 1 - t;
  const a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, d = t * t * t;
  return [a * p0[0] + b * p1[0] + c * p2[0] + d * p3[0], a * p0[1] + b * p1[1] + c * p2[1] + d * p3[1]];
}

/** Each curve as a polyline of 32×32-box points. */
const POLYLINES = CURVES.map(({ colour, beziers }) => {
  const pts = [];
  for (const bz of beziers) for (let i = pts.length ? 1 : 0; i <= 200; i++) pts.push(cubic(bz, i / 200));
  return { colour, pts };
});

function segDist(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy || 1)));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

/** Signed distance to a rounded square [0, s]² with corner radius r (negative inside). */
function roundedRect(x, y, s, r) {
  const qx = Math.abs(x - s / 2) - (s / 2 - r), qy = Math.abs(y - s / 2) - (s / 2 - r);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

const mix = (a, b, k) => a.map((v, i) => v + (b[i] - v) * k);
const clamp01 = (v) => Math.max(0, Math.min(1, v));

/**
 * RGBA pixels of a size×size icon. maskable: the ground fills the square and the picture is
 * shrunk into the safe zone (a circle of 80% of the size); else the favicon's rounded tile.
 */
function draw(size, maskable) {
  const px = new Uint8Array(size * size * 4);
  // Pixels per favicon unit, and where the 32×32 box sits.
  const scale = maskable ? (size * 0.62) / 32 : size / 32;
  const offset = maskable ? (size - 32 * scale) / 2 : 0;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const cx = x + 0.5, cy = y + 0.5;
      // Coverage of the ground: analytic anti-aliasing from the signed distance, in pixels.
      const ground = maskable ? 1 : clamp01(0.5 - roundedRect(cx, cy, size, 6 * scale));
      let rgb = BG;
      const ux = (cx - offset) / scale, uy = (cy - offset) / scale;
      for (const { colour, pts } of POLYLINES) {
        let d = Infinity;
        for (let i = 1; i < pts.length; i++) d = Math.min(d, segDist(ux, uy, pts[i - 1], pts[i]));
        rgb = mix(rgb, colour, clamp01((STROKE / 2 - d) * scale + 0.5));
      }
      const o = (y * size + x) * 4;
      px[o] = Math.round(rgb[0]);
      px[o + 1] = Math.round(rgb[1]);
      px[o + 2] = Math.round(rgb[2]);
      px[o + 3] = Math.round(255 * ground);
    }
  }
  return px;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  // Each row: filter byte 0 (none), then the row's pixels.
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) Buffer.from(rgba.buffer, y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const [name, size, maskable] of [
  ['pwa-192.png', 192, false],
  ['pwa-512.png', 512, false],
  ['pwa-maskable-512.png', 512, true],
  ['apple-touch-icon.png', 180, true],
]) {
  writeFileSync(new URL(name, OUT), png(size, draw(size, maskable)));
  console.log(`public/${name}: ${size}×${size}${maskable ? ' (maskable)' : ''}`);
}
