import { afterEach, describe, expect, it } from 'vitest';
import { persistence } from './idempotency';

const saved = { table: process.env.TABLE_NAME, endpoint: process.env.AWS_ENDPOINT_URL_DYNAMODB };
afterEach(() => {
  process.env.TABLE_NAME = saved.table;
  process.env.AWS_ENDPOINT_URL_DYNAMODB = saved.endpoint;
  if (saved.table === undefined) delete process.env.TABLE_NAME;
  if (saved.endpoint === undefined) delete process.env.AWS_ENDPOINT_URL_DYNAMODB;
});

describe('the idempotency store', () => {
  it('is kept while the table and endpoint stay, and follows them when they move (a second local runtime in one process)', () => {
    process.env.TABLE_NAME = 'motcua';
    process.env.AWS_ENDPOINT_URL_DYNAMODB = 'http://127.0.0.1:40001';
    const first = persistence();
    expect(persistence()).toBe(first);
    process.env.AWS_ENDPOINT_URL_DYNAMODB = 'http://127.0.0.1:40002';
    const second = persistence();
    expect(second).not.toBe(first);
    process.env.TABLE_NAME = 'other';
    expect(persistence()).not.toBe(second);
  });
});
