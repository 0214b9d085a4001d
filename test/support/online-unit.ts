import { ConditionalCheckFailedException } from '../../functions/commons/aws/dynamodb';
import { CopyObjectCommand, GetObjectCommand, HeadObjectCommand, type S3Client } from '../../functions/commons/aws/s3';
import { GetCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '../../functions/commons/aws/dynamodb';
import type { AwsStub } from 'aws-sdk-client-mock';
import { citizenSessionKey, sessionItem } from './route-unit';
import { hanoiProcedures } from './centre';
import type { Citizen } from '../../functions/core/citizen';
import { citizenRef } from '../../functions/commons/citizen-session';

/**
 * Unit tests of the online routes: a small table in memory behind the mocked document client —
 * Get, Put (with `attribute_not_exists(PK)` and `updatedAt = :u AND #status = :s` conditions), Query by PK and SK
 * prefix; Update calls are recorded and answered (the day's counter gives 1), and the ones that
 * mark an application submitted or claim a draft are applied.
 */
export const lan: Citizen = { identityNumber: '001099012345', name: 'Nguyễn Thị Lan', email: 'lan@example.com', phone: '0912345678', address: 'Số 1 phố Huế, Hà Nội' };
export const minh: Citizen = { identityNumber: '001088054321', name: 'Trần Văn Minh', email: 'minh@example.com' };
export const lltp = { PK: 'CATALOGUE', SK: 'PROCEDURE#TP-LLTP#0001', ...hanoiProcedures.find((p) => p.code === 'TP-LLTP')!, effectiveFrom: '2025-07-01' };
export const gpxd = { PK: 'CATALOGUE', SK: 'PROCEDURE#XD-GPXD#0001', ...hanoiProcedures.find((p) => p.code === 'XD-GPXD')!, effectiveFrom: '2025-07-01' };
export const branch = { PK: 'CATALOGUE', SK: 'BRANCH#BDH', code: 'BDH', name: { vi: 'Chi nhánh Ba Đình', en: 'Ba Dinh branch' }, address: { vi: 'Số 25 Liễu Giai', en: '25 Lieu Giai' }, openingHours: { vi: '8–17', en: '8–17' }, hotline: '1900 0001' };
export const SHA = 'n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg=';

export const goodAnswers = {
  hoTen: 'Nguyễn Thị Lan',
  gioiTinh: 'nu',
  ngaySinh: '1990-05-12',
  noiSinh: 'Hà Nội',
  quocTich: 'Việt Nam',
  soDinhDanh: '001099012345',
  noiCuTru: 'Số 1 phố Huế, Hà Nội',
  dienThoai: '0912 345 678',
  loaiPhieu: 'so-1',
  soLuongPhieu: 1,
  mucDich: 'Bổ sung hồ sơ xin việc',
  camDoan: true,
};

const id = (k: { PK: string; SK: string }) => `${k.PK}|${k.SK}`;

/** The table: the judicial record, the building permit and a branch, with `items` besides. */
export function fakeTable(db: AwsStub<any, any, any>, citizens: Citizen[] = [lan], items: Record<string, unknown>[] = []) {
  const table = new Map<string, Record<string, unknown>>();
  const put = (item: Record<string, unknown>) => table.set(id(item as { PK: string; SK: string }), structuredClone(item));
  [lltp, gpxd, branch, ...items].forEach(put);
  db.on(GetCommand).callsFake((input: { Key: { PK: string; SK: string } }) => {
    if (input.Key.PK === citizenSessionKey().PK) {
      // one token in unit tests: the session of the first citizen given (tests swap it with `as`)
      return { Item: sessionItem(currentCitizen ?? citizens[0]!) };
    }
    return { Item: structuredClone(table.get(id(input.Key))) };
  });
  db.on(PutCommand).callsFake((input: { Item: Record<string, unknown>; ConditionExpression?: string; ExpressionAttributeValues?: Record<string, unknown> }) => {
    const existing = table.get(id(input.Item as { PK: string; SK: string }));
    const fail = () => {
      throw new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} });
    };
    if (input.ConditionExpression === 'attribute_not_exists(PK)' && existing) fail();
    if (input.ConditionExpression === 'updatedAt = :u AND #status = :s' && (existing?.updatedAt !== input.ExpressionAttributeValues?.[':u'] || existing?.status !== input.ExpressionAttributeValues?.[':s'])) fail();
    put(input.Item);
    return {};
  });
  db.on(QueryCommand).callsFake((input: { ExpressionAttributeValues: Record<string, string> }) => {
    const pk = input.ExpressionAttributeValues[':pk'];
    const prefix = input.ExpressionAttributeValues[':p'] ?? input.ExpressionAttributeValues[':d'] ?? '';
    return { Items: [...table.values()].filter((i) => i.PK === pk && String(i.SK).startsWith(prefix)) };
  });
  db.on(UpdateCommand).callsFake((input: { Key: { PK: string; SK: string }; UpdateExpression: string; ExpressionAttributeValues?: Record<string, unknown> }) => {
    const item = table.get(id(input.Key));
    const v = input.ExpressionAttributeValues ?? {};
    if (input.Key.PK.startsWith('COUNTER#')) return { Attributes: { seq: 1 } };
    if (item && input.Key.SK === 'APPLICATION' && input.UpdateExpression.includes('dossierCode')) {
      const set = { status: v[':s'], dossierCode: v[':c'], submittedAt: v[':at'], updatedAt: v[':u'] };
      Object.assign(item, Object.fromEntries(Object.entries(set).filter(([, x]) => x !== undefined)));
    }
    if (item && input.Key.SK === 'DRAFT') Object.assign(item, { claimedBy: v[':k'], dossierCode: v[':code'] });
    return { Attributes: item ?? {} };
  });
  return table;
}

