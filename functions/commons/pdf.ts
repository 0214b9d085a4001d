import { deflateSync } from 'node:zlib';

/**
 * A small PDF writer for one-page documents in Vietnamese (the receipt: functions/commons/receipt-pdf.ts).
 * The standard 14 PDF fonts have no Vietnamese letters, so a TrueType font is embedded whole (it
 * is already cut down: scripts/subset-font.ts) as a Type0 font with a CIDFontType2 descendant,
 * Identity-H encoding and CIDToGIDMap Identity: the text is written as 2-byte glyph ids found
 * through the font's cmap, widths from its hmtx, and a ToUnicode CMap maps the glyphs back to
 * text (copy, search, screen readers, and the tests' own extraction). Text is NFC-normalised
 * first, so that Vietnamese letters are the font's precomposed glyphs. No dependency.
 */
export interface TrueType {
  data: Buffer;
  unitsPerEm: number;
  ascent: number;
  descent: number;
  capHeight: number;
  bbox: [number, number, number, number];
  glyphOf(codePoint: number): number;
  advance(glyph: number): number;
}

/** Read what the PDF needs of a TrueType font: its cmap (format 4), metrics and box. */
export function readTrueType(data: Buffer): TrueType {
  const tables = new Map<string, Buffer>();
  for (let i = 0, n = data.readUInt16BE(4); i < n; i++) {
    const rec = 12 + i * 16;
    const offset = data.readUInt32BE(rec + 8);
    tables.set(data.toString('latin1', rec, rec + 4), data.subarray(offset, offset + data.readUInt32BE(rec + 12)));
  }
  const t = (tag: string) => {
    const b = tables.get(tag);
    if (!b) throw new Error(`the font has no ${tag} table`);
    return b;
  };
  const head = t('head');
  const hhea = t('hhea');
  const hmtx = t('hmtx');
  const os2 = tables.get('OS/2');
  const metrics = hhea.readUInt16BE(34);
  const cmap = t('cmap');
  const map = new Map<number, number>();
  for (let i = 0, n = cmap.readUInt16BE(2); i < n; i++) {
    if (cmap.readUInt16BE(4 + i * 8) !== 3 || cmap.readUInt16BE(6 + i * 8) !== 1) continue;
    const sub = cmap.subarray(cmap.readUInt32BE(8 + i * 8));
    if (sub.readUInt16BE(0) !== 4) continue;
    const segs = sub.readUInt16BE(6) / 2;
    for (let s = 0; s < segs; s++) {
      const end = sub.readUInt16BE(14 + s * 2);
      const start = sub.readUInt16BE(16 + segs * 2 + s * 2);
      const delta = sub.readInt16BE(16 + segs * 4 + s * 2);
      const rangeAt = 16 + segs * 6 + s * 2;
      const rangeOffset = sub.readUInt16BE(rangeAt);
      for (let c = start; c <= end && c !== 0xffff; c++) {
        let g = rangeOffset === 0 ? (c + delta) & 0xffff : sub.readUInt16BE(rangeAt + rangeOffset + (c - start) * 2);
        if (rangeOffset !== 0 && g !== 0) g = (g + delta) & 0xffff;
        if (g) map.set(c, g);
      }
    }
  }
  const unitsPerEm = head.readUInt16BE(18);
  return {
    data,
    unitsPerEm,
    ascent: hhea.readInt16BE(4),
    descent: hhea.readInt16BE(6),
    capHeight: os2 && os2.length >= 90 ? os2.readInt16BE(88) : Math.round(unitsPerEm * 0.7),
    bbox: [head.readInt16BE(36), head.readInt16BE(38), head.readInt16BE(40), head.readInt16BE(42)],
    glyphOf: (c) => map.get(c) ?? 0,
    advance: (g) => hmtx.readUInt16BE(Math.min(g, metrics - 1) * 4),
  };
}

/** A line of text on the page: its baseline at (x, y) in points from the bottom left, a size in points. */
export interface TextLine {
  x: number;
  y: number;
  size: number;
  text: string;
}

/** The width of a text in points, at a size. */
export const textWidth = (font: TrueType, text: string, size: number) =>
  [...text.normalize('NFC')].reduce((w, ch) => w + font.advance(font.glyphOf(ch.codePointAt(0)!)), 0) * (size / font.unitsPerEm);

