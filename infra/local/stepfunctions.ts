import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { StateMachine } from 'aws-local-stepfunctions';
import type { StateMachineSpec } from '../registry';
import type { LocalClock } from './clock';
import { functionNameOf, localFunctionArn, type LocalLambdas } from './lambdas';

const REGION = 'ap-southeast-1';
const ACCOUNT = '000000000000';
const TOKEN_PREFIX = 'motcua-local-task-';
const LOCAL_TIMEOUT_KEY = '__localTimeoutSeconds';
/** The library arms a real setTimeout for every Task; ours run on the local clock instead. */
const LIBRARY_TIMEOUT_SECONDS = 2_000_000;

type Json = Record<string, unknown>;
type Status = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'ABORTED';

interface Execution {
  executionArn: string;
  stateMachineArn: string;
  name: string;
  status: Status;
  input: string;
  output?: string;
  error?: string;
  cause?: string;
  startDate: number;
  stopDate?: number;
  history: Json[];
  abort: () => void;
  tokens: Set<string>;
  /** Task handlers running now (a callback task counts while its function runs, not while it waits for the token). */
  busy: number;
  /** Task failures the run has not yet answered with a retry, a catch or the end (a retry's pause). */
  failing: number;
}

interface Waiter {
  executionArn: string;
  resolve: (output: unknown) => void;
  reject: (error: Error) => void;
  cancelTimer: () => void;
}

class ServiceError extends Error {
  constructor(readonly type: string, message: string) {
    super(message);
  }
}

function namedError(name: string, message: string): Error {
  const e = new Error(message);
  e.name = name;
  return e;
}

export const stateMachineArn = (name: string) => `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:motcua-${name}`;

/** Every Task state of a definition by name, nested Map and Parallel states included. */
function taskStates(states: Record<string, Json>, out: Record<string, Json> = {}): Record<string, Json> {
  for (const [name, state] of Object.entries(states)) {
    if (state.Type === 'Task') out[name] = state;
    if (state.Type === 'Map') taskStates(((state.ItemProcessor ?? state.Iterator) as Json).States as Record<string, Json>, out);
    if (state.Type === 'Parallel') for (const b of state.Branches as Json[]) taskStates(b.States as Record<string, Json>, out);
  }
  return out;
}

/**
 * Prepare an ASL file for the local run: substitute the function ARNs and move the timeout of
 * callback tasks onto the local clock (the file itself is the one deployed to AWS). Returns the
 * definition and its Task states (the same objects, so the run sees the changes).
 */
export function localDefinition(root: string, spec: StateMachineSpec): { definition: Json; tasks: Record<string, Json> } {
  let text = readFileSync(resolve(root, spec.definitionFile), 'utf8');
  for (const [key, fn] of Object.entries(spec.functionSubstitutions)) {
    text = text.replaceAll('${' + key + '}', localFunctionArn(fn));
  }
  const definition = JSON.parse(text) as Json;
  const tasks = taskStates(definition.States as Record<string, Json>);
  for (const state of Object.values(tasks)) {
    if (!String(state.Resource).endsWith('.waitForTaskToken')) continue;
    const params = state.Parameters as Json;
    if (state.TimeoutSecondsPath) params[`${LOCAL_TIMEOUT_KEY}.$`] = state.TimeoutSecondsPath;
    else if (state.TimeoutSeconds) params[LOCAL_TIMEOUT_KEY] = state.TimeoutSeconds;
    delete state.TimeoutSecondsPath;
    state.TimeoutSeconds = LIBRARY_TIMEOUT_SECONDS;
  }
  return { definition, tasks };
}

