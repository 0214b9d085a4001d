/**
 * A city's dossiers, written straight into the local table (issue 26, part A): the items the
 * handlers write — the dossier (META, with the open index's and the logbook's keys), its steps
 * (the agency queue's keys while pending, the logbook's), its apologies, and an open dossier's
 * search index items (commons/search-index.ts) — built with the same key helpers and builders,
 * then sent by BatchWriteItem, 25 items a request, 16 requests at once.
 *
 * The city: test/support/city.ts (150 agencies and wards, 30 branches, 50 procedures; generated,
 * not a centre we ship). The dossiers: received over the year before `end` in working hours, 40 %
 * at the main desk, the rest at the branches; procedures chosen unevenly (a few make most of
 * the work); applicants with Vietnamese names in their real frequencies (Nguyễn ≈ 38 %).
 * Closed ones: returned on time, late (an apology), supplemented (a pause), refused, withdrawn in
 * the shares of SHARES; the last `open` received are open (a step pending in an agency's queue,
 * some waiting for a supplement, some overdue).
 */
import { BatchWriteCommand, type DynamoDBDocumentClient } from '../../functions/commons/aws/dynamodb';
import { documentClient, tableName } from '../../functions/commons/aws';
import { openIndexKeys } from '../../functions/commons/open-index';
import { searchItems } from '../../functions/commons/search-index';
import { dueItem, waitingItem } from '../../functions/commons/ops-index';
import { keys, listProcedures, logbookKeys, stepQueueKeys } from '../../functions/commons/store';
import { assignedStep, dossierCode, type Apology, type Dossier, type Step } from '../../functions/core/dossier';
import { localDate } from '../../functions/core/local-time';
import type { Procedure } from '../../functions/core/model';
import { cityBranchCode, CITY } from '../../test/support/city';

export const SHARES = { late: 0.08, supplemented: 0.12, refused: 0.03, withdrawn: 0.02 } as const;

export interface LoadOptions {
  /** Dossiers in all. */
  size: number;
  /** Of which open at the end (default: a quarter: 50,000 of a city's 200,000). */
  open?: number;
  /** The end of the year of data (default 2026-12-01T03:00Z, a Tuesday 10:00 local). */
  end?: Date;
  concurrency?: number;
  seed?: number;
  log?: (line: string) => void;
  /** The client to write with (default: the handlers'; the bench passes one straight to dynalite). */
  client?: DynamoDBDocumentClient;
}

export interface Loaded {
  size: number;
  open: number;
  items: number;
  ms: number;
  /** Items by kind. */
  kinds: Record<string, number>;
  /** Samples the reads use: open dossiers' codes, applicants, the busiest queues (`agency` or `agency#branch`). */
  samples: { openCodes: string[]; names: string[]; phones: string[]; busyAgencies: string[] };
}

