import { logger, metrics, MetricUnit } from '../commons/powertools';
import { reconcile } from '../commons/reconcile';
import { deliver, relay } from '../commons/outbox';
import { queryIndex } from '../commons/store';
import { markDossier } from '../commons/aggregates';
import { now as clockNow } from '../commons/clock';

/**
 * The outbox's relay and sender on AWS (docs/outbox.md). Two triggers, one code path:
 *   - the table's stream (KEYS_ONLY, filtered to `DOSSIER#` keys): for each dossier a batch
 *     touches, derive and record its new events, then send them (a write anywhere in the
 *     dossier's partition — the fact, or the event's own state — is a record);
 *   - a schedule every 2 minutes (`{}`): the dossiers with an event waiting for its retry time
 *     (GSI1 `SYNC#pending`).
 * Locally infra/local/outbox.ts runs the same relay and delivery in a poller.
 * A stream record first marks the dossier's timeliness aggregates stale (functions/commons/
 * aggregates.ts; locally infra/local/table-stream.ts does it for every write).
 */
interface StreamEvent {
  Records?: { dynamodb?: { Keys?: { PK?: { S?: string } } } }[];
  /** The daily schedule's input (infra/constructs/jobs.ts, SyncReconcile): read open dossiers back. */
  reconcile?: boolean;
}

/**
 * The connection's gauges, published by each scheduled pass (every 2 minutes): events parked for
 * an operator (`SyncParked`, alarmed at 1: infra/constructs/alarms.ts) and events waiting to be
 * sent (`SyncBacklog`).
 */
export async function publishSyncGauges(): Promise<{ parked: number; pending: number }> {
  const [parked, pending] = await Promise.all([queryIndex('SYNC#parked'), queryIndex('SYNC#pending')]);
  const counts = { parked: parked.filter((i) => i.portalState === 'parked').length, pending: pending.filter((i) => i.portalState === 'pending').length };
  metrics.addMetric('SyncParked', MetricUnit.Count, counts.parked);
  metrics.addMetric('SyncBacklog', MetricUnit.Count, counts.pending);
  metrics.publishStoredMetrics();
  return counts;
}

export async function handler(event: StreamEvent = {}): Promise<{ dossiers: number; recorded: number; sent: number; failed: number; parked: number }> {
  if (event.reconcile) {
    const r = await reconcile();
    logger.info('national portal: reconciliation', r ? { date: r.date, checked: r.checked, differences: r.differences.length, errors: r.errors.length } : { connected: false });
    return { dossiers: r?.checked ?? 0, recorded: 0, sent: 0, failed: 0, parked: 0 };
  }
  const codes = new Set<string>();
  if (event.Records) {
    for (const r of event.Records) {
      const pk = r.dynamodb?.Keys?.PK?.S;
      if (pk?.startsWith('DOSSIER#')) codes.add(pk.slice('DOSSIER#'.length));
    }
  } else {
    const now = clockNow().toISOString();
    for (const i of await queryIndex('SYNC#pending')) if (!i.portalNextAt || String(i.portalNextAt) <= now) codes.add(String(i.PK).slice('DOSSIER#'.length));
  }
  const total = { dossiers: codes.size, recorded: 0, sent: 0, failed: 0, parked: 0 };
  const failures: string[] = [];
  for (const code of codes) {
    // one dossier's trouble never holds the batch's others back; the batch fails (and is retried) after them
    try {
      if (event.Records) await markDossier(code);
      total.recorded += await relay(code);
      const r = await deliver(code);
      total.sent += r.sent;
      total.failed += r.failed;
      total.parked += r.parked;
    } catch (error) {
      failures.push(code);
      logger.error('outbox: a dossier could not be relayed', { dossierCode: code, error: (error as Error).message });
    }
  }
  if (failures.length) throw new Error(`outbox: ${failures.length} dossier(s) failed: ${failures.join(', ')}`);
  if (total.parked) logger.error('national portal: events parked after their retries', { parked: total.parked });
  if (!event.Records) await publishSyncGauges();
  logger.info('outbox', total);
  return total;
}
