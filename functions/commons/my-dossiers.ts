import { BatchGetCommand } from './aws/dynamodb';
import { documentClient, tableName } from './aws';
import { citizenRef } from './citizen-session';
import { applicantIdPk } from './personal-data';
import { notFound } from './http';
import { getDossier, keys, queryAll } from './store';
import type { Citizen } from '../core/citizen';
import type { Dossier } from '../core/dossier';

/**
 * A signed-in citizen's dossiers: those whose applicant gave their identity number (received at a
 * desk or applied for online), found through the lookup items `APPLICANT#id#<sha256>` / <code>
 * (functions/commons/personal-data.ts) and read in BatchGetItem of 100. A dossier is theirs only
 * if it still says so (a lookup item outlives a correction of the applicant's number): the same
 * rule as for one dossier (`isCitizensDossier`).
 */
export function isCitizensDossier(d: { applicant?: { idNumber?: string }; online?: { citizenRef?: string } }, citizen: Citizen): boolean {
  return d.applicant?.idNumber?.trim() === citizen.identityNumber || d.online?.citizenRef === citizenRef(citizen);
}

/** The signed-in citizen's dossier `code`; another citizen's, or none: the same 404 (never a 403, which would tell the code exists). */
export async function ownDossier(code: string, citizen: Citizen): Promise<Dossier> {
  const d = await getDossier(code);
  if (!d || !isCitizensDossier(d, citizen)) throw notFound(`Không có hồ sơ ${code} của bạn / You have no dossier ${code}`);
  return d;
}

export type DossierSummary = Pick<Dossier, 'code' | 'status' | 'channel' | 'receivedAt' | 'appointmentAt'> & {
  procedure: Pick<Dossier['procedure'], 'code' | 'name'>;
  applicant?: { idNumber?: string };
  online?: Pick<NonNullable<Dossier['online']>, 'citizenRef' | 'submittedAt'>;
};

const BATCH = 100;
const ATTEMPTS = 5;

export async function citizensDossiers(citizen: Citizen): Promise<DossierSummary[]> {
  const codes = (await queryAll({ KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': applicantIdPk(citizen.identityNumber) } })).map((i) => String(i.SK));
  const found: DossierSummary[] = [];
  for (let i = 0; i < codes.length; i += BATCH) {
    let wanted: Record<string, unknown>[] = codes.slice(i, i + BATCH).map((code) => keys.dossier(code));
    for (let attempt = 0; wanted.length; attempt++) {
      if (attempt === ATTEMPTS) throw new Error('BatchGetItem left keys unprocessed');
      if (attempt) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
      const out = await documentClient().send(
        new BatchGetCommand({
          RequestItems: {
            [tableName()]: {
              Keys: wanted,
              ConsistentRead: true,
              ProjectionExpression: '#code, #procedure.#code, #procedure.#name, #status, #channel, receivedAt, appointmentAt, applicant.idNumber, #online.citizenRef, #online.submittedAt',
              ExpressionAttributeNames: { '#code': 'code', '#procedure': 'procedure', '#name': 'name', '#status': 'status', '#channel': 'channel', '#online': 'online' },
            },
          },
        }),
      );
      found.push(...((out.Responses?.[tableName()] ?? []) as DossierSummary[]));
      wanted = (out.UnprocessedKeys?.[tableName()]?.Keys ?? []) as Record<string, unknown>[];
    }
  }
  const when = (d: DossierSummary) => d.receivedAt ?? d.online?.submittedAt ?? '';
  return found.filter((d) => isCitizensDossier(d, citizen)).sort((a, b) => when(b).localeCompare(when(a)) || b.code.localeCompare(a.code));
}
