/**
 * Every error a person reads, in the caller's language (issue 20, item 3). The API's problem+json
 * speaks Vietnamese unless `Accept-Language` prefers English. Each field error carries a stable
 * machine-readable `code` (`required`, `too_long`, `unknown_key`…), the JSON path as `field`, the
 * field's name as the forms label it (`label`), and `message` in the caller's language. Pure: no
 * AWS; `parse()` (./http.ts) builds the field errors, the wrapper (./api.ts) localises the problem.
 */

/** One wrong field of a problem+json answer (re-exported by ./http.ts). */
export interface FieldError {
  /** The JSON path (`applicant.email`, `documents.0.name`); an unknown key is named by itself. */
  field: string;
  message: string;
  /** Stable and machine-readable (`required`, `too_long`, `unknown_key`…). */
  code?: string;
  /** The field as the forms label it, in the caller's language. */
  label?: string;
  /** What the message is made from (never sent). */
  params?: Record<string, string | number>;
}

/** What is read of an HttpProblem (./http.ts), so that the pages can import this module without Node's types. */
interface ProblemLike {
  status: number;
  detail?: string;
  errors?: FieldError[];
  inputError: boolean;
}

export type Lang = 'vi' | 'en';
type Text = { vi: string; en: string };

/** The caller's language from `Accept-Language`: English when it is preferred to Vietnamese, else Vietnamese. */
export function languageOf(headers: Record<string, string | undefined> | undefined): Lang {
  const header = headers?.['accept-language'] ?? headers?.['Accept-Language'];
  if (!header) return 'vi';
  const ranked = header
    .split(',')
    .map((part, i) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = Number(params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean) ?? 1);
      return { tag: tag ?? '', q: Number.isFinite(q) ? q : 0, i };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const { tag } of ranked) {
    if (tag === 'vi' || tag.startsWith('vi-')) return 'vi';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
  }
  return 'vi';
}

/** A zod issue, as much of it as we read (zod 4). */
interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  input?: unknown;
  expected?: string;
  origin?: string;
  format?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  keys?: string[];
  values?: unknown[];
}

/** zod's own English messages start so; anything else is a message the schema gave (kept, translated when known). */
const ZOD_DEFAULT = /^(Invalid input|Invalid email|Invalid ISO|Invalid string|Invalid option|Invalid (url|UUID|date|time|number)|Too small|Too big|Unrecognized key|Expected )/;

/** The field errors of a failed parse: one per issue, one per unknown key (named as the field). */
export function fieldErrorsOf(issues: readonly Issue[], where: string): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of issues) {
    const path = issue.path.map(String);
    const field = path.length ? path.join('.') : where;
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys ?? []) out.push({ field: [...path, key].join('.'), code: 'unknown_key', message: `Unknown field "${key}"`, params: { key } });
      continue;
    }
    const custom = !ZOD_DEFAULT.test(issue.message) ? issue.message : undefined;
    const { code, params } = classify(issue);
    out.push({ field, code, message: custom ?? EN_MESSAGES[code]?.(params) ?? issue.message, params: { ...params, ...(custom ? { custom } : {}) } });
  }
  return out;
}

type Params = Record<string, string | number>;

function classify(issue: Issue): { code: string; params: Params } {
  const n = (v: number | bigint | undefined) => Number(v ?? 0);
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return { code: 'required', params: {} };
      return { code: 'invalid_type', params: { expected: issue.expected ?? '' } };
    case 'too_small':
      if (issue.origin === 'string') return n(issue.minimum) <= 1 ? { code: 'required', params: {} } : { code: 'too_short', params: { min: n(issue.minimum) } };
      if (issue.origin === 'array' || issue.origin === 'set') return { code: 'too_few', params: { min: n(issue.minimum) } };
      return { code: 'too_small', params: { min: n(issue.minimum) } };
    case 'too_big':
      if (issue.origin === 'string') return { code: 'too_long', params: { max: n(issue.maximum) } };
      if (issue.origin === 'array' || issue.origin === 'set') return { code: 'too_many', params: { max: n(issue.maximum) } };
      return { code: 'too_big', params: { max: n(issue.maximum) } };
    case 'invalid_format':
      if (issue.format === 'email') return { code: 'invalid_email', params: {} };
      if (issue.format === 'datetime' || issue.format === 'date' || issue.format === 'time') return { code: 'invalid_datetime', params: {} };
      return { code: 'invalid_format', params: {} };
    case 'invalid_value':
      return { code: 'invalid_option', params: { options: (issue.values ?? []).map(String).join(', ') } };
    case 'not_multiple_of':
      return { code: 'not_integer', params: {} };
    default:
      return { code: 'invalid', params: {} };
  }
}

