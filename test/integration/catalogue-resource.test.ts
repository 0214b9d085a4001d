import { esbuildOptions } from '../../infra/bundling/options';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listCatalogue, queryAll } from '../../functions/commons/store';
import { localDate } from '../../functions/core/local-time';
import { LOADER_ENTRY } from '../../infra/constructs/catalogue';
import { projectRoot } from '../../infra/constructs/paths';
import { HANOI_DIR } from '../support/centre';
import { applicant, scenario, startHarness, type Harness } from '../support/local';

type Handler = (event: CloudFormationCustomResourceEvent) => Promise<{ PhysicalResourceId: string; Data?: Record<string, string> }>;

/** A CloudFormation request as the Provider framework hands it to onEvent. */
function cfnEvent(type: 'Create' | 'Update' | 'Delete', hash: string): CloudFormationCustomResourceEvent {
  const base = {
    ServiceToken: 'arn:aws:lambda:ap-southeast-1:123456789012:function:provider',
    ResponseURL: 'https://cloudformation-custom-resource-response.example/',
    StackId: 'arn:aws:cloudformation:ap-southeast-1:123456789012:stack/Motcua/1',
    RequestId: `req-${type}-${hash}`,
    LogicalResourceId: 'CatalogueResource',
    ResourceType: 'Custom::Catalogue',
    ResourceProperties: { ServiceToken: 'x', Centre: 'hanoi', CatalogueHash: hash },
  };
  if (type === 'Create') return { ...base, RequestType: 'Create' };
  if (type === 'Update') return { ...base, RequestType: 'Update', PhysicalResourceId: 'motcua-catalogue', OldResourceProperties: base.ResourceProperties };
  return { ...base, RequestType: 'Delete', PhysicalResourceId: 'motcua-catalogue' };
}

/**
 * The deploy's custom resource, as CDK ships it: functions/load-catalogue bundled by esbuild
 * (ESM, everything inside) with the centre's folder beside it, run on an empty local table; then
 * the API receives a dossier on what it loaded.
 */
