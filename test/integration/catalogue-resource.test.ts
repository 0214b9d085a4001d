import { esbuildOptions } from '../../infra/bundling/options';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { folderDocument } from '../../functions/commons/catalogue-files';
import { listCatalogue, queryAll } from '../../functions/commons/store';
import { localDate } from '../../functions/core/local-time';
import { LOADER_ENTRY } from '../../infra/constructs/catalogue';
import { projectRoot } from '../../infra/constructs/paths';
import { HANOI_DIR, hanoiAgencies } from '../support/centre';
import { applicant, scenario, startHarness, type Harness } from '../support/local';

const hanoiAgencyEmail = (code: string) => hanoiAgencies.find((a) => a.code === code)!.email;
type Handler = (event: CloudFormationCustomResourceEvent) => Promise<{ PhysicalResourceId: string; Data?: Record<string, string> }>;

/** The bootstrap's assets bucket, on the local S3 (s3rver). */
const ASSETS = 'cdk-hnb659fds-assets-123456789012-ap-southeast-1';
type Props = { CatalogueHash: string; Folder: { Bucket: string; Key: string } };

/**
 * A CloudFormation request as the Provider framework hands it to onEvent: `props` are the
 * request's ResourceProperties (the folder's asset), `old` an Update's OldResourceProperties
 * (default: the same). A rollback is an Update whose properties are the old ones.
 */
function cfnEvent(type: 'Create' | 'Update' | 'Delete', props: Props, old: Props = props): CloudFormationCustomResourceEvent {
  const hash = props.CatalogueHash.slice(0, 8);
  const resourceProperties = (p: Props) => ({ ServiceToken: 'x', Centre: 'hanoi', ...p });
  const base = {
    ServiceToken: 'arn:aws:lambda:ap-southeast-1:123456789012:function:provider',
    ResponseURL: 'https://cloudformation-custom-resource-response.example/',
    StackId: 'arn:aws:cloudformation:ap-southeast-1:123456789012:stack/Motcua/1',
    RequestId: `req-${type}-${hash}`,
    LogicalResourceId: 'CatalogueResource',
    ResourceType: 'Custom::Catalogue',
    ResourceProperties: resourceProperties(props),
  };
  if (type === 'Create') return { ...base, RequestType: 'Create' };
  if (type === 'Update') return { ...base, RequestType: 'Update', PhysicalResourceId: 'motcua-catalogue', OldResourceProperties: resourceProperties(old) };
  return { ...base, RequestType: 'Delete', PhysicalResourceId: 'motcua-catalogue' };
}

/**
 * The deploy's custom resource, as CDK ships it: functions/load-catalogue bundled by esbuild
 * (ESM, everything inside), run on an empty local table; each request names the folder's
 * document as cdk deploy uploads it (an S3 asset, here on the local S3); then the API receives a
 * dossier on what it loaded. The folder being edited lies where the loader once read a copy
 * bundled beside itself (catalogue/), so these tests tell whether it loads what the request
 * names (as it must: a rollback sends the old properties to the new code) or its own files.
 */
