import { DynamoDBDocumentClient } from '../commons/aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { hanoi } from '../../test/support/centre';
import { functionsProfile } from '../core/centre';
import { fakeTable, gpxd } from '../../test/support/online-unit';
import { invoke } from '../../test/support/route-unit';
import { PublicProcedure } from '../contracts/online';
import { route } from './route';

const db = mockClient(DynamoDBDocumentClient);

describe('GET /public/procedures/{code}', () => {
  beforeEach(() => {
    db.reset();
    fakeTable(db, []);
    vi.stubEnv('CENTRE_PROFILE', JSON.stringify({ ...functionsProfile(hanoi.profile), portalUrl: 'https://d111111abcdef8.cloudfront.net' }));
  });
  afterEach(() => vi.unstubAllEnvs());

  it('answers the version in force with its form, its documents and its desks (the main desk first, then the branches)', async () => {
    const answer = await invoke(route, { params: { code: 'TP-LLTP' } });
    expect(answer.status).toBe(200);
    const p = PublicProcedure.parse(answer.body);
    expect(p.level).toBe('fully');
    expect(p.online.form.find((f) => f.name === 'soDinhDanh')).toMatchObject({ type: 'text', required: true, pattern: '[0-9]{12}', prefill: 'identityNumber' });
    expect(p.online.documents.map((d) => d.id)).toContain('can-cuoc');
    expect(p.desks.map((d) => [d.code, d.main])).toEqual([
      ['TTHCC', true],
      ['BDH', false],
    ]);
  });

  it('answers a procedure at the desk only with level none and an empty form', async () => {
    const answer = await invoke(route, { params: { code: gpxd.code } });
    expect(answer.body.online).toEqual({ level: 'none', form: [], documents: [] });
  });

  it('answers 404 for an unknown code, 400 for a malformed one', async () => {
    expect((await invoke(route, { params: { code: 'XX-NONE' } })).status).toBe(404);
    expect((await invoke(route, { params: { code: 'tp lltp' } })).status).toBe(400);
  });
});
