import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { HttpProblem, localised, parse, problem } from './http';
import { languageOf } from '../core/problem-text';
import { text } from '../core/text';

const Body = z
  .object({
    applicant: z.object({ name: text(200), email: z.email() }).strict(),
    documents: z.array(z.object({ name: text(200) }).strict()).min(1),
    newDueAt: z.iso.datetime({ offset: true }),
    score: z.number().int().min(1).max(5),
  })
  .strict();

const refused = (body: unknown, headers: Record<string, string> = {}) => {
  try {
    parse(Body, body);
  } catch (error) {
    const out = problem(localised(error as HttpProblem, headers), '/x');
    return JSON.parse(out.body as string) as { detail: string; errors: { field: string; code: string; label?: string; message: string }[] };
  }
  throw new Error('accepted');
};

describe('errors in the caller’s language', () => {
  const bad = { applicant: { email: 'not-an-email' }, documents: [], newDueAt: 'tomorrow', score: 9, reason: 'x' };

  it('answers in Vietnamese by default: no zod message, a stable code and the form’s label beside each field', () => {
    const p = refused(bad);
    expect(p.errors).toEqual([
      { field: 'applicant.name', code: 'required', label: 'Họ và tên', message: 'Chưa nhập thông tin này' },
      { field: 'applicant.email', code: 'invalid_email', label: 'Thư điện tử', message: 'Địa chỉ thư điện tử không hợp lệ' },
      { field: 'documents', code: 'too_few', label: 'Giấy tờ', message: 'Cần ít nhất 1 mục' },
      { field: 'newDueAt', code: 'invalid_datetime', label: 'Ngày hẹn mới', message: 'Ngày giờ không hợp lệ' },
      { field: 'score', code: 'too_big', label: 'Điểm đánh giá', message: 'Tối đa là 5' },
      { field: 'reason', code: 'unknown_key', label: 'Lý do', message: 'Trường "reason" không được chấp nhận' },
    ]);
    expect(p.detail).toBe('Thông tin chưa hợp lệ: Họ và tên, Thư điện tử, Giấy tờ, Ngày hẹn mới, Điểm đánh giá, Lý do');
    expect(JSON.stringify(p)).not.toMatch(/Invalid input|expected string|Too small|Invalid ISO|Invalid email|Unrecognized/);
  });

  it('answers in English when Accept-Language prefers it, with the same codes', () => {
    const p = refused(bad, { 'accept-language': 'en-GB,en;q=0.9,vi;q=0.5' });
    expect(p.errors.map((e) => [e.field, e.code, e.label, e.message])).toEqual([
      ['applicant.name', 'required', 'Full name', 'Required'],
      ['applicant.email', 'invalid_email', 'Email', 'Not a valid email address'],
      ['documents', 'too_few', 'Documents', 'At least 1 item'],
      ['newDueAt', 'invalid_datetime', 'New date', 'Not a valid date and time'],
      ['score', 'too_big', 'Score', 'At most 5'],
      ['reason', 'unknown_key', 'Reason', 'Unknown field "reason"'],
    ]);
    expect(p.detail).toBe('Invalid input: Full name, Email, Documents, New date, Score, Reason');
  });

  it('names an unknown key of a nested strict object by its path, and translates the schemas’ own messages', () => {
    const p = refused({ ...bad, applicant: { name: '\u200B', email: 'a@b.vn', phone: '1' } });
    expect(p.errors.slice(0, 2)).toEqual([
      { field: 'applicant.name', code: 'required', label: 'Họ và tên', message: 'Chưa nhập thông tin này (ký tự ẩn không được tính)' },
      { field: 'applicant.phone', code: 'unknown_key', label: 'Số điện thoại', message: 'Trường "phone" không được chấp nhận' },
    ]);
    const en = refused({ ...bad, applicant: { name: '\u200B', email: 'a@b.vn' } }, { 'accept-language': 'en' });
    expect(en.errors[0]!.message).toBe('must not be empty (invisible characters do not count)');
  });

  it('reads Accept-Language by preference', () => {
    expect(languageOf({})).toBe('vi');
    expect(languageOf({ 'accept-language': 'en' })).toBe('en');
    expect(languageOf({ 'accept-language': 'vi-VN,vi;q=0.9,en;q=0.8' })).toBe('vi');
    expect(languageOf({ 'accept-language': 'fr-FR,en;q=0.5' })).toBe('en');
    expect(languageOf({ 'accept-language': 'vi;q=0.2,en;q=0.8' })).toBe('en');
    expect(languageOf({ 'accept-language': 'de' })).toBe('vi');
  });

  it('keeps the half of a bilingual detail in the caller’s language, and a rule’s own message as written', () => {
    const p = new HttpProblem(409, 'Conflict', 'Tệp đang được quét mã độc; thử lại sau ít phút. / The file is being scanned for malware; try again in a few minutes.', [
      { field: 'kind', message: 'TTHCC is the receiving desk of 3 procedures' },
    ]);
    expect(localised(p, {}).detail).toBe('Tệp đang được quét mã độc; thử lại sau ít phút.');
    expect(localised(p, { 'accept-language': 'en' }).detail).toBe('The file is being scanned for malware; try again in a few minutes.');
    expect(localised(p, {}).errors).toEqual([{ field: 'kind', code: 'invalid', label: 'Loại cơ quan', message: 'TTHCC is the receiving desk of 3 procedures' }]);
  });
});
