import * as z from 'zod';
import { PutCommand } from '../commons/aws/dynamodb';
import { documentClient, tableName } from '../commons/aws';
import { now } from '../commons/clock';
import { agencyGroup, ensureAgencyGroup } from '../commons/cognito';
import { badRequest } from '../commons/http';
import { logger } from '../commons/powertools';
import { defineRoute, reply, OFFICER_ERRORS } from '../commons/route';
import { forgetAgencies, getItem, keys, listProcedures } from '../commons/store';
import { AgencyStored } from '../contracts/responses';
import { AgencyBody, agencyCodeErrors } from '../core/catalogue';

/** The agency's code, checked before its body. */
const Path = z.object({ code: z.string() }).superRefine(({ code }, ctx) => {
  for (const e of agencyCodeErrors(code)) ctx.addIssue({ code: 'custom', path: [e.field], message: e.message });
});

/**
 * PUT /agencies/{code} (operator): add an agency, or change its names, kind or warnings address.
 * On AWS its Cognito group `agency-<CODE>` is created when missing. An agency is never deleted;
 * a desk that receives procedures cannot become a department.
 */
export const route = defineRoute({
  method: 'PUT',
  path: '/agencies/{code}',
  summary: 'Add an agency or change its names, kind or warnings address',
  operationId: 'putAgency',
  roles: ['operator'],
  access: { table: ['GetItem', 'Query', 'PutItem'], agencyGroups: true },
  params: Path,
  body: AgencyBody,
  responses: { 200: AgencyStored, 201: AgencyStored },
  errors: OFFICER_ERRORS,
  handler: async ({ caller, params: { code }, body }) => {
    const stored = await getItem(keys.agency(code));
    // a branch desk's code prefixes its dossiers and names its day counter: an agency may not take it
    if (!stored && (await getItem(keys.branch(code)))) {
      throw badRequest(`${code} is a branch desk's code`, [{ field: 'code', message: `${code} is a branch desk's code (the prefix of its dossiers' codes): an agency has a code of its own` }]);
    }
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
    forgetAgencies();
    const groupCreated = await ensureAgencyGroup(code, body.name.en);
    logger.info(stored ? 'agency changed' : 'agency added', { agency: code, groupCreated });
    const answer = { ...agency, group: agencyGroup(code) };
    return stored ? reply(200, answer) : reply(201, answer);
  },
});
