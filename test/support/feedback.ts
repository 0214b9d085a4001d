/**
 * Fixtures for the feedback routes' unit tests (functions/*-feedback*): the table as a FakeTable
 * holding Hanoi's agencies, the centre's profile, the email queue's URL, and items to start from.
 */
import { readFileSync } from 'node:fs';
import { vi } from 'vitest';
import { FakeTable, type DocumentStub } from './fake-table';
import { hanoiAgencies } from './centre';
import { feedbackKeys, ALL_FEEDBACK, agencyFeedback } from '../../functions/commons/feedback-store';
import type { Feedback } from '../../functions/core/feedback';

export const profile = { ...JSON.parse(readFileSync(new URL('../../config/hanoi/centre.json', import.meta.url), 'utf8')), portalUrl: 'https://motcua.example.gov.vn' };

/** A fresh table answering `db`, with the catalogue's agencies; the environment the routes read. */
export function feedbackTable(db: DocumentStub): FakeTable {
  vi.stubEnv('CENTRE_PROFILE', JSON.stringify(profile));
  vi.stubEnv('EMAIL_QUEUE_URL', 'https://sqs.local/000000000000/emails');
  const table = new FakeTable().serve(db);
  for (const a of hanoiAgencies) table.put({ PK: 'CATALOGUE', SK: `AGENCY#${a.code}`, ...a });
  return table;
}

export const CODE = 'PA-261207-0001';
export const OTHER = 'PA-261207-0002';

/** An item as the store keeps it (received Monday 7 December 2026, 09:00 local). */
export function item(over: Partial<Feedback> = {}): Feedback {
  return {
    code: CODE,
    channel: 'web',
    kind: 'handling',
    status: 'received',
    text: 'Hồ sơ của tôi quá hạn. Tôi là Nguyễn Văn An, email an@example.vn.',
    name: 'Nguyễn Văn An',
    email: 'an@example.vn',
    receivedAt: '2026-12-07T02:00:00.000Z',
    receivedBy: 'public',
    dueAt: '2026-12-21T02:00:00.000Z',
    warnAt: '2026-12-17T02:00:00.000Z',
    ...over,
  };
}

/** Put an item in the table with its index keys. */
export function seed(table: FakeTable, f: Feedback): void {
  table.put({
    ...feedbackKeys.item(f.code),
    ...f,
    GSI1PK: ALL_FEEDBACK,
    GSI1SK: `${f.receivedAt}#${f.code}`,
    ...(f.assignedTo && f.status !== 'merged' ? { GSI2PK: agencyFeedback(f.assignedTo), GSI2SK: `${f.receivedAt}#${f.code}` } : {}),
  });
}

export const stored = (table: FakeTable, code = CODE) => table.get(feedbackKeys.item(code)) as unknown as Feedback;
