import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { App } from 'aws-cdk-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCentre } from '../../infra/centre';
import { projectRoot } from '../../infra/constructs/paths';
import { MotcuaStack } from '../../infra/stack';
import { CITY, writeCityFolder } from '../support/city';

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

/**
 * Issue 19, items 2 and 3, at a city's size: 150 agencies, 30 branch desks, 50 procedures
 * (test/support/city.ts). The same resources as the shipped folder, and one more agency and one
 * more branch add none: only the catalogue's document and the pages' /config.json, the assets
 * through which the data reaches AWS, change.
 */
describe("a city's centre: the same stack (issue 19, items 2 and 3)", () => {
  let hanoi: ReturnType<typeof synth>;
  let city: ReturnType<typeof synth>;
  let bigger: ReturnType<typeof synth>;
  const folders: { remove: () => void }[] = [];
  beforeAll(() => {
    hanoi = synth(path.join(projectRoot, 'config/hanoi'));
    const c = writeCityFolder(CITY);
    const b = writeCityFolder({ agencies: CITY.agencies + 1, branches: CITY.branches + 1, procedures: CITY.procedures });
    folders.push(c, b);
    city = synth(c.dir);
    bigger = synth(b.dir);
  });
  afterAll(() => folders.forEach((f) => f.remove()));

  it('synthesizes 150 agencies, 30 branches and 50 procedures to the shipped folder\'s resources, and the 151st agency and 31st branch add none', () => {
    expect(city.stack.centre.catalogue.agencies).toHaveLength(CITY.agencies);
    expect(city.stack.centre.catalogue.profile.branches).toHaveLength(CITY.branches);
    expect(city.stack.centre.catalogue.procedures).toHaveLength(CITY.procedures);
    const ids = (t: ReturnType<typeof synth>) => Object.keys(t.resources).sort();
    console.info(`resources: Hanoi ${ids(hanoi).length}; city (${CITY.agencies} agencies, ${CITY.branches} branches, ${CITY.procedures} procedures) ${ids(city).length}; +1 agency +1 branch ${ids(bigger).length}`);
    expect(ids(city)).toEqual(ids(hanoi));
    expect(ids(bigger)).toEqual(ids(city));
    expect(ids(city).length).toBeLessThanOrEqual(300);
    // what differs between the city and one agency and one branch more: the data's assets only
    const differing = ids(city).filter((id) => JSON.stringify(city.resources[id]) !== JSON.stringify(bigger.resources[id]));
    expect(differing.map((id) => city.resources[id]!.Type).sort()).toEqual(['Custom::CDKBucketDeployment', 'Custom::Catalogue']);
  });
});
