import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * A city's centre folder, generated: Hanoi's profile with `branches` branch desks, `agencies`
 * agencies (the desk, then departments and wards) and `procedures` procedures, each routed through
 * two of them before the hand-back. Written to a temporary folder (the caller removes it), so the
 * tests can synthesize, load and run a city's size without shipping it.
 */
export interface CitySize {
  agencies: number;
  branches: number;
  procedures: number;
}

export const CITY: CitySize = { agencies: 150, branches: 30, procedures: 50 };

const ROOT = resolve(import.meta.dirname, '../..');
const HANOI = join(ROOT, 'config/hanoi');
const pad = (n: number, width = 3) => String(n).padStart(width, '0');

export const cityAgencyCode = (i: number) => `CQ${pad(i)}`;
export const cityBranchCode = (i: number) => `CN${pad(i, 2)}`;
export const cityProcedureCode = (i: number) => `TP-TT${pad(i)}`;

export function writeCityFolder(size: CitySize = CITY): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-city-'));
  cpSync(HANOI, dir, { recursive: true });
  rmSync(join(dir, 'procedures'), { recursive: true, force: true });
  const profile = JSON.parse(readFileSync(join(HANOI, 'centre.json'), 'utf8'));
  const desk = profile.deskAgency as string;
  const branches = Array.from({ length: size.branches }, (_, k) => {
    const i = k + 1;
    return {
      code: cityBranchCode(i),
      name: { vi: `Chi nhánh số ${i} – ${profile.name.vi}`, en: `Branch No. ${i} of the ${profile.name.en}` },
      address: { vi: `Số ${i} phố Thử Nghiệm, phường ${i}, thành phố Hà Nội`, en: `${i} Thu Nghiem Street, Ward ${i}, Hanoi` },
      openingHours: profile.openingHours,
      hotline: `1900 ${pad(1000 + i, 4)}`,
    };
  });
  writeFileSync(join(dir, 'centre.json'), JSON.stringify({ ...profile, branches }, null, 2));
  const hanoiAgencies = JSON.parse(readFileSync(join(HANOI, 'agencies.json'), 'utf8')) as { code: string; kind: string; email: string; name: unknown }[];
  const deskAgency = hanoiAgencies.find((a) => a.code === desk)!;
  const agencies = [
    deskAgency,
    ...Array.from({ length: size.agencies - 1 }, (_, k) => {
      const i = k + 1;
      const ward = i > 30;
      return {
        code: cityAgencyCode(i),
        kind: 'department',
        email: `cq${pad(i)}@hanoi.example.gov.vn`,
        name: ward
          ? { vi: `Ủy ban nhân dân phường số ${i - 30}`, en: `People's Committee of Ward No. ${i - 30}` }
          : { vi: `Sở thử nghiệm số ${i}`, en: `Test Department No. ${i}` },
      };
    }),
  ];
  writeFileSync(join(dir, 'agencies.json'), JSON.stringify(agencies, null, 2));
  const procedures = join(dir, 'procedures');
  cpSync(join(HANOI, 'procedures'), procedures, { recursive: true, filter: (p) => !p.endsWith('.json') });
  for (let k = 0; k < size.procedures; k++) {
    const i = k + 1;
    const first = cityAgencyCode((k % (size.agencies - 1)) + 1);
    const second = cityAgencyCode(((k + 7) % (size.agencies - 1)) + 1);
    const step = (n: number, agency: string) => ({
      stepId: `s${n}-${agency.toLowerCase()}`,
      agency,
      name: { vi: `Thẩm định bước ${n}`, en: `Appraisal, step ${n}` },
      budgetHours: 16,
    });
    const file = {
      effectiveFrom: '2025-07-01',
      name: { vi: `Thủ tục thử nghiệm số ${i}`, en: `Test procedure No. ${i}` },
      field: { vi: 'Thử nghiệm', en: 'Testing' },
      legalHours: 40,
      receivingAgency: desk,
      stages: [
        { steps: [step(1, first)] },
        { steps: [step(2, second)] },
        { steps: [{ stepId: 'return', agency: desk, name: { vi: 'Trả kết quả cho công dân', en: 'Return of the result to the citizen' }, budgetHours: 4 }] },
      ],
    };
    writeFileSync(join(procedures, `${cityProcedureCode(i)}.json`), JSON.stringify(file, null, 2));
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
