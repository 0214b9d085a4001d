import { DynamoDBDocumentClient } from '../commons/aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { SHA, fakeTable, lan, minh, signedIn, storedApplication } from '../../test/support/online-unit';
import { invoke } from '../../test/support/route-unit';
import { route } from './route';

const db = mockClient(DynamoDBDocumentClient);
const ID = 'a'.repeat(24);
const FILE = 'c'.repeat(32);
const file = { requirement: 'can-cuoc', name: 'cc.pdf', contentType: 'application/pdf', size: 2048, sha256: SHA };

describe('PUT /public/applications/{id}', () => {
  let table: ReturnType<typeof fakeTable>;
  beforeEach(() => {
    db.reset();
    table = fakeTable(db, [lan], [storedApplication({ files: { [FILE]: file } })]);
  });

  it("replaces a draft's answers, files and desk (200)", async () => {
    const body = { answers: { hoTen: 'Nguyễn Thị Lan' }, desk: 'BDH', documents: [{ requirement: 'can-cuoc', documentId: FILE }] };
    const answer = await invoke(route, { as: signedIn(lan), params: { id: ID }, body });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ desk: 'BDH', answers: body.answers, documents: [{ requirement: 'can-cuoc', documentId: FILE, name: 'cc.pdf', size: 2048 }] });
    expect(table.get(`APPLICATION#${ID}|APPLICATION`)).toMatchObject({ desk: 'BDH', answers: body.answers });
  });

  it('refuses a file not completed on it, or an unknown document (422), and a submitted one (409)', async () => {
    const bad = await invoke(route, { as: signedIn(lan), params: { id: ID }, body: { answers: {}, documents: [{ requirement: 'ho-chieu', documentId: 'd'.repeat(32) }] } });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['documents.0.requirement', 'documents.0.documentId']);
    table.set(`APPLICATION#${ID}|APPLICATION`, storedApplication({ status: 'submitted', dossierCode: 'TTHCC-261207-0001' }));
    expect((await invoke(route, { as: signedIn(lan), params: { id: ID }, body: { answers: {} } })).status).toBe(409);
  });

  it('refuses (409) a draft already given its code by a submission under way: its desk would no longer be its code\'s', async () => {
    table.set(`APPLICATION#${ID}|APPLICATION`, storedApplication({ dossierCode: 'TTHCC-261207-0001' }));
    expect((await invoke(route, { as: signedIn(lan), params: { id: ID }, body: { answers: {}, desk: 'BDH' } })).status).toBe(409);
    expect(table.get(`APPLICATION#${ID}|APPLICATION`)).toMatchObject({ desk: 'TTHCC' });
  });

  it("answers another citizen 404 and changes nothing", async () => {
    expect((await invoke(route, { as: signedIn(minh), params: { id: ID }, body: { answers: { hoTen: 'X' } } })).status).toBe(404);
    expect(table.get(`APPLICATION#${ID}|APPLICATION`)!.answers).toEqual({});
  });
});