/** The library's event, with the detail fields AWS's GetExecutionHistory has (the SDK keeps those). */
function awsDetails(e: Json): Json {
  const state = e.state as { name?: string; input?: unknown; output?: unknown } | undefined;
  switch (e.type) {
    case 'ExecutionStarted':
      return { executionStartedEventDetails: { input: JSON.stringify(e.input ?? null) } };
    case 'ExecutionSucceeded':
      return { executionSucceededEventDetails: { output: JSON.stringify(e.output ?? null) } };
    case 'ExecutionFailed':
      return { executionFailedEventDetails: { error: String(e.Error ?? ''), cause: String(e.Cause ?? '') } };
    case 'StateEntered':
      return { stateEnteredEventDetails: { name: state?.name, input: JSON.stringify(state?.input ?? null) } };
    case 'StateExited':
      return { stateExitedEventDetails: { name: state?.name, output: JSON.stringify(state?.output ?? null) } };
    default:
      return {};
  }
}

function findToken(value: unknown): string | undefined {
  if (typeof value === 'string') return value.startsWith(TOKEN_PREFIX) ? value : undefined;
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) {
      const t = findToken(v);
      if (t) return t;
    }
  }
  return undefined;
}

/**
 * A local endpoint for the Step Functions API over aws-local-stepfunctions, running the same
 * ASL file as AWS: StartExecution, DescribeExecution, StopExecution, ListExecutions,
 * GetExecutionHistory, SendTaskSuccess/Failure/Heartbeat. Lambda tasks run in-process;
 * task tokens and task timeouts are ours, on the local clock.
 */
/** The definitions this process has validated (a runtime started again, or the next test file in a worker). */
const VALIDATED = new Set<string>();

export class LocalStepFunctions {
  private readonly machines = new Map<string, { stateMachine: StateMachine; tasks: Record<string, Json>; retries: Record<string, number[]> }>();
  private readonly executions = new Map<string, Execution>();
  private readonly waiters = new Map<string, Waiter>();
  private readonly closedTokens = new Set<string>();
  private server?: Server;

  constructor(
    root: string,
    specs: StateMachineSpec[],
    private readonly lambdas: LocalLambdas,
    private readonly clock: LocalClock,
    private readonly retryScale = 1,
  ) {
    for (const spec of specs) {
      const { definition, tasks } = localDefinition(root, spec);
      // validated once a process (asl-validator compiles its JSON schema each time: ≈ 0.5 s of every
      // runtime start, --cpu-prof); every execution runs on it (the library keeps runs independent)
      const text = JSON.stringify(definition);
      const validationOptions = VALIDATED.has(text) ? { noValidate: true } : { checkArn: false, checkPaths: false };
      const machine = new StateMachine(definition as never, { validationOptions });
      VALIDATED.add(text);
      // Retry pauses as in the ASL, scaled (the library takes milliseconds per retrier).
      const retries = Object.fromEntries(
        Object.entries(tasks)
          .filter(([, st]) => Array.isArray(st.Retry))
          .map(([name, st]) => [name, (st.Retry as Json[]).map((r) => Number(r.IntervalSeconds ?? 1) * 1000 * this.retryScale)]),
      );
      this.machines.set(stateMachineArn(spec.name), { stateMachine: machine, tasks, retries });
    }
  }

