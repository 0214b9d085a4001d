import { createHash, timingSafeEqual } from 'node:crypto';
import { deskFor } from './applications';
import { workingCalendar } from './calendar';
import { factTime } from './clock';
import { nationalPortalConfig } from './dvcqg-client';
import { HttpProblem, type FieldError } from './http';
import { onlineDossierItem } from './online-intake';
import { indexApplicant } from './personal-data';
import { hashPin, newPin } from './pin';
import { logger } from './powertools';
import { secretValue } from './secrets';
import { getDossier, getItem, listProcedures, putIfAbsent, reserveSequence, settleSequence, updateIf, versionInForce } from './store';
import { sign } from './webhooks';
import type { Citizen } from '../core/citizen';
import { appointmentAt } from '../core/deadlines';
import { dossierCode, type Dossier } from '../core/dossier';
import { fromPortalDate, procedureOfMaTTHC, unitOfMaDonVi, type InboundDossier, type NationalPortalConfig } from '../core/dvcqg';
import { localDate, toLocalIso } from '../core/local-time';
import { answerErrors, answersSchema, CHECK_WORKING_HOURS } from '../core/online';

/**
 * Dossiers submitted on the National Public Service Portal and pushed to the province
 * (docs/national-portal.md, Inbound). The portal signs each push as Standard Webhooks sign
 * (`webhook-id`, `webhook-timestamp`, `webhook-signature: v1,<base64 HMAC-SHA256>`), with the
 * `inboundSecret` kept beside the adapter's account in the one Secrets Manager secret
 * (`{"username","password","inboundSecret"}`): no citizen's session, no officer's token. The
 * dossier becomes an online application in status 1, in its desk's check queue, exactly as a
 * citizen's own submission; the portal's MaHoSo is kept (`online.nationalPortal`) and is the
 * dossier's MaHoSo in every later sync call. Pushed twice (or retried after a crash): one dossier.
 */

const unprocessable = (detail: string, errors: FieldError[]) => new HttpProblem(422, 'Unprocessable Content', detail, errors);
const unauthorized = (detail: string) => new HttpProblem(401, 'Unauthorized', detail);

/** How far a push's timestamp may be from now (the Standard Webhooks' replay window). */
export const INBOUND_TOLERANCE_S = 300;

/** The push's secret (`whsec_…`), from the adapter's secret; undefined when none is configured. */
export async function inboundSecret(cfg: NationalPortalConfig): Promise<string | undefined> {
  const account = JSON.parse(await secretValue(cfg.secretName)) as { inboundSecret?: string };
  return account.inboundSecret || undefined;
}

/** Check a push's Standard Webhooks signature (constant time; the timestamp within 5 minutes). */
export function pushSignatureValid(secret: string, headers: Record<string, string | undefined>, rawBody: string, at: Date): boolean {
  const id = headers['webhook-id'];
  const ts = Number(headers['webhook-timestamp']);
  const given = headers['webhook-signature'] ?? '';
  if (!id || !Number.isInteger(ts) || Math.abs(at.getTime() / 1000 - ts) > INBOUND_TOLERANCE_S) return false;
  const expected = Buffer.from(sign(secret, id, ts, rawBody));
  // several signatures may be sent, space-separated (key rotation)
  return given.split(' ').some((g) => {
    const b = Buffer.from(g);
    return b.length === expected.length && timingSafeEqual(b, expected);
  });
}

/** The intake request of a pushed dossier: one per portal code, so a second push is the same request. */
export const inboundIntakeKey = (maHoSo: string) => createHash('sha256').update(`dvcqg\n${maHoSo}`).digest('hex').slice(0, 24);
const inboundKey = (maHoSo: string) => ({ PK: `DVCQG#${maHoSo}`, SK: 'INBOUND' });

export interface InboundAnswer {
  code: string;
  MaHoSo: string;
  status: number;
  submittedAt: string;
  checkDueAt: string;
  /** True when this push had already arrived (the same dossier is answered). */
  duplicate: boolean;
}

const answerOf = (d: Dossier, duplicate: boolean): InboundAnswer => ({
  code: d.code,
  MaHoSo: d.online!.nationalPortal!.code,
  status: d.status,
  submittedAt: toLocalIso(d.online!.submittedAt),
  checkDueAt: toLocalIso(d.online!.checkDueAt),
  duplicate,
});

