import * as z from 'zod';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { apiHandler } from '../commons/api';
import { documentClient, tableName } from '../commons/aws';
import { now } from '../commons/clock';
import { agencyGroup, ensureAgencyGroup } from '../commons/cognito';
import { badRequest, json, jsonBody, parse } from '../commons/http';
import { logger } from '../commons/powertools';
import { getItem, keys, listProcedures } from '../commons/store';
import { AgencyBody, agencyCodeErrors } from '../core/catalogue';

const Path = z.object({ code: z.string() });

/**
 * PUT /agencies/{code} (operator): add an agency, or change its names, kind or warnings address.
 * On AWS its Cognito group `agency-<CODE>` is created when missing. An agency is never deleted;
 * a desk that receives procedures cannot become a department.
 */
export const handler = apiHandler('PUT /agencies/{code}', async (event, { caller }) => {
  const { code } = parse(Path, event.pathParameters, 'path');
  const codeErrors = agencyCodeErrors(code);
  if (codeErrors.length) throw badRequest(`Invalid agency code ${code}`, codeErrors);
  const body = parse(AgencyBody, jsonBody(event));

  const stored = await getItem(keys.agency(code));
  if (stored?.kind === 'desk' && body.kind !== 'desk') {
    const receiving = (await listProcedures()).filter((p) => p.receivingAgency === code).map((p) => p.code);
    if (receiving.length) {
      throw badRequest(`${code} receives procedures`, [{ field: 'kind', message: `${code} is the receiving desk of ${[...new Set(receiving)].join(', ')}: it stays a desk` }]);
    }
  }
  const agency = { code, ...body };
  const updatedAt = now();
  await documentClient().send(
    new PutCommand({ TableName: tableName(), Item: { ...keys.agency(code), ...agency, updatedAt: updatedAt.toISOString(), updatedBy: caller.sub } }),
  );
  const groupCreated = await ensureAgencyGroup(code, body.name.en);
  logger.info(stored ? 'agency changed' : 'agency added', { agency: code, groupCreated });
  return json(stored ? 200 : 201, { ...agency, group: agencyGroup(code) });
});
