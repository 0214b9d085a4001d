/**
 * Make the receipt PDF's font (functions/commons/receipt-font.ttf): DejaVu Sans (Bitstream Vera
 * licence + public domain, functions/commons/receipt-font.LICENSE.txt) cut down to the characters
 * a Vietnamese receipt needs — printable ASCII, Latin-1, the Vietnamese letters (Ă Đ Ĩ Ũ Ơ Ư and
 * U+1EA0–U+1EF9), a few punctuation marks and ₫ — with the hinting instructions dropped (a PDF
 * viewer scales outlines; hinting is most of the font's size). Glyphs are renumbered; composite
 * glyphs (most Vietnamese letters) keep their components. Run once, commit the result:
 *
 *   npx tsx scripts/subset-font.ts /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
 *
 * Never run by the tests or the build: the committed file is what is deployed.
 */
import { readFileSync, writeFileSync } from 'node:fs';

const source = process.argv[2] ?? '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
const out = new URL('../functions/commons/receipt-font.ttf', import.meta.url);

export const CHARS: number[] = [
  ...range(0x20, 0x7e),
  ...range(0xa0, 0xff),
  0x102, 0x103, 0x110, 0x111, 0x128, 0x129, 0x168, 0x169, 0x1a0, 0x1a1, 0x1af, 0x1b0,
  ...range(0x1ea0, 0x1ef9),
  0x2013, 0x2014, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2026, 0x20ab,
];

function range(a: number, b: number): number[] {
  return Array.from({ length: b - a + 1 }, (_, i) => a + i);
}

const font = readFileSync(source);
const tables = new Map<string, Buffer>();
for (let i = 0, n = font.readUInt16BE(4); i < n; i++) {
  const rec = 12 + i * 16;
  const tag = font.toString('latin1', rec, rec + 4);
  const offset = font.readUInt32BE(rec + 8);
  tables.set(tag, font.subarray(offset, offset + font.readUInt32BE(rec + 12)));
}
const t = (tag: string) => {
  const b = tables.get(tag);
  if (!b) throw new Error(`no ${tag} table`);
  return b;
};

// cmap: the (3,1) or (3,10) subtable, format 4 or 12
function charToGlyph(): Map<number, number> {
  const cmap = t('cmap');
  const map = new Map<number, number>();
  for (let i = 0, n = cmap.readUInt16BE(2); i < n; i++) {
    const platform = cmap.readUInt16BE(4 + i * 8);
    const encoding = cmap.readUInt16BE(6 + i * 8);
    const sub = cmap.subarray(cmap.readUInt32BE(8 + i * 8));
    if (platform !== 3 || (encoding !== 1 && encoding !== 10)) continue;
    const format = sub.readUInt16BE(0);
    if (format === 4) {
      const segs = sub.readUInt16BE(6) / 2;
      for (let s = 0; s < segs; s++) {
        const end = sub.readUInt16BE(14 + s * 2);
        const start = sub.readUInt16BE(16 + segs * 2 + s * 2);
        const delta = sub.readInt16BE(16 + segs * 4 + s * 2);
        const rangeAt = 16 + segs * 6 + s * 2;
        const rangeOffset = sub.readUInt16BE(rangeAt);
        for (let c = start; c <= end && c !== 0xffff; c++) {
          let g = 0;
          if (rangeOffset === 0) g = (c + delta) & 0xffff;
          else {
            const at = rangeAt + rangeOffset + (c - start) * 2;
            g = sub.readUInt16BE(at);
            if (g !== 0) g = (g + delta) & 0xffff;
          }
          if (g) map.set(c, g);
        }
      }
    }
  }
  return map;
}

