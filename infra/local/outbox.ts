import { ScanCommand } from '../../functions/commons/aws/dynamodb';
import { documentClient, tableName } from '../../functions/commons/aws';
import { deliver, relay } from '../../functions/commons/outbox';

/**
 * The table stream's stand-in (dynalite has no streams): every `intervalMs` it lists the
 * dossiers (a Scan of their META items, cheap on one machine) and runs, for each, the same relay
 * and delivery that the `sync-outbox` function runs on AWS for the stream's records. It holds no
 * state of its own: killed at any point, a new poller finds the same events (derived from the
 * facts) and sends what was not marked sent.
 */
export class LocalOutboxPoller {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;
  busy = false;
  /** Dossiers a pass could not relay or deliver (the last 100): what the function's error log is on AWS. */
  readonly errors: { code: string; error: string }[] = [];

  constructor(private readonly intervalMs = 200) {}

  start() {
    this.stopped = false;
    const tick = () => {
      if (this.stopped) return;
      this.running = this.pass(true).catch(() => undefined).finally(() => {
        this.running = undefined;
        if (!this.stopped) this.timer = setTimeout(tick, this.intervalMs);
      });
    };
    this.timer = setTimeout(tick, this.intervalMs);
  }

  /** One pass over every dossier (tests: with the poller stopped, or beside it). */
  once(): Promise<void> {
    return this.pass(false);
  }

  private async pass(polling: boolean): Promise<void> {
    this.busy = true;
    try {
      const codes: string[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const out = await documentClient().send(new ScanCommand({ TableName: tableName(), FilterExpression: 'SK = :meta AND begins_with(PK, :d)', ExpressionAttributeValues: { ':meta': 'META', ':d': 'DOSSIER#' }, ProjectionExpression: 'PK', ExclusiveStartKey: start }));
        for (const i of out.Items ?? []) codes.push(String(i.PK).slice('DOSSIER#'.length));
        start = out.LastEvaluatedKey;
      } while (start);
      for (const code of codes) {
        if (polling && this.stopped) return;
        // one dossier's trouble (a fact the derivation cannot read) never holds the others back
        try {
          await relay(code);
          await deliver(code);
        } catch (error) {
          this.errors.push({ code, error: (error as Error).message });
        }
      }
    } finally {
      this.errors.splice(0, Math.max(0, this.errors.length - 100));
      this.busy = false;
    }
  }

  async stop() {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }
}
