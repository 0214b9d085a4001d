import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { App } from 'aws-cdk-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCentre } from '../../infra/centre';
import { projectRoot } from '../../infra/constructs/paths';
import { MotcuaStack } from '../../infra/stack';

/**
 * Issue 19, item 2: agencies are data, never resources. The shipped Hanoi folder and the same
 * folder with 150 agencies synthesize to templates of exactly the same resources and outputs:
 * adding the 150th agency changes no template. Agency systems' clients are made at run time
 * (npm run agency-client), so no `motcua-agency-<CODE>` client is in any template.
 */
type Json = Record<string, any>;
const ENV = { account: '123456789012', region: 'ap-southeast-1' };
export const AGENCIES = 150;

/** config/hanoi copied, with generated departments up to `count` agencies. */
export function hanoiWithAgencies(count: number): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'motcua-centre-'));
  cpSync(path.join(projectRoot, 'config/hanoi'), dir, { recursive: true });
  const file = path.join(dir, 'agencies.json');
  const shipped = JSON.parse(readFileSync(file, 'utf8')) as Json[];
  const generated = Array.from({ length: count - shipped.length }, (_, i) => ({
    code: `PX${String(i + 1).padStart(3, '0')}`,
    email: `px${i + 1}@hanoi.example.gov.vn`,
    kind: 'department',
    name: { vi: `Ủy ban nhân dân phường ${i + 1}`, en: `People's Committee of Ward ${i + 1}` },
  }));
  writeFileSync(file, JSON.stringify([...shipped, ...generated], null, 2));
  return dir;
}

function synth(centreDir: string) {
  const app = new App({ outdir: mkdtempSync(path.join(tmpdir(), 'motcua-cdk-')), context: { centre: centreDir, environment: 'dev', 'aws:cdk:bundling-stacks': [] } });
  const stack = new MotcuaStack(app, 'Motcua', { env: ENV, centre: readCentre(centreDir, 'dev') });
  const template = app.synth().getStackByName('Motcua').template as Json;
  return { stack, template, resources: template.Resources as Record<string, Json>, outputs: (template.Outputs ?? {}) as Record<string, Json> };
}

describe('agencies are data, never resources (issue 19, item 2)', () => {
  let hanoi: ReturnType<typeof synth>;
  let city: ReturnType<typeof synth>;
  beforeAll(() => {
    hanoi = synth(path.join(projectRoot, 'config/hanoi'));
    city = synth(hanoiWithAgencies(AGENCIES));
  });

  it('synthesizes the shipped folder and the 150-agency folder to the same resources and outputs', () => {
    expect(city.stack.centre.catalogue.agencies).toHaveLength(AGENCIES);
    expect(hanoi.stack.centre.catalogue.agencies.length).toBeLessThan(10);
    const count = (t: Record<string, Json>) => Object.keys(t).length;
    console.info(`resources: Hanoi (${hanoi.stack.centre.catalogue.agencies.length} agencies) ${count(hanoi.resources)}, ${AGENCIES} agencies ${count(city.resources)}`);
    expect(count(city.resources)).toBe(count(hanoi.resources));
    expect(Object.keys(city.resources).sort()).toEqual(Object.keys(hanoi.resources).sort());
    expect(Object.keys(city.outputs).sort()).toEqual(Object.keys(hanoi.outputs).sort());
    expect(count(city.resources)).toBeLessThan(500);
  });

  it('has no client of an agency in any template, nor an output per agency', () => {
    for (const t of [hanoi, city]) {
      const clients = Object.values(t.resources).filter((r) => r.Type === 'AWS::Cognito::UserPoolClient');
      expect(clients.map((c) => c.Properties.ClientName).sort()).toEqual(['motcua-terminal', 'motcua-web']);
      expect(JSON.stringify(t.template)).not.toContain('motcua-agency-');
      expect(Object.keys(t.outputs).filter((k) => k.startsWith('AgencyClient'))).toEqual([]);
    }
  });
});
