/**
 * The two renderings of a letter: plain text and a plain, accessible HTML page. Vietnamese
 * comes first, then a separator, then English. Every value is escaped here, once.
 */
import type { Text } from '../model';
import { escapeHtml } from './format';

/** A paragraph (a `\n` inside breaks the line), a bulleted list, or nothing (skipped). */
export type Block = string | { list: string[] } | false | null | undefined;

export interface Letter {
  subject: Text;
  vi: Block[];
  en: Block[];
}

type Kept = string | { list: string[] };
const kept = (blocks: Block[]): Kept[] =>
  blocks.filter((b): b is Kept => (typeof b === 'string' ? b.trim() !== '' : !!b && b.list.length > 0));

export const TEXT_SEPARATOR = '----------------------------------------';

export function subjectOf(l: Letter): string {
  return `${l.subject.vi} / ${l.subject.en}`;
}

export function toText(l: Letter): string {
  const part = (blocks: Block[]) =>
    kept(blocks)
      .map((b) => (typeof b === 'string' ? b : b.list.map((i) => `  - ${i}`).join('\n')))
      .join('\n\n');
  return `${part(l.vi)}\n\n${TEXT_SEPARATOR}\n\n${part(l.en)}\n`;
}

/** `link`: a URL that, once escaped, becomes a hyperlink wherever it appears (http/https only). */
export function toHtml(l: Letter, link?: string): string {
  const safeLink = link && /^https?:\/\/[^\s"'<>]+$/i.test(link) ? escapeHtml(link) : undefined;
  const inline = (s: string) => {
    const e = escapeHtml(s);
    return safeLink ? e.split(safeLink).join(`<a href="${safeLink}">${safeLink}</a>`) : e;
  };
  const part = (blocks: Block[]) =>
    kept(blocks)
      .map((b) =>
        typeof b === 'string'
          ? `<p>${b.split('\n').map(inline).join('<br>\n')}</p>`
          : `<ul>\n${b.list.map((i) => `<li>${inline(i)}</li>`).join('\n')}\n</ul>`,
      )
      .join('\n');
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(subjectOf(l))}</title>
</head>
<body style="font-family: Arial, Helvetica, sans-serif; line-height: 1.5; color: #111; max-width: 40em; margin: 0 auto; padding: 1em;">
<section lang="vi" aria-label="Tiếng Việt">
${part(l.vi)}
</section>
<hr>
<section lang="en" aria-label="English">
${part(l.en)}
</section>
</body>
</html>
`;
}