let currentCitizen: Citizen | undefined;
/** Whose session the unit token opens. */
export const signedIn = (c: Citizen) => {
  currentCitizen = c;
  return { citizen: c };
};

/** An application item as stored. */
export function storedApplication(over: Record<string, unknown> = {}, owner: Citizen = lan) {
  return {
    PK: `APPLICATION#${'a'.repeat(24)}`,
    SK: 'APPLICATION',
    id: 'a'.repeat(24),
    owner: citizenRef(owner),
    status: 'draft',
    procedureCode: 'TP-LLTP',
    version: 1,
    desk: 'TTHCC',
    answers: {},
    documents: [],
    files: {},
    createdAt: '2026-12-07T02:00:00.000Z',
    updatedAt: '2026-12-07T02:00:00.000Z',
    expiresAt: Math.floor(Date.now() / 1000) + 86400 * 30,
    ...over,
  };
}

/** A draft upload (DRAFT#<id>) of a citizen for an application. */
export function storedDraft(documentId: string, over: Record<string, unknown> = {}, owner: Citizen = lan) {
  return {
    PK: `DRAFT#${documentId}`,
    SK: 'DRAFT',
    documentId,
    applicationId: 'a'.repeat(24),
    requirement: 'can-cuoc',
    name: 'Căn cước.pdf',
    contentType: 'application/pdf',
    size: 2048,
    sha256: SHA,
    purpose: 'dossier',
    by: citizenRef(owner),
    kind: 'citizen',
    stage: 'intake',
    objectKey: `drafts/${documentId}`,
    requestedAt: '2026-12-07T02:00:00.000Z',
    expiresAt: Math.floor(Date.now() / 1000) + 86400,
    ...over,
  };
}

/** The uploaded object: S3's checksum and the first bytes of a PDF. */
export function uploaded(s3: AwsStub<any, any, any>, head: Record<string, unknown> = {}) {
  s3.on(HeadObjectCommand).resolves({ ContentLength: 2048, ContentType: 'application/pdf', ChecksumSHA256: SHA, ...head });
  s3.on(GetObjectCommand).resolves({ Body: { transformToByteArray: async () => Uint8Array.from([0x25, 0x50, 0x44, 0x46, 0x2d]) } as never });
  s3.on(CopyObjectCommand).resolves({});
}

export type { DynamoDBDocumentClient, S3Client };
