import { DynamoDBDocumentClient, GetCommand } from '../commons/aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { invoke } from '../../test/support/route-unit';
import { receivePushedDossier } from '../commons/dvcqg-inbound';
import { logger } from '../commons/powertools';
import { forgetSecrets } from '../commons/secrets';
import { sign } from '../commons/webhooks';
import { InboundAnswer, route } from './route';

vi.mock('../commons/dvcqg-inbound', async (original) => ({ ...(await original<object>()), receivePushedDossier: vi.fn() }));

const db = mockClient(DynamoDBDocumentClient);
const SECRET = `whsec_${Buffer.from('unit-inbound-key').toString('base64')}`;
const message = {
  MaHoSo: 'G22.99-261207-0001',
  MaTTHC: '2.000488',
  MaDonVi: '000.00.00.H26',
  NgayNopHoSo: '20261207090000',
  ChuHoSo: { HoVaTen: 'Nguyễn Thị Lan', SoDinhDanh: '001099012345' },
};
const answer = { code: 'TTHCC-261207-0001', MaHoSo: message.MaHoSo, status: 1, submittedAt: '2026-12-07T09:00:00+07:00', checkDueAt: '2026-12-07T17:00:00+07:00', duplicate: false };
const signed = (body: object, secret = SECRET, ts = Math.floor(Date.now() / 1000)) => {
  const raw = JSON.stringify(body);
  return { body: raw, headers: { 'webhook-id': 'push-1', 'webhook-timestamp': String(ts), 'webhook-signature': sign(secret, 'push-1', ts, raw) } };
};

describe('POST /public/national-portal/dossiers', () => {
  beforeEach(() => {
    db.reset();
    db.resolves({});
    forgetSecrets();
    process.env.LOCAL_SECRETS = JSON.stringify({ 'motcua/unit/portal': JSON.stringify({ username: 'u', password: 'p', inboundSecret: SECRET }) });
    process.env.NATIONAL_PORTAL = JSON.stringify({ url: 'https://portal.example', secretName: 'motcua/unit/portal', dstcode: 'H26', centreUnit: '000.00.00.H26', procedures: { 'TP-LLTP': '2.000488' }, units: { STP: '000.00.21.H26' } });
    vi.mocked(receivePushedDossier).mockReset().mockResolvedValue(answer);
  });
  afterEach(() => {
    delete process.env.LOCAL_SECRETS;
    delete process.env.NATIONAL_PORTAL;
    forgetSecrets();
  });

  it('records a push signed with the portal\'s key (201), and answers a second push of the same MaHoSo with the same dossier (200)', async () => {
    const first = await invoke(route, signed(message));
    expect(first.status).toBe(201);
    expect(InboundAnswer.parse(first.body)).toEqual(answer);
    expect(vi.mocked(receivePushedDossier).mock.calls[0]![1]).toMatchObject({ MaHoSo: message.MaHoSo, TruongThongTin: {}, TaiLieuNop: [] });
    vi.mocked(receivePushedDossier).mockResolvedValue({ ...answer, duplicate: true });
    const again = await invoke(route, signed(message));
    expect(again.status).toBe(200);
    expect(again.body.code).toBe(answer.code);
  });

  it('refuses an unsigned, forged, tampered or stale push (401), logging no personal data, recording nothing', async () => {
    const warn = vi.spyOn(logger, 'warn');
    expect((await invoke(route, { body: message })).status).toBe(401);
    expect((await invoke(route, signed(message, `whsec_${Buffer.from('another').toString('base64')}`))).status).toBe(401);
    const tampered = signed(message);
    expect((await invoke(route, { ...tampered, body: tampered.body.replace('Lan', 'Lân') })).status).toBe(401);
    expect((await invoke(route, signed(message, SECRET, Math.floor(Date.now() / 1000) - 3600))).status).toBe(401);
    expect(receivePushedDossier).not.toHaveBeenCalled();
    expect(JSON.stringify(warn.mock.calls)).not.toContain('Nguyễn');
    expect(JSON.stringify(warn.mock.calls)).not.toContain('001099012345');
  });

  it('refuses every push when no inbound key is configured (401)', async () => {
    process.env.LOCAL_SECRETS = JSON.stringify({ 'motcua/unit/portal': JSON.stringify({ username: 'u', password: 'p' }) });
    expect((await invoke(route, signed(message))).status).toBe(401);
  });

  it('answers 503 when the centre is not connected to the portal', async () => {
    delete process.env.NATIONAL_PORTAL;
    expect((await invoke(route, signed(message))).status).toBe(503);
  });

  it('names the field of a malformed message (400)', async () => {
    const r = await invoke(route, signed({ ...message, ChuHoSo: { HoVaTen: 'X', SoDinhDanh: '12' } }));
    expect(r.status).toBe(400);
    expect(r.body.errors[0].field).toBe('ChuHoSo.SoDinhDanh');
  });

  it('refuses an unmapped MaTTHC or MaDonVi naming the field (422)', async () => {
    const actual = await vi.importActual<typeof import('../commons/dvcqg-inbound')>('../commons/dvcqg-inbound');
    vi.mocked(receivePushedDossier).mockImplementation(actual.receivePushedDossier);
    db.on(GetCommand).resolves({});
    const r = await invoke(route, signed({ ...message, MaTTHC: '9.999999' }));
    expect(r.status).toBe(422);
    expect(r.body.errors[0].field).toBe('MaTTHC');
  });
});
