import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Context } from 'aws-lambda';
import { functionSpec } from '../registry';

type Handler = (event: unknown, context: Context) => Promise<unknown>;

/** Thrown when a function fails, named like Lambda's errorType so Retry/Catch match as on AWS. */
export class FunctionError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

/**
 * Runs the registry's functions in this process, with payloads serialised as Lambda would.
 */
export class LocalLambdas {
  private readonly modules = new Map<string, Promise<Handler>>();
  /** Invocations started and not yet returned (the runtime's `settled()` reads it). */
  inFlight = 0;

  constructor(private readonly root: string) {}

  private load(name: string): Promise<Handler> {
    let mod = this.modules.get(name);
    if (!mod) {
      const spec = functionSpec(name);
      mod = import(pathToFileURL(resolve(this.root, spec.entry)).href).then((m) => m.handler as Handler);
      this.modules.set(name, mod);
    }
    return mod;
  }

  async invoke(name: string, payload: unknown): Promise<unknown> {
    this.inFlight++;
    try {
      return await this.run(name, payload);
    } finally {
      this.inFlight--;
    }
  }

  private async run(name: string, payload: unknown): Promise<unknown> {
    const spec = functionSpec(name);
    const handler = await this.load(name);
    // All functions share this process's CPU here (on AWS each has its own), so a burst would make
    // them look slow: locally the timeout is at least five minutes.
    const deadline = Date.now() + Math.max(spec.timeoutSeconds, 300) * 1000;
    const context = {
      functionName: `motcua-${name}`,
      functionVersion: '$LATEST',
      invokedFunctionArn: `arn:aws:lambda:ap-southeast-1:000000000000:function:motcua-${name}`,
      memoryLimitInMB: String(spec.memoryMb),
      awsRequestId: randomUUID(),
      logGroupName: `/aws/lambda/motcua-${name}`,
      logStreamName: 'local',
      callbackWaitsForEmptyEventLoop: false,
      getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
      done: () => undefined,
      fail: () => undefined,
      succeed: () => undefined,
    } as Context;
    try {
      const result = await handler(JSON.parse(JSON.stringify(payload ?? null)), context);
      return result === undefined ? null : JSON.parse(JSON.stringify(result));
    } catch (error) {
      const e = error as Error;
      throw new FunctionError(e?.name || 'Error', e?.message || String(error));
    }
  }
}

/** `arn:aws:lambda:...:function:motcua-<name>` → `<name>` */
export function functionNameOf(arn: string): string {
  const name = arn.split(':').pop() ?? arn;
  return name.replace(/^motcua-/, '');
}

export const localFunctionArn = (name: string) => `arn:aws:lambda:ap-southeast-1:000000000000:function:motcua-${name}`;
