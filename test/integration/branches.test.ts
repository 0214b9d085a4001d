import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicant, scenario, startHarness, uniqueKey, type Harness } from '../support/local';

/**
 * Branch desks (issue 19, 1): Hanoi's folder has branches (config/hanoi/centre.json). A dossier
 * received by a branch's desk officer is numbered with the branch's prefix and day counter, its
 * letters name the branch's address, and its return step is queued to, and decided at, that
 * branch only. A folder without branches (test/fixtures/centre-demo) works as before.
 */
const seq = (code: string) => Number(code.split('-').pop());
const tasksOf = async (h: Harness, token: string, query = '') => {
  const res = await h.call('GET', `/agencies/TTHCC/tasks${query}`, { token });
  return { status: res.status, codes: ((res.body.tasks ?? []) as { dossierCode: string }[]).map((t) => t.dossierCode) };
};

describe('branch desks of a centre whose folder lists them', () => {
  let h: Harness;
  let t: Record<'bdh' | 'cgy' | 'main' | 'sdl', string>;
  beforeAll(async () => {
    h = await startHarness({ resume: false });
    await h.call('POST', '/_local/clock', { body: { set: '2026-12-02T10:00:00+07:00' } });
    t = {
      bdh: await h.token('desk-bdh-1', ['desk', 'branch-BDH']),
      cgy: await h.token('desk-cgy-1', ['desk', 'branch-CGY']),
      main: await h.token('desk-1', ['desk']),
      sdl: await h.token('sdl-1', ['agency-SDL']),
    };
  });
  afterAll(() => h?.stop());

  it("numbers a branch's dossiers with its prefix and its own day counter, names its address in the receipt, and hands back only there", async () => {
    const s = scenario(h);
    const b1 = await s.receive(t.bdh, 'DL-LHND', applicant(1));
    const main = await s.receive(t.main, 'DL-LHND', applicant(2));
    const c1 = await s.receive(t.cgy, 'DL-LHND', applicant(3));
    const b2 = await s.receive(t.bdh, 'DL-LHND', applicant(4));
    // the handlers' profile carries no branch: they read the branches the loader wrote to the table
    expect(JSON.parse(process.env.CENTRE_PROFILE!).branches).toBeUndefined();
    expect(b1.code).toMatch(/^BDH-261202-\d{4}$/);
    expect(c1.code).toMatch(/^CGY-261202-\d{4}$/);
    expect(main.code).toMatch(/^TTHCC-261202-\d{4}$/);
    // the branch's counter: the other desks' dossiers in between take none of its numbers
    expect(seq(b2.code)).toBe(seq(b1.code) + 1);
    expect((await s.dossier(t.main, b1.code)).branch).toBe('BDH');
    expect((await s.dossier(t.main, main.code)).branch).toBeUndefined();

    // the receipt (form 01) names the branch, its address and opening hours, not the centre's address
    const receipt = await s.email(applicant(1).email, 'Giấy tiếp nhận');
    expect(receipt.body.text).toContain('Số 25 phố Liễu Giai, phường Ngọc Hà, thành phố Hà Nội');
    expect(receipt.body.text).toContain('sáng Thứ Bảy 08:00–12:00');
    expect(receipt.body.text).not.toContain('Số 1 phố Ví Dụ');
    // the citizen's page names the branch too
    const lookup = await h.call('GET', `/public/dossiers/${b1.code}`, { headers: { 'x-lookup-pin': b1.lookupPin } });
    expect(lookup.body.desk.address.vi).toBe('Số 25 phố Liễu Giai, phường Ngọc Hà, thành phố Hà Nội');
    expect((await h.call('GET', `/public/dossiers/${main.code}`, { headers: { 'x-lookup-pin': main.lookupPin } })).body).not.toHaveProperty('desk');
    const mainReceipt = await s.email(applicant(2).email, 'Giấy tiếp nhận');
    expect(mainReceipt.body.text).toContain('Số 1 phố Ví Dụ');

    // the department decides; the return step goes back to the branch that received the dossier
    for (const d of [b1, main]) {
      await s.task('SDL', t.sdl, d.code);
      await s.decide(t.sdl, d.code, 's1-sdl', { outcome: 'approve' });
    }
    await s.task('TTHCC', t.bdh, b1.code, 'return');
    await s.task('TTHCC', t.main, main.code, 'return');
    const queues = { bdh: await tasksOf(h, t.bdh), cgy: await tasksOf(h, t.cgy), main: await tasksOf(h, t.main) };
    expect(queues.bdh.codes).toContain(b1.code);
    expect(queues.bdh.codes).not.toContain(main.code);
    expect(queues.cgy.codes).not.toContain(b1.code);
    expect(queues.main.codes).not.toContain(b1.code);
    expect(queues.main.codes).toContain(main.code);
    // another branch's officer may not read the branch's queue
    expect((await tasksOf(h, t.cgy, '?branch=BDH')).status).toBe(403);

    // the result-ready letter names the branch too
    const ready = await s.email(applicant(1).email, 'đã có kết quả');
    expect(ready.body.text).toContain('Số 25 phố Liễu Giai');

    // another branch's desk officer, and the main desk's, are refused the hand-back
    const handBack = (token: string, code: string) => h.call('POST', `/dossiers/${code}/steps/return/decision`, { token, body: { outcome: 'approve' } });
    expect((await handBack(t.cgy, b1.code)).status).toBe(403);
    expect((await handBack(t.main, b1.code)).status).toBe(403);
    expect((await handBack(t.bdh, main.code)).status).toBe(403);
    expect((await s.dossier(t.main, b1.code)).status).not.toBe(10);
    // its own branch hands it back
    await s.decide(t.bdh, b1.code, 'return', { outcome: 'approve' });
    await s.status(t.bdh, b1.code, 10);
    await s.decide(t.main, main.code, 'return', { outcome: 'approve' });
    await s.status(t.main, main.code, 10);
  });

  it('refuses intake by an officer of a branch the centre does not have (403)', async () => {
    const res = await h.call('POST', '/dossiers', {
      token: await h.token('desk-x', ['desk', 'branch-XYZ']),
      headers: { 'idempotency-key': uniqueKey() },
      body: { procedureCode: 'DL-LHND', applicant: applicant(5), channel: 'counter' },
    });
    expect(res.status).toBe(403);
  });
});

