import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Dossier } from './dossier';
import { CapNhatTienDoHoSoMC, DongBoHoSoMC, maDonVi, maTTHC, NationalPortalConfig, portalCall, portalDate } from './dvcqg';
import type { DossierEvent } from './events';
import { hanoiProcedures as procedures } from '../../test/support/centre';

const cfg = NationalPortalConfig.parse(JSON.parse(readFileSync('config/hanoi/national-portal.json', 'utf8')));
const lltp = procedures.find((p) => p.code === 'TP-LLTP')!;
const dossier = {
  code: 'TTHCC-261201-0001', procedure: lltp, status: 5, channel: 'counter', applicant: { name: 'Nguyễn Thị Bình', email: 'b@example.vn', phone: '0912345678', idNumber: '001190012345' },
  documents: [{ name: 'Tờ khai', ref: 'doc-1' }], receivedAt: '2026-12-01T02:00:00.000Z', appointmentAt: '2026-12-11T10:00:00.000Z', stageIndex: 0, extensions: {},
  pauses: { 's1-stp-1': { stepId: 's1-stp', round: 1, agency: 'STP', from: '2026-12-02T03:00:00.000Z', to: '2026-12-03T04:00:00.000Z', missing: [], reason: 'r' } },
  letters: { 'supplement-received-1': { event: 'supplement-received', at: '2026-12-03T04:00:00.000Z', by: 's1-stp', agencies: ['STP'], reasons: [], originalAppointmentAt: '2026-12-11T10:00:00.000Z', newAppointmentAt: '2026-12-12T10:00:00.000Z' } },
  pinHash: 'x', receivedBy: 'desk-1',
} as unknown as Dossier;
const ev = (over: Partial<DossierEvent>): DossierEvent => ({ id: 'x', code: dossier.code, kind: 'received', at: dossier.receivedAt, status: 2, ...over });