/** Split a text into lines no wider than `width` points (at word boundaries; a word longer than a line stays whole). */
export function wrap(font: TrueType, text: string, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.normalize('NFC').split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidth(font, next, size) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

const hex4 = (n: number) => n.toString(16).toUpperCase().padStart(4, '0');
const utf16hex = (s: string) => [...Buffer.from(s, 'utf16le').swap16()].map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join('');
/** A PDF text string (UTF-16BE with its mark), for the document's information. */
const pdfString = (s: string) => `<FEFF${utf16hex(s)}>`;

/**
 * One A4 page of text lines (and thin rules) in one embedded TrueType font: the PDF's bytes.
 * Deterministic for the same input (no dates but the ones given).
 */
export function pdfPage(font: TrueType, lines: TextLine[], opts: { title: string; rules?: { x1: number; y1: number; x2: number; y2: number }[]; createdAt?: Date } = { title: '' }): Buffer {
  const used = new Map<number, string>();
  const ops: string[] = ['0 g'];
  for (const r of opts.rules ?? []) ops.push(`0.5 w ${r.x1} ${r.y1} m ${r.x2} ${r.y2} l S`);
  for (const l of lines) {
    const glyphs = [...l.text.normalize('NFC')].map((ch) => {
      const g = font.glyphOf(ch.codePointAt(0)!);
      if (g) used.set(g, ch);
      return hex4(g);
    });
    ops.push(`BT /F1 ${l.size} Tf ${l.x.toFixed(2)} ${l.y.toFixed(2)} Td <${glyphs.join('')}> Tj ET`);
  }
  const scale = 1000 / font.unitsPerEm;
  const gids = [...used.keys()].sort((a, b) => a - b);
  const widths = gids.map((g) => `${g} [${Math.round(font.advance(g) * scale)}]`).join(' ');
  const toUnicode = [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
    ...chunks(gids, 100).flatMap((chunk) => [`${chunk.length} beginbfchar`, ...chunk.map((g) => `<${hex4(g)}> <${utf16hex(used.get(g)!)}>`), 'endbfchar']),
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');

  const stream = (dict: string, body: Buffer) => {
    const z = deflateSync(body);
    return Buffer.concat([Buffer.from(`<< ${dict} /Filter /FlateDecode /Length ${z.length} >>\nstream\n`, 'latin1'), z, Buffer.from('\nendstream', 'latin1')]);
  };
  const [x0, y0, x1, y1] = font.bbox.map((v) => Math.round(v * scale));
  const name = 'MCRCPT+DejaVuSans';
  const created = opts.createdAt ? `/CreationDate (D:${opts.createdAt.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z)` : '';
  const objects: Buffer[] = [
    Buffer.from('<< /Type /Catalog /Pages 2 0 R /Lang (vi) >>', 'latin1'),
    Buffer.from('<< /Type /Pages /Kids [3 0 R] /Count 1 >>', 'latin1'),
    Buffer.from('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.28 841.89] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>', 'latin1'),
    stream('', Buffer.from(ops.join('\n'), 'latin1')),
    Buffer.from(`<< /Type /Font /Subtype /Type0 /BaseFont /${name} /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 9 0 R >>`, 'latin1'),
    Buffer.from(
      `<< /Type /Font /Subtype /CIDFontType2 /BaseFont /${name} /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 7 0 R /DW 1000 /W [${widths}] /CIDToGIDMap /Identity >>`,
      'latin1',
    ),
    Buffer.from(
      `<< /Type /FontDescriptor /FontName /${name} /Flags 32 /FontBBox [${x0} ${y0} ${x1} ${y1}] /ItalicAngle 0 /Ascent ${Math.round(font.ascent * scale)} /Descent ${Math.round(font.descent * scale)} /CapHeight ${Math.round(font.capHeight * scale)} /StemV 80 /FontFile2 8 0 R >>`,
      'latin1',
    ),
    stream(`/Length1 ${font.data.length}`, font.data),
    stream('', Buffer.from(toUnicode, 'latin1')),
    Buffer.from(`<< /Title ${pdfString(opts.title)} /Producer (motcua) ${created} >>`, 'latin1'),
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xE2\xE3\xCF\xD3\n', 'latin1')];
  const offsets: number[] = [];
  let length = parts[0]!.length;
  objects.forEach((o, i) => {
    offsets.push(length);
    const b = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), o, Buffer.from('\nendobj\n', 'latin1')]);
    parts.push(b);
    length += b.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\nstartxref\n${length}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

function chunks<T>(xs: T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}