const EN_MESSAGES: Record<string, (p: Params) => string> = {
  required: () => 'Required',
  invalid_type: (p) => `Expected ${p.expected === 'int' ? 'a whole number' : `a ${p.expected}`}`,
  too_short: (p) => `At least ${p.min} characters`,
  too_long: (p) => `At most ${p.max} characters`,
  too_few: (p) => `At least ${p.min} ${p.min === 1 ? 'item' : 'items'}`,
  too_many: (p) => `At most ${p.max} items`,
  too_small: (p) => `At least ${p.min}`,
  too_big: (p) => `At most ${p.max}`,
  invalid_email: () => 'Not a valid email address',
  invalid_datetime: () => 'Not a valid date and time',
  invalid_format: () => 'Not in the expected form',
  invalid_option: (p) => `One of: ${p.options}`,
  not_integer: () => 'Expected a whole number',
  unknown_key: (p) => `Unknown field "${p.key}"`,
  invalid_json: () => 'The body is not valid JSON',
  wrong_confirmation: () => 'The confirmation code is wrong, expired or already used.',
  invalid: () => 'Not a valid value',
};

const VI_MESSAGES: Record<string, (p: Params) => string> = {
  required: () => 'Chưa nhập thông tin này',
  invalid_type: (p) => (p.expected === 'int' || p.expected === 'number' ? 'Phải là một số' : 'Giá trị không đúng kiểu'),
  too_short: (p) => `Tối thiểu ${p.min} ký tự`,
  too_long: (p) => `Tối đa ${p.max} ký tự`,
  too_few: (p) => `Cần ít nhất ${p.min} mục`,
  too_many: (p) => `Tối đa ${p.max} mục`,
  too_small: (p) => `Tối thiểu là ${p.min}`,
  too_big: (p) => `Tối đa là ${p.max}`,
  invalid_email: () => 'Địa chỉ thư điện tử không hợp lệ',
  invalid_datetime: () => 'Ngày giờ không hợp lệ',
  invalid_format: () => 'Không đúng định dạng',
  invalid_option: (p) => `Chỉ nhận một trong các giá trị: ${p.options}`,
  not_integer: () => 'Phải là số nguyên',
  unknown_key: (p) => `Trường "${p.key}" không được chấp nhận`,
  invalid_json: () => 'Nội dung gửi lên không phải JSON hợp lệ',
  wrong_confirmation: () => 'Mã xác nhận không đúng, đã hết hạn hoặc đã được dùng.',
  invalid: () => 'Giá trị không hợp lệ',
};

/** Messages the schemas give themselves (functions/commons/text.ts, params.ts…), in Vietnamese. */
const VI_CUSTOM: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^must not be empty/, () => 'Chưa nhập thông tin này (ký tự ẩn không được tính)'],
  [/^must not contain control characters/, () => 'Không được chứa ký tự điều khiển'],
  [/^no control characters or slashes/, () => 'Không được chứa ký tự điều khiển hoặc dấu gạch chéo'],
  [/^9 or 12 digits/, () => 'Gồm 9 hoặc 12 chữ số'],
  [/^a phone number/, () => 'Số điện thoại không hợp lệ, ví dụ 0912 345 678 hoặc +84 912 345 678'],
  [/^a dossier code/, () => 'Mã hồ sơ có dạng <đơn vị>-<yymmdd>-<nnnn>, ví dụ TTHCC-261127-0001'],
  [/^a (local )?date (as )?YYYY-MM-DD/, () => 'Ngày có dạng YYYY-MM-DD'],
  [/^a local time with \+07:00/, () => 'Thời điểm theo giờ Việt Nam (+07:00)'],
  [/^a document id/, () => 'Mã tệp không hợp lệ'],
  [/^the base64 SHA-256/, () => 'Mã băm SHA-256 của tệp (44 ký tự base64)'],
  [/^at most (\d+) bytes/, (m) => `Tệp tối đa ${m[1]} byte`],
  [/^at most (\d+) characters/, (m) => `Tối đa ${m[1]} ký tự`],
  [/^at least (\d+) characters/, (m) => `Tối thiểu ${m[1]} ký tự`],
  [/^at most (\d+)$/, (m) => `Tối đa ${m[1]}`],
  [/^at least (\d+)$/, (m) => `Tối thiểu ${m[1]}`],
  [/^a whole number from (\d+) to (\d+)/, (m) => `Một số nguyên từ ${m[1]} đến ${m[2]}`],
  [/^a year such as/, () => 'Một năm, ví dụ 2026'],
  [/^a step id/, () => 'Mã bước không hợp lệ, ví dụ s1-stp'],
  [/^an agency code/, () => 'Mã cơ quan không hợp lệ, ví dụ STP'],
  [/^upper-case letters and digits, 2 to 12 characters/, () => 'Mã cơ quan gồm 2 đến 12 chữ cái in hoa hoặc chữ số, ví dụ STP'],
  [/^a procedure code of upper-case letters/, () => 'Mã thủ tục gồm các nhóm 2–10 chữ cái in hoa hoặc chữ số, nối bằng dấu gạch ngang, ví dụ TP-LLTP'],
  [/^give q, status or both/, () => 'Cần nhập từ khóa, trạng thái hoặc cả hai'],
  [/^at least one agency/, () => 'Cần ít nhất một cơ quan'],
  [/^unknown key$/, () => 'Trường này không được chấp nhận'],
  [/^expected a non-empty string/, () => 'Chưa nhập thông tin này'],
  [/^expected a non-empty legal source/, () => 'Cần ghi căn cứ pháp lý'],
  [/^expected a real YYYY-MM-DD date/, () => 'Ngày có dạng YYYY-MM-DD và phải có thật'],
  [/^Mã xác nhận không đúng/, () => 'Mã xác nhận không đúng, đã hết hạn hoặc đã được dùng.'],
];

