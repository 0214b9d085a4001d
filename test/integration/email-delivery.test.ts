import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler as recordDelivery } from '../../functions/record-delivery/handler';
import { sesEvent } from '../../infra/local/ses-events';
import { readEmail } from '../../functions/commons/email-store';
import { applicant, eventually, scenario, startHarness, type Harness } from '../support/local';

type EmailView = { id: string; eventKey: string; state: string; sending: string; attempts: number; lastError?: string; deliveredAt?: string; bouncedAt?: string; complainedAt?: string; bounceType?: string; sentAt?: string };

/**
 * The email pipeline against the stand-ins: claimed before sent, never twice under injected write
 * faults, paced and waiting under SES's throttle, retried for 24 hours then re-sendable, and each
 * SES event (mailbox simulator addresses) recorded on the letter.
 */
describe('email delivery', () => {
  let h: Harness;
  let s: ReturnType<typeof scenario>;
  let desk: string, sdl: string, operator: string;
  const fault = (body: unknown) => h.call('POST', '/_local/faults', { body });
  const emailsOf = async (code: string): Promise<EmailView[]> => (await h.call('GET', `/dossiers/${code}`, { token: operator })).body.emails;
  const letter = (code: string, eventKey: string, state: string) =>
    eventually(async () => (await emailsOf(code)).find((e) => e.eventKey === eventKey && e.state === state), 30_000);

  beforeAll(async () => {
    h = await startHarness({ resume: false, retryScale: 0.001 });
    s = scenario(h);
    await s.setClock('2026-12-02T09:00:00+07:00');
    desk = await h.token('desk-1', ['desk']);
    sdl = await h.token('sdl-1', ['agency-SDL']);
    operator = await h.token('op-1', ['operator']);
  });
  afterAll(() => h?.stop());

  async function supplementRequested(n: number) {
    const who = { ...applicant(n), email: `supp.${n}.${process.pid}@example.vn` };
    const { code } = await s.receive(desk, 'DL-LHND', who);
    await s.task('SDL', sdl, code);
    await s.decide(sdl, code, 's1-sdl', { outcome: 'request-supplement', missing: ['Bản sao giấy phép'], reason: 'Thiếu giấy tờ' });
    await s.email(who.email, 'Phiếu yêu cầu bổ sung');
    return { code, who };
  }

  for (const call of ['PutItem', 'UpdateItem']) {
    it(`sends "supplement received" once with 6 failed ${call} calls injected while the desk supplies the documents`, async () => {
      const { code, who } = await supplementRequested(call === 'PutItem' ? 10 : 11);
      const supplied = await h.call('POST', `/dossiers/${code}/supplement`, { token: desk, body: { documents: [{ name: 'Bản sao giấy phép', ref: 'desk://scan/1' }] } });
      expect(supplied.status).toBe(202);
      await fault({ service: 'dynamodb', status: 500, count: 6, match: call });
      await s.email(who.email, 'Đã nhận hồ sơ bổ sung');
      await letter(code, (await emailsOf(code)).find((e) => e.eventKey.startsWith('supplement-received'))!.eventKey, 'delivered');
      await s.task('SDL', sdl, code); // the workflow went on: the step is back with the agency
      await h.settled(); // retries done, the email queue drained
      expect(h.runtime.faults.dynamodb.injected).toBeGreaterThanOrEqual(6);
      const received = (await h.emailsTo(who.email)).filter((e) => e.subject.includes('Đã nhận hồ sơ bổ sung'));
      expect(received).toHaveLength(1);
      await h.call('DELETE', '/_local/faults');
    });
  }

  it('waits while SES throttles (2 per second at the stand-in): every letter once, none failed', async () => {
    await fault({ service: 'ses', rate: 2, match: 'outbound-emails' });
    const injected = h.runtime.faults.ses.injected;
    const people = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => ({ ...applicant(n), email: `rush.${n}.${process.pid}@example.vn` }));
    // received at once, so the eight receipts meet SES together (one by one, on a loaded machine, they came slower than 2/s)
    const codes = (await Promise.all(people.map((who) => s.receive(desk, 'DL-LHND', who)))).map((r) => r.code);
    for (const who of people) await s.email(who.email, 'Giấy tiếp nhận');
    for (const code of codes) await letter(code, 'receipt', 'delivered');
    await h.call('DELETE', '/_local/faults');
    expect(h.runtime.faults.ses.injected).toBeGreaterThan(injected); // SES did throttle (the centre's 14/s is above 2/s)
    for (const who of people) expect(await h.emailsTo(who.email)).toHaveLength(1);
    for (const code of codes) expect((await emailsOf(code)).find((e) => e.eventKey === 'receipt')!.attempts).toBe(1);
  });

  it('retries a refused letter until 24 hours have passed, then shows it failed; an operator re-sends it', async () => {
    const who = { ...applicant(20), email: `refused.${process.pid}@example.vn` };
    await fault({ service: 'ses', status: 503, count: 1000, match: 'outbound-emails' });
    const { code } = await s.receive(desk, 'DL-LHND', who);
    const retrying = await letter(code, 'receipt', 'retrying');
    expect(retrying.lastError).toBe('ServiceUnavailable');
    await h.advance('PT25H');
    const failed = await letter(code, 'receipt', 'failed');
    expect(failed.attempts).toBeGreaterThan(1);
    expect(await h.emailsTo(who.email)).toHaveLength(0);
    await h.call('DELETE', '/_local/faults');

    // only operators re-send; the id is validated
    expect((await h.call('POST', `/ops/emails/${code}~receipt/resend`, { token: desk })).status).toBe(403);
    const bad = await h.call('POST', `/ops/emails/${code}~Receipt!/resend`, { token: operator });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('id');
    expect((await h.call('POST', `/ops/emails/${code}~nothing-here/resend`, { token: operator })).status).toBe(404);
    const key = { 'idempotency-key': `resend-${code}` };
    const resent = await h.call('POST', `/ops/emails/${code}~receipt/resend`, { token: operator, headers: key });
    expect(resent.status).toBe(202);
    expect(resent.body).toMatchObject({ id: `${code}~receipt`, state: 'queued' });
    // the operator's retry (same key) gets the same answer and sends nothing more
    const retried = await h.call('POST', `/ops/emails/${code}~receipt/resend`, { token: operator, headers: key });
    expect(retried).toMatchObject({ status: 202, body: resent.body });
    await s.email(who.email, 'Giấy tiếp nhận');
    const delivered = await letter(code, 'receipt', 'delivered');
    expect(delivered).toMatchObject({ sending: 'sent' });
    expect(await h.emailsTo(who.email)).toHaveLength(1);
  });

  const simulator: [string, string, Partial<EmailView>, boolean][] = [
    ['success@simulator.amazonses.com', 'delivered', {}, false],
    ['ooto@simulator.amazonses.com', 'delivered', {}, false],
    ['bounce@simulator.amazonses.com', 'bounced', { bounceType: 'Permanent/General' }, true],
    ['suppressionlist@simulator.amazonses.com', 'bounced', { bounceType: 'Permanent/OnAccountSuppressionList' }, true],
    ['complaint@simulator.amazonses.com', 'complained', {}, true],
    [`someone.${process.pid}@example.vn`, 'delivered', {}, false],
  ];
  for (const [address, state, extra, call] of simulator) {
    it(`records SES's events for ${address}: ${state}${call ? ', and the desk is asked to call' : ''}`, async () => {
      const { code } = await s.receive(desk, 'DL-LHND', { ...applicant(30), email: address, phone: '0987654321' });
      const seen = await letter(code, 'receipt', state);
      expect(seen).toMatchObject({ id: `${code}~receipt`, sending: 'sent', ...extra });
      expect(seen.sentAt).toBeTruthy();
      if (state === 'delivered' || state === 'complained') expect(seen.deliveredAt).toBeTruthy();
      if (state === 'complained') expect(seen.complainedAt).toBeTruthy();
      if (state === 'bounced') expect(seen.bouncedAt).toBeTruthy();
      const contacts = (await h.call('GET', '/agencies/TTHCC/contacts', { token: desk })).body.contacts as { dossierCode: string; reason: string; applicant: { phone: string }; message: { vi: string } }[];
      const mine = contacts.find((c) => c.dossierCode === code);
      if (!call) return expect(mine).toBeUndefined();
      expect(mine).toMatchObject({ reason: state, applicant: { phone: '+84987654321' } });
      expect(mine!.message.vi).toContain('gọi điện');
    });
  }

  it("shows the desk's calls to the desk only, and a re-sent letter leaves the list", async () => {
    const { code } = await s.receive(desk, 'DL-LHND', { ...applicant(31), email: 'bounce@simulator.amazonses.com' });
    await letter(code, 'receipt', 'bounced');
    expect((await h.call('GET', '/agencies/TTHCC/contacts', { token: sdl })).status).toBe(403);
    expect((await h.call('GET', '/agencies/TTHCC/contacts', { token: operator })).status).toBe(403);
    expect((await h.call('GET', '/agencies/SDL/contacts', { token: desk })).status).toBe(403);
    expect((await h.call('POST', `/ops/emails/${code}~receipt/resend`, { token: operator })).status).toBe(202);
    await eventually(async () => !(await h.call('GET', '/agencies/TTHCC/contacts', { token: desk })).body.contacts.some((c: { dossierCode: string }) => c.dossierCode === code));
    // sent again to the same simulator address, it bounces again: back on the list
    await letter(code, 'receipt', 'bounced');
    await eventually(async () => (await h.call('GET', '/agencies/TTHCC/contacts', { token: desk })).body.contacts.some((c: { dossierCode: string }) => c.dossierCode === code));
  });

  it('a bounced address is corrected by the desk: the old address is told, the bounced letter reaches the new one, the call leaves the list; a retry sends nothing more (issue 20, 4)', async () => {
    const bounced = 'bounce@simulator.amazonses.com';
    const fresh = `corrected.${process.pid}@example.vn`;
    const { code } = await s.receive(desk, 'DL-LHND', { ...applicant(32), email: bounced, phone: '0987654321' });
    await letter(code, 'receipt', 'bounced');
    const path = `/dossiers/${code}/applicant`;
    // only the desk corrects a citizen's details
    for (const token of [sdl, operator]) expect((await h.call('PATCH', path, { token, body: { email: fresh } })).status).toBe(403);
    const wrong = await h.call('PATCH', path, { token: desk, body: { email: 'not-an-address' } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0].field).toBe('email');

    const corrected = await h.call('PATCH', path, { token: desk, body: { email: fresh } });
    expect(corrected.status).toBe(200);
    expect(corrected.body).toMatchObject({ changed: ['email'], toldPreviousAddress: true, resent: [`${code}~receipt`], applicant: { email: fresh, phone: '+84987654321' } });
    // the receipt goes again, now to the new address, and is delivered there
    const receipt = await s.email(fresh, 'Giấy tiếp nhận');
    expect(receipt.destination.to).toEqual([fresh]);
    await letter(code, 'receipt', 'delivered');
    // the address on file before is told (it bounces here, as that address does)
    await letter(code, 'contact-changed-1', 'bounced');
    const told = (await h.emailsTo(bounced)).filter((e) => e.subject.includes(code) && e.subject.includes('Thông tin liên hệ'));
    expect(told).toHaveLength(1);
    expect(told[0]!.body.text).not.toContain(fresh);
    // the desk no longer has to call about the receipt
    await eventually(async () => !(await h.call('GET', '/agencies/TTHCC/contacts', { token: desk })).body.contacts.some((c: { dossierCode: string; eventKey: string }) => c.dossierCode === code && c.eventKey === 'receipt'));
    // who and when, never the values, on the dossier
    const seen = (await h.call('GET', `/dossiers/${code}`, { token: desk })).body;
    expect(seen.contactCorrections).toEqual([{ n: 1, at: corrected.body.correctedAt, by: 'desk-1', fields: ['email'] }]);
    // the same correction again changes nothing and sends nothing
    const again = await h.call('PATCH', path, { token: desk, body: { email: fresh } });
    expect(again.body).toMatchObject({ changed: [], toldPreviousAddress: false, resent: [] });
    await h.settled();
    expect((await h.emailsTo(fresh)).filter((e) => e.subject.includes('Giấy tiếp nhận'))).toHaveLength(1);
    expect((await emailsOf(code)).filter((e) => e.eventKey.startsWith('contact-changed'))).toHaveLength(1);
    // an access request by the new address finds the dossier; by the old one, no longer
    const byNew = await h.call('GET', `/ops/applicants/export?email=${encodeURIComponent(fresh)}`, { token: operator });
    expect(byNew.body.dossiers.map((d: { dossier: { code: string } }) => d.dossier.code)).toContain(code);
    const byOld = await h.call('GET', `/ops/applicants/export?email=${encodeURIComponent(bounced)}`, { token: operator });
    expect(byOld.body.dossiers.map((d: { dossier: { code: string } }) => d.dossier.code)).not.toContain(code);
  });

  it('records events at least once and in any order: a bounce overrides a delivery, never the reverse', async () => {
    const { code } = await s.receive(desk, 'DL-LHND', { ...applicant(32), email: `order.${process.pid}@example.vn` });
    const sent = await letter(code, 'receipt', 'delivered');
    const item = (await emailsOf(code)).find((e) => e.eventKey === 'receipt')!;
    // the same message's events again, a bounce among them, each twice, the delivery last
    const messageId = await eventually(async () => (await h.emails()).find((e) => e.destination.to[0] === `order.${process.pid}@example.vn`)?.messageId);
    const mail = { messageId, tags: { dossier: [code], eventKey: ['receipt'], claim: ['1'] } };
    const ctx = { functionName: 'record-delivery', awsRequestId: 'test' } as never;
    for (const type of ['Bounce', 'Bounce', 'Delivery', 'Send', 'Delivery']) {
      await recordDelivery(sesEvent(type, mail, ['x'], type === 'Bounce' ? { bounceType: 'Transient', bounceSubType: 'MailboxFull' } : {}), ctx);
    }
    const after = (await emailsOf(code)).find((e) => e.eventKey === 'receipt')!;
    expect(after.state).toBe('bounced');
    expect(after.deliveredAt).toBe(sent.deliveredAt); // the first instant of each event is kept
    expect(after.bounceType).toBe('Transient/MailboxFull');
    expect(item.id).toBe(`${code}~receipt`);
    // an event of another message (an earlier copy of a letter sent again) changes nothing
    await recordDelivery(sesEvent('Complaint', { ...mail, messageId: 'another-message' }, ['x']), ctx);
    expect((await emailsOf(code)).find((e) => e.eventKey === 'receipt')!.state).toBe('bounced');
  });

  it("closes the crash window with SES's Send event: a claim whose sender never recorded SES's answer is not sent again", async () => {
    process.env.EMAIL_LEASE_SECONDS = '3';
    try {
      const who = { ...applicant(33), email: `window.${process.pid}@example.vn` };
      await fault({ service: 'ses', down: true }); // SES gives no answer: the sender cannot tell, and keeps its claim
      const { code } = await s.receive(desk, 'DL-LHND', who);
      const claimed = await eventually(async () => {
        const item = await readEmail(code, 'receipt');
        return item?.state === 'claimed' && item.claim ? item : undefined;
      });
      // the sender has given up waiting for SES (its message waits for the lease to end), and
      // SES had in fact accepted it: its Send event names the attempt by the `claim` tag
      await eventually(async () => {
        const a = h.runtime.sqs.queue('emails')!.attributes();
        return a.ApproximateNumberOfMessagesNotVisible === '0' && Number(a.ApproximateNumberOfMessagesDelayed) >= 1;
      });
      const ctx = { functionName: 'record-delivery', awsRequestId: 'test' } as never;
      const mail = { messageId: 'accepted-while-unanswered', tags: { dossier: [code], eventKey: ['receipt'], claim: [String(claimed.claim)] } };
      await recordDelivery(sesEvent('Send', mail, ['x']), ctx);
      expect(await readEmail(code, 'receipt')).toMatchObject({ state: 'sent', messageId: 'accepted-while-unanswered' });
      await fault({ service: 'ses', down: false });
      await h.settled(30_000); // its message came back after the lease and was dropped: the next look found it sent
      expect(await h.emailsTo(who.email)).toHaveLength(0);
      expect((await emailsOf(code)).find((e) => e.eventKey === 'receipt')).toMatchObject({ state: 'sent', attempts: 1 });
    } finally {
      delete process.env.EMAIL_LEASE_SECONDS;
      await h.call('DELETE', '/_local/faults');
    }
  });
});