describe('the catalogue custom resource (bundled) on an empty table', () => {
  let h: Harness;
  let handler: Handler;
  let taskRoot: string;
  const catalogueItems = async () => [...(await listCatalogue('', true)), ...(await queryAll({ KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': 'CALENDAR' } }))];

  beforeAll(async () => {
    h = await startHarness({ resume: false, seed: false });
    taskRoot = mkdtempSync(join(tmpdir(), 'motcua-loader-'));
    // bundled exactly as the CDK bundles it (infra/bundling/options.ts: the environment's credentials only)
    await build(esbuildOptions(join(projectRoot, LOADER_ENTRY), join(taskRoot, 'index.mjs'), projectRoot));
    cpSync(HANOI_DIR, join(taskRoot, 'catalogue'), { recursive: true });
    process.env.LAMBDA_TASK_ROOT = taskRoot;
    handler = (await import(pathToFileURL(join(taskRoot, 'index.mjs')).href)).handler as Handler;
  }, 120_000);
  afterAll(async () => {
    delete process.env.LAMBDA_TASK_ROOT;
    await h?.stop();
    if (taskRoot) rmSync(taskRoot, { recursive: true, force: true });
  });

  it('starts from an empty table', async () => {
    expect(await catalogueItems()).toEqual([]);
  });

  it('loads the folder on Create, and the API receives a dossier on it', async () => {
    const out = await handler(cfnEvent('Create', 'h1'));
    expect(out.PhysicalResourceId).toBe('motcua-catalogue');
    expect(out.Data!.Published.split(' ').sort()).toEqual(['DL-LHND@1', 'TP-LLTP@1', 'XD-GPXD@1']);
    expect(out.Data!.AgenciesWritten.split(' ').sort()).toEqual(['CATP', 'SDL', 'STP', 'SXD', 'SYT', 'TTHCC']);
    expect(out.Data!.CalendarsWritten).toBe('2025 2026 2027');

    const desk = await h.token('desk-1', ['desk']);
    const listed = await h.call('GET', '/agencies', { token: desk });
    expect(listed.status).toBe(200);
    expect(listed.body.agencies.map((a: { code: string }) => a.code)).toEqual(['CATP', 'SDL', 'STP', 'SXD', 'SYT', 'TTHCC']);
    const s = scenario(h);
    const dossier = await s.receive(desk, 'TP-LLTP', applicant(1));
    expect(dossier.code).toMatch(/^TTHCC-\d{6}-\d{4}$/);
    const stp = await h.token('stp-1', ['agency-STP']);
    expect((await s.task('STP', stp, dossier.code)).stepId).toBe('s1-stp');
    // No agency system's client comes with the deploy: npm run agency-client makes and maps them.
    const { Items } = await new DynamoDBClient({ endpoint: h.runtime.dynamoDbUrl }).send(new ScanCommand({ TableName: 'motcua', FilterExpression: 'begins_with(PK, :c)', ExpressionAttributeValues: { ':c': { S: 'CLIENT#' } } }));
    expect(Items).toEqual([]);
  });

  it('changes nothing when run again on the same files', async () => {
    const before = JSON.stringify(await catalogueItems());
    const out = await handler(cfnEvent('Update', 'h1'));
    expect(out.Data).toEqual({ Published: '', AgenciesWritten: '', CalendarsWritten: '' });
    expect(JSON.stringify(await catalogueItems())).toBe(before);
  });

  it('publishes version 2 of a changed procedure file, leaving version 1 as it was', async () => {
    const [v1] = await listCatalogue('PROCEDURE#TP-LLTP#', true);
    const file = join(taskRoot, 'catalogue', 'procedures', 'TP-LLTP.json');
    const changed = JSON.parse(readFileSync(file, 'utf8'));
    changed.effectiveFrom = localDate(new Date());
    changed.stages[0].steps[0].name.en = 'Search of the national judicial-record database';
    writeFileSync(file, JSON.stringify(changed, null, 2));

    const out = await handler(cfnEvent('Update', 'h2'));
    expect(out.Data!.Published).toBe('TP-LLTP@2');
    const versions = await listCatalogue('PROCEDURE#TP-LLTP#', true);
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    expect(versions[0]).toEqual(v1);
    const desk = await h.token('desk-1', ['desk']);
    const procedures = (await h.call('GET', '/procedures', { token: desk })).body.procedures;
    expect(procedures.find((p: { code: string }) => p.code === 'TP-LLTP').version).toBe(2);
    // and again: nothing more
    expect((await handler(cfnEvent('Update', 'h2'))).Data!.Published).toBe('');
  });

  it("keeps what an operator changed through the API, and deletes nothing on Delete", async () => {
    const operator = await h.token('op-1', ['operator']);
    const put = await h.call('PUT', '/agencies/STP', {
      token: operator,
      body: { kind: 'department', email: 'lltp@stp.example.gov.vn', name: { vi: 'Sở Tư pháp', en: 'Department of Justice' } },
    });
    expect(put.status).toBe(200);
    await handler(cfnEvent('Update', 'h3'));
    const stp = (await listCatalogue('AGENCY#STP', true))[0]!;
    expect([stp.email, stp.updatedBy]).toEqual(['lltp@stp.example.gov.vn', 'op-1']);

    const before = JSON.stringify(await catalogueItems());
    expect(await handler(cfnEvent('Delete', 'h3'))).toEqual({ PhysicalResourceId: 'motcua-catalogue' });
    expect(JSON.stringify(await catalogueItems())).toBe(before);
  });

  it('fails, naming the file and the field, on an invalid file (the deploy stops there)', async () => {
    const file = join(taskRoot, 'catalogue', 'procedures', 'DL-LHND.json');
    const p = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(file, JSON.stringify({ ...p, legalHours: -1 }));
    await expect(handler(cfnEvent('Update', 'h4'))).rejects.toThrow(/procedures\/DL-LHND\.json: legalHours: must be more than 0/);
  });
});
