import { readFileSync } from 'node:fs';
import { DynamoDBDocumentClient } from '../commons/aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { invoke } from '../../test/support/route-unit';
import { PublicCentre } from '../contracts/responses';
import { route } from './route';

const db = mockClient(DynamoDBDocumentClient);
// as the stack gives it: the folder's profile with the pages' origin as portalUrl
const profile = { ...JSON.parse(readFileSync(new URL('../../config/hanoi/centre.json', import.meta.url), 'utf8')), portalUrl: 'https://d111111abcdef8.cloudfront.net' };

describe('GET /public/centre', () => {
  beforeEach(() => {
    db.reset();
    vi.stubEnv('CENTRE_PROFILE', JSON.stringify({ ...profile, alarmEmail: 'alarms@example.gov.vn' }));
  });
  afterEach(() => vi.unstubAllEnvs());

  it('answers anyone, signed in or not, with the public part of the profile (200), cacheable', async () => {
    const answer = await invoke(route);
    expect(answer.status).toBe(200);
    expect(PublicCentre.parse(answer.body)).toEqual({
      name: profile.name,
      address: profile.address,
      openingHours: profile.openingHours,
      hotline: profile.hotline,
      portalUrl: profile.portalUrl,
    });
    expect(answer.headers['cache-control']).toBe('public, max-age=300');
    expect(db.calls()).toHaveLength(0);
  });

  it('lets nothing else of the profile out (sender, region, alarm address, sign-in domain)', async () => {
    const answer = await invoke(route, { as: 'nobody' });
    expect(Object.keys(answer.body).sort()).toEqual(['address', 'hotline', 'name', 'openingHours', 'portalUrl']);
    const text = JSON.stringify(answer.body);
    expect(text).not.toContain(profile.sender.address);
    expect(text).not.toContain('alarms@example.gov.vn');
    expect(text).not.toContain(profile.region);
  });

  it('answers a signed-in officer the same (the route is public: no token is read)', async () => {
    const answer = await invoke(route, { as: { sub: 'desk-officer', groups: ['desk'] } });
    expect(answer.status).toBe(200);
    expect(answer.body.hotline).toBe(profile.hotline);
  });

  it('answers 500 as problem+json, without the cause, when the deployment has no profile', async () => {
    vi.stubEnv('CENTRE_PROFILE', '');
    const answer = await invoke(route);
    expect(answer.status).toBe(500);
    expect(answer.headers['content-type']).toContain('application/problem+json');
    expect(JSON.stringify(answer.body)).not.toContain('CENTRE_PROFILE');
  });
});