/** A small deterministic PRNG (mulberry32): the same city every run. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Vietnamese family names by share of the population, then middle and given names.
const FAMILY: [string, number][] = [
  ['Nguyễn', 38], ['Trần', 11], ['Lê', 9.5], ['Phạm', 7], ['Hoàng', 5.1], ['Huỳnh', 4], ['Phan', 4.5], ['Vũ', 3.9], ['Võ', 3], ['Đặng', 2.1],
  ['Bùi', 2], ['Đỗ', 1.4], ['Hồ', 1.3], ['Ngô', 1.3], ['Dương', 1], ['Lý', 0.5], ['Đinh', 0.7], ['Trịnh', 0.6], ['Đào', 0.5], ['Mai', 0.4],
];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Ngọc', 'Thanh', 'Hữu', 'Quốc', 'Thu', 'Hồng', 'Xuân', 'Anh', 'Kim', 'Bảo', 'Gia'];
const GIVEN = [
  'An', 'Anh', 'Bình', 'Chi', 'Cường', 'Dũng', 'Duy', 'Đạt', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hiếu', 'Hoa', 'Hòa', 'Hùng', 'Hương', 'Huy', 'Khánh', 'Khoa',
  'Lan', 'Linh', 'Long', 'Mai', 'Minh', 'My', 'Nam', 'Nga', 'Ngân', 'Nhung', 'Phong', 'Phúc', 'Phương', 'Quân', 'Quang', 'Sơn', 'Tâm', 'Thảo', 'Thắng', 'Thành',
  'Thủy', 'Tiến', 'Trang', 'Trung', 'Tú', 'Tuấn', 'Tùng', 'Uyên', 'Vân', 'Việt', 'Vinh', 'Yến', 'Khôi', 'Ngọc', 'Quỳnh', 'Toàn', 'Trâm', 'Vy', 'Lộc', 'Nhi',
];

const HOUR = 3600_000;

export async function loadCity(options: LoadOptions): Promise<Loaded> {
  const { size } = options;
  const open = Math.min(size, options.open ?? Math.round(size / 4));
  const end = options.end ?? new Date('2026-12-01T03:00:00.000Z');
  const log = options.log ?? (() => {});
  const rnd = random(options.seed ?? 26);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const weighted = (xs: [string, number][]) => {
    const total = xs.reduce((s, [, w]) => s + w, 0);
    let r = rnd() * total;
    for (const [x, w] of xs) if ((r -= w) < 0) return x;
    return xs[0]![0];
  };
  const procedures = (await listProcedures()).filter((p) => p.code.startsWith('TP-TT')) as Procedure[];
  if (procedures.length < 10) throw new Error('load the city catalogue first (test/support/city.ts writeCityFolder)');
  // a few procedures make most of the work: weight 1/(rank)
  const procWeights: [string, number][] = procedures.map((p, i) => [p.code, 1 / (i + 1)]);
  const procByCode = new Map(procedures.map((p) => [p.code, p]));
  const desk = procedures[0]!.receivingAgency;
  const branches = Array.from({ length: CITY.branches }, (_, k) => cityBranchCode(k + 1));

  const counters = new Map<string, number>();
  const kinds: Record<string, number> = {};
  const samples: Loaded['samples'] = { openCodes: [], names: [], phones: [], busyAgencies: [] };
  const busy = new Map<string, number>();
  let items = 0;
  const started = Date.now();

  // writer: batches of 25, CONCURRENCY in flight
  const pending: Record<string, unknown>[] = [];
  const inFlight = new Set<Promise<void>>();
  const concurrency = options.concurrency ?? 16;
  const send = async (batch: Record<string, unknown>[]) => {
    let requests = batch.map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; requests.length; attempt++) {
      const out = await (options.client ?? documentClient()).send(new BatchWriteCommand({ RequestItems: { [tableName()]: requests } }));
      requests = (out.UnprocessedItems?.[tableName()] ?? []) as typeof requests;
      if (requests.length) await new Promise((r) => setTimeout(r, Math.min(1000, 20 * 2 ** attempt)));
    }
  };
  const flush = async (all = false) => {
    while (pending.length >= 25 || (all && pending.length)) {
      const p = send(pending.splice(0, 25)).finally(() => inFlight.delete(p));
      inFlight.add(p);
      if (inFlight.size >= concurrency) await Promise.race(inFlight);
    }
    if (all) await Promise.all(inFlight);
  };
  const write = async (kind: string, item: Record<string, unknown>) => {
    pending.push(item);
    kinds[kind] = (kinds[kind] ?? 0) + 1;
    items++;
    if (pending.length >= 25) await flush();
  };

  const yearMs = 365 * 24 * HOUR;
  for (let i = 0; i < size; i++) {
    const isOpen = i >= size - open;
    // closed ones over the year up to 30 days before the end; open ones over the last 30 days
    const span = isOpen ? 30 * 24 * HOUR : yearMs - 30 * 24 * HOUR;
    const base = isOpen ? end.getTime() - 30 * 24 * HOUR : end.getTime() - yearMs;
    let t = base + Math.floor((i - (isOpen ? size - open : 0)) * (span / (isOpen ? open : size - open || 1)));
    // working hours: 08:00–17:00 local (01:00–10:00 UTC), weekdays
    const day = new Date(t);
    day.setUTCHours(1 + Math.floor(rnd() * 9), Math.floor(rnd() * 60), Math.floor(rnd() * 60), 0);
    while ([0, 6].includes(new Date(day.getTime() + 7 * HOUR).getUTCDay())) day.setTime(day.getTime() + 24 * HOUR);
    t = day.getTime();
    const receivedAt = new Date(Math.min(t, end.getTime() - HOUR)).toISOString();
    const procedure = procByCode.get(weighted(procWeights))!;
    const branch = rnd() < 0.4 ? undefined : pick(branches);
    const prefix = branch ?? desk;
    const local = localDate(receivedAt);
    const counterKey = `${prefix}#${local}`;
    const seq = (counters.get(counterKey) ?? 0) + 1;
    counters.set(counterKey, seq);
    const code = dossierCode(prefix, local, seq);
    const name = `${weighted(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)}`;
    const phone = `+849${String(Math.floor(rnd() * 1e8)).padStart(8, '0')}`;
    const applicant = { name, email: `c${i}.${options.seed ?? 26}@example.vn`, phone };
    const appointmentAt = new Date(Date.parse(receivedAt) + 5 * 24 * HOUR).toISOString();
    const d: Dossier & Record<string, unknown> = {
      code, procedure, status: 4, channel: rnd() < 0.3 ? 'online' : 'counter', ...(branch ? { branch } : {}), applicant,
      documents: [{ name: 'Tờ khai', ref: `desk://${i}` }], receivedAt, appointmentAt, stageIndex: 0, extensions: {}, pauses: {}, emailFailures: {},
      executionName: code, pinHash: 'scrypt$bench$bench', receivedBy: 'desk-bench', intakeKey: `bench${i}`,
    };
    const steps = procedure.stages.map((s, si) => ({ ...s.steps[0]!, si }));
    const late = rnd() < SHARES.late;
    const supplemented = rnd() < SHARES.supplemented;
    const r = rnd();
    const stop = r < SHARES.refused ? 'refused' : r < SHARES.refused + SHARES.withdrawn ? 'withdrawn' : undefined;
    // how far it got: closed ones to the end (or to the stop), open ones to a step still pending
    const reached = isOpen ? Math.floor(rnd() * steps.length) : stop ? Math.floor(rnd() * (steps.length - 1)) : steps.length;
    let at = Date.parse(receivedAt);
    for (let k = 0; k < Math.min(reached + (isOpen ? 1 : 0), steps.length); k++) {
      const s = steps[k]!;
      const assignedAt = new Date(at).toISOString();
      const dueAt = new Date(at + s.budgetHours * HOUR * 1.5).toISOString();
      const atDesk = s.stepId === 'return';
      const step: Step = assignedStep({ code, stepId: s.stepId, stageIndex: k, agency: s.agency, atDesk, ...(atDesk && branch ? { branch } : {}), name: s.name, budgetHours: s.budgetHours, assignedAt, dueAt });
      const pendingHere = isOpen && k === reached;
      if (supplemented && k === 0) {
        d.pauses[`${s.stepId}-1`] = { stepId: s.stepId, round: 1, agency: s.agency, from: new Date(at + 4 * HOUR).toISOString(), ...(pendingHere ? {} : { to: new Date(at + 52 * HOUR).toISOString() }), missing: ['Bản sao giấy tờ'], reason: 'Thiếu giấy tờ' };
        step.supplementRounds = 1;
      }
      if (pendingHere) {
        const waiting = supplemented && k === 0;
        if (waiting) {
          step.state = 'supplement-requested' as Step['state'];
          d.status = 5;
        }
        // an overdue share: due in the past of the end
        await write('step', { ...keys.step(code, s.stepId), ...(waiting ? {} : stepQueueKeys(step, dueAt)), ...logbookKeys(s.agency, assignedAt, code, s.stepId), ...step });
        const queue = step.branch ? `${s.agency}#${step.branch}` : s.agency;
        if (!waiting) busy.set(queue, (busy.get(queue) ?? 0) + 1);
        break;
      }
      const took = s.budgetHours * HOUR * (late && k === 0 ? 2.2 : 0.6 + rnd() * 0.6);
      at += took + (supplemented && k === 0 ? 48 * HOUR : 0);
      const decided: Step = { ...step, state: 'approved', outcome: stop && k === reached - 1 && stop === 'refused' ? 'refuse' : 'approve', decidedAt: new Date(at).toISOString(), decidedBy: `officer-${s.agency.toLowerCase()}` };
      await write('step', { ...keys.step(code, s.stepId), ...logbookKeys(s.agency, assignedAt, code, s.stepId), ...decided });
      if (late && k === 0) {
        const apology: Apology = { code, stepId: s.stepId, n: 1, kind: 'lapse', at: dueAt, agency: s.agency, reason: { vi: 'Quá hạn xử lý', en: 'Past its due time' }, hours: 8, originalDueAt: dueAt, newDueAt: new Date(Date.parse(dueAt) + 8 * HOUR).toISOString(), originalAppointmentAt: appointmentAt, newAppointmentAt: new Date(Date.parse(appointmentAt) + 8 * HOUR).toISOString() };
        d.extensions[s.stepId] = 8;
        await write('apology', { ...keys.apology(code, s.stepId, 1), ...apology });
      }
    }
    d.stageIndex = Math.min(reached, steps.length - 1);
    if (!isOpen) {
      const closedAt = new Date(at + HOUR).toISOString();
      if (stop) {
        d.status = stop === 'refused' ? 8 : 7;
        d.stop = { kind: stop, at: closedAt, reason: stop === 'refused' ? 'Không đủ điều kiện' : 'Công dân rút hồ sơ' };
      } else {
        d.status = 10;
        d.resultReadyAt = new Date(at - 4 * HOUR).toISOString();
        d.returnedAt = closedAt;
      }
      d.closedAt = closedAt;
      await write('dossier', { ...keys.dossier(code), ...logbookKeys(procedure.receivingAgency, receivedAt, code), ...d });
    } else {
      await write('dossier', { ...keys.dossier(code), ...openIndexKeys(code), ...logbookKeys(procedure.receivingAgency, receivedAt, code), ...d });
      for (const s of searchItems(d)) await write('search', s);
      // the ops lists' sparse items (commons/ops-index.ts): DUE at the appointment, WAITING while a supplement is asked
      await write('ops', dueItem(code, appointmentAt));
      if (d.status === 5) await write('ops', waitingItem(d, Object.keys(d.pauses)[0]!));
      if (samples.openCodes.length < 2000) {
        samples.openCodes.push(code);
        samples.names.push(name);
        samples.phones.push(phone);
      }
    }
    if ((i + 1) % 10_000 === 0) log(`  ${i + 1} dossiers, ${items} items, ${Math.round((Date.now() - started) / 1000)} s`);
  }
  // the day counters as intake leaves them: a dossier received now gets the next number
  for (const [key, seq] of counters) {
    const [prefix, day] = key.split('#') as [string, string];
    await write('counter', { ...keys.counter(prefix, day.slice(2).replaceAll('-', '')), seq });
  }
  await flush(true);
  samples.busyAgencies = [...busy.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([a]) => a);
  return { size, open, items, ms: Date.now() - started, kinds, samples };
}
