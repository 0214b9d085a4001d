import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { createHash, randomUUID } from 'node:crypto';
import { workingCalendar } from './calendar';
import { clientKey, clientOf } from './client';
import { now } from './clock';
import { enqueueEmail } from './email-queue';
import { requestEmail } from './email-store';
import { HttpProblem, notFound } from './http';
import { agenciesOf, type Caller } from './access';
import { logger } from './powertools';
import { getItem, listAgencies, putIfAbsent, queryAll, reserveSequence, settleSequence, updateIf } from './store';
import { currentCentre } from '../core/centre';
import { FEEDBACK_PREFIX, anonymise, feedbackCode, feedbackDeadlines, feedbackFlags, feedbackRules, type Feedback, type FeedbackChannel, type FeedbackKind } from '../core/feedback';
import { FEEDBACK_ANSWERED, FEEDBACK_RECEIVED, renderFeedbackAnswered, renderFeedbackReceived } from '../core/email/feedback-letter';
import type { RenderedEmail } from '../core/email/templates';
import { localDate, toLocalIso } from '../core/local-time';
import type { Text } from '../core/model';

/**
 * Citizens' feedback in the single table (docs/feedback.md):
 *   FEEDBACK#<code> / META          the item (the only one with the submitter's name, email, phone);
 *                                   GSI1 FEEDBACK / <receivedAt>#<code> (all, for the desk and the figures),
 *                                   GSI2 FEEDBACK#<agency> / <receivedAt>#<code> once assigned
 *   FEEDBACK#<code> / PUBLISHED     the anonymised question and answer; GSI1 FEEDBACK#PUBLISHED
 *   FEEDBACK#<code> / EMAIL#<key>   its letters (store.ts keys.email), sent by functions/send-email
 *   FEEDBACKCLIENT#<client> / W#<w> one client's submissions in window w (TTL)
 */
export const feedbackKeys = {
  item: (code: string) => ({ PK: `FEEDBACK#${code}`, SK: 'META' }),
  published: (code: string) => ({ PK: `FEEDBACK#${code}`, SK: 'PUBLISHED' }),
};
export const ALL_FEEDBACK = 'FEEDBACK';
export const PUBLISHED_FEEDBACK = 'FEEDBACK#PUBLISHED';
export const agencyFeedback = (agency: string) => `FEEDBACK#${agency}`;

/** One client may send this many pieces of feedback per hour through the public form. */
export const FEEDBACK_CLIENT_MAX = 10;
export const FEEDBACK_CLIENT_WINDOW_MS = 3600_000;

const strip = (item: Record<string, unknown>) => {
  const { PK: _a, SK: _b, GSI1PK: _c, GSI1SK: _d, GSI2PK: _e, GSI2SK: _f, ...rest } = item;
  return rest;
};

export async function getFeedback(code: string): Promise<Feedback | undefined> {
  const item = await getItem(feedbackKeys.item(code));
  return item ? (strip(item) as unknown as Feedback) : undefined;
}

/** The request's id for the day counter: its Idempotency-Key's hash (a retry gets its number back), or none. */
export const requestOf = (event: APIGatewayProxyEventV2, who: string) => {
  const key = event.headers?.['idempotency-key'];
  return key ? createHash('sha256').update(`feedback\n${who}\n${key}`).digest('hex').slice(0, 24) : undefined;
};

/** One client's submissions are bounded (one conditional ADD), whatever it sends. */
export async function admitFeedbackClient(event: APIGatewayProxyEventV2, at: number): Promise<void> {
  const window = Math.floor(at / FEEDBACK_CLIENT_WINDOW_MS);
  const ok = await updateIf({
    Key: { PK: `FEEDBACKCLIENT#${clientKey('feedback', clientOf(event))}`, SK: `W#${window}` },
    UpdateExpression: 'ADD n :one SET expiresAt = :exp',
    ConditionExpression: 'attribute_not_exists(n) OR n < :max',
    ExpressionAttributeValues: { ':one': 1, ':max': FEEDBACK_CLIENT_MAX, ':exp': Math.ceil(((window + 1) * FEEDBACK_CLIENT_WINDOW_MS) / 1000) + 3600 },
  });
  if (ok) return;
  const retryAt = (window + 1) * FEEDBACK_CLIENT_WINDOW_MS;
  throw new HttpProblem(429, 'Too Many Requests', 'Too much feedback sent from here: try again later', undefined, {
    'retry-after': String(Math.ceil((retryAt - at) / 1000)),
  });
}

