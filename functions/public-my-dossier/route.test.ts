import { DynamoDBDocumentClient, GetCommand, QueryCommand } from '../commons/aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { citizenSessionKey, desk, invoke, sessionItem } from '../../test/support/route-unit';
import { citizenRef } from '../commons/citizen-session';
import { keys } from '../commons/store';
import { MyDossier } from '../contracts/responses';
import type { Citizen } from '../core/citizen';
import { route } from './route';

const db = mockClient(DynamoDBDocumentClient);
const CODE = 'TTHCC-261207-0001';
const lan: Citizen = { identityNumber: '001099012345', name: 'Nguyễn Thị Lan' };
const duc: Citizen = { identityNumber: '001203004567', name: 'Trần Văn Đức' };
const procedure = {
  code: 'CAP-PHEP-XD',
  version: 1,
  effectiveFrom: '2026-01-01',
  name: { vi: 'Cấp giấy phép xây dựng', en: 'Building permit' },
  field: { vi: 'Xây dựng', en: 'Construction' },
  legalHours: 40,
  receivingAgency: 'TTHCC',
  stages: [{ steps: [{ stepId: 's1-xd', agency: 'XD', hours: 32 }] }],
};
const meta = (over: Record<string, unknown> = {}) => ({
  ...keys.dossier(CODE),
  code: CODE,
  procedure,
  status: 4,
  channel: 'counter',
  applicant: { name: 'Nguyễn Thị Lan', email: 'lan@example.vn', idNumber: lan.identityNumber },
  documents: [],
  receivedAt: '2026-12-07T02:00:00.000Z',
  appointmentAt: '2026-12-14T02:00:00.000Z',
  stageIndex: 0,
  extensions: {},
  pauses: {},
  pinHash: 'scrypt$secret',
  receivedBy: 'desk-officer',
  ...over,
});

function stored(dossier: Record<string, unknown> | undefined) {
  db.on(GetCommand, { Key: keys.dossier(CODE) }).resolves({ Item: dossier });
  db.on(QueryCommand).callsFake((input: { ExpressionAttributeValues: Record<string, string> }) => ({
    Items: input.ExpressionAttributeValues[':pk'] === `DOSSIER#${CODE}` && dossier ? [dossier] : [],
  }));
}

describe('GET /public/me/dossiers/{code}', () => {
  beforeEach(() => {
    db.reset();
    db.on(GetCommand).resolves({});
  });
  const as = (c: Citizen) => {
    db.on(GetCommand, { Key: citizenSessionKey() }).resolves({ Item: sessionItem(c) });
    return { citizen: c };
  };

  it('answers the citizen’s own dossier without a PIN: the PIN lookup’s view, no PIN hash nor applicant data', async () => {
    stored(meta());
    const answer = await invoke(route, { as: as(lan), params: { code: CODE } });
    expect(answer.status).toBe(200);
    const view = MyDossier.parse(answer.body);
    expect(view).toMatchObject({ code: CODE, status: 4, receivedAt: '2026-12-07T09:00:00+07:00', appointmentAt: '2026-12-14T09:00:00+07:00', online: null });
    const text = JSON.stringify(answer.body);
    for (const secret of ['scrypt$secret', lan.identityNumber, 'lan@example.vn']) expect(text).not.toContain(secret);
    expect(answer.headers['cache-control']).toBe('no-store');
  });

  it('answers 404 for another citizen’s dossier, the same as for no dossier at all (never 403)', async () => {
    stored(meta());
    const other = await invoke(route, { as: as(duc), params: { code: CODE } });
    stored(undefined);
    const none = await invoke(route, { as: as(duc), params: { code: CODE } });
    expect(other.status).toBe(404);
    expect(none.status).toBe(404);
    expect(other.body.detail).toBe(none.body.detail);
    // nothing of the dossier's partition was read for the outsider
    expect(db.commandCalls(QueryCommand)).toHaveLength(0);
  });

  it('gives an online application’s check: when it is due, and the open request to complete it', async () => {
    stored(
      meta({
        status: 1,
        channel: 'online',
        receivedAt: undefined,
        appointmentAt: undefined,
        applicant: { name: 'Nguyễn Thị Lan', email: 'lan@example.vn' },
        online: {
          level: 'partly',
          applicationId: 'app-1',
          citizenRef: citizenRef(lan),
          submittedAt: '2026-12-07T02:00:00.000Z',
          answers: {},
          checkDueAt: '2026-12-08T02:00:00.000Z',
          completions: [{ askedAt: '2026-12-07T04:00:00.000Z', by: 'desk-1', missing: ['Bản vẽ thiết kế'], reason: 'Thiếu bản vẽ' }],
        },
      }),
    );
    const answer = await invoke(route, { as: as(lan), params: { code: CODE } });
    expect(answer.status).toBe(200);
    expect(MyDossier.parse(answer.body)).toMatchObject({ status: 1, statusText: { vi: 'Mới đăng ký', en: 'Submitted' }, receivedAt: null, appointmentAt: null, canWithdraw: false });
    expect(answer.body.online).toEqual({
      level: 'partly',
      applicationId: 'app-1',
      submittedAt: '2026-12-07T09:00:00+07:00',
      checkDueAt: '2026-12-08T09:00:00+07:00',
      completion: { askedAt: '2026-12-07T11:00:00+07:00', missing: ['Bản vẽ thiết kế'], reason: 'Thiếu bản vẽ' },
      check: null,
    });
  });

  it('as submission stores it (receivedAt = the submission, a provisional appointment): still no receipt nor appointment before the desk receives it, nor after it refused', async () => {
    const online = { level: 'fully', applicationId: 'app-1', citizenRef: citizenRef(lan), submittedAt: '2026-12-07T02:00:00.000Z', answers: {}, checkDueAt: '2026-12-08T02:00:00.000Z' };
    stored(meta({ status: 1, channel: 'online', receivedBy: 'online', online }));
    const pending = await invoke(route, { as: as(lan), params: { code: CODE } });
    expect(pending.status).toBe(200);
    expect(MyDossier.parse(pending.body)).toMatchObject({ status: 1, receivedAt: null, appointmentAt: null, collection: null });
    expect(pending.body.history.map((h: { event: string }) => h.event)).toEqual(['submitted']);
    stored(meta({ status: 3, channel: 'online', receivedBy: 'online', closedAt: '2026-12-07T04:00:00.000Z', online: { ...online, check: { outcome: 'refuse', at: '2026-12-07T04:00:00.000Z', by: 'desk-1', reason: 'Không thuộc thẩm quyền' } } }));
    const refused = await invoke(route, { as: as(lan), params: { code: CODE } });
    expect(MyDossier.parse(refused.body)).toMatchObject({ status: 3, receivedAt: null, appointmentAt: null });
    expect(refused.body.online.check).toMatchObject({ outcome: 'refuse', reason: 'Không thuộc thẩm quyền' });
  });

  it('refuses (401) no token and an officer’s token; a malformed code is 400', async () => {
    stored(meta());
    expect((await invoke(route, { params: { code: CODE } })).status).toBe(401);
    expect((await invoke(route, { as: desk, params: { code: CODE } })).status).toBe(401);
    expect((await invoke(route, { as: as(lan), params: { code: 'nope' } })).status).toBe(400);
  });
});