/** Record a pushed dossier (the signature already checked): 422 naming MaTTHC, MaDonVi or the answers' field. */
export async function receivePushedDossier(cfg: NationalPortalConfig, msg: InboundDossier): Promise<InboundAnswer> {
  const mapped = await getItem(inboundKey(msg.MaHoSo));
  if (mapped?.code) {
    const existing = await getDossier(String(mapped.code));
    if (existing?.online) return answerOf(existing, true);
  }
  const arrivedAt = factTime();
  const day = localDate(arrivedAt);
  const target = procedureOfMaTTHC(cfg, msg.MaTTHC);
  if (!target) throw unprocessable('Unknown procedure', [{ field: 'MaTTHC', message: `Mã thủ tục ${msg.MaTTHC} chưa được ánh xạ / ${msg.MaTTHC} is not a procedure of this centre` }]);
  const versions = await listProcedures(target.code);
  const procedure = target.version ? versions.find((p) => p.version === target.version) : versionInForce(versions, target.code, day);
  if (!procedure?.online || procedure.online.level === 'none') {
    throw unprocessable('Procedure not offered online', [{ field: 'MaTTHC', message: `Thủ tục ${msg.MaTTHC} không nộp trực tuyến tại trung tâm / ${msg.MaTTHC} is not applied for online here` }]);
  }
  const unitCode = msg.MaDonVi === cfg.centreUnit ? procedure.receivingAgency : unitOfMaDonVi(cfg, msg.MaDonVi);
  const unknownUnit = () => unprocessable('Unknown unit', [{ field: 'MaDonVi', message: `Mã đơn vị ${msg.MaDonVi} không phải bộ phận một cửa của trung tâm / ${msg.MaDonVi} is not a desk of this centre` }]);
  if (!unitCode) throw unknownUnit();
  const desk = await deskFor(procedure, unitCode).catch((e) => {
    if (e instanceof HttpProblem) throw unknownUnit();
    throw e;
  });
  const errors = answerErrors(procedure.online.form, msg.TruongThongTin).map((e) => ({ ...e, field: `TruongThongTin.${e.field}` }));
  if (errors.length) throw unprocessable(`The form is not complete: ${errors.map((e) => e.field).join(', ')}`, errors);
  const submittedAt = fromPortalDate(msg.NgayNopHoSo);
  if (Number.isNaN(submittedAt.getTime()) || submittedAt.getTime() > arrivedAt.getTime() + INBOUND_TOLERANCE_S * 1000) {
    throw unprocessable('Submission time', [{ field: 'NgayNopHoSo', message: 'Thời điểm nộp không hợp lệ hoặc ở tương lai / not a valid past instant' }]);
  }
  const intakeKey = inboundIntakeKey(msg.MaHoSo);
  // the code is bound to the portal's code before the dossier is written: a push retried after a
  // crash (another day, or racing the first) reuses it, never a second dossier
  let code: string;
  let yymmdd = day.slice(2).replaceAll('-', '');
  let seq = await reserveSequence(desk, yymmdd, intakeKey);
  code = dossierCode(desk, day, seq);
  const bound = await updateIf({
    Key: inboundKey(msg.MaHoSo),
    UpdateExpression: 'SET code = if_not_exists(code, :c)',
    ExpressionAttributeValues: { ':c': code },
    ReturnValues: 'ALL_NEW',
  });
  if (bound && bound.code !== code) {
    code = String(bound.code);
    const [, d6, n] = /-(\d{6})-(\d+)$/.exec(code)!;
    yymmdd = d6!;
    seq = Number(n);
    const existing = await getDossier(code);
    if (existing?.online) return answerOf(existing, true);
  }
  const citizen: Citizen = {
    identityNumber: msg.ChuHoSo.SoDinhDanh,
    name: msg.ChuHoSo.HoVaTen,
    ...(msg.ChuHoSo.ThuDienTu ? { email: msg.ChuHoSo.ThuDienTu } : {}),
    ...(msg.ChuHoSo.SoDienThoai ? { phone: msg.ChuHoSo.SoDienThoai } : {}),
    ...(msg.ChuHoSo.DiaChi ? { address: msg.ChuHoSo.DiaChi } : {}),
  };
  const calendar = await workingCalendar();
  // the desk's 8 working hours count from the push's arrival: the desk could not see it before
  const item = onlineDossierItem({
    code,
    procedure,
    desk,
    citizen,
    applicationId: `DVCQG:${msg.MaHoSo}`,
    answers: answersSchema(procedure.online.form).parse(msg.TruongThongTin),
    documents: [],
    submittedAt,
    checkDueAt: calendar.addWorkingTime(arrivedAt, CHECK_WORKING_HOURS),
    appointmentAt: appointmentAt(calendar, { receivedAt: submittedAt.toISOString(), procedure, extensions: {}, pauses: {} })!,
    pinHash: await hashPin(newPin()),
    intakeKey,
  });
  item.online!.nationalPortal = { code: msg.MaHoSo, arrivedAt: arrivedAt.toISOString(), files: msg.TaiLieuNop.map((f) => ({ id: f.TepDinhKemId, name: f.TenTepDinhKem })) };
  let dossier: Dossier = item;
  let duplicate = false;
  if (!(await putIfAbsent(item))) {
    // the same push again after a crash that followed the write: finish what it left
    const existing = await getDossier(code);
    if (existing?.intakeKey !== intakeKey) throw new Error(`Dossier code ${code} allocated twice`);
    dossier = existing;
    duplicate = true;
  }
  await settleSequence(desk, yymmdd, intakeKey, seq, Math.floor(arrivedAt.getTime() / 1000) + 3 * 86400);
  await indexApplicant(code, dossier.applicant);
  logger.info('dossier pushed by the national portal', { dossierCode: code, procedure: procedure.code, desk, files: msg.TaiLieuNop.length, duplicate });
  return answerOf(dossier, duplicate);
}

/** The adapter's configuration, or 503 when the centre is not connected. */
export function connectedPortal(): NationalPortalConfig {
  const cfg = nationalPortalConfig();
  if (!cfg) throw new HttpProblem(503, 'Service Unavailable', 'This centre is not connected to the national portal');
  return cfg;
}
