import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogueFiles } from '../commons/catalogue-files';
import { CatalogueError, calendarYears, parseCatalogue, type CatalogueFile } from './catalogue';
import { functionsProfile } from './centre';
import { HANOI_DIR } from '../../test/support/centre';

const hanoi = catalogueFiles(HANOI_DIR);
const replace = (path: string, edit: (json: any) => unknown): CatalogueFile[] =>
  hanoi.map((f) => (f.path === path ? { path, text: JSON.stringify(edit(JSON.parse(f.text))) } : f));
const errorsOf = (files: CatalogueFile[]) => {
  try {
    parseCatalogue(files);
  } catch (e) {
    expect(e).toBeInstanceOf(CatalogueError);
    return (e as CatalogueError).errors.map((x) => `${x.file}: ${x.field}`);
  }
  throw new Error('expected the catalogue to be refused');
};

describe("a centre's catalogue", () => {
  it("reads Hanoi's folder: its agencies, procedures and no calendar of its own", () => {
    const c = parseCatalogue(hanoi);
    expect(c.profile.code).toBe('hanoi');
    expect(c.agencies.map((a) => a.code).sort()).toEqual(['CATP', 'SDL', 'STP', 'SXD', 'SYT', 'TTHCC']);
    expect(c.procedures.map((p) => p.code)).toEqual(['DL-LHND', 'TP-LLTP', 'XD-GPXD']);
    expect(c.calendars).toEqual([]);
  });

  it('reads the evaluation form (evaluation.json) and names its errors by file and field; a folder without one has none', () => {
    expect(parseCatalogue(hanoi).evaluation?.criteria).toHaveLength(12);
    expect(errorsOf(replace('evaluation.json', (f) => ({ ...f, overall: 'nope', criteria: [{ ...f.criteria[0], scale: [f.criteria[0].scale[0]] }, ...f.criteria.slice(1)] })))).toEqual([
      'evaluation.json: criteria[0].scale',
      'evaluation.json: overall',
    ]);
    expect(parseCatalogue(hanoi.filter((f) => f.path !== 'evaluation.json')).evaluation).toBeUndefined();
  });

  it('names the file and the field of every error', () => {
    const files = [
      ...replace('agencies.json', (a) => [...a, { code: 'bad code', kind: 'office', name: { vi: '', en: 'x' }, email: 'nope' }]),
    ].map((f) => (f.path === 'procedures/TP-LLTP.json' ? { ...f, text: f.text.replace('"legalHours": 80', '"legalHours": "80"') } : f));
    expect(errorsOf(files)).toEqual(
      expect.arrayContaining(['agencies.json: [6].code', 'agencies.json: [6].kind', 'agencies.json: [6].name.vi', 'agencies.json: [6].email', 'procedures/TP-LLTP.json: legalHours']),
    );
  });

  it('refuses a step at an agency that is not in agencies.json, and a desk agency the profile does not have', () => {
    expect(errorsOf(replace('procedures/DL-LHND.json', (p) => ({ ...p, stages: [{ steps: [{ ...p.stages[0].steps[0], agency: 'SGD' }] }, p.stages[1]] })))).toEqual([
      'procedures/DL-LHND.json: stages[0].steps[0].agency',
    ]);
    expect(errorsOf(replace('centre.json', (c) => ({ ...c, deskAgency: 'STP' })))).toEqual(['centre.json: deskAgency']);
    // no region: nothing synthesizes (citizens' data must not land in a default region)
    expect(errorsOf(replace('centre.json', ({ region: _r, ...c }) => c))).toEqual(['centre.json: region']);
    expect(errorsOf([...hanoi, { path: 'procedures/lower-case.json', text: readFileSync(`${HANOI_DIR}/procedures/DL-LHND.json`, 'utf8') }])).toEqual([
      'procedures/lower-case.json: (file name)',
    ]);
    expect(errorsOf(hanoi.map((f) => (f.path === 'agencies.json' ? { ...f, text: '[{' } : f)))).toEqual(['agencies.json: (root)']);
  });

  it('reads the branch desks of the profile, and names the field of a bad one', () => {
    expect(parseCatalogue(hanoi).profile.branches?.map((b) => b.code)).toEqual(['BDH', 'CGY', 'HDG']);
    const edit = (change: (b: any[]) => unknown[]) => errorsOf(replace('centre.json', (c) => ({ ...c, branches: change(c.branches) })));
    expect(edit(([a, ...rest]) => [{ ...a, code: 'bd-h' }, ...rest])).toEqual(['centre.json: branches[0].code']);
    expect(edit(([a, b, ...rest]) => [a, { ...b, code: a.code }, ...rest])).toEqual(['centre.json: branches[1].code']);
    expect(edit(([a, ...rest]) => [{ ...a, code: 'STP' }, ...rest])).toEqual(['centre.json: branches[0].code']);
    expect(edit(([a, ...rest]) => [{ ...a, code: 'TTHCC' }, ...rest])).toEqual(['centre.json: branches[0].code']);
    expect(edit(([{ openingHours: _h, ...a }, ...rest]) => [{ ...a, hours: 'x' }, ...rest])).toEqual(['centre.json: branches[0].openingHours', 'centre.json: branches[0].hours']);
    // the functions' CENTRE_PROFILE carries no branch: they read them from the table (a branch changes no environment)
    expect(functionsProfile(parseCatalogue(hanoi).profile)).not.toHaveProperty('branches');
    expect(Buffer.byteLength(JSON.stringify(functionsProfile(parseCatalogue(hanoi).profile)))).toBeLessThan(2048);
    // none: the single desk, as before
    expect(parseCatalogue(replace('centre.json', ({ branches: _b, ...c }) => c)).profile.branches).toBeUndefined();
  });

  it("lays the centre's calendar years over the national ones", () => {
    const national = [2025, 2026].map((year) => ({ year, status: 'announced' as const, entries: [] }));
    const own = { year: 2026, status: 'awaiting-notice' as const, entries: [] };
    expect(calendarYears(national, [own, { ...own, year: 2028 }]).map((y) => [y.year, y.status])).toEqual([
      [2025, 'announced'],
      [2026, 'awaiting-notice'],
      [2028, 'awaiting-notice'],
    ]);
  });

  it("reads the procedures' online services: the judicial record fully online, the travel licence partly, the building permit at the desk only", () => {
    const c = parseCatalogue(hanoi);
    const level = (code: string) => c.procedures.find((p) => p.code === code)!.draft.online?.level ?? 'none';
    expect([level('TP-LLTP'), level('DL-LHND'), level('XD-GPXD')]).toEqual(['fully', 'partly', 'none']);
    const lltp = c.procedures.find((p) => p.code === 'TP-LLTP')!.draft.online!;
    expect(lltp.form.map((f) => f.name)).toEqual(expect.arrayContaining(['hoTen', 'ngaySinh', 'soDinhDanh', 'noiCuTru', 'mucDich']));
    expect(lltp.documents.filter((d) => d.required).map((d) => d.id)).toEqual(['can-cuoc']);
  });

  it('refuses a bad online form, naming the file and the field', () => {
    const online = (edit: (o: any) => unknown) => errorsOf(replace('procedures/TP-LLTP.json', (p) => ({ ...p, online: edit(p.online) })));
    expect(online((o) => ({ ...o, form: [...o.form, { ...o.form[0] }] }))).toEqual([`procedures/TP-LLTP.json: online.form[17].name`]);
    expect(online((o) => ({ ...o, form: [{ ...o.form[0], name: 'Ho Ten' }, ...o.form.slice(1)] }))).toEqual(['procedures/TP-LLTP.json: online.form[0].name']);
    expect(online((o) => ({ ...o, form: [{ ...o.form[0], pattern: '[0-9', patternHint: { vi: 'số', en: 'digits' } }, ...o.form.slice(1)] }))).toEqual(['procedures/TP-LLTP.json: online.form[0].pattern']);
    expect(online((o) => ({ ...o, form: [o.form[0], { ...o.form[1], options: [] }, ...o.form.slice(2)] }))).toEqual(['procedures/TP-LLTP.json: online.form[1].options']);
    expect(online((o) => ({ ...o, form: [{ ...o.form[0], label: { vi: '', en: 'Full name' } }, ...o.form.slice(1)] }))).toEqual(['procedures/TP-LLTP.json: online.form[0].label.vi']);
    expect(online((o) => ({ ...o, form: [{ ...o.form[0], type: 'file' }, ...o.form.slice(1)] }))).toEqual(['procedures/TP-LLTP.json: online.form[0].type']);
    expect(online((o) => ({ ...o, documents: [...o.documents, { ...o.documents[0] }] }))).toEqual(['procedures/TP-LLTP.json: online.documents[3].id']);
    expect(online((o) => ({ ...o, documents: [{ ...o.documents[0], name: { vi: 'Căn cước' } }] }))).toEqual(['procedures/TP-LLTP.json: online.documents[0].name.en']);
    expect(online((o) => ({ ...o, level: 'half' }))).toEqual(['procedures/TP-LLTP.json: online.level']);
  });
});
