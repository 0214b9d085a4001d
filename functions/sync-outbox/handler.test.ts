import { DynamoDBDocumentClient, QueryCommand } from '../commons/aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import '../../test/support/route-unit';
import { metrics } from '../commons/powertools';
import { handler } from './handler';

const db = mockClient(DynamoDBDocumentClient);

describe('sync-outbox: the schedule', () => {
  beforeEach(() => db.reset());
  afterEach(() => vi.restoreAllMocks());

  it('publishes the parked and waiting gauges on each scheduled pass (SyncParked is alarmed)', async () => {
    const future = '2999-01-01T00:00:00.000Z';
    db.on(QueryCommand, { ExpressionAttributeValues: { ':pk': 'SYNC#parked' } }).resolves({ Items: [{ PK: 'DOSSIER#A', portalState: 'parked' }, { PK: 'DOSSIER#B', portalState: 'parked' }, { PK: 'DOSSIER#C', portalState: 'sent' }] });
    db.on(QueryCommand, { ExpressionAttributeValues: { ':pk': 'SYNC#pending' } }).resolves({ Items: [{ PK: 'DOSSIER#D', portalState: 'pending', portalNextAt: future }] });
    const add = vi.spyOn(metrics, 'addMetric');
    vi.spyOn(metrics, 'publishStoredMetrics').mockImplementation(() => metrics);
    expect(await handler({})).toMatchObject({ dossiers: 0 });
    expect(add).toHaveBeenCalledWith('SyncParked', 'Count', 2);
    expect(add).toHaveBeenCalledWith('SyncBacklog', 'Count', 1);
  });

  it('does not publish the gauges for a stream batch (the schedule does)', async () => {
    const add = vi.spyOn(metrics, 'addMetric');
    expect(await handler({ Records: [] })).toMatchObject({ dossiers: 0 });
    expect(add).not.toHaveBeenCalled();
  });

  it('runs the reconciliation on the daily input, nothing when the centre is not connected', async () => {
    delete process.env.NATIONAL_PORTAL;
    expect(await handler({ reconcile: true })).toEqual({ dossiers: 0, recorded: 0, sent: 0, failed: 0, parked: 0 });
    expect(db.commandCalls(QueryCommand)).toHaveLength(0);
  });
});