describe('the national portal messages', () => {
  it('write dates as yyyyMMddHHmmss in Vietnam time', () => {
    expect(portalDate('2026-12-01T17:30:05.000Z')).toBe('20261202003005');
    expect(portalDate(undefined)).toBe('');
  });

  it('map procedure versions and units, a version before its code, the centre when unmapped', () => {
    expect(maTTHC(cfg, dossier)).toBe('2.000488');
    expect(maTTHC({ ...cfg, procedures: { ...cfg.procedures, [`TP-LLTP#${lltp.version}`]: '9.9' } }, dossier)).toBe('9.9');
    expect(maDonVi(cfg, 'STP')).toBe('000.00.21.H26');
    expect(maDonVi(cfg, 'NOPE')).toBe(cfg.centreUnit);
  });

  it('sync the dossier (DongBoHoSoMC) with its status, appointment, documents and supplement rounds — the name, nothing else personal', () => {
    const call = portalCall(cfg, ev({ kind: 'supplement-answered', at: '2026-12-03T04:00:00.000Z', status: 4, newAppointmentAt: '2026-12-12T10:00:00.000Z' }), dossier, [])!;
    expect(call.service).toBe('DongBoHoSoMC');
    expect(DongBoHoSoMC.safeParse(call.body).success).toBe(true);
    expect(call.body).toMatchObject({
      MaHoSo: dossier.code, MaTTHC: '2.000488', ChuHoSo: 'Nguyễn Thị Bình', NgayTiepNhan: '20261201090000', NgayHenTra: '20261212170000', TrangThaiHoSo: 4, HinhThuc: 0, DonViXuLy: '000.00.00.H26', isUpdating: true,
      DanhSachHoSoBoSung: [{ NgayBoSung: '20261202100000', NgayTiepNhanBoSung: '20261203110000', NgayHenTraTruoc: '20261211170000', NgayHenTraMoi: '20261212170000' }],
    });
    const text = JSON.stringify(call.body);
    for (const secret of ['b@example.vn', '0912345678', '001190012345']) expect(text).not.toContain(secret);
    expect(portalCall(cfg, ev({}), dossier, [])!.body.isUpdating).toBe(false);
  });

  it('send the fee lines (DanhSachLePhi), paid once settled, a refund beside; a fee\'s wait is no supplement round', () => {
    const owing = {
      ...dossier,
      fees: { due: 'submission', lines: [{ code: 'LLTP-01', kind: 'phi', name: { vi: 'Phí cung cấp thông tin lý lịch tư pháp', en: 'Charge' }, amount: 200000 }], total: 200000, currency: 'VND', since: '2026-12-01T02:00:00.000Z', paidAt: '2026-12-01T03:00:00.000Z', paymentId: 'P1', refunds: { R1: { paymentId: 'P1', amount: 200000, at: '2026-12-05T03:00:00.000Z' } } },
      pauses: { ...dossier.pauses, 'fee-1': { stepId: 'fee', round: 1, agency: 'TTHCC', from: '2026-12-01T02:00:00.000Z', to: '2026-12-01T03:00:00.000Z', missing: [], reason: 'financial obligation', kind: 'fee' } },
    } as unknown as Dossier;
    const asked = portalCall(cfg, ev({ kind: 'fee-asked', at: '2026-12-01T02:00:00.000Z', status: 6 }), owing, [])!;
    expect(DongBoHoSoMC.safeParse(asked.body).success).toBe(true);
    expect(asked.body.DanhSachLePhi).toEqual([{ MaPhiLePhi: 'LLTP-01', TenPhiLePhi: 'Phí cung cấp thông tin lý lịch tư pháp', LoaiPhiLePhi: 2, SoTien: 200000, DaThanhToan: 0 }]);
    expect(asked.body.DanhSachHoSoBoSung).toEqual([]);
    expect(asked.body.SoTienHoanTra).toBeUndefined();
    const refunded = portalCall(cfg, ev({ kind: 'fee-refunded', at: '2026-12-05T03:00:00.000Z', status: 7 }), owing, [])!;
    expect(refunded.body).toMatchObject({ DanhSachLePhi: [{ DaThanhToan: 1 }], SoTienHoanTra: 200000 });
    expect(refunded.body.DanhSachHoSoBoSung).toHaveLength(1);
  });

  it('report a step as progress (CapNhatTienDoHoSoMC)', () => {
    const call = portalCall(cfg, ev({ kind: 'step-decided', stepId: 's1-stp', agency: 'STP', outcome: 'approve', at: '2026-12-04T01:00:00.000Z', status: 4 }), dossier, [])!;
    expect(call.service).toBe('CapNhatTienDoHoSoMC');
    expect(CapNhatTienDoHoSoMC.safeParse(call.body).success).toBe(true);
    expect(call.body).toMatchObject({ MaHoSo: dossier.code, ThoiDiemXuLy: '20261204080000', TrangThai: 4, DonViXuLy: '000.00.21.H26' });
    expect(portalCall(cfg, ev({ kind: 'rating' }), dossier, [])).toBeUndefined();
  });

  it('sync a dossier the portal pushed under the portal\'s own code, as an update from its first call', () => {
    const pushed = { ...dossier, channel: 'online', online: { nationalPortal: { code: 'G22.H26-261201-0042', arrivedAt: dossier.receivedAt, files: [] }, submittedAt: dossier.receivedAt } } as unknown as Dossier;
    const call = portalCall(cfg, ev({ kind: 'submitted', status: 1 }), pushed, [])!;
    expect(call.body).toMatchObject({ MaHoSo: 'G22.H26-261201-0042', isUpdating: true, HinhThuc: 1 });
    const progress = portalCall(cfg, ev({ kind: 'step-assigned', stepId: 's1-stp', agency: 'STP', status: 4 }), pushed, [])!;
    expect(progress.body.MaHoSo).toBe('G22.H26-261201-0042');
  });
});
