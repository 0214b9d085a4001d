import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { desk, invoke } from '../../test/support/route-unit';
import { route as publicCentre } from '../public-centre/route';
import { route as getDossier } from '../get-dossier/route';
import { clientOf } from './client';
import { metrics } from './powertools';
import { ORIGIN_HEADER } from './router';

const profile = { ...JSON.parse(readFileSync(new URL('../../config/hanoi/centre.json', import.meta.url), 'utf8')), portalUrl: 'https://d111111abcdef8.cloudfront.net' };

/**
 * Issue 19, item 5: on AWS the API answers only what came through the distribution — its WAF,
 * its per-client limits, and the viewer's address it forwards, which the PIN limits count.
 */
describe('the API behind CloudFront only', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('refuses a call without the origin header (403) before reading a token, the body or the table, and counts it', async () => {
    const counted = vi.spyOn(metrics, 'addMetric');
    vi.stubEnv('ORIGIN_VERIFY', 'f3a1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d');
    vi.stubEnv('CENTRE_PROFILE', JSON.stringify(profile));
    const tries: Record<string, string>[] = [{}, { [ORIGIN_HEADER]: 'guess' }, { [ORIGIN_HEADER]: 'f3a1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5' }];
    for (const headers of tries) {
      const direct = await invoke(publicCentre, { headers });
      expect(direct.status).toBe(403);
      expect(direct.body.detail).toMatch(/qua địa chỉ của trung tâm|centre's address/);
      expect((await invoke(getDossier, { as: desk, params: { code: 'TTHCC-261207-0001' }, headers })).status).toBe(403);
    }
    // each refusal is counted (a metric, alarmed: DirectCallRefused)
    expect(counted.mock.calls.filter(([name]) => name === 'DirectCallRefused')).toHaveLength(tries.length * 2);
    const through = await invoke(publicCentre, { headers: { [ORIGIN_HEADER]: 'f3a1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d' } });
    expect(through.status).toBe(200);
    counted.mockRestore();
  });

  it('lets every call through where no origin is configured (locally)', async () => {
    vi.stubEnv('CENTRE_PROFILE', JSON.stringify(profile));
    expect((await invoke(publicCentre)).status).toBe(200);
  });

  it("counts the viewer CloudFront names, not the edge, when CLIENT_IP_HEADER says so", () => {
    const event = (headers: Record<string, string>) => ({ headers, requestContext: { http: { sourceIp: '130.176.1.1' } } }) as never;
    expect(clientOf(event({ 'cloudfront-viewer-address': '203.0.113.7:51234' }))).toBe('130.176.1.1');
    vi.stubEnv('CLIENT_IP_HEADER', 'CloudFront-Viewer-Address');
    expect(clientOf(event({ 'cloudfront-viewer-address': '203.0.113.7:51234' }))).toBe('203.0.113.7');
    expect(clientOf(event({ 'cloudfront-viewer-address': '2001:db8::7:51234' }))).toBe('2001:db8::7');
    expect(clientOf(event({}))).toBe('130.176.1.1');
  });
});