describe('a centre whose folder lists no branch', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ resume: false, centreDir: 'test/fixtures/centre-demo' });
  });
  afterAll(() => h?.stop());

  it('receives at its single desk with its prefix, queues the return step to it, and knows no branch officer', async () => {
    const s = scenario(h);
    const desk = await h.token('mc-1', ['desk']);
    const dossier = await s.receive(desk, 'MT-GPMT', applicant(11));
    expect(dossier.code).toMatch(/^MC-\d{6}-\d{4}$/);
    expect((await s.dossier(desk, dossier.code)).branch).toBeUndefined();
    const receipt = await s.email(applicant(11).email, 'Giấy tiếp nhận');
    expect(receipt.body.text).toContain('Số 2 đường Mẫu');
    const stnmt = await h.token('stnmt-1', ['agency-STNMT']);
    await s.task('STNMT', stnmt, dossier.code);
    await s.decide(stnmt, dossier.code, 's1-stnmt', { outcome: 'approve' });
    await s.task('MC', desk, dossier.code, 'return');
    await s.decide(desk, dossier.code, 'return', { outcome: 'approve' });
    await s.status(desk, dossier.code, 10);
    const branchOfficer = await h.token('mc-x', ['desk', 'branch-BDH']);
    const res = await h.call('POST', '/dossiers', { token: branchOfficer, headers: { 'idempotency-key': uniqueKey() }, body: { procedureCode: 'MT-GPMT', applicant: applicant(12), channel: 'counter' } });
    expect(res.status).toBe(403);
  });
});
