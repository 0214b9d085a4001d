import { join } from 'node:path';
import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { readCatalogue } from '../commons/catalogue-files';
import { loadCatalogue } from '../commons/catalogue-load';
import { logger } from '../commons/powertools';

const PHYSICAL_ID = 'motcua-catalogue';

/**
 * The custom resource (CDK Provider framework, onEvent) that loads the centre's folder into the
 * table on deploy: on Create and on Update (the folder's hash is a property, so any change of a
 * file updates it). The folder is bundled beside this file (catalogue/), or CATALOGUE_DIR.
 * Idempotent; a Delete removes nothing (citizens' dossiers refer to the catalogue).
 * Agencies' systems' clients are no property: they are made at run time (npm run agency-client), and
 * an AgencyClients property a stack sent before is ignored (the CLIENT# items it wrote stay).
 */
export async function handler(event: CloudFormationCustomResourceEvent): Promise<{ PhysicalResourceId: string; Data?: Record<string, string> }> {
  if (event.RequestType === 'Delete') return { PhysicalResourceId: event.PhysicalResourceId };
  const dir = process.env.CATALOGUE_DIR ?? join(process.env.LAMBDA_TASK_ROOT ?? process.cwd(), 'catalogue');
  const summary = await loadCatalogue(readCatalogue(dir));
  logger.info('catalogue loaded', { ...summary, hash: event.ResourceProperties.CatalogueHash });
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
