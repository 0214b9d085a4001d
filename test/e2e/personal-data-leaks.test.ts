import { GetExecutionHistoryCommand, ListExecutionsCommand, SFNClient } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stateMachineArn } from '../../infra/local/stepfunctions';
import { scenario, startHarness, type Harness } from '../support/local';
import { documents, pdf } from '../support/documents';
import { signIn } from '../support/national-sign-in';
import { testCitizens } from '../../infra/local/oidc';

/**
 * Personal data lives on the dossier item only: a full scenario's logs (at DEBUG) and every
 * state-machine history are searched for the applicant's email, phone and ID number.
 */
describe('no personal data in logs, workflow histories or queue messages', () => {
  let h: Harness;
  let captured = '';
  let queued = '';
  const writes = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) };
  const who = { name: 'Trần Thị Riêng Tư', email: 'rieng.tu.9137@example.vn', phone: '0987654321', idNumber: '079123456789' };
  const fileName = `Hộ chiếu ${who.name} ${who.idNumber}.pdf`;
  const fileSecret = 'NOI-DUNG-TEP-BI-MAT-4417';

  beforeAll(async () => {
    h = await startHarness();
    // every message put on the email queue, as SQS would keep it
    const send = h.runtime.sqs.send.bind(h.runtime.sqs);
    h.runtime.sqs.send = (name, body, delay) => {
      queued += body + '\n';
      return send(name, body, delay);
    };
    const tap = (chunk: unknown) => {
      captured += String(chunk);
      return true;
    };
    process.stdout.write = tap as typeof process.stdout.write;
    process.stderr.write = tap as typeof process.stderr.write;
  });
  afterAll(async () => {
    process.stdout.write = writes.out;
    process.stderr.write = writes.err;
    await h?.stop();
  });

  it('finds none after receipt, supplement (with an uploaded file), delay, lapse, approvals (with the result file), return and rating', async () => {
    const s = scenario(h);
    await s.setClock('2026-12-02T09:00:00+07:00');
    const [desk, stp, catp] = [await h.token('desk-1', ['desk']), await h.token('stp-1', ['agency-STP']), await h.token('catp-1', ['agency-CATP'])];
    const { code, lookupPin } = await s.receive(desk, 'TP-LLTP', who);
    await s.task('STP', stp, code);
    await s.decide(stp, code, 's1-stp', { outcome: 'request-supplement', missing: ['Ảnh'], reason: 'Thiếu ảnh' });
    await s.email(who.email, 'Phiếu yêu cầu bổ sung');
    // a document whose name (typed by the citizen) and content hold personal data
    const files = documents(h);
    const photo = await files.upload(code, { pin: lookupPin }, pdf(4000, fileSecret), { name: fileName });
    await h.call('POST', `/public/dossiers/${code}/supplement`, { headers: { 'x-lookup-pin': lookupPin }, body: { documents: [{ name: 'Ảnh', ref: 'upload://a' }, { documentId: photo.documentId }] } });
    await s.email(who.email, 'Đã nhận hồ sơ bổ sung');
    await s.task('STP', stp, code);
    await h.call('POST', `/dossiers/${code}/steps/s1-stp/delay`, { token: stp, body: { reason: 'Chờ xác minh', newDueAt: '2026-12-18T17:00:00+07:00' } });
    await s.email(who.email, 'Phiếu xin lỗi');
    await s.decide(stp, code, 's1-stp', { outcome: 'approve' });
    const step2 = await s.task('CATP', catp, code);
    await s.setClock(new Date(Date.parse(step2.dueAt) + 60_000).toISOString());
    await eventually2(async () => (await h.emailsTo(who.email)).filter((e) => e.subject.includes('Phiếu xin lỗi')).length === 2);
    const result = await files.upload(code, { token: catp }, pdf(3000, fileSecret), { name: `Phiếu LLTP ${who.name}.pdf`, purpose: 'result' });
    await s.decide(catp, code, 's2-catp', { outcome: 'approve', resultDocument: { documentId: result.documentId } });
    await s.task('TTHCC', desk, code);
    await s.decide(desk, code, 'return', { outcome: 'approve' });
    await s.email(who.email, 'Mời đánh giá');
    await h.call('POST', `/public/dossiers/${code}/rating`, { headers: { 'x-lookup-pin': lookupPin }, body: { score: 4 } });
    // a citizen signs in with the national identity (the stand-in), reads their dossiers, signs out
    const citizen = testCitizens()[1]!;
    await s.receive(desk, 'DL-LHND', { name: citizen.name, email: citizen.email!, phone: citizen.phone!, idNumber: citizen.identityNumber });
    const session = await signIn(h, citizen.identityNumber);
    expect((await h.call('GET', '/public/me/dossiers', { token: session.token })).body.dossiers).toHaveLength(1);
    await h.call('POST', '/public/sign-out', { token: session.token });

    const sfn = new SFNClient({ endpoint: h.runtime.stepFunctionsUrl, region: 'ap-southeast-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
    const executions = (await sfn.send(new ListExecutionsCommand({ stateMachineArn: stateMachineArn('dossier'), maxResults: 1000 }))).executions ?? [];
    let histories = '';
    for (const e of executions) histories += JSON.stringify((await sfn.send(new GetExecutionHistoryCommand({ executionArn: e.executionArn! }))).events);
    sfn.destroy();

    expect(captured).toContain('"level":"DEBUG"'.slice(0, 0) + 'step assigned'); // the logs were really captured
    expect(captured.split('\n').length).toBeGreaterThan(20);
    expect(histories).toContain(code); // the histories were really read
    expect(queued).toContain(code); // the queue's messages were really read
    for (const secret of [who.email, who.phone, who.phone.replace(/^0/, '+84'), who.idNumber, lookupPin, who.name]) {
      expect(queued.includes(secret), `SQS messages contain ${secret}`).toBe(false);
    }
    const signedIn = testCitizens()[1]!;
    for (const secret of [who.email, who.phone, who.phone.replace(/^0/, '+84'), who.idNumber, lookupPin, fileName, fileSecret, who.name, signedIn.identityNumber, signedIn.email!, signedIn.name, h.runtime.oidc.clientSecret]) {
      expect(captured.includes(secret), `logs contain ${secret}`).toBe(false);
      expect(histories.includes(secret), `histories contain ${secret}`).toBe(false);
    }
    expect(histories).not.toMatch(/motcua-local-task-/); // task tokens stay out of payload logs too
    expect(captured).not.toMatch(/motcua-local-task-/);
  });

  it('finds none after feedback sent, assigned, answered by email and published (docs/feedback.md)', async () => {
    const s = scenario(h);
    const [desk, stp, op] = [await h.token('desk-1', ['desk']), await h.token('stp-1', ['agency-STP']), await h.token('op-1', ['operator'])];
    const sender = { name: 'Lý Văn Kín Đáo', email: 'kin.dao.5521@example.vn', phone: '0977123456', idNumber: '001088776655' };
    const key = () => ({ 'idempotency-key': crypto.randomUUID() });
    const sent = await h.call('POST', '/public/feedback', {
      headers: key(),
      body: { kind: 'handling', text: `Tôi là ${sender.name}, CCCD ${sender.idNumber}, gọi ${sender.phone}.`, name: sender.name, email: sender.email, phone: sender.phone },
    });
    expect(sent.status).toBe(201);
    const code = sent.body.code as string;
    await s.email(sender.email, 'Đã tiếp nhận phản ánh');
    expect((await h.call('POST', `/feedback/${code}/assign`, { token: desk, headers: key(), body: { agency: 'STP' } })).status).toBe(200);
    expect((await h.call('POST', `/feedback/${code}/answer`, { token: stp, headers: key(), body: { text: `Kính gửi ông ${sender.name}: đã giải quyết.` } })).status).toBe(200);
    await s.email(sender.email, 'Trả lời phản ánh');
    expect((await h.call('POST', `/feedback/${code}/publish`, { token: op, headers: key(), body: {} })).status).toBe(200);
    expect(queued).toContain(code);
    for (const secret of [sender.email, sender.phone, sender.phone.replace(/^0/, '+84'), sender.idNumber, sender.name]) {
      expect(queued.includes(secret), `SQS messages contain ${secret}`).toBe(false);
      expect(captured.includes(secret), `logs contain ${secret}`).toBe(false);
    }
  });

  it('finds none after a fee: status 6, paid online through the hub (confirmed, repeated, tampered), cash at the desk, receipts, the list and the reconciliation (docs/fees.md)', async () => {
    const s = scenario(h);
    const [desk, op] = [await h.token('desk-1', ['desk']), await h.token('op-1', ['operator'])];
    const payer = { name: 'Đỗ Thị Thanh Toán', email: 'thanh.toan.7731@example.vn', phone: '0966554433', idNumber: '001077665544' };
    const key = () => ({ 'idempotency-key': crypto.randomUUID() });
    const receive = async () => (await h.call('POST', '/dossiers', { token: desk, headers: key(), body: { procedureCode: 'TP-LLTP', applicant: payer, channel: 'counter', fees: 'later' } })).body;
    const online = await receive();
    const started = await h.call('POST', `/public/dossiers/${online.code}/payments`, { headers: { ...key(), 'x-lookup-pin': online.lookupPin }, body: {} });
    expect(started.status).toBe(201);
    expect(started.body.payUrl).not.toContain(encodeURIComponent(payer.name));
    expect((await h.call('POST', `/_local/payhub/payments/${started.body.paymentId}/pay`)).body.confirmation.status).toBe(200);
    await h.call('POST', '/_local/payhub/replay', { body: { paymentId: started.body.paymentId } });
    await h.call('POST', '/_local/payhub/replay', { body: { paymentId: started.body.paymentId, amount: 1 } });
    const counter = await receive();
    expect((await h.call('POST', `/dossiers/${counter.code}/payments`, { token: desk, headers: key(), body: { method: 'cash', amount: 200000 } })).status).toBe(201);
    await s.email(payer.email, 'Biên lai');
    const today = String((await h.call('GET', '/_local/clock')).body.now).slice(0, 10);
    const list = await h.call('GET', `/payments?from=${today}&to=${today}`, { token: op });
    await h.call('GET', `/payments/reconciliation?date=${today}`, { token: op });
    expect(queued).toContain(online.code);
    for (const secret of [payer.email, payer.phone, payer.phone.replace(/^0/, '+84'), payer.idNumber, payer.name]) {
      expect(queued.includes(secret), `SQS messages contain ${secret}`).toBe(false);
      expect(captured.includes(secret), `logs contain ${secret}`).toBe(false);
      expect(JSON.stringify(list.body).includes(secret), `the payments list names ${secret}`).toBe(false);
    }
  });
});

async function eventually2(check: () => Promise<boolean>) {
  for (let i = 0; i < 400; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('condition not met');
}
