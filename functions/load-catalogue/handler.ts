import { GetObjectCommand } from '../commons/aws/s3';
import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { parseCatalogue } from '../core/catalogue';
import { objects } from '../commons/aws';
import { folderFiles } from '../commons/catalogue-files';
import { loadCatalogue } from '../commons/catalogue-load';
import { logger } from '../commons/powertools';

const PHYSICAL_ID = 'motcua-catalogue';

/** Where the centre's folder document lies: the stack's S3 asset (infra/constructs/catalogue.ts). */
export interface FolderLocation {
  Bucket: string;
  Key: string;
}

/**
 * The custom resource (CDK Provider framework, onEvent) that loads the centre's folder into the
 * table on deploy, on Create and on Update. It loads what the request names, never a folder of
 * its own: property Folder ({ Bucket, Key }, the folder as one document uploaded as an S3 asset)
 * whose files' hash must be property CatalogueHash (any change of a file is a new key and a new
 * hash, hence an Update). So the rollback of a failed update (CloudFormation sends Update again
 * with the old properties while this function already runs the new code) loads the old folder
 * from the old asset. Everything is checked before anything is written: a failed load leaves
 * the table as it was. Idempotent; a Delete removes nothing (citizens' dossiers refer to the
 * catalogue). Agencies' systems' clients are no property: they are made at run time (npm run
 * agency-client), and an AgencyClients property a stack sent before is ignored.
 */
export async function handler(event: CloudFormationCustomResourceEvent): Promise<{ PhysicalResourceId: string; Data?: Record<string, string> }> {
  if (event.RequestType === 'Delete') return { PhysicalResourceId: event.PhysicalResourceId };
  const properties = event.ResourceProperties;
  const folder = properties.Folder as FolderLocation | undefined;
  const hash = String(properties.CatalogueHash ?? '');
  if (!folder?.Bucket || !folder.Key) {
    // Properties of a stack made before the folder travelled as an asset (the loader carried it
    // in its bundle): only the rollback of the update that brings the asset sends them. What
    // that earlier loader wrote is still there: nothing to load, and nothing to fail.
    if (event.RequestType === 'Update') {
      logger.warn('catalogue: the properties name no folder (a stack of before the asset); nothing loaded', { hash });
      return { PhysicalResourceId: event.PhysicalResourceId, Data: { Published: '', AgenciesWritten: '', CalendarsWritten: '' } };
    }
    throw new Error('Custom::Catalogue: property Folder { Bucket, Key } is required');
  }
  const where = `s3://${folder.Bucket}/${folder.Key}`;
  const object = await objects().send(new GetObjectCommand({ Bucket: folder.Bucket, Key: folder.Key }));
  const files = folderFiles(await object.Body!.transformToString('utf8'), where, hash || undefined);
  const summary = await loadCatalogue(parseCatalogue(files, where));
  logger.info('catalogue loaded', { ...summary, hash, folder: where, requestType: event.RequestType });
  return {
    PhysicalResourceId: PHYSICAL_ID,
    // Attributes stay far below the 4 KB a custom resource may answer.
    Data: {
      Published: summary.procedures.published.join(' ').slice(0, 1000),
      AgenciesWritten: summary.agencies.written.join(' ').slice(0, 500),
      CalendarsWritten: summary.calendars.written.join(' '),
    },
  };
}
