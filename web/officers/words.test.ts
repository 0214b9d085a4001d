import { describe, expect, it } from 'vitest';
import { eventKeys } from '../../functions/core/workflow-contract';
import { LETTER_WORDS, OUTCOME_WORDS, letterWord, outcomeWord } from './words';

const code = /^[a-z]+(-[a-z]+)+$|^(receipt|apology|refusal|returned|withdrawn|supplemented|approve|refuse)$/;

describe('the words officers read instead of internal codes', () => {
  it('name every letter, in Vietnamese and English, by its event or its key', async () => {
    // the letters' module reads Node's globals: loaded at run time, outside the pages' type check
    const templates = '../../functions/core/email/templates';
    const { EMAIL_EVENTS } = (await import(/* @vite-ignore */ templates)) as { EMAIL_EVENTS: readonly string[] };
    // and the letters sent outside the workflow: the PIN letter, the contact-details notice
    const [pinLetter, contactLetter] = ['../../functions/core/email/pin-letter', '../../functions/core/email/contact-letter'];
    const { PIN_EVENT } = (await import(/* @vite-ignore */ pinLetter)) as { PIN_EVENT: string };
    const { CONTACT_EVENT } = (await import(/* @vite-ignore */ contactLetter)) as { CONTACT_EVENT: string };
    for (const e of [...EMAIL_EVENTS, PIN_EVENT, CONTACT_EVENT]) {
      expect(LETTER_WORDS[e]?.vi, e).toBeTruthy();
      expect(letterWord(e, e, 'vi')).not.toMatch(code);
      expect(letterWord(e, e, 'en')).not.toBe(e);
    }
    expect(letterWord(undefined, eventKeys.apologyLetter(2), 'vi')).toBe(LETTER_WORDS.apology!.vi);
    expect(letterWord(undefined, eventKeys.supplementRequest('s1-stp-0'), 'vi')).toBe(LETTER_WORDS['supplement-request']!.vi);
    expect(letterWord(undefined, eventKeys.supplementReceived(1), 'vi')).toBe(LETTER_WORDS['supplement-received']!.vi);
    expect(letterWord(undefined, eventKeys.warning('s1-stp', 0), 'vi')).toBe(LETTER_WORDS['agency-warning']!.vi);
    expect(letterWord(undefined, 'receipt', 'vi')).toContain('mẫu 01');
    // the PIN letter's marker has no event key: the page must still render
    expect(letterWord('pin-reminder', undefined, 'vi')).toBe(LETTER_WORDS['pin-reminder']!.vi);
    expect(letterWord(undefined, undefined, 'vi')).toBe('—');
  });
  it('name every outcome form 06 shows', () => {
    for (const o of ['approve', 'request-supplement', 'supplemented', 'refuse', 'refused', 'returned', 'withdrawn']) {
      expect(OUTCOME_WORDS[o], o).toBeDefined();
      expect(outcomeWord(o, 'vi')).not.toMatch(code);
    }
    expect(outcomeWord('request-supplement', 'vi')).toBe('Yêu cầu bổ sung');
    expect(outcomeWord(null, 'vi')).toBe('');
  });
});