const head = t('head');
const longLoca = head.readInt16BE(50) === 1;
const numGlyphs = t('maxp').readUInt16BE(4);
const loca = t('loca');
const glyf = t('glyf');
const glyphAt = (g: number) => {
  const [a, b] = longLoca ? [loca.readUInt32BE(g * 4), loca.readUInt32BE(g * 4 + 4)] : [loca.readUInt16BE(g * 2) * 2, loca.readUInt16BE(g * 2 + 2) * 2];
  return glyf.subarray(a, b);
};
const hhea = t('hhea');
const numMetrics = hhea.readUInt16BE(34);
const hmtx = t('hmtx');
const metric = (g: number) => {
  const m = Math.min(g, numMetrics - 1);
  return { advance: hmtx.readUInt16BE(m * 4), lsb: g < numMetrics ? hmtx.readInt16BE(g * 4 + 2) : hmtx.readInt16BE(numMetrics * 4 + (g - numMetrics) * 2) };
};

// composite glyph components: flags, glyphIndex, then arguments and a transform
const ARG_WORDS = 0x1, HAVE_SCALE = 0x8, MORE = 0x20, XY_SCALE = 0x40, TWO_BY_TWO = 0x80, INSTRUCTIONS = 0x100;
function components(data: Buffer): { at: number; glyph: number }[] {
  const list: { at: number; glyph: number }[] = [];
  let p = 10;
  for (;;) {
    const flags = data.readUInt16BE(p);
    list.push({ at: p + 2, glyph: data.readUInt16BE(p + 2) });
    p += 4 + (flags & ARG_WORDS ? 4 : 2) + (flags & HAVE_SCALE ? 2 : flags & XY_SCALE ? 4 : flags & TWO_BY_TWO ? 8 : 0);
    if (!(flags & MORE)) break;
  }
  return list;
}

const cmap = charToGlyph();
const keep: number[] = [0];
const seen = new Set([0]);
const add = (g: number) => {
  if (seen.has(g) || g >= numGlyphs) return;
  seen.add(g);
  keep.push(g);
  const data = glyphAt(g);
  if (data.length && data.readInt16BE(0) < 0) for (const c of components(data)) add(c.glyph);
};
const chars = CHARS.filter((c) => cmap.has(c));
for (const c of chars) add(cmap.get(c)!);
const newId = new Map(keep.map((g, i) => [g, i]));

/** A glyph without its hinting instructions, components renumbered, padded to 4 bytes. */
function strip(g: number): Buffer {
  const data = Buffer.from(glyphAt(g));
  if (data.length === 0) return data;
  let body: Buffer;
  if (data.readInt16BE(0) >= 0) {
    const contours = data.readInt16BE(0);
    const at = 10 + contours * 2;
    const len = data.readUInt16BE(at);
    body = Buffer.concat([data.subarray(0, at), Buffer.from([0, 0]), data.subarray(at + 2 + len)]);
  } else {
    const comps = components(data);
    let p = 10;
    for (const c of comps) {
      data.writeUInt16BE(newId.get(c.glyph)!, c.at);
      const flags = data.readUInt16BE(p);
      const last = c === comps[comps.length - 1];
      if (last) data.writeUInt16BE(flags & ~INSTRUCTIONS, p);
      p += 4 + (flags & ARG_WORDS ? 4 : 2) + (flags & HAVE_SCALE ? 2 : flags & XY_SCALE ? 4 : flags & TWO_BY_TWO ? 8 : 0);
    }
    body = data.subarray(0, p);
  }
  const pad = (4 - (body.length % 4)) % 4;
  return Buffer.concat([body, Buffer.alloc(pad)]);
}

const glyphs = keep.map(strip);
const newGlyf = Buffer.concat(glyphs);
const newLoca = Buffer.alloc((keep.length + 1) * 4);
let offset = 0;
glyphs.forEach((g, i) => {
  newLoca.writeUInt32BE(offset, i * 4);
  offset += g.length;
});
newLoca.writeUInt32BE(offset, keep.length * 4);
const newHmtx = Buffer.alloc(keep.length * 4);
keep.forEach((g, i) => {
  const m = metric(g);
  newHmtx.writeUInt16BE(m.advance, i * 4);
  newHmtx.writeInt16BE(m.lsb, i * 4 + 2);
});
const newHhea = Buffer.from(hhea);
newHhea.writeUInt16BE(keep.length, 34);
const newMaxp = Buffer.from(t('maxp'));
newMaxp.writeUInt16BE(keep.length, 4);
if (newMaxp.length >= 32) {
  newMaxp.writeUInt16BE(0, 24); // maxSizeOfInstructions
}
const newHead = Buffer.from(head);
newHead.writeUInt32BE(0, 8); // checkSumAdjustment, set below
newHead.writeInt16BE(1, 50); // long loca

