import { GetCommand, PutCommand, QueryCommand, DynamoDBDocumentClient } from '../commons/aws/dynamodb';
import { CognitoIdentityProviderClient, CreateGroupCommand } from '../commons/aws/cognito-idp';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { desk, invoke, operator } from '../../test/support/route-unit';
import { AgencyStored } from '../contracts/responses';
import { cachedAgencies, forgetAgencies } from '../commons/store';
import { route } from './route';

const db = mockClient(DynamoDBDocumentClient);
const cognito = mockClient(CognitoIdentityProviderClient);

const params = { code: 'SXD' };
const body = { name: { vi: 'Sở Xây dựng', en: 'Department of Construction' }, kind: 'department', email: 'sxd@example.gov.vn' };

describe('PUT /agencies/{code}', () => {
  beforeEach(() => {
    db.reset();
    cognito.reset();
    db.on(PutCommand).resolves({});
  });
  afterEach(() => vi.unstubAllEnvs());

  it('answers 401 to a caller who is not signed in', async () => {
    expect((await invoke(route, { params, body })).status).toBe(401);
    expect(db.calls()).toHaveLength(0);
  });

  it('refuses the desk (403): the catalogue is the operators’', async () => {
    expect((await invoke(route, { as: desk, params, body })).status).toBe(403);
    expect(db.calls()).toHaveLength(0);
  });

  it('names the code of the path when it is not an agency code (400), before the body', async () => {
    const answer = await invoke(route, { as: operator, params: { code: 'sxd' }, body: {}, headers: { 'accept-language': 'en' } });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toMatchObject([{ field: 'code', code: 'invalid', message: 'upper-case letters and digits, 2 to 12 characters, e.g. STP' }]);
    // Vietnamese by default
    const vi = await invoke(route, { as: operator, params: { code: 'sxd' }, body: {} });
    expect(vi.body.errors).toMatchObject([{ field: 'code', code: 'invalid', message: 'Mã cơ quan gồm 2 đến 12 chữ cái in hoa hoặc chữ số, ví dụ STP' }]);
    expect(db.calls()).toHaveLength(0);
  });

  it('makes this instance forget the agencies it kept for the reports: the next report reads the catalogue again', async () => {
    db.on(GetCommand).resolves({});
    db.on(QueryCommand).resolves({ Items: [{ PK: 'CATALOGUE', SK: 'AGENCY#SXD', code: 'SXD', kind: 'department', name: { vi: 'Sở cũ', en: 'Old' } }] });
    cognito.on(CreateGroupCommand).resolves({});
    const catalogueReads = () => db.commandCalls(QueryCommand).filter((c) => c.args[0].input.ExpressionAttributeValues?.[':p'] === 'AGENCY#').length;
    // unit files share their worker's modules: another file's reports may have filled the cache
    forgetAgencies();
    await cachedAgencies();
    await cachedAgencies();
    expect(catalogueReads()).toBe(1);
    expect((await invoke(route, { as: operator, params, body })).status).toBe(201);
    await cachedAgencies();
    expect(catalogueReads()).toBe(2);
  });

  it('names the wrong field of the body (400)', async () => {
    const answer = await invoke(route, { as: operator, params, body: { ...body, email: 'not an address' } });
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((e: { field: string }) => e.field)).toEqual(['email']);
  });

  it('keeps a desk that receives procedures a desk (400 on kind), and writes nothing', async () => {
    db.on(GetCommand).resolves({ Item: { PK: 'CATALOGUE', SK: 'AGENCY#TTHCC', code: 'TTHCC', kind: 'desk' } });
    db.on(QueryCommand).resolves({ Items: [{ PK: 'CATALOGUE', SK: 'PROCEDURE#TP-LLTP#0001', code: 'TP-LLTP', receivingAgency: 'TTHCC' }] });
    const answer = await invoke(route, { as: operator, params: { code: 'TTHCC' }, body });
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0].field).toBe('kind');
    expect(answer.body.errors[0].message).toContain('TP-LLTP');
    expect(db.commandCalls(PutCommand)).toHaveLength(0);
  });

  it('adds a new agency (201) and creates its Cognito group on AWS', async () => {
    vi.stubEnv('USER_POOL_ID', 'ap-southeast-1_unit');
    db.on(GetCommand).resolves({});
    cognito.on(CreateGroupCommand).resolves({});
    const answer = await invoke(route, { as: operator, params, body });
    expect(answer.status).toBe(201);
    expect(AgencyStored.parse(answer.body)).toEqual({ code: 'SXD', ...body, group: 'agency-SXD' });
    const put = db.commandCalls(PutCommand)[0]!.args[0].input;
    expect(put.Item).toMatchObject({ PK: 'CATALOGUE', SK: 'AGENCY#SXD', code: 'SXD', ...body, updatedBy: 'operator-1' });
    expect(cognito.commandCalls(CreateGroupCommand)[0]!.args[0].input).toMatchObject({ UserPoolId: 'ap-southeast-1_unit', GroupName: 'agency-SXD' });
  });

  it('changes an existing agency (200); without a user pool no group is created', async () => {
    db.on(GetCommand).resolves({ Item: { PK: 'CATALOGUE', SK: 'AGENCY#SXD', code: 'SXD', kind: 'department' } });
    const answer = await invoke(route, { as: operator, params, body: { ...body, email: 'new@example.gov.vn' } });
    expect(answer.status).toBe(200);
    expect(AgencyStored.parse(answer.body).email).toBe('new@example.gov.vn');
    expect(cognito.calls()).toHaveLength(0);
  });
  it("refuses a new agency with a branch desk's code (400 naming the code), writing nothing", async () => {
    db.on(GetCommand).resolves({});
    db.on(GetCommand, { Key: { PK: 'CATALOGUE', SK: 'BRANCH#BDH' } }).resolves({ Item: { PK: 'CATALOGUE', SK: 'BRANCH#BDH', code: 'BDH' } });
    const answer = await invoke(route, { as: operator, params: { code: 'BDH' }, body: { name: { vi: 'Sở Thử', en: 'Test' }, kind: 'department', email: 'thu@example.gov.vn' } });
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0].field).toBe('code');
    expect(db.commandCalls(PutCommand)).toHaveLength(0);
  });
});
