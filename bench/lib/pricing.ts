/**
 * Published us-east-1 prices (as given in issue 6) and the pure functions that turn counted
 * usage into dollars, and a callback design into the polling design it replaces.
 */
export const PRICES = {
  /** Step Functions Standard, per state transition ($0.025 per 1,000). */
  stateTransition: 0.025 / 1000,
  /** Lambda arm64, per GB-second. */
  lambdaGbSecond: 0.0000133334,
  /** Lambda, per request ($0.20 per million). */
  lambdaRequest: 0.2 / 1e6,
  /** DynamoDB on demand, per write request unit ($0.625 per million). */
  writeUnit: 0.625 / 1e6,
  /** DynamoDB on demand, per read request unit ($0.125 per million). */
  readUnit: 0.125 / 1e6,
  /** SES, per email ($0.10 per 1,000). */
  email: 0.1 / 1000,
  /** API Gateway HTTP API, per request ($1.00 per million). */
  apiRequest: 1 / 1e6,
} as const;

export interface Usage {
  stateTransitions: number;
  lambdaInvocations: number;
  /** Sum over invocations of (measured duration rounded up to 1 ms) × memory in GB, in GB-seconds. */
  lambdaGbSeconds: number;
  writeUnits: number;
  readUnits: number;
  emails: number;
  apiRequests: number;
}

export type CostBreakdown = Record<keyof Usage, number> & { total: number };

export function cost(u: Usage, prices = PRICES): CostBreakdown {
  const parts = {
    stateTransitions: u.stateTransitions * prices.stateTransition,
    lambdaInvocations: u.lambdaInvocations * prices.lambdaRequest,
    lambdaGbSeconds: u.lambdaGbSeconds * prices.lambdaGbSecond,
    writeUnits: u.writeUnits * prices.writeUnit,
    readUnits: u.readUnits * prices.readUnit,
    emails: u.emails * prices.email,
    apiRequests: u.apiRequests * prices.apiRequest,
  };
  return { ...parts, total: Object.values(parts).reduce((a, b) => a + b, 0) };
}

/** Billed GB-seconds of one invocation: duration rounded up to 1 ms, at the function's memory. */
export const billedGbSeconds = (durationMs: number, memoryMb: number) => (Math.ceil(durationMs) / 1000) * (memoryMb / 1024);

export interface PollingModel {
  /** Per agency step: wall-clock hours between its assignment and its decision. */
  waitHours: number[];
  /** Callback waits replaced (AwaitAgency entries: one per step, plus one per lapse). */
  callbackWaits: number;
  /** Billed GB-seconds of one AwaitAgency invocation (the callback design's cost per wait). */
  awaitGbSeconds: number;
  /** Write units of one AwaitAgency invocation (it stores the task token). */
  awaitWriteUnits: number;
  /** Billed GB-seconds of one check (CheckStep) invocation. */
  checkGbSeconds: number;
  /** Read units of one check (a consistent GetItem of the step item). */
  checkReadUnits: number;
  /** Transitions per poll: Wait → CheckStep → StepNext? (Choice) → back to Wait. */
  transitionsPerPoll?: number;
}

/**
 * The same route as a polling design would run it: no callback (no AwaitAgency), instead an hourly
 * Wait loop per step that invokes the check until the step is decided.
 */
export function pollingUsage(callback: Usage, m: PollingModel): Usage & { polls: number } {
  const polls = m.waitHours.reduce((sum, h) => sum + Math.max(1, Math.ceil(h)), 0);
  const perPoll = m.transitionsPerPoll ?? 3;
  return {
    polls,
    stateTransitions: callback.stateTransitions - m.callbackWaits + polls * perPoll,
    lambdaInvocations: callback.lambdaInvocations - m.callbackWaits + polls,
    lambdaGbSeconds: callback.lambdaGbSeconds - m.callbackWaits * m.awaitGbSeconds + polls * m.checkGbSeconds,
    writeUnits: callback.writeUnits - m.callbackWaits * m.awaitWriteUnits,
    readUnits: callback.readUnits + polls * m.checkReadUnits,
    emails: callback.emails,
    apiRequests: callback.apiRequests,
  };
}
