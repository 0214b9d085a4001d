import { DynamoDBDocumentClient, GetCommand, QueryCommand } from '../commons/aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { desk, invoke, officerOf, operator } from '../../test/support/route-unit';
import { Contacts } from '../contracts/responses';
import { route } from './route';

const db = mockClient(DynamoDBDocumentClient);

const catalogue = [
  { PK: 'CATALOGUE', SK: 'AGENCY#TTHCC', code: 'TTHCC', name: { vi: 'Trung tâm', en: 'Centre' }, kind: 'desk', email: 'tthcc@example.vn' },
  { PK: 'CATALOGUE', SK: 'AGENCY#STP', code: 'STP', name: { vi: 'Sở Tư pháp', en: 'Justice' }, kind: 'department', email: 'stp@example.vn' },
];
const contact = (code: string, at: string, reason: string) => ({
  PK: `DOSSIER#${code}`,
  SK: 'CONTACT#receipt',
  GSI1PK: 'CONTACT#TTHCC',
  GSI1SK: `${at}#${code}`,
  code,
  eventKey: 'receipt',
  event: 'receipt',
  reason,
  at,
});
const A = 'TTHCC-261207-0001';
const B = 'TTHCC-261207-0002';

function stored(contacts: Record<string, unknown>[], dossiers: Record<string, Record<string, unknown>> = {}) {
  db.on(QueryCommand).resolves({ Items: catalogue });
  db.on(QueryCommand, { IndexName: 'GSI1' }).resolves({ Items: contacts });
  db.on(GetCommand).callsFake((input: { Key: { PK: string } }) => ({ Item: dossiers[input.Key.PK] }));
}

describe('GET /agencies/{agencyCode}/contacts', () => {
  beforeEach(() => db.reset());

  it('answers 401 to a caller who is not signed in', async () => {
    const answer = await invoke(route, { params: { agencyCode: 'TTHCC' } });
    expect(answer.status).toBe(401);
  });

  it("refuses an agency's officer and an operator (403): the desk calls its citizens", async () => {
    for (const as of [officerOf('TTHCC'), operator]) {
      const answer = await invoke(route, { as, params: { agencyCode: 'TTHCC' } });
      expect(answer.status).toBe(403);
    }
    expect(db.calls()).toHaveLength(0);
  });

  it('names the wrong agency code (400)', async () => {
    const answer = await invoke(route, { as: desk, params: { agencyCode: 'tthcc' } });
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((e: { field: string }) => e.field)).toContain('agencyCode');
  });

  it('refuses the desk for an agency that is not a desk (403), reading no contact', async () => {
    stored([]);
    const answer = await invoke(route, { as: desk, params: { agencyCode: 'STP' } });
    expect(answer.status).toBe(403);
    expect(db.commandCalls(QueryCommand, { IndexName: 'GSI1' })).toHaveLength(0);
  });

  it("lists the citizens to call, oldest first, with the applicant's name and phone (200)", async () => {
    stored([contact(B, '2026-12-07T03:00:00.000Z', 'complained'), contact(A, '2026-12-07T02:00:00.000Z', 'bounced')], {
      [`DOSSIER#${A}`]: { PK: `DOSSIER#${A}`, SK: 'META', code: A, applicant: { name: 'Nguyễn Văn An', phone: '0912345678', email: 'an@example.vn' } },
      [`DOSSIER#${B}`]: { PK: `DOSSIER#${B}`, SK: 'META', code: B, applicant: { name: 'Trần Thị Bình', email: 'binh@example.vn' } },
    });
    const answer = await invoke(route, { as: desk, params: { agencyCode: 'TTHCC' } });
    expect(answer.status).toBe(200);
    const body = Contacts.parse(answer.body);
    expect(body.agency).toBe('TTHCC');
    expect(body.contacts.map((c) => c.dossierCode)).toEqual([A, B]);
    expect(body.contacts[0]).toMatchObject({ kind: 'contact-citizen', emailId: `${A}~receipt`, reason: 'bounced', at: '2026-12-07T09:00:00+07:00', applicant: { name: 'Nguyễn Văn An', phone: '0912345678' } });
    expect(body.contacts[1]).toMatchObject({ reason: 'complained', applicant: { name: 'Trần Thị Bình', phone: null } });
    expect(body.contacts[1]!.message.en).toContain('spam');
    expect(db.commandCalls(QueryCommand, { IndexName: 'GSI1' })[0]!.args[0].input.ExpressionAttributeValues).toEqual({ ':pk': 'CONTACT#TTHCC' });
  });

  it('answers null for the applicant of a dossier gone (anonymised), and the bounce message for an unknown reason', async () => {
    stored([contact(A, '2026-12-07T02:00:00.000Z', 'something-new')]);
    const answer = await invoke(route, { as: desk, params: { agencyCode: 'TTHCC' } });
    expect(answer.status).toBe(200);
    const [only] = Contacts.parse(answer.body).contacts;
    expect(only!.applicant).toBeNull();
    expect(only!.message.en).toBe('The letter did not reach the citizen: call them');
  });

  it("gives a branch desk's officer the citizens of the branch's dossiers (filed under its prefix), not the main desk's", async () => {
    stored([]);
    const answer = await invoke(route, { as: { sub: 'desk-bdh', groups: ['desk', 'branch-BDH'] }, params: { agencyCode: 'TTHCC' } });
    expect(answer.status).toBe(200);
    expect(db.commandCalls(QueryCommand, { IndexName: 'GSI1' })[0]!.args[0].input.ExpressionAttributeValues).toEqual({ ':pk': 'CONTACT#BDH' });
    const two = await invoke(route, { as: { sub: 'desk-2', groups: ['desk', 'branch-BDH', 'branch-CGY'] }, params: { agencyCode: 'TTHCC' } });
    expect(two.status).toBe(403);
  });
});