  async listen(port = 0): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', async () => {
        const action = String(req.headers['x-amz-target'] ?? '').replace('AWSStepFunctions.', '');
        let status = 200;
        let body: unknown;
        try {
          body = await this.call(action, JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'));
        } catch (error) {
          const e = error instanceof ServiceError ? error : new ServiceError('InternalFailure', (error as Error).message);
          status = e.type === 'InternalFailure' ? 500 : 400;
          body = { __type: `com.amazonaws.swf.service.v2.model#${e.type}`, message: e.message };
        }
        res.writeHead(status, { 'content-type': 'application/x-amz-json-1.0' });
        res.end(JSON.stringify(body));
      });
    });
    await new Promise<void>((ok) => this.server!.listen(port, '127.0.0.1', ok));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    for (const e of this.executions.values()) if (e.status === 'RUNNING') this.stop(e, 'ABORTED');
    await new Promise<void>((ok) => (this.server ? this.server.close(() => ok()) : ok()));
    this.server?.closeAllConnections?.();
  }

  running(): Execution[] {
    return [...this.executions.values()].filter((e) => e.status === 'RUNNING');
  }

  /**
   * Nothing runs in any execution: each running one waits for a task token (or a timeout on the
   * local clock), none is inside a task's function or pausing before a retry. Between two states
   * the library only chains promises, so this holds once the event loop has turned.
   */
  idle(): boolean {
    return this.running().every((e) => e.busy === 0 && e.failing === 0);
  }

  private async call(action: string, input: Json): Promise<unknown> {
    switch (action) {
      case 'StartExecution':
        return this.start(String(input.stateMachineArn), String(input.name ?? randomBytes(8).toString('hex')), String(input.input ?? '{}'));
      case 'DescribeExecution':
        return this.describe(this.execution(String(input.executionArn)));
      case 'StopExecution': {
        const e = this.execution(String(input.executionArn));
        if (e.status === 'RUNNING') this.stop(e, 'ABORTED', input.error as string, input.cause as string);
        return { stopDate: (e.stopDate ?? Date.now()) / 1000 };
      }
      case 'ListExecutions': {
        // as AWS: newest start first, at most maxResults (1..1000, default 100) a page, then an opaque nextToken
        const list = [...this.executions.values()]
          .filter((e) => e.stateMachineArn === input.stateMachineArn && (!input.statusFilter || e.status === input.statusFilter))
          .sort((a, b) => b.startDate - a.startDate || b.executionArn.localeCompare(a.executionArn));
        const max = input.maxResults === undefined || Number(input.maxResults) === 0 ? 100 : Number(input.maxResults);
        if (!Number.isInteger(max) || max < 0 || max > 1000) throw new ServiceError('ValidationException', 'maxResults must be between 0 and 1000');
        let from = 0;
        if (input.nextToken !== undefined) {
          from = Number(Buffer.from(String(input.nextToken), 'base64url').toString('utf8'));
          if (!Number.isInteger(from) || from < 0) throw new ServiceError('InvalidToken', 'Invalid nextToken');
        }
        const page = list.slice(from, from + max);
        const more = from + max < list.length;
        return { executions: page.map((e) => this.summary(e)), ...(more ? { nextToken: Buffer.from(String(from + max)).toString('base64url') } : {}) };
      }
      case 'GetExecutionHistory':
        return { events: this.execution(String(input.executionArn)).history };
      case 'SendTaskSuccess':
        return this.settle(String(input.taskToken), (w) => w.resolve(JSON.parse(String(input.output ?? '{}'))));
      case 'SendTaskFailure':
        return this.settle(String(input.taskToken), (w) =>
          w.reject(namedError(String(input.error ?? 'States.TaskFailed'), String(input.cause ?? ''))),
        );
      case 'SendTaskHeartbeat':
        return this.settle(String(input.taskToken), () => undefined, false);
      default:
        throw new ServiceError('UnknownOperationException', `Operation ${action} is not supported locally`);
    }
  }

  private execution(arn: string): Execution {
    const e = this.executions.get(arn);
    if (!e) throw new ServiceError('ExecutionDoesNotExist', `Execution does not exist: ${arn}`);
    return e;
  }

  private summary(e: Execution) {
    return {
      executionArn: e.executionArn,
      stateMachineArn: e.stateMachineArn,
      name: e.name,
      status: e.status,
      startDate: e.startDate / 1000,
      stopDate: e.stopDate ? e.stopDate / 1000 : undefined,
    };
  }

  private describe(e: Execution) {
    return { ...this.summary(e), input: e.input, output: e.output, error: e.error, cause: e.cause };
  }

  private settle(token: string, act: (w: Waiter) => void, close = true) {
    const waiter = this.waiters.get(token);
    if (!waiter) {
      if (this.closedTokens.has(token)) throw new ServiceError('TaskTimedOut', 'Task timed out or already closed');
      throw new ServiceError('TaskDoesNotExist', 'Task does not exist');
    }
    act(waiter);
    if (close) this.closeToken(token);
    return {};
  }

  private closeToken(token: string) {
    const w = this.waiters.get(token);
    if (!w) return;
    w.cancelTimer();
    this.waiters.delete(token);
    this.executions.get(w.executionArn)?.tokens.delete(token);
    this.closedTokens.add(token);
    if (this.closedTokens.size > 10_000) this.closedTokens.delete(this.closedTokens.values().next().value!);
  }

  private stop(e: Execution, status: Status, error?: string, cause?: string) {
    e.status = status;
    e.stopDate = this.clock.now();
    e.error = error;
    e.cause = cause;
    for (const token of [...e.tokens]) {
      this.waiters.get(token)?.reject(namedError('ExecutionAborted', 'Execution stopped'));
      this.closeToken(token);
    }
    e.abort();
  }

  private start(smArn: string, name: string, input: string) {
    const machine = this.machines.get(smArn);
    if (!machine) throw new ServiceError('StateMachineDoesNotExist', `State machine does not exist: ${smArn}`);
    if (!/^[A-Za-z0-9_-]{1,80}$/.test(name)) throw new ServiceError('InvalidName', `Invalid name: ${name}`);
    const executionArn = `${smArn.replace(':stateMachine:', ':execution:')}:${name}`;
    const existing = this.executions.get(executionArn);
    if (existing) {
      if (existing.status === 'RUNNING' && existing.input === input) return { executionArn, startDate: existing.startDate / 1000 };
      throw new ServiceError('ExecutionAlreadyExists', `Execution already exists: ${executionArn}`);
    }
    const execution: Execution = {
      executionArn,
      stateMachineArn: smArn,
      name,
      status: 'RUNNING',
      input,
      startDate: this.clock.now(),
      history: [],
      abort: () => undefined,
      tokens: new Set(),
      busy: 0,
      failing: 0,
    };
    this.executions.set(executionArn, execution);
    const handlers = Object.fromEntries(
      Object.entries(machine.tasks).map(([stateName, state]) => [stateName, this.tracked(execution, state, this.taskHandler(execution, state))]),
    );
    const run = machine.stateMachine.run(
      JSON.parse(input),
      {
        overrides: {
          taskResourceLocalHandlers: handlers as never,
          ...(this.retryScale !== 1 ? { retryIntervalOverrides: machine.retries } : {}),
        },
        context: {
          Execution: { Id: executionArn, Name: name, RoleArn: `arn:aws:iam::${ACCOUNT}:role/local` },
          StateMachine: { Id: smArn, Name: smArn.split(':').pop() },
          Task: {
            get Token() {
              return TOKEN_PREFIX + randomBytes(24).toString('base64url');
            },
          },
        } as never,
      },
    );
    execution.abort = run.abort;
    void this.record(execution, run.eventLogs as AsyncGenerator<Json>);
    // a finished execution leaves no waiting task behind (e.g. the siblings of a failed Map item)
    const closeAll = () => [...execution.tokens].forEach((token) => this.closeToken(token));
    run.result.finally(closeAll).catch(() => undefined);
    run.result.then(
      (output) => {
        if (execution.status !== 'RUNNING') return;
        execution.status = 'SUCCEEDED';
        execution.output = JSON.stringify(output);
        execution.stopDate = this.clock.now();
      },
      (error: Error) => {
        if (execution.status !== 'RUNNING') return;
        const cause = (error.cause as Error | undefined) ?? error;
        execution.status = 'FAILED';
        execution.error = cause.name;
        execution.cause = cause.message;
        execution.stopDate = this.clock.now();
      },
    );
    return { executionArn, startDate: execution.startDate / 1000 };
  }

  private async record(execution: Execution, events: AsyncGenerator<Json>) {
    let id = 0;
    try {
      for await (const event of events) {
        if (event.type === 'StateRetried' || event.type === 'StateCaught') execution.failing = Math.max(0, execution.failing - 1);
        if (execution.history.length < 5000) execution.history.push({ ...event, ...awsDetails(event), id: ++id, timestamp: this.clock.now() / 1000 });
      }
    } catch {
      /* the execution ended */
    }
  }

  /** Counts the handler as busy while it runs (a callback counts itself) and its failures until the run answers them. */
  private tracked(execution: Execution, state: Json, handler: (input: Json) => Promise<unknown>) {
    const callback = String(state.Resource).endsWith('.waitForTaskToken');
    return async (input: Json) => {
      if (!callback) execution.busy++;
      try {
        return await handler(input);
      } catch (error) {
        execution.failing++;
        throw error;
      } finally {
        if (!callback) execution.busy--;
      }
    };
  }

  private taskHandler(execution: Execution, state: Json) {
    const resource = String(state.Resource);
    if (resource === 'arn:aws:states:::lambda:invoke') {
      return async (input: Json) => {
        // the library stamps $$.Execution.StartTime with the system clock: a task reading it
        // (CheckStep's `startedAt`, the hand-over's age) gets the start on the local clock
        const p = input.Payload as Json | undefined;
        if (p && typeof p.startedAt === 'string') p.startedAt = new Date(execution.startDate).toISOString();
        const payload = await this.lambdas.invoke(functionNameOf(String(input.FunctionName)), input.Payload);
        return { Payload: payload, StatusCode: 200, ExecutedVersion: '$LATEST' };
      };
    }
    if (resource === 'arn:aws:states:::lambda:invoke.waitForTaskToken') {
      return (input: Json) => this.callback(execution, input);
    }
    if (resource === 'arn:aws:states:::states:startExecution') {
      // a workflow starting its successor (the hand-over): the same service call as the API's
      return async (input: Json) => {
        try {
          const raw = input.Input;
          return this.start(String(input.StateMachineArn), String(input.Name), typeof raw === 'string' ? raw : JSON.stringify(raw ?? {}));
        } catch (error) {
          if (error instanceof ServiceError) throw namedError(`StepFunctions.${error.type}Exception`, error.message);
          throw error;
        }
      };
    }
    if (resource.startsWith('arn:aws:lambda:')) {
      return (input: Json) => this.lambdas.invoke(functionNameOf(resource), input);
    }
    return async () => {
      throw namedError('States.Runtime', `Resource ${resource} is not supported locally`);
    };
  }

  /** The callback pattern: invoke the function with a token, then wait for SendTask* or the timeout. */
  private async callback(execution: Execution, input: Json): Promise<unknown> {
    const token = findToken(input.Payload);
    if (!token) throw namedError('States.Runtime', 'waitForTaskToken without $$.Task.Token in the payload');
    const timeoutSeconds = Number(input[LOCAL_TIMEOUT_KEY] ?? 99_999_999);
    const result = new Promise<unknown>((resolveResult, rejectResult) => {
      const cancelTimer = this.clock.at(this.clock.now() + timeoutSeconds * 1000, () => {
        if (!this.waiters.has(token)) return;
        this.closeToken(token);
        rejectResult(namedError('States.Timeout', 'Task timed out'));
      });
      this.waiters.set(token, { executionArn: execution.executionArn, resolve: resolveResult, reject: rejectResult, cancelTimer });
      execution.tokens.add(token);
    });
    result.catch(() => undefined); // settled by a stop while the function still runs: not unhandled
    execution.busy++;
    try {
      await this.lambdas.invoke(functionNameOf(String(input.FunctionName)), input.Payload);
    } catch (error) {
      this.closeToken(token);
      throw error;
    } finally {
      execution.busy--;
    }
    return result;
  }
}