export interface FeedbackInput {
  channel: FeedbackChannel;
  kind: FeedbackKind;
  text: string;
  name?: string;
  email?: string;
  phone?: string;
  citizenRef?: string;
  dossierCode?: string;
  procedureCode?: string;
  agencyCode?: string;
  rule?: string;
  /** An officer may assign it at once. */
  assignTo?: string;
}

/** The agencies of the catalogue, by code. */
export async function agencyNames(): Promise<Map<string, Text>> {
  return new Map((await listAgencies()).map((a) => [a.code, a.name]));
}

/**
 * Receive one piece of feedback: a code from the day's counter (no gap, no duplicate: the request
 * id binds its number, as an intake's does), the item written once, the receipt letter queued when
 * an email was given. `request` is the Idempotency-Key's hash, or a fresh id.
 */
export async function receiveFeedback(input: FeedbackInput, by: string, request: string = randomUUID()): Promise<Feedback> {
  const at = now();
  const receivedAt = at.toISOString();
  const day = localDate(at);
  const yymmdd = day.slice(2).replaceAll('-', '');
  const rules = feedbackRules(currentCentre().feedback);
  const { dueAt, warnAt } = feedbackDeadlines(await workingCalendar(), at, rules);
  const seq = await reserveSequence(FEEDBACK_PREFIX, yymmdd, request);
  const code = feedbackCode(day, seq);
  const { assignTo, ...facts } = input;
  const item: Feedback = {
    ...facts,
    code,
    status: assignTo ? 'assigned' : 'received',
    receivedAt,
    receivedBy: by,
    dueAt,
    warnAt,
    ...(assignTo ? { assignedTo: assignTo, assignments: [{ at: receivedAt, by, agency: assignTo }] } : {}),
  };
  const written = await putIfAbsent({
    ...feedbackKeys.item(code),
    ...item,
    GSI1PK: ALL_FEEDBACK,
    GSI1SK: `${receivedAt}#${code}`,
    ...(assignTo ? { GSI2PK: agencyFeedback(assignTo), GSI2SK: `${receivedAt}#${code}` } : {}),
  });
  const stored = written ? item : (await getFeedback(code))!;
  await settleSequence(FEEDBACK_PREFIX, yymmdd, request, seq, Math.floor(at.getTime() / 1000) + 3 * 86400);
  if (stored.email) await queueLetter(code, FEEDBACK_RECEIVED);
  logger.info('feedback received', { feedbackCode: code, channel: stored.channel, kind: stored.kind });
  return stored;
}

/** A letter of this item: recorded once (`EMAIL#<event>`), queued while still `queued`. */
export async function queueLetter(code: string, event: string): Promise<void> {
  const { item } = await requestEmail(code, event, event, { event });
  if (item.state === 'queued') await enqueueEmail({ dossierCode: code, eventKey: event });
}

/** The sender (functions/send-email) composes a feedback letter from the item: to whom, what. */
export async function composeFeedbackLetter(code: string, event: string): Promise<{ to: string; rendered: RenderedEmail }> {
  const f = await getFeedback(code);
  if (!f?.email) throw new Error('feedback item without an address');
  const centre = currentCentre();
  const data = { code, centre, name: f.name, kind: f.kind, receivedAt: f.receivedAt, dueAt: f.dueAt };
  if (event === FEEDBACK_RECEIVED) return { to: f.email, rendered: renderFeedbackReceived(data) };
  if (event === FEEDBACK_ANSWERED && f.answer) {
    const agency = f.answer.agency ? (await agencyNames()).get(f.answer.agency) : undefined;
    return { to: f.email, rendered: renderFeedbackAnswered({ ...data, answer: f.answer.text, answeredAt: f.answer.at, agency }) };
  }
  throw new Error(`no feedback letter ${event}`);
}

