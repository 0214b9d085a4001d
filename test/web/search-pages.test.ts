import { GetCommand, PutCommand } from '../../functions/commons/aws/dynamodb';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentClient, tableName } from '../../functions/commons/aws';
import { openIndexKeys } from '../../functions/commons/open-index';
import { indexForSearch } from '../../functions/commons/search-index';
import { launchBrowser } from '../support/browser';
import { applicant, scenario, startHarness, type Harness } from '../support/local';
import { signInAs } from './officers-support';

const POLL = { timeout: 15_000 };
/** Dossiers of the same applicant's name: more than a page of the search (50). */
const MORE = 54;

/** The desk's search follows `nextCursor` (issue 26): a common name has more than a page of open dossiers. */
describe('the desk’s search, page after page', () => {
  let h: Harness;
  let browser: Browser;
  let codes: string[];
  beforeAll(async () => {
    [h, browser] = await Promise.all([startHarness({ resume: false }), launchBrowser()]);
    const s = scenario(h);
    await s.setClock('2026-12-02T09:00:00+07:00');
    const who = applicant(26);
    const first = await s.receive(await h.token('desk-1', ['desk']), 'TP-LLTP', who);
    // the others straight into the table, as the intake writes them: the dossier with its open-index
    // keys and its search index items, each received a minute before the one after
    const meta = (await documentClient().send(new GetCommand({ TableName: tableName(), Key: { PK: `DOSSIER#${first.code}`, SK: 'META' } }))).Item!;
    codes = [first.code];
    for (let n = 1; n <= MORE; n++) {
      const code = `TTHCC-261201-${String(5000 + n)}`;
      const receivedAt = new Date(Date.parse('2026-12-01T02:00:00.000Z') + n * 60_000).toISOString();
      await documentClient().send(new PutCommand({ TableName: tableName(), Item: { ...meta, PK: `DOSSIER#${code}`, code, receivedAt, ...openIndexKeys(code) } }));
      await indexForSearch({ code, receivedAt, applicant: who }, { fresh: true });
      codes.push(code);
    }
  });
  afterAll(async () => {
    await browser?.close();
    await h?.stop();
  });

  it('shows the first 50 of a common name, then «Xem thêm» adds the next page until none is left', async () => {
    const { page, errors, context } = await signInAs(browser, h.runtime.apiUrl, /bộ phận một cửa/i);
    await page.goto(`${h.runtime.apiUrl}/records/search?q=${encodeURIComponent('nguyen thi binh')}`);
    const rows = page.locator('tbody tr');
    await expect.poll(() => rows.count(), POLL).toBe(50);
    expect(await page.getByRole('status').textContent()).toContain('còn nữa');
    // newest first: the dossier received through the desk today, then the seeded ones back in time
    expect(await rows.first().locator('a').textContent()).toBe(codes[0]);
    const more = page.getByRole('button', { name: 'Xem thêm' });
    await more.click();
    await expect.poll(() => rows.count(), POLL).toBe(MORE + 1);
    const shown = await page.locator('tbody tr a').allTextContents();
    expect(new Set(shown).size).toBe(MORE + 1);
    expect(shown.sort()).toEqual([...codes].sort());
    await expect.poll(() => more.count(), POLL).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
