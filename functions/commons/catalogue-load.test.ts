import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, UpdateCommand } from './aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import '../../test/support/route-unit';
import { catalogueFiles } from './catalogue-files';
import { parseCatalogue } from '../core/catalogue';
import { CatalogueLoadError, loadCatalogue } from './catalogue-load';

const db = mockClient(DynamoDBDocumentClient);
const hanoi = parseCatalogue(catalogueFiles(new URL('../../config/hanoi', import.meta.url).pathname));

describe('the catalogue loader and the branches', () => {
  beforeEach(() => db.reset());

  it("refuses a branch whose code an agency added through PUT /agencies already has, writing nothing (found by review)", async () => {
    const branch = hanoi.profile.branches![0]!.code;
    db.on(GetCommand).resolves({});
    db.on(QueryCommand).resolves({ Items: [] });
    db.on(GetCommand, { Key: { PK: 'CATALOGUE', SK: `AGENCY#${branch}` } }).resolves({ Item: { PK: 'CATALOGUE', SK: `AGENCY#${branch}`, code: branch, kind: 'department', updatedBy: 'operator-1' } });
    const failed = await loadCatalogue(hanoi).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(CatalogueLoadError);
    expect((failed as CatalogueLoadError).problems).toEqual([`centre.json: branches: ${branch} is the code of an agency added through PUT /agencies: a branch needs a prefix of its own`]);
    expect(db.commandCalls(PutCommand)).toHaveLength(0);
    expect(db.commandCalls(UpdateCommand)).toHaveLength(0);
  });
});