/** Every item received between two instants (GSI1, newest first). */
export async function feedbackBetween(from: string, to: string): Promise<Feedback[]> {
  const items = await queryAll({
    IndexName: 'GSI1',
    KeyConditionExpression: 'GSI1PK = :pk AND GSI1SK BETWEEN :a AND :b',
    ExpressionAttributeValues: { ':pk': ALL_FEEDBACK, ':a': from, ':b': `${to}\uffff` },
    ScanIndexForward: false,
  });
  return items.map((i) => strip(i) as unknown as Feedback);
}

/** Every item an agency must answer or answered (GSI2), newest first. */
export async function feedbackOfAgency(agency: string): Promise<Feedback[]> {
  const items = await queryAll({
    IndexName: 'GSI2',
    KeyConditionExpression: 'GSI2PK = :pk',
    ExpressionAttributeValues: { ':pk': agencyFeedback(agency) },
    ScanIndexForward: false,
  });
  return items.map((i) => strip(i) as unknown as Feedback);
}

/** What the public page shows of a published item: nothing that names anyone. */
export interface PublishedFeedback {
  code: string;
  kind: FeedbackKind;
  question: string;
  answer: string;
  agency?: Text;
  answeredAt: string;
  publishedAt: string;
}

export async function listPublished(): Promise<PublishedFeedback[]> {
  const items = await queryAll({
    IndexName: 'GSI1',
    KeyConditionExpression: 'GSI1PK = :pk',
    ExpressionAttributeValues: { ':pk': PUBLISHED_FEEDBACK },
    ScanIndexForward: false,
  });
  return items.map((i) => strip(i) as unknown as PublishedFeedback);
}

// ---- what officers see ----------------------------------------------------------------------

/** The desk and operators see every item; an agency's officers, the items assigned to their agency. */
export function mayRead(caller: Caller, f: Pick<Feedback, 'assignedTo'>): boolean {
  if (caller.groups.includes('desk') || caller.groups.includes('operator')) return true;
  return !!f.assignedTo && agenciesOf(caller).includes(f.assignedTo);
}

const EXCERPT = 140;

export function feedbackSummary(f: Feedback, at: Date) {
  const flags = feedbackFlags(f, at);
  // the excerpt is anonymised: lists travel further than the item (exports, screens)
  const excerpt = anonymise(f.text, f.name ? [f.name] : []);
  return {
    code: f.code,
    channel: f.channel,
    kind: f.kind,
    status: f.status,
    receivedAt: toLocalIso(f.receivedAt),
    dueAt: toLocalIso(f.dueAt),
    ...(f.assignedTo ? { assignedTo: f.assignedTo } : {}),
    excerpt: excerpt.length > EXCERPT ? `${excerpt.slice(0, EXCERPT - 1)}…` : excerpt,
    ...flags,
  };
}

export function feedbackView(f: Feedback, at: Date) {
  const { citizenRef, ...rest } = f;
  return {
    ...rest,
    ...feedbackSummary(f, at),
    signedIn: !!citizenRef,
    warnAt: toLocalIso(f.warnAt),
    assignments: (f.assignments ?? []).map((a) => ({ ...a, at: toLocalIso(a.at) })),
    ...(f.answer ? { answer: { ...f.answer, at: toLocalIso(f.answer.at) } } : {}),
    merged: f.merged ?? [],
    ...(f.published ? { published: { ...f.published, at: toLocalIso(f.published.at) } } : {}),
  };
}

/** The item, if the caller may read it; otherwise 404 (another agency is told nothing, not even that it exists). */
export async function feedbackFor(caller: Caller, code: string): Promise<Feedback> {
  const f = await getFeedback(code);
  if (!f || !mayRead(caller, f)) throw notFound(`No feedback ${code}`);
  return f;
}
