import { DynamoDBDocumentClient } from '../commons/aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeTable, lan, minh, signedIn, storedApplication } from '../../test/support/online-unit';
import { invoke } from '../../test/support/route-unit';
import { Application } from '../contracts/online';
import { route } from './route';

const db = mockClient(DynamoDBDocumentClient);
const ID = 'a'.repeat(24);

describe('GET /public/applications/{id}', () => {
  beforeEach(() => {
    db.reset();
    fakeTable(db, [lan], [storedApplication({ answers: { hoTen: 'Nguyễn Thị Lan' } })]);
  });

  it('answers its owner the application', async () => {
    const answer = await invoke(route, { as: signedIn(lan), params: { id: ID } });
    expect(answer.status).toBe(200);
    expect(Application.parse(answer.body)).toMatchObject({ id: ID, status: 'draft', answers: { hoTen: 'Nguyễn Thị Lan' } });
  });

  it("answers another citizen 404, as for an id that does not exist", async () => {
    expect((await invoke(route, { as: signedIn(minh), params: { id: ID } })).status).toBe(404);
    expect((await invoke(route, { as: signedIn(lan), params: { id: 'b'.repeat(24) } })).status).toBe(404);
    expect((await invoke(route, { as: signedIn(lan), params: { id: 'not-an-id' } })).status).toBe(400);
  });
});