// cmap: one format-4 subtable (3,1), a segment per character
const sorted = [...chars].sort((a, b) => a - b);
const segs = sorted.length + 1;
const cm = Buffer.alloc(16 + segs * 8);
cm.writeUInt16BE(4, 0);
cm.writeUInt16BE(cm.length, 2);
cm.writeUInt16BE(segs * 2, 6);
const pow = 2 ** Math.floor(Math.log2(segs));
cm.writeUInt16BE(pow * 2, 8);
cm.writeUInt16BE(Math.log2(pow), 10);
cm.writeUInt16BE(segs * 2 - pow * 2, 12);
[...sorted, 0xffff].forEach((c, s) => {
  cm.writeUInt16BE(c, 14 + s * 2);
  cm.writeUInt16BE(c, 16 + segs * 2 + s * 2);
  cm.writeUInt16BE(c === 0xffff ? 1 : (newId.get(cmap.get(c)!)! - c) & 0xffff, 16 + segs * 4 + s * 2);
});
const newCmap = Buffer.concat([Buffer.from([0, 0, 0, 1, 0, 3, 0, 1, 0, 0, 0, 12]), cm]);
const post = Buffer.from(t('post').subarray(0, 32));
post.writeUInt32BE(0x00030000, 0);

const outTables: [string, Buffer][] = [
  ['OS/2', t('OS/2')],
  ['cmap', newCmap],
  ['glyf', newGlyf],
  ['head', newHead],
  ['hhea', newHhea],
  ['hmtx', newHmtx],
  ['loca', newLoca],
  ['maxp', newMaxp],
  ['name', t('name')],
  ['post', post],
];
const checksum = (b: Buffer) => {
  const padded = Buffer.concat([b, Buffer.alloc((4 - (b.length % 4)) % 4)]);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0;
  return sum;
};
const n = outTables.length;
const header = Buffer.alloc(12 + n * 16);
header.writeUInt32BE(0x00010000, 0);
header.writeUInt16BE(n, 4);
const p2 = 2 ** Math.floor(Math.log2(n));
header.writeUInt16BE(p2 * 16, 6);
header.writeUInt16BE(Math.log2(p2), 8);
header.writeUInt16BE(n * 16 - p2 * 16, 10);
const bodies: Buffer[] = [];
let at = header.length;
outTables.forEach(([tag, data], i) => {
  header.write(tag, 12 + i * 16, 'latin1');
  header.writeUInt32BE(checksum(data), 16 + i * 16);
  header.writeUInt32BE(at, 20 + i * 16);
  header.writeUInt32BE(data.length, 24 + i * 16);
  const padded = Buffer.concat([data, Buffer.alloc((4 - (data.length % 4)) % 4)]);
  bodies.push(padded);
  at += padded.length;
});
const file = Buffer.concat([header, ...bodies]);
const headAt = header.readUInt32BE(20 + outTables.findIndex(([tag]) => tag === 'head') * 16);
file.writeUInt32BE((0xb1b0afba - checksum(file)) >>> 0, headAt + 8);

// a binary file beside functions/commons/receipt-pdf.ts, read at the first receipt (and copied beside
// the bundles that read it: infra/bundling/options.ts, BESIDE_BUNDLE), not base64 in the JS bundle
writeFileSync(out, file);
console.log(`${chars.length} characters, ${keep.length} glyphs, ${file.length} bytes → ${out.pathname}`);
