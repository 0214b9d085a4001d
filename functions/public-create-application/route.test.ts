import { DynamoDBDocumentClient, PutCommand } from '../commons/aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeTable, lan, signedIn } from '../../test/support/online-unit';
import { desk, invoke } from '../../test/support/route-unit';
import { citizenRef } from '../commons/citizen-session';
import { Application } from '../contracts/online';
import { route } from './route';

const db = mockClient(DynamoDBDocumentClient);

describe('POST /public/applications', () => {
  beforeEach(() => {
    db.reset();
    fakeTable(db);
  });

  it('starts a draft owned by the signed-in citizen (201), at the main desk unless a branch is named', async () => {
    const answer = await invoke(route, { as: signedIn(lan), body: { procedureCode: 'TP-LLTP', answers: { hoTen: 'Nguyễn Thị Lan' } } });
    expect(answer.status).toBe(201);
    const app = Application.parse(answer.body);
    expect(app).toMatchObject({ status: 'draft', procedureCode: 'TP-LLTP', version: 1, desk: 'TTHCC', answers: { hoTen: 'Nguyễn Thị Lan' }, documents: [] });
    const item = db.commandCalls(PutCommand).map((c) => c.args[0].input.Item!).find((i) => i.SK === 'APPLICATION')!;
    expect(item).toMatchObject({ PK: `APPLICATION#${app.id}`, owner: citizenRef(lan) });
    // the owner is named by a hash, never by the number
    expect(JSON.stringify(item)).not.toContain(lan.identityNumber);
    const atBranch = await invoke(route, { as: signedIn(lan), body: { procedureCode: 'TP-LLTP', desk: 'BDH' } });
    expect(atBranch.body.desk).toBe('BDH');
  });

  it('refuses what cannot be applied for online, an unknown desk and a field the form lacks (422 naming it)', async () => {
    const fields = async (body: unknown) => {
      const a = await invoke(route, { as: signedIn(lan), body });
      expect(a.status).toBe(422);
      return a.body.errors.map((e: { field: string }) => e.field);
    };
    expect(await fields({ procedureCode: 'XD-GPXD' })).toEqual(['procedureCode']);
    expect(await fields({ procedureCode: 'XX-NONE' })).toEqual(['procedureCode']);
    expect(await fields({ procedureCode: 'TP-LLTP', desk: 'ZZZ' })).toEqual(['desk']);
    expect(await fields({ procedureCode: 'TP-LLTP', answers: { biDanh: 'x' } })).toEqual(['answers.biDanh']);
    expect(await fields({ procedureCode: 'TP-LLTP', documents: [{ requirement: 'can-cuoc', documentId: 'f'.repeat(32) }] })).toEqual(['documents.0.documentId']);
  });

  it('is for signed-in citizens: no session 401, an officer 401', async () => {
    expect((await invoke(route, { as: 'public', body: { procedureCode: 'TP-LLTP' } })).status).toBe(401);
    expect((await invoke(route, { as: desk, body: { procedureCode: 'TP-LLTP' } })).status).toBe(401);
  });
});
