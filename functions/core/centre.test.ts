import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CentreProfile, pagesOrigin } from './centre';

const hanoi = JSON.parse(readFileSync(new URL('../../config/hanoi/centre.json', import.meta.url), 'utf8'));
const issues = (p: unknown) => (CentreProfile.safeParse(p).error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);

describe("the centre's pages: one origin (issue 19, 4)", () => {
  it('a folder without a domain is a trial: valid, and its origin is known only on AWS', () => {
    expect(issues(hanoi)).toEqual([]);
    expect(pagesOrigin(hanoi)).toBeUndefined();
  });

  it("with a domain, the origin is https://<domain>; an older portalUrl or webOrigins must say the same", () => {
    const p = { ...hanoi, domain: 'motcua.hanoi.gov.vn' };
    expect(issues(p)).toEqual([]);
    expect(pagesOrigin(p)).toBe('https://motcua.hanoi.gov.vn');
    expect(issues({ ...p, portalUrl: 'https://motcua.hanoi.gov.vn/', webOrigins: ['https://motcua.hanoi.gov.vn'] })).toEqual([]);
    expect(issues({ ...p, portalUrl: 'https://dichvucong.hanoi.gov.vn' })).toEqual(['portalUrl: must be https://motcua.hanoi.gov.vn (it follows domain), or be left out']);
    expect(issues({ ...p, webOrigins: ['https://a.hanoi.gov.vn', 'https://motcua.hanoi.gov.vn'] })[0]).toMatch(/^webOrigins: must be \["https:\/\/motcua\.hanoi\.gov\.vn"\]/);
  });

  it('webOrigins without a domain, or a hosted zone without one, are named', () => {
    expect(issues({ ...hanoi, webOrigins: ['https://motcua.hanoi.gov.vn'] })).toEqual(['webOrigins: set domain instead: the sign-in, the links and CORS all follow it']);
    expect(issues({ ...hanoi, domainHostedZoneId: 'Z0123456789ABC' })).toEqual(['domainHostedZoneId: needs domain']);
    expect(issues({ ...hanoi, domain: 'https://motcua.hanoi.gov.vn' })[0]).toMatch(/^domain: /);
  });
});

describe("the citizens' national sign-in (issue 21, 2)", () => {
  it('is optional; when given, names the issuer, the client and the secret by name (never the secret)', () => {
    const { citizenSignIn, ...without } = hanoi;
    expect(issues(without)).toEqual([]);
    expect(citizenSignIn).toMatchObject({ issuer: expect.stringMatching(/^https:/), clientId: expect.any(String), clientSecretName: expect.any(String) });
    expect(issues({ ...hanoi, citizenSignIn: { ...citizenSignIn, clientSecret: 'abc' } })).toEqual(['citizenSignIn: Unrecognized key: "clientSecret"']);
    expect(issues({ ...hanoi, citizenSignIn: { ...citizenSignIn, clientSecretName: 'has spaces' } })).toEqual(["citizenSignIn.clientSecretName: a Secrets Manager secret's name or ARN"]);
    expect(issues({ ...hanoi, citizenSignIn: { ...citizenSignIn, issuer: 'ftp://sso.example.gov.vn' } })[0]).toMatch(/^citizenSignIn\.issuer: /);
    expect(issues({ ...hanoi, citizenSignIn: { ...citizenSignIn, clientSecretName: 'arn:aws:secretsmanager:ap-southeast-1:123456789012:secret:motcua/x-AbCdEf' } })).toEqual([]);
  });
});
