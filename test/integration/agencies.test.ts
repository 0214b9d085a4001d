import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicant, scenario, startHarness, type Harness } from '../support/local';

const sgd = { kind: 'department', email: 'sogiaoduc@example.gov.vn', name: { vi: 'Sở Giáo dục và Đào tạo', en: 'Department of Education and Training' } };

/** GET /agencies, PUT /agencies/{code}: operators manage the catalogue's agencies through the API. */
describe('agencies through the API', () => {
  let h: Harness;
  let op: string;
  beforeAll(async () => {
    h = await startHarness({ resume: false });
    op = await h.token('op-1', ['operator']);
  });
  afterAll(() => h?.stop());

  it("lists the folder's agencies", async () => {
    const res = await h.call('GET', '/agencies', { token: await h.token('x', []) });
    expect(res.status).toBe(200);
    expect(res.body.agencies.find((a: { code: string }) => a.code === 'TTHCC')).toMatchObject({ kind: 'desk', name: { vi: 'Trung tâm Phục vụ hành chính công thành phố Hà Nội' } });
  });

  it('adds an agency (201), which a procedure may then route to and whose officers see their queue', async () => {
    const put = await h.call('PUT', '/agencies/SGD', { token: op, body: sgd });
    expect(put.status).toBe(201);
    expect(put.body).toMatchObject({ code: 'SGD', group: 'agency-SGD' });
    expect((await h.call('PUT', '/agencies/SGD', { token: op, body: sgd })).status).toBe(200);
    const today = (await h.call('GET', '/_local/clock')).body.now.slice(0, 10);
    const procedure = {
      effectiveFrom: today,
      name: { vi: 'Công nhận trường đạt chuẩn', en: 'Recognition of a standard school' },
      field: { vi: 'Giáo dục', en: 'Education' },
      legalHours: 40,
      receivingAgency: 'TTHCC',
      stages: [
        { steps: [{ stepId: 's1-sgd', agency: 'SGD', name: { vi: 'Thẩm định', en: 'Appraisal' }, budgetHours: 24 }] },
        { steps: [{ stepId: 'return', agency: 'TTHCC', name: { vi: 'Trả kết quả', en: 'Return of the result' }, budgetHours: 4 }] },
      ],
    };
    const published = await h.call('PUT', '/procedures/GD-CNTC', { token: op, body: procedure });
    expect(published.status, JSON.stringify(published.body)).toBe(201);
    const s = scenario(h);
    const dossier = await s.receive(await h.token('desk-1', ['desk']), 'GD-CNTC', applicant(1));
    expect((await s.task('SGD', await h.token('sgd-1', ['agency-SGD']), dossier.code)).stepId).toBe('s1-sgd');
  });

  it('names each wrong field, in the path and the body', async () => {
    const bad = await h.call('PUT', '/agencies/sgd', { token: op, body: sgd });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['code']);
    const body = await h.call('PUT', '/agencies/SGD', { token: op, body: { kind: 'office', email: 'x', name: { vi: ' ', en: 'x' }, extra: 1 } });
    expect(body.status).toBe(400);
    // an unknown key is named as the field, with a stable code (issue 20, item 3)
    expect(body.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['email', 'extra', 'kind', 'name.vi']);
    expect(body.body.errors.find((e: { field: string }) => e.field === 'extra')).toMatchObject({ code: 'unknown_key', message: expect.stringContaining('extra') });
  });

  it('keeps a desk that receives procedures a desk', async () => {
    const res = await h.call('PUT', '/agencies/TTHCC', { token: op, body: { ...sgd, kind: 'department' } });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'kind', code: 'invalid', label: 'Loại cơ quan', message: expect.stringContaining('TTHCC is the receiving desk of') }]);
  });
});
