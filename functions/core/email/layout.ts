/**
 * The two renderings of a letter: plain text and an HTML page readable on a phone. Each language
 * (Vietnamese first, then English) reads the same way: the centre's name as a header, the facts
 * set apart (the dossier code, the date that matters), the letter, what to do next, a button and
 * the plain link to the citizen's page, how to reach the centre, the sign-off. Every value is
 * escaped here, once; a link is kept only if it is http(s).
 */
import type { Text } from '../model';
import { escapeHtml } from './format';

/** A paragraph (a `\n` inside breaks the line), a bulleted list, or nothing (skipped). */
export type Block = string | { list: string[] } | false | null | undefined;

/** One language's part of a letter. */
export interface Part {
  body: Block[];
  /** What to do next (a section of its own). */
  next?: Block[];
  /** How to reach the centre: name, address, opening hours, hotline. */
  contact?: Block[];
  signOff: Block[];
}

export interface Letter {
  subject: Text;
  /** The header: who writes (the centre's name). */
  header?: Text;
  /** Set apart under the header: the dossier code, the dates that matter. */
  facts?: { label: Text; value: Text | string }[];
  /** The button and the plain link to the citizen's page. */
  action?: { url: string; label: Text };
  vi: Part;
  en: Part;
}

type Lang = 'vi' | 'en';
type Kept = string | { list: string[] };
const kept = (blocks: Block[] = []): Kept[] =>
  blocks.filter((b): b is Kept => (typeof b === 'string' ? b.trim() !== '' : !!b && b.list.length > 0));

export const TEXT_SEPARATOR = '----------------------------------------';

const NEXT: Text = { vi: 'Việc cần làm tiếp theo', en: 'What to do next' };
const CONTACT: Text = { vi: 'Liên hệ', en: 'Contact' };
const OR_OPEN: Text = { vi: 'Hoặc mở liên kết', en: 'Or open the link' };

export function subjectOf(l: Letter): string {
  return `${l.subject.vi} / ${l.subject.en}`;
}

const safeUrl = (url?: string) => (url && /^https?:\/\/[^\s"'<>]+$/i.test(url) ? url : undefined);
const valueIn = (v: Text | string, lang: Lang) => (typeof v === 'string' ? v : v[lang]);

export function toText(l: Letter): string {
  const url = safeUrl(l.action?.url);
  const blocks = (bs?: Block[]) =>
    kept(bs).map((b) => (typeof b === 'string' ? b : b.list.map((i) => `  - ${i}`).join('\n')));
  const part = (lang: Lang) => {
    const p = l[lang];
    const out: string[] = [];
    if (l.header) out.push(l.header[lang].toLocaleUpperCase(lang));
    if (l.facts?.length) out.push(l.facts.map((f) => `${f.label[lang]}: ${valueIn(f.value, lang)}`).join('\n'));
    out.push(...blocks(p.body));
    const next = blocks(p.next);
    if (next.length) out.push(`${NEXT[lang].toLocaleUpperCase(lang)}\n${next.join('\n\n')}`);
    if (url && l.action) out.push(`${l.action.label[lang]}: ${url}`);
    const contact = blocks(p.contact);
    if (contact.length) out.push(`${CONTACT[lang]}:\n${contact.join('\n')}`);
    out.push(...blocks(p.signOff));
    return out.join('\n\n');
  };
  return `${part('vi')}\n\n${TEXT_SEPARATOR}\n\n${part('en')}\n`;
}

const COLOUR = '#0b3d91';

export function toHtml(l: Letter): string {
  const url = safeUrl(l.action?.url);
  const link = url ? escapeHtml(url) : undefined;
  const inline = (s: string) => {
    const e = escapeHtml(s);
    return link ? e.split(link).join(`<a href="${link}" style="color:${COLOUR}">${link}</a>`) : e;
  };
  const blocks = (bs?: Block[], style = '') =>
    kept(bs)
      .map((b) =>
        typeof b === 'string'
          ? `<p style="margin:0 0 12px${style}">${b.split('\n').map(inline).join('<br>\n')}</p>`
          : `<ul style="margin:0 0 12px;padding-left:20px">\n${b.list.map((i) => `<li>${inline(i)}</li>`).join('\n')}\n</ul>`,
      )
      .join('\n');
  const part = (lang: Lang) => {
    const p = l[lang];
    const facts = l.facts?.length
      ? `<dl style="margin:0 0 16px;padding:12px 16px;background:#eef2f9;border-left:4px solid ${COLOUR}">\n${l.facts
          .map((f) => `<dt style="font-size:14px;color:#444">${escapeHtml(f.label[lang])}</dt><dd style="margin:0 0 6px;font-size:18px;font-weight:bold">${escapeHtml(valueIn(f.value, lang))}</dd>`)
          .join('\n')}\n</dl>`
      : '';
    const next = kept(p.next).length
      ? `<h2 style="font-size:18px;margin:20px 0 8px;color:${COLOUR}">${escapeHtml(NEXT[lang])}</h2>\n${blocks(p.next)}`
      : '';
    const action =
      link && l.action
        ? `<p style="margin:20px 0 8px"><a href="${link}" style="display:inline-block;padding:12px 20px;background:${COLOUR};color:#ffffff;text-decoration:none;border-radius:4px;font-weight:bold">${escapeHtml(l.action.label[lang])}</a></p>\n<p style="margin:0 0 16px;font-size:14px;word-break:break-all">${escapeHtml(OR_OPEN[lang])}: <a href="${link}" style="color:${COLOUR}">${link}</a></p>`
        : '';
    const contact = kept(p.contact).length
      ? `<div style="margin:20px 0 12px;padding-top:12px;border-top:1px solid #ccc;font-size:14px;color:#333">\n<p style="margin:0 0 4px;font-weight:bold">${escapeHtml(CONTACT[lang])}</p>\n${blocks(p.contact, ';font-size:14px')}\n</div>`
      : '';
    const header = l.header
      ? `<header style="background:${COLOUR};color:#ffffff;padding:12px 16px;margin:0 0 16px"><p style="margin:0;font-size:16px;font-weight:bold">${escapeHtml(l.header[lang])}</p></header>`
      : '';
    return [header, `<h1 style="font-size:20px;margin:0 0 12px">${escapeHtml(l.subject[lang])}</h1>`, facts, blocks(p.body), next, action, contact, blocks(p.signOff, ';color:#333')]
      .filter(Boolean)
      .join('\n');
  };
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(subjectOf(l))}</title>
</head>
<body style="font-family: Arial, Helvetica, sans-serif; font-size:16px; line-height: 1.5; color: #111; max-width: 40em; margin: 0 auto; padding: 8px;">
<main>
<section lang="vi" aria-label="Tiếng Việt">
${part('vi')}
</section>
<hr style="margin:24px 0">
<section lang="en" aria-label="English">
${part('en')}
</section>
</main>
</body>
</html>
`;
}
