import type { Agency, Procedure } from './model';

/** Agencies of Hanoi's one-stop system (seed data for a new installation). */
export const agencies: Agency[] = [
  {
    code: 'TTHCC',
    kind: 'desk',
    name: {
      vi: 'Trung tâm Phục vụ hành chính công thành phố Hà Nội',
      en: 'Hanoi Public Administrative Service Center',
    },
  },
  { code: 'STP', kind: 'department', name: { vi: 'Sở Tư pháp', en: 'Department of Justice' } },
  { code: 'SXD', kind: 'department', name: { vi: 'Sở Xây dựng', en: 'Department of Construction' } },
  { code: 'SYT', kind: 'department', name: { vi: 'Sở Y tế', en: 'Department of Health' } },
  { code: 'SDL', kind: 'department', name: { vi: 'Sở Du lịch', en: 'Department of Tourism' } },
  { code: 'CATP', kind: 'department', name: { vi: 'Công an thành phố Hà Nội', en: 'Hanoi City Police' } },
];

export const agencyCodes: string[] = agencies.map((a) => a.code);

/** Procedures of the seed catalogue; budgets in working hours (8 h = 1 working day). */
export const procedures: Procedure[] = [
  {
    code: 'DL-LHND',
    version: 1,
    effectiveFrom: '2025-07-01',
    name: {
      vi: 'Cấp giấy phép kinh doanh dịch vụ lữ hành nội địa',
      en: 'Licence for a domestic travel agency',
    },
    field: { vi: 'Du lịch', en: 'Tourism' },
    legalHours: 80,
    receivingAgency: 'TTHCC',
    stages: [
      {
        steps: [
          {
            stepId: 's1-sdl',
            agency: 'SDL',
            name: { vi: 'Thẩm định và cấp giấy phép', en: 'Appraisal and licensing' },
            budgetHours: 72,
          },
        ],
      },
    ],
  },
  {
    code: 'TP-LLTP',
    version: 1,
    effectiveFrom: '2025-07-01',
    name: {
      vi: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam',
      en: 'Judicial record certificate for a Vietnamese citizen',
    },
    field: { vi: 'Lý lịch tư pháp', en: 'Judicial records' },
    legalHours: 80,
    receivingAgency: 'TTHCC',
    stages: [
      {
        steps: [
          {
            stepId: 's1-stp',
            agency: 'STP',
            name: { vi: 'Tra cứu thông tin lý lịch tư pháp', en: 'Search of the judicial-record database' },
            budgetHours: 24,
          },
        ],
      },
      {
        steps: [
          {
            stepId: 's2-catp',
            agency: 'CATP',
            name: { vi: 'Xác minh thông tin án tích', en: 'Verification of criminal records' },
            budgetHours: 48,
          },
        ],
      },
    ],
  },
];
