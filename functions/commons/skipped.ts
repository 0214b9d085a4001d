import { logger, metrics, MetricUnit } from './powertools';

/** A dossier a shared read left out because its facts cannot be computed. */
export interface Skipped {
  code: string;
  reason: string;
}

/**
 * Shared reads (logbook, timeliness report, control sheet) survive one bad dossier: they leave
 * it out, say so in the answer, log it with its code and count it (metric DossierSkipped,
 * alarmed) so that an operator repairs it.
 */
export function reportSkipped(read: string, skipped: Skipped[]): Skipped[] {
  if (skipped.length === 0) return skipped;
  for (const s of skipped) logger.error('dossier skipped: its facts cannot be computed', { read, dossierCode: s.code, reason: s.reason });
  metrics.addMetric('DossierSkipped', MetricUnit.Count, skipped.length);
  metrics.publishStoredMetrics();
  return skipped;
}

/** Run a computation for one dossier; its error becomes a skip. */
export function guarded<T>(code: string, skipped: Skipped[], fn: () => T): T | undefined {
  try {
    return fn();
  } catch (error) {
    if (!skipped.some((s) => s.code === code)) skipped.push({ code, reason: (error as Error).message || (error as Error).name });
    return undefined;
  }
}
