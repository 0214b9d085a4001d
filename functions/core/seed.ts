import type { Agency, Procedure } from './model';

/** Agencies of Hanoi's one-stop system (seed data for a new installation). */
export const agencies: Agency[] = [
  {
    code: 'TTHCC',
    email: 'motcua@hanoi.example.gov.vn',
    kind: 'desk',
    name: {
      vi: 'Trung tâm Phục vụ hành chính công thành phố Hà Nội',
      en: 'Hanoi Public Administrative Service Center',
    },
  },
  { code: 'STP',
    email: 'sotuphap@hanoi.example.gov.vn', kind: 'department', name: { vi: 'Sở Tư pháp', en: 'Department of Justice' } },
  { code: 'SXD',
    email: 'soxaydung@hanoi.example.gov.vn', kind: 'department', name: { vi: 'Sở Xây dựng', en: 'Department of Construction' } },
  { code: 'SYT',
    email: 'soyte@hanoi.example.gov.vn', kind: 'department', name: { vi: 'Sở Y tế', en: 'Department of Health' } },
  { code: 'SDL',
    email: 'sodulich@hanoi.example.gov.vn', kind: 'department', name: { vi: 'Sở Du lịch', en: 'Department of Tourism' } },
  { code: 'CATP',
    email: 'congan@hanoi.example.gov.vn', kind: 'department', name: { vi: 'Công an thành phố Hà Nội', en: 'Hanoi City Police' } },
];

export const agencyCodes: string[] = agencies.map((a) => a.code);

/** The last stage of every route: the one-stop desk hands the result back to the citizen. */
const returnStage = {
  steps: [
    {
      stepId: 'return',
      agency: 'TTHCC',
      name: { vi: 'Trả kết quả cho công dân', en: 'Return of the result to the citizen' },
      budgetHours: 4,
    },
  ],
};

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
      returnStage,
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
      returnStage,
    ],
  },
  {
    code: 'XD-GPXD',
    version: 1,
    effectiveFrom: '2025-07-01',
    name: {
      vi: 'Cấp giấy phép xây dựng công trình cấp đặc biệt, cấp I',
      en: 'Construction permit for a special-grade or grade-I building',
    },
    field: { vi: 'Xây dựng', en: 'Construction' },
    legalHours: 160,
    receivingAgency: 'TTHCC',
    stages: [
      {
        steps: [
          {
            stepId: 's1-sxd',
            agency: 'SXD',
            name: { vi: 'Thẩm định hồ sơ thiết kế', en: 'Appraisal of the design' },
            budgetHours: 56,
          },
          {
            stepId: 's1-catp',
            agency: 'CATP',
            name: { vi: 'Thẩm duyệt thiết kế phòng cháy, chữa cháy', en: 'Fire-safety design approval' },
            budgetHours: 40,
          },
        ],
      },
      {
        steps: [
          {
            stepId: 's2-sxd',
            agency: 'SXD',
            name: { vi: 'Cấp giấy phép xây dựng', en: 'Issue of the construction permit' },
            budgetHours: 40,
          },
        ],
      },
      returnStage,
    ],
  },
];
