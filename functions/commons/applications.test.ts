import { DynamoDBDocumentClient } from './aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeTable, storedApplication } from '../../test/support/online-unit';
import { saveApplication, type ApplicationRecord } from './applications';
import { HttpProblem } from './http';

const db = mockClient(DynamoDBDocumentClient);

describe('saveApplication', () => {
  beforeEach(() => db.reset());

  it('refuses (409) a write from a draft read before the submission landed: it would turn the submitted application back into a draft without its dossier', async () => {
    const { PK: _pk, SK: _sk, ...draft } = storedApplication();
    // the submission marked it meanwhile (status, dossierCode; updatedAt untouched)
    const table = fakeTable(db, undefined, [storedApplication({ status: 'submitted', dossierCode: 'TTHCC-261207-0001' })]);
    const stale = { ...(draft as unknown as ApplicationRecord), files: { f: { requirement: 'can-cuoc', name: 'a.pdf', contentType: 'application/pdf', size: 1, sha256: 'x' } } };
    const error = await saveApplication(stale, stale.updatedAt).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpProblem);
    expect((error as HttpProblem).status).toBe(409);
    expect(table.get(`APPLICATION#${'a'.repeat(24)}|APPLICATION`)).toMatchObject({ status: 'submitted', dossierCode: 'TTHCC-261207-0001' });
  });
});