describe('the catalogue custom resource (bundled) on an empty table', () => {
  let h: Harness;
  let handler: Handler;
  let taskRoot: string;
  let folder: string;
  let s3: S3Client;
  /** Upload the folder's document as `cdk deploy` does (key: its hash) and name it. */
  const upload = async (): Promise<Props> => {
    const doc = folderDocument(folder);
    const Key = `${doc.hash}.json`;
    await s3.send(new PutObjectCommand({ Bucket: ASSETS, Key, Body: JSON.stringify(doc) }));
    return { CatalogueHash: doc.hash, Folder: { Bucket: ASSETS, Key } };
  };
  const editFile = (path: string, change: (json: any) => unknown) => {
    const file = join(folder, path);
    writeFileSync(file, JSON.stringify(change(JSON.parse(readFileSync(file, 'utf8'))), null, 2));
  };
  /** What the folder owns in the table: agencies, procedures, calendars. */
  const tableState = async () => JSON.stringify(await catalogueItems());
  let v1: Props;
  const catalogueItems = async () => [...(await listCatalogue('', true)), ...(await queryAll({ KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': 'CALENDAR' } }))];

  beforeAll(async () => {
    h = await startHarness({ resume: false, seed: false });
    taskRoot = mkdtempSync(join(tmpdir(), 'motcua-loader-'));
    // bundled exactly as the CDK bundles it (infra/bundling/options.ts: the environment's credentials only)
    await build(esbuildOptions(join(projectRoot, LOADER_ENTRY), join(taskRoot, 'index.mjs'), projectRoot));
    folder = join(taskRoot, 'catalogue');
    cpSync(HANOI_DIR, folder, { recursive: true });
    process.env.LAMBDA_TASK_ROOT = taskRoot;
    s3 = new S3Client({ endpoint: process.env.AWS_ENDPOINT_URL_S3, forcePathStyle: true, region: 'ap-southeast-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    await s3.send(new CreateBucketCommand({ Bucket: ASSETS }));
    handler = (await import(pathToFileURL(join(taskRoot, 'index.mjs')).href)).handler as Handler;
  }, 120_000);
  afterAll(async () => {
    delete process.env.LAMBDA_TASK_ROOT;
    s3?.destroy();
    await h?.stop();
    if (taskRoot) rmSync(taskRoot, { recursive: true, force: true });
  });

  it('starts from an empty table', async () => {
    expect(await catalogueItems()).toEqual([]);
  });

  it('loads the folder on Create, and the API receives a dossier on it', async () => {
    v1 = await upload();
    const out = await handler(cfnEvent('Create', v1));
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
    const out = await handler(cfnEvent('Update', v1));
    expect(out.Data).toEqual({ Published: '', AgenciesWritten: '', CalendarsWritten: '' });
    expect(JSON.stringify(await catalogueItems())).toBe(before);
  });

  it('publishes version 2 of a changed procedure file, leaving version 1 as it was', async () => {
    const [first] = await listCatalogue('PROCEDURE#TP-LLTP#', true);
    editFile('procedures/TP-LLTP.json', (changed) => {
      changed.effectiveFrom = localDate(new Date());
      changed.stages[0].steps[0].name.en = 'Search of the national judicial-record database';
      return changed;
    });
    const v2 = await upload();
    const out = await handler(cfnEvent('Update', v2, v1));
    expect(out.Data!.Published).toBe('TP-LLTP@2');
    const versions = await listCatalogue('PROCEDURE#TP-LLTP#', true);
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    expect(versions[0]).toEqual(first);
    const desk = await h.token('desk-1', ['desk']);
    const procedures = (await h.call('GET', '/procedures', { token: desk })).body.procedures;
    expect(procedures.find((p: { code: string }) => p.code === 'TP-LLTP').version).toBe(2);
    // and again: nothing more
    expect((await handler(cfnEvent('Update', v2))).Data!.Published).toBe('');
    v1 = v2;
  });

  it("keeps what an operator changed through the API, and deletes nothing on Delete", async () => {
    const operator = await h.token('op-1', ['operator']);
    const put = await h.call('PUT', '/agencies/STP', {
      token: operator,
      body: { kind: 'department', email: 'lltp@stp.example.gov.vn', name: { vi: 'Sở Tư pháp', en: 'Department of Justice' } },
    });
    expect(put.status).toBe(200);
    await handler(cfnEvent('Update', v1));
    const stp = (await listCatalogue('AGENCY#STP', true))[0]!;
    expect([stp.email, stp.updatedBy]).toEqual(['lltp@stp.example.gov.vn', 'op-1']);

    const before = JSON.stringify(await catalogueItems());
    expect(await handler(cfnEvent('Delete', v1))).toEqual({ PhysicalResourceId: 'motcua-catalogue' });
    expect(JSON.stringify(await catalogueItems())).toBe(before);
  });

  it('fails on an invalid file, naming the file and the field, leaving the table as it was; the rollback succeeds', async () => {
    const before = await tableState();
    editFile('procedures/DL-LHND.json', (p) => ({ ...p, legalHours: -1 }));
    const invalid = await upload();
    await expect(handler(cfnEvent('Update', invalid, v1))).rejects.toThrow(/procedures\/DL-LHND\.json: legalHours: must be more than 0/);
    expect(await tableState()).toBe(before);
    // CloudFormation rolls back: Update with the old properties, to the same (new) code
    const rollback = await handler(cfnEvent('Update', v1, invalid));
    expect(rollback).toEqual({ PhysicalResourceId: 'motcua-catalogue', Data: { Published: '', AgenciesWritten: '', CalendarsWritten: '' } });
    expect(await tableState()).toBe(before);
    cpSync(join(HANOI_DIR, 'procedures', 'DL-LHND.json'), join(folder, 'procedures', 'DL-LHND.json'));
  });

  it('checks everything before writing anything: a new agency and a changed address, then a new version dated in the past, write nothing', async () => {
    const before = await tableState();
    editFile('agencies.json', (agencies) => [
      ...agencies,
      { code: 'STTTT', kind: 'department', email: 'stttt@hanoi.example.gov.vn', name: { vi: 'Sở Thông tin và Truyền thông', en: 'Department of Information and Communications' } },
    ]);
    editFile('agencies.json', (agencies) => agencies.map((a: any) => (a.code === 'SXD' ? { ...a, email: 'sxd-moi@hanoi.example.gov.vn' } : a)));
    // version 3 of TP-LLTP dated yesterday: only the table tells that it cannot be published
    const yesterday = localDate(new Date(Date.now() - 86_400_000));
    editFile('procedures/TP-LLTP.json', (p) => ({ ...p, effectiveFrom: yesterday, legalHours: p.legalHours + 8 }));
    const wrong = await upload();
    await expect(handler(cfnEvent('Update', wrong, v1))).rejects.toThrow(/nothing was written[\s\S]*procedures\/TP-LLTP\.json: effectiveFrom: .* is before today/);
    expect(await tableState()).toBe(before);
    expect((await listCatalogue('AGENCY#STTTT', true)).length).toBe(0);
    expect(await handler(cfnEvent('Update', v1, wrong))).toMatchObject({ PhysicalResourceId: 'motcua-catalogue' });
    expect(await tableState()).toBe(before);
  });

  it('rolls back an update that succeeded here while the stack failed further on: the folder before is loaded, the newer version stays', async () => {
    editFile('procedures/TP-LLTP.json', (p) => ({ ...p, effectiveFrom: localDate(new Date()) }));
    const good = await upload();
    const out = await handler(cfnEvent('Update', good, v1));
    expect(out.Data!.Published).toBe('TP-LLTP@3');
    expect(out.Data!.AgenciesWritten).toBe('SXD STTTT');
    // the stack's rollback: the old folder again, on the new code
    const back = await handler(cfnEvent('Update', v1, good));
    expect(back.Data!.Published).toBe(''); // version 2's content is not published again over version 3
    expect(back.Data!.AgenciesWritten).toBe('SXD'); // the agency's address as before
    const sxd = (await listCatalogue('AGENCY#SXD', true))[0]!;
    expect(sxd.email).toBe(hanoiAgencyEmail('SXD'));
    expect((await listCatalogue('PROCEDURE#TP-LLTP#', true)).map((v) => v.version)).toEqual([1, 2, 3]);
  });

  it('reads nothing of its own: a request that names a missing document fails, and one of another hash too', async () => {
    const before = await tableState();
    await expect(handler(cfnEvent('Update', { ...v1, Folder: { Bucket: ASSETS, Key: 'no-such.json' } }, v1))).rejects.toThrow(/NoSuchKey|does not exist/);
    await expect(handler(cfnEvent('Update', { ...v1, CatalogueHash: '0'.repeat(64) }, v1))).rejects.toThrow(/hash .* is not the one named/);
    expect(await tableState()).toBe(before);
  });
});