/** The field as the forms label it; array indices are left out of the key (`documents.0.name` → `documents.name`). */
const LABELS: Record<string, Text> = {
  'applicant.name': { vi: 'Họ và tên', en: 'Full name' },
  'applicant.email': { vi: 'Thư điện tử', en: 'Email' },
  'applicant.phone': { vi: 'Số điện thoại', en: 'Phone' },
  'applicant.idNumber': { vi: 'Số CMND/CCCD', en: 'ID number' },
  'applicant.address': { vi: 'Địa chỉ', en: 'Address' },
  applicant: { vi: 'Người nộp hồ sơ', en: 'Applicant' },
  procedureCode: { vi: 'Thủ tục', en: 'Procedure' },
  channel: { vi: 'Hình thức nộp', en: 'Channel' },
  kind: { vi: 'Loại cơ quan', en: 'Kind of agency' },
  documents: { vi: 'Giấy tờ', en: 'Documents' },
  'documents.name': { vi: 'Tên giấy tờ', en: 'Document name' },
  'documents.ref': { vi: 'Số hiệu / nơi lưu giấy tờ', en: 'Document reference' },
  'documents.draftId': { vi: 'Tệp đã tải lên', en: 'Uploaded file' },
  reason: { vi: 'Lý do', en: 'Reason' },
  note: { vi: 'Ghi chú', en: 'Note' },
  outcome: { vi: 'Kết quả xử lý', en: 'Outcome' },
  missing: { vi: 'Giấy tờ còn thiếu', en: 'Missing documents' },
  newDueAt: { vi: 'Ngày hẹn mới', en: 'New date' },
  score: { vi: 'Điểm đánh giá', en: 'Score' },
  comment: { vi: 'Nhận xét', en: 'Comment' },
  confirmation: { vi: 'Mã xác nhận', en: 'Confirmation code' },
  code: { vi: 'Mã hồ sơ', en: 'Dossier code' },
  name: { vi: 'Tên tệp', en: 'File name' },
  contentType: { vi: 'Loại tệp', en: 'File type' },
  size: { vi: 'Dung lượng tệp', en: 'File size' },
  sha256: { vi: 'Mã băm của tệp', en: 'File checksum' },
  q: { vi: 'Từ khóa tìm kiếm', en: 'Search' },
  status: { vi: 'Trạng thái', en: 'Status' },
  year: { vi: 'Năm', en: 'Year' },
  entries: { vi: 'Các ngày', en: 'Entries' },
  'entries.date': { vi: 'Ngày', en: 'Date' },
  'entries.kind': { vi: 'Loại ngày', en: 'Kind' },
  'entries.name.vi': { vi: 'Tên (tiếng Việt)', en: 'Name (Vietnamese)' },
  'entries.name.en': { vi: 'Tên (tiếng Anh)', en: 'Name (English)' },
  'entries.source': { vi: 'Căn cứ pháp lý', en: 'Legal source' },
  from: { vi: 'Từ ngày', en: 'From' },
  to: { vi: 'Đến ngày', en: 'To' },
  email: { vi: 'Thư điện tử', en: 'Email' },
  body: { vi: 'Nội dung gửi lên', en: 'Request body' },
  path: { vi: 'Đường dẫn', en: 'Path' },
  query: { vi: 'Tham số truy vấn', en: 'Query' },
};

