import { describe, expect, it } from 'vitest';
import { answerErrors, answersSchema, missingDocuments, onlineErrors, type FormField, type OnlineService } from './online';

const form: FormField[] = [
  { name: 'hoTen', label: { vi: 'Họ và tên', en: 'Full name' }, type: 'text', required: true, maxLength: 20 },
  { name: 'soDinhDanh', label: { vi: 'Số định danh cá nhân', en: 'Personal identification number' }, type: 'text', required: true, pattern: '[0-9]{12}', patternHint: { vi: '12 chữ số', en: '12 digits' } },
  { name: 'ngaySinh', label: { vi: 'Ngày sinh', en: 'Date of birth' }, type: 'date', required: true },
  { name: 'soLuong', label: { vi: 'Số lượng', en: 'Copies' }, type: 'number' },
  { name: 'email', label: { vi: 'Thư điện tử', en: 'Email' }, type: 'email' },
  { name: 'dienThoai', label: { vi: 'Số điện thoại', en: 'Phone' }, type: 'tel' },
  { name: 'loai', label: { vi: 'Loại phiếu', en: 'Kind' }, type: 'select', required: true, options: [{ value: 'so-1', label: { vi: 'Phiếu số 1', en: 'No. 1' } }] },
  { name: 'camDoan', label: { vi: 'Cam đoan', en: 'Declaration' }, type: 'checkbox', required: true },
];
const good = { hoTen: '  Nguyễn Văn A ', soDinhDanh: '001099012345', ngaySinh: '1990-02-28', loai: 'so-1', camDoan: true };

describe('answersSchema: one schema for a form’s answers (API and pages)', () => {
  it('accepts good answers, cleaned: trimmed text, phones as +84, optional empty ones dropped', () => {
    expect(answersSchema(form).parse({ ...good, hoTen: 'Nguye\u0302\u0303n Văn A\u200B', dienThoai: '0912 345 678', email: '' })).toEqual({
      ...good,
      hoTen: 'Nguyễn Văn A',
      dienThoai: '+84912345678',
    });
  });

  it('names each wrong field by its label, in the language asked for', () => {
    const bad = { hoTen: '', soDinhDanh: '12345', ngaySinh: '1990-02-30', soLuong: 'hai', email: 'x@', dienThoai: '123', loai: 'so-3', camDoan: false };
    const vi = answersSchema(form, 'vi').safeParse(bad);
    expect(vi.success).toBe(false);
    const byField = Object.fromEntries(vi.error!.issues.map((i) => [String(i.path[0]), i.message]));
    expect(Object.keys(byField).sort()).toEqual(['camDoan', 'dienThoai', 'email', 'hoTen', 'loai', 'ngaySinh', 'soDinhDanh', 'soLuong']);
    expect(byField.hoTen).toBe('Họ và tên: chưa nhập');
    expect(byField.soDinhDanh).toBe('Số định danh cá nhân: không đúng định dạng (12 chữ số)');
    const en = answersSchema(form, 'en').safeParse(bad);
    expect(en.error!.issues.find((i) => i.path[0] === 'soDinhDanh')!.message).toBe('Personal identification number: not in the expected form (12 digits)');
    expect(en.error!.issues.find((i) => i.path[0] === 'ngaySinh')!.message).toBe('Date of birth: a real date as YYYY-MM-DD');
  });

  it('refuses a missing required field and a field the form does not have', () => {
    const { hoTen: _h, ...rest } = good;
    const errors = answerErrors(form, { ...rest, biDanh: 'x' });
    expect(errors.map((e) => e.field).sort()).toEqual(['answers.biDanh', 'answers.hoTen']);
    expect(errors.find((e) => e.field === 'answers.hoTen')!.params).toMatchObject({ label_vi: 'Họ và tên', label_en: 'Full name', message_vi: 'Họ và tên: chưa nhập' });
  });

  it('keeps a text within its maxLength and refuses control characters', () => {
    expect(answersSchema(form).safeParse({ ...good, hoTen: 'x'.repeat(21) }).success).toBe(false);
    expect(answersSchema(form).safeParse({ ...good, hoTen: 'a\u0007b' }).success).toBe(false);
  });
});

describe('the rules of an online service', () => {
  const service: OnlineService = { level: 'fully', form, documents: [{ id: 'can-cuoc', name: { vi: 'Căn cước', en: 'Identity card' }, required: true, eCopy: true, reusable: true }] };
  it('passes a good service and names what is wrong', () => {
    expect(onlineErrors(service)).toEqual([]);
    const bad: OnlineService = { ...service, form: [{ ...form[0]!, type: 'checkbox', pattern: '(', maxLength: 3, prefill: 'name' }, { ...form[6]!, options: [form[6]!.options![0]!, form[6]!.options![0]!] }] };
    expect(onlineErrors(bad).map((e) => e.field)).toEqual([
      'online.form[0].pattern',
      'online.form[0].pattern',
      'online.form[0].patternHint',
      'online.form[0].maxLength',
      'online.form[0].prefill',
      'online.form[1].options[1].value',
    ]);
  });
  it('lists the required documents not attached', () => {
    expect(missingDocuments(service, []).map((d) => d.id)).toEqual(['can-cuoc']);
    expect(missingDocuments(service, [{ requirement: 'can-cuoc' }])).toEqual([]);
  });
});
