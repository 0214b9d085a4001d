import * as z from 'zod';
import type { Dossier, Step } from './dossier';
import type { DossierEvent } from './events';

/**
 * The National Public Service Portal (Cổng DVC Quốc gia) adapter's messages, as OpenCPS's DVCQG
 * integration sends them (VietOpenCPS/opencps-v2, DVCQGIntegrationActionImpl): pure, so every
 * field, format and status code is tested without a network. docs/national-portal.md.
 *
 * The applicant's name (ChuHoSo) is sent: the portal is the State's own system, entitled to the
 * dossier (Decision 31/2021/QĐ-TTg art. 30(3)); nothing else personal (no ID number, email, phone).
 */

const unit = z.string().regex(/^[A-Za-z0-9._-]{1,60}$/, 'a national unit code (MaDonVi)');

/** config/<centre>/national-portal.json */
export const NationalPortalConfig = z
  .object({
    /** The adapter's base URL (the portal operator's gateway, or LGSP). */
    url: z.url({ protocol: /^https?$/ }),
    /** The Secrets Manager secret holding `{"username","password"}` (locally: LOCAL_SECRETS). */
    secretName: z.string().regex(/^[A-Za-z0-9/_+=.@:-]{1,512}$/),
    /** The province's code sent as the `dstcode` header at sign-in. */
    dstcode: z.string().regex(/^[A-Za-z0-9._-]{1,40}$/),
    /** The centre's own unit code (madonvi of every call, and DonViXuLy when an agency has none). */
    centreUnit: unit,
    /** Procedure code, or `<code>#<version>` for one version, → MaTTHC. */
    procedures: z.record(z.string().regex(/^[A-Z0-9-]{2,40}(#\d{1,4})?$/), z.string().regex(/^[0-9A-Za-z.-]{1,40}$/)),
    /** Agency or branch code → MaDonVi. */
    units: z.record(z.string().regex(/^[A-Z0-9]{2,12}$/), unit),
    /** Attempts before a call is parked for an operator (default 8). */
    maxAttempts: z.number().int().min(1).max(50).optional(),
  })
  .strict();
export type NationalPortalConfig = z.infer<typeof NationalPortalConfig>;

/** `yyyyMMddHHmmss` in Vietnam time (UTC+7, no daylight saving). */
export function portalDate(iso: string | undefined | null): string {
  if (!iso) return '';
  const t = new Date(Date.parse(iso) + 7 * 3600_000).toISOString();
  return t.slice(0, 19).replace(/[-T:]/g, '');
}

export function maTTHC(cfg: NationalPortalConfig, d: Pick<Dossier, 'procedure'>): string | undefined {
  return cfg.procedures[`${d.procedure.code}#${d.procedure.version}`] ?? cfg.procedures[d.procedure.code];
}

export const maDonVi = (cfg: NationalPortalConfig, agencyOrBranch: string | undefined) =>
  (agencyOrBranch && cfg.units[agencyOrBranch]) || cfg.centreUnit;

/** HinhThuc: 0 at the counter, 1 online, 2 by post (OpenCPS's codes). */
const HINH_THUC = { counter: 0, online: 1, post: 2 } as const;

export interface PortalCall {
  service: 'DongBoHoSoMC' | 'CapNhatTienDoHoSoMC';
  body: Record<string, unknown>;
}

const PROGRESS: Partial<Record<DossierEvent['kind'], string>> = {
  'step-assigned': 'Chuyển hồ sơ đến cơ quan xử lý',
  'step-decided': 'Cơ quan xử lý đã giải quyết',
};

/**
 * The call an event becomes (undefined: nothing for the portal — a rating goes to the evaluation
 * sync, not yet built). The dossier and steps are read when the call is sent: DongBoHoSoMC is the
 * dossier's whole state (create, then update), its status the event's own.
 */
export function portalCall(cfg: NationalPortalConfig, e: DossierEvent, d: Dossier, steps: readonly Step[], results: { name: string; ref: string }[] = []): PortalCall | undefined {
  // a dossier pushed by the portal keeps the portal's own code there (and exists there already)
  const MaHoSo = d.online?.nationalPortal?.code ?? d.code;
  if (e.kind === 'step-assigned' || e.kind === 'step-decided') {
    const step = steps.find((s) => s.stepId === e.stepId);
    return {
      service: 'CapNhatTienDoHoSoMC',
      body: {
        MaHoSo,
        NguoiXuLy: step?.name.vi ?? e.agency ?? '',
        DonViXuLy: maDonVi(cfg, e.agency),
        ThoiDiemXuLy: portalDate(e.at),
        NoiDungXuLy: e.kind === 'step-decided' ? (e.outcome === 'refuse' ? 'Từ chối giải quyết' : 'Đồng ý, chuyển bước tiếp theo') : PROGRESS[e.kind],
        TrangThai: e.status,
      },
    };
  }
  if (e.kind === 'rating') return undefined;
  const apologies = Object.values(d.letters ?? {}).filter((l) => l.event === 'supplement-received' && l.newAppointmentAt && l.at <= e.at);
  return {
    service: 'DongBoHoSoMC',
    body: {
      isUpdating: !!d.online?.nationalPortal || (e.kind !== 'submitted' && !(e.kind === 'received' && !d.online)),
      MaHoSo,
      MaTTHC: maTTHC(cfg, d) ?? '',
      TenTTHC: d.procedure?.name?.vi ?? '',
      ChuHoSo: d.applicant?.name ?? '',
      LoaiDoiTuong: 1,
      NgayTiepNhan: portalDate(d.receivedAt),
      NgayHenTra: portalDate(e.newAppointmentAt ?? d.appointmentAt),
      TrangThaiHoSo: e.status,
      HinhThuc: HINH_THUC[d.channel] ?? 0,
      DonViXuLy: maDonVi(cfg, d.branch ?? d.procedure.receivingAgency),
      NgayTra: portalDate(d.returnedAt),
      TaiLieuNop: (d.documents ?? []).map((doc) => ({ TepDinhKemId: doc.ref, TenTepDinhKem: doc.name })),
      // the fee lines (issue 23; OpenCPS's PhiLePhi terms — LoaiPhiLePhi 1 lệ phí, 2 phí: unverified, docs/fees.md),
      // paid (DaThanhToan 1) once the obligation is settled, refunded amounts beside (SoTienHoanTra)
      DanhSachLePhi: (d.fees?.lines ?? []).map((l) => ({
        MaPhiLePhi: l.code,
        TenPhiLePhi: l.name.vi,
        LoaiPhiLePhi: l.kind === 'le-phi' ? 1 : 2,
        SoTien: l.amount,
        DaThanhToan: d.fees?.paidAt && d.fees.paidAt <= e.at ? 1 : 0,
      })),
      ...(Object.values(d.fees?.refunds ?? {}).some((r) => r.at <= e.at)
        ? { SoTienHoanTra: Object.values(d.fees!.refunds!).filter((r) => r.at <= e.at).reduce((t, r) => t + r.amount, 0) }
        : {}),
      // a fee's wait is not a supplement round (its pause is kind `fee`)
      DanhSachHoSoBoSung: Object.entries(d.pauses ?? {})
        .filter(([, p]) => p.from <= e.at && p.kind !== 'fee')
        .map(([key, p]) => {
          const letter = apologies.find((l) => l.at === p.to);
          return {
            HoSoBoSungId: `${MaHoSo}-${key}`,
            NgayBoSung: portalDate(p.from),
            NgayTiepNhanBoSung: p.to && p.to <= e.at ? portalDate(p.to) : '',
            NgayHenTraTruoc: portalDate(letter?.originalAppointmentAt),
            NgayHenTraMoi: portalDate(letter?.newAppointmentAt),
          };
        }),
      DanhSachGiayToKetQua: e.status >= 9 && e.status !== 3 ? results.map((r) => ({ TenGiayTo: r.name, MaThanhPhan: r.ref })) : [],
    },
  };
}

/** Shape checks the stand-in portal applies (infra/local/dvcqg.ts): what a real portal would refuse. */
export const DongBoHoSoMC = z.object({
  MaHoSo: z.string().min(1),
  MaTTHC: z.string().min(1),
  ChuHoSo: z.string().min(1),
  NgayTiepNhan: z.string().regex(/^(\d{14})?$/),
  NgayHenTra: z.string().regex(/^(\d{14})?$/),
  TrangThaiHoSo: z.number().int().min(1).max(10),
  HinhThuc: z.number().int().min(0).max(2),
  DonViXuLy: z.string().min(1),
  TaiLieuNop: z.array(z.object({ TepDinhKemId: z.string(), TenTepDinhKem: z.string() })),
  DanhSachHoSoBoSung: z.array(z.object({ NgayHenTraTruoc: z.string().regex(/^(\d{14})?$/), NgayHenTraMoi: z.string().regex(/^(\d{14})?$/) }).passthrough()),
  DanhSachGiayToKetQua: z.array(z.object({ TenGiayTo: z.string() }).passthrough()),
  DanhSachLePhi: z.array(z.object({ MaPhiLePhi: z.string().min(1), TenPhiLePhi: z.string().min(1), LoaiPhiLePhi: z.number().int(), SoTien: z.number().int().positive() }).passthrough()).optional(),
}).passthrough();

export const CapNhatTienDoHoSoMC = z.object({
  MaHoSo: z.string().min(1),
  NguoiXuLy: z.string().min(1),
  ThoiDiemXuLy: z.string().regex(/^\d{14}$/),
  NoiDungXuLy: z.string().min(1),
  TrangThai: z.number().int().min(1).max(10),
}).passthrough();

/**
 * A dossier submitted on the national portal and pushed to the province (OpenCPS receives these
 * at `/nps/createdossierfromdvcqg`: MaHoSo, MaTTHC, the applicant's fields, TaiLieuNop). The
 * applicant as the national identity names them (the single sign-on's own field names); the
 * answers of the procedure's e-form keyed by its field names (TruongThongTin); the files by the
 * portal's reference (TepDinhKemId), kept as references, not copied.
 */
const portalInstant = z.string().regex(/^\d{14}$/, 'yyyyMMddHHmmss (giờ Việt Nam / Vietnam time)');
export const InboundDossier = z
  .object({
    MaHoSo: z.string().regex(/^[A-Za-z0-9._-]{4,60}$/, 'the portal\'s dossier code (MaHoSo)'),
    MaTTHC: z.string().regex(/^[0-9A-Za-z.-]{1,40}$/, 'a national procedure code (MaTTHC)'),
    MaDonVi: unit,
    NgayNopHoSo: portalInstant,
    ChuHoSo: z
      .object({
        HoVaTen: z.string().trim().min(1).max(100),
        SoDinhDanh: z.string().regex(/^\d{12}$/, '12 chữ số / 12 digits'),
        ThuDienTu: z.email().max(200).optional(),
        SoDienThoai: z.string().max(20).optional(),
        DiaChi: z.string().max(300).optional(),
      })
      .strict(),
    TruongThongTin: z.record(z.string().max(60), z.union([z.string().max(2000), z.number(), z.boolean()])).default({}),
    TaiLieuNop: z
      .array(z.object({ TepDinhKemId: z.string().min(1).max(200), TenTepDinhKem: z.string().min(1).max(300) }).strict())
      .max(50)
      .default([]),
  })
  .strict();
export type InboundDossier = z.infer<typeof InboundDossier>;

/** `yyyyMMddHHmmss` in Vietnam time → the instant (inverse of portalDate). */
export function fromPortalDate(s: string): Date {
  const iso = `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(8, 10)}:${s.slice(10, 12)}:${s.slice(12, 14)}+07:00`;
  return new Date(iso);
}

/** MaTTHC → the procedure's code (and version, when the mapping names one); undefined: not mapped. */
export function procedureOfMaTTHC(cfg: NationalPortalConfig, ma: string): { code: string; version?: number } | undefined {
  const key = Object.keys(cfg.procedures).find((k) => cfg.procedures[k] === ma);
  if (!key) return undefined;
  const [code, version] = key.split('#');
  return { code: code!, ...(version ? { version: Number(version) } : {}) };
}

/** MaDonVi → the agency's or branch's code (the centre's own unit: undefined, the main desk). */
export function unitOfMaDonVi(cfg: NationalPortalConfig, ma: string): string | undefined {
  return Object.keys(cfg.units).find((k) => cfg.units[k] === ma);
}