/** `documents.0.name` and `entries[0].name.vi` → `documents.name`, `entries.name.vi`. */
const labelKey = (field: string) => field.replace(/\[\d+\]/g, '').replace(/\.\d+(?=\.|$)/g, '');

export function labelOf(field: string, lang: Lang): string | undefined {
  const key = labelKey(field);
  return LABELS[key]?.[lang] ?? LABELS[key.split('.').pop() ?? '']?.[lang];
}

function messageIn(e: FieldError, lang: Lang): string {
  // a rule's own message (no code: a handler's domain check) is kept as written
  if (!e.code) return e.message;
  const params = (e.params ?? {}) as Params;
  const custom = typeof params.custom === 'string' ? params.custom : undefined;
  if (lang === 'en') return custom ?? (e.code ? EN_MESSAGES[e.code]?.(params) : undefined) ?? e.message;
  const source = custom ?? (e.code ? undefined : e.message);
  if (source) {
    for (const [re, vi] of VI_CUSTOM) {
      const m = re.exec(source);
      if (m) return vi(m);
    }
    // a message of its own nobody translated: the code's message (generic) rather than English
    if (!e.code || e.code === 'invalid' || e.code === 'invalid_format') return VI_MESSAGES[e.code ?? 'invalid']!(params);
  }
  return (e.code ? VI_MESSAGES[e.code]?.(params) : undefined) ?? VI_MESSAGES.invalid!(params);
}

/**
 * The pages check a form with the API's own schema before sending it: its issues as field →
 * message in the page's language, the same words the API would answer (web/officers/pages/receive.tsx).
 */
export function fieldMessages(issues: readonly Issue[], lang: Lang): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of fieldErrorsOf(issues, 'body')) out[e.field] ??= messageIn(e, lang);
  return out;
}

/** Generic details by status, where the problem's own detail is a developer's sentence in English. */
const STATUS_DETAIL: Record<number, Text> = {
  413: { vi: 'Nội dung gửi lên quá lớn.', en: 'The request is too large.' },
  500: { vi: 'Đã có lỗi ngoài dự kiến. Vui lòng thử lại sau.', en: 'Something unexpected went wrong. Please try again later.' },
  503: { vi: 'Hệ thống đang bận. Vui lòng thử lại sau ít phút.', en: 'The service is busy. Please try again in a few minutes.' },
};

/**
 * The problem in `lang`: each field error with its code, label and message in that language; the
 * detail of an input error names the fields by their labels ("Thông tin chưa hợp lệ: Lý do, Ngày
 * hẹn mới"); a bilingual detail ("vi / en") keeps the half in that language.
 */
export function localiseProblem<P extends ProblemLike>(p: P, lang: Lang, make: (detail: string | undefined, errors: FieldError[] | undefined) => P): P {
  if (!p.errors?.length && !p.detail) return p;
  const errors = p.errors?.map((e) => {
    // an error may carry its own words in both languages (an online form's answers: the form's labels)
    const own = (k: string) => (typeof e.params?.[`${k}_${lang}`] === 'string' ? String(e.params[`${k}_${lang}`]) : undefined);
    const label = own('label') ?? labelOf(e.field, lang);
    return { field: e.field, code: e.code ?? 'invalid', ...(label ? { label } : {}), message: own('message') ?? messageIn(e, lang) };
  });
  let detail = p.detail;
  if (p.inputError && errors?.length) {
    const names = [...new Set(errors.map((e) => e.label ?? e.field))].join(', ');
    detail = lang === 'vi' ? `Thông tin chưa hợp lệ: ${names}` : `Invalid input: ${names}`;
  } else if (detail && / \/ /.test(detail) && /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i.test(detail.split(' / ')[0]!)) {
    const [vi, ...en] = detail.split(' / ');
    detail = lang === 'vi' ? vi : en.join(' / ');
  } else if (STATUS_DETAIL[p.status] && lang === 'vi') {
    // a 503 says what is missing (a year's calendar…): kept beside the sentence for the operators
    detail = p.status === 503 && detail ? `${STATUS_DETAIL[503]!.vi} (${detail})` : STATUS_DETAIL[p.status]!.vi;
  }
  return make(detail, errors);
}
