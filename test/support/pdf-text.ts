import { inflateSync } from 'node:zlib';

/**
 * The text of a PDF made by pdfPage, read back: its content stream's glyph strings mapped through
 * its ToUnicode CMap, one string per text line. For tests and checks; not a general PDF reader.
 */
export function pdfText(pdf: Buffer): string[] {
  const src = pdf.toString('latin1');
  const streams: Buffer[] = [];
  const re = /\d+ 0 obj\n<<([^\n]*?)>>\nstream\n/g;
  for (let m = re.exec(src); m; m = re.exec(src)) {
    const len = Number(/\/Length (\d+)/.exec(m[1]!)![1]);
    const start = m.index + m[0].length;
    streams.push(Buffer.from(src.slice(start, start + len), 'latin1'));
  }
  const texts = streams.map((s) => {
    try {
      return inflateSync(s).toString('latin1');
    } catch {
      return '';
    }
  });
  const cmap = texts.find((t) => t.includes('beginbfchar'));
  const content = texts.find((t) => t.includes(' Tj'));
  if (!cmap || !content) throw new Error('not a PDF of pdfPage');
  const map = new Map<string, string>();
  for (const m of cmap.matchAll(/<([0-9A-F]{4})> <([0-9A-F]+)>/g)) map.set(m[1]!, Buffer.from(m[2]!, 'hex').swap16().toString('utf16le'));
  return [...content.matchAll(/<([0-9A-F]*)> Tj/g)].map((m) => (m[1]!.match(/.{4}/g) ?? []).map((g) => map.get(g) ?? '\uFFFD').join(''));
}
