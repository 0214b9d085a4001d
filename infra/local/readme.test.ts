import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');

describe('the README', () => {
  it('names no dated dossier code in its examples (today’s codes differ): TTHCC-YYMMDD-nnnn, explained once', () => {
    expect(readme.match(/\bTTHCC-\d{6}-\d{4}\b/g) ?? []).toEqual([]);
    expect(readme).toContain('TTHCC-YYMMDD-0001 stands for it');
  });
  it('says that the walkthrough’s P14D moves that data folder’s clock for good', () => {
    const at = readme.indexOf('{"advance":"P14D"}');
    expect(readme.slice(Math.max(0, at - 400), at)).toMatch(/FOR GOOD[\s\S]*data folder[\s\S]*never moves back/);
  });
});
