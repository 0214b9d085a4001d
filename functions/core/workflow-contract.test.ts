import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stateMachines } from '../../infra/registry';
import { aslText, dossierStateMachine } from '../../statemachines/dossier';
import { aslMermaid } from './asl-diagram';
import {
  NOTIFY_EVENTS,
  STAGE_NEXT,
  STEP_EMAILS,
  STEP_NEXT,
  WORKFLOW_ERRORS,
  WORKFLOW_FUNCTIONS,
  WORKFLOW_TASKS,
} from './workflow-contract';

type Json = Record<string, any>;
const asl = JSON.parse(readFileSync('statemachines/dossier.asl.json', 'utf8')) as Json;

/** Every state, nested ones included, by name. */
function allStates(states: Record<string, Json>, out: Record<string, Json> = {}): Record<string, Json> {
  for (const [name, st] of Object.entries(states)) {
    out[name] = st;
    if (st.Type === 'Map') allStates((st.ItemProcessor ?? st.Iterator).States, out);
  }
  return out;
}
const states = allStates(asl.States);
const tasks = Object.entries(states).filter(([, st]) => st.Type === 'Task');
const fnKey = (st: Json) => /^\$\{(\w+)\}$/.exec(String(st.Parameters?.FunctionName ?? ''))?.[1];

/** Issue 10, point 9: the ASL is read against the typed contract its functions are built from. */
describe('the ASL and its functions share one contract', () => {
  it('names only the functions of the contract, which the registry maps the same way', () => {
    expect(stateMachines.find((m) => m.name === 'dossier')!.functionSubstitutions).toEqual(WORKFLOW_FUNCTIONS);
    for (const [name, st] of tasks) {
      if (st.Resource === 'arn:aws:states:::states:startExecution') continue; // the hand-over's successor
      expect(Object.keys(WORKFLOW_FUNCTIONS), name).toContain(fnKey(st));
    }
  });

  it('asks the workflow function only for a task it serves, and every task is asked for', () => {
    const used = new Set<string>();
    for (const [name, st] of tasks) {
      if (!fnKey(st)) continue;
      const payload = st.Parameters?.Payload ?? {};
      expect(WORKFLOW_TASKS, name).toContain(payload.task);
      used.add(payload.task);
    }
    for (const t of WORKFLOW_TASKS) expect(used, `${t} unused`).toContain(t);
  });

  it('branches only on `next` values the functions return, and handles each of them', () => {
    const branches = (choice: string) => (states[choice]!.Choices as Json[]).map((c) => String(c.StringEquals));
    expect(STAGE_NEXT).toEqual(expect.arrayContaining(branches('WhatNext?')));
    expect(STEP_NEXT).toEqual(expect.arrayContaining(branches('StepNext?')));
    // the default branch of each Choice is the one value left out
    expect(STAGE_NEXT.filter((v) => !branches('WhatNext?').includes(v))).toEqual(['await']);
    expect(STEP_NEXT.filter((v) => !branches('StepNext?').includes(v))).toEqual(['await']);
    expect(NOTIFY_EVENTS).toEqual(expect.arrayContaining([...STEP_EMAILS]));
  });

  it('raises and catches only the errors the contract names', () => {
    const named = Object.values(WORKFLOW_ERRORS) as string[];
    for (const [name, st] of Object.entries(states)) {
      if (st.Type === 'Fail') expect(named, name).toContain(st.Error);
      for (const c of (st.Catch ?? []) as Json[]) {
        for (const e of c.ErrorEquals as string[]) if (!/^(States|Lambda|StepFunctions)\./.test(e)) expect(named, name).toContain(e);
      }
    }
    for (const e of named) expect(Object.values(states).some((st) => st.Type === 'Fail' && st.Error === e), e).toBe(true);
  });

  it('retries every task with jitter, on task failures, for minutes rather than seconds (point 8)', () => {
    for (const [name, st] of tasks) {
      const retries = (st.Retry ?? []) as Json[];
      expect(retries.length, name).toBeGreaterThan(0);
      for (const r of retries) {
        // a timeout is the end of a wait, never retried: caught (the explicit 0 keeps it out of States.TaskFailed everywhere)
        if (r.MaxAttempts === 0) {
          expect(r.ErrorEquals, name).toEqual(['States.Timeout']);
          continue;
        }
        expect(r.JitterStrategy, name).toBe('FULL');
        expect(r.ErrorEquals, name).toContain('States.TaskFailed');
        // the longest the retries can wait in all (before jitter): minutes
        let wait = 0;
        for (let i = 0; i < r.MaxAttempts; i++) wait += Math.min(r.IntervalSeconds * r.BackoffRate ** i, r.MaxDelaySeconds ?? Infinity);
        expect(wait, name).toBeGreaterThanOrEqual(300);
      }
    }
  });
});

describe('statemachines/dossier.asl.json', () => {
  it('is exactly what statemachines/dossier.ts generates (npm run asl): nobody edits one without the other', () => {
    expect(readFileSync('statemachines/dossier.asl.json', 'utf8')).toBe(aslText(dossierStateMachine));
  });

  it('has no letter task of its own: the task that decides a letter queues it (no *Failed twins)', () => {
    expect(Object.keys(states).filter((n) => /^Send|Failed$/.test(n))).toEqual([]);
  });
});

describe('the state diagram in docs/architecture.md', () => {
  it('is the ASL’s, state for state and transition for transition', () => {
    const doc = readFileSync('docs/architecture.md', 'utf8');
    const block = /<!-- state-diagram: generated from statemachines\/dossier\.asl\.json[^>]*-->\s*```mermaid\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(block, 'the Mermaid block after its marker').toBeDefined();
    expect(block!.trim()).toBe(aslMermaid(asl).trim());
  });
});
