/**
 * A small in-memory stand-in for the single table behind aws-sdk-client-mock, for route unit tests
 * whose handlers read and write several items (functions/*-feedback*). It evaluates the subset of
 * DynamoDB's expressions those routes send: SET with `:v`, `if_not_exists(p, :v) [+ :w]` and
 * `list_append(a, b)`; ADD; REMOVE; conditions made of `attribute_(not_)exists(p)`, `p = :v`,
 * `p < :v`, `p IN (:a, :b)` joined by AND / OR; queries on PK or a GSI's key, with BETWEEN or
 * begins_with. A condition that fails throws as DynamoDB does, so a route's refusals are real.
 * What only DynamoDB itself can prove (races between processes) stays in test/integration.
 */
import { type TransactWriteCommandInput, BatchGetCommand, BatchWriteCommand, DeleteCommand, GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClientResolvedConfig, type ServiceInputTypes, type ServiceOutputTypes } from '../../functions/commons/aws/dynamodb';
import type { AwsStub } from 'aws-sdk-client-mock';

type Item = Record<string, unknown>;
/** What `mockClient(DynamoDBDocumentClient)` gives. */
export type DocumentStub = AwsStub<ServiceInputTypes, ServiceOutputTypes, DynamoDBDocumentClientResolvedConfig>;
type Values = Record<string, unknown>;
type Names = Record<string, string>;

const conditionFailed = () => Object.assign(new Error('The conditional request failed'), { name: 'ConditionalCheckFailedException' });

/** Split at top-level separators (outside parentheses). */
function splitTop(s: string, sep: RegExp): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '(') depth++;
    else if (s[i] === ')') depth--;
    else if (depth === 0) {
      const m = sep.exec(s.slice(i));
      if (m && m.index === 0) {
        out.push(s.slice(start, i));
        i += m[0].length - 1;
        start = i + 1;
      }
    }
  }
  out.push(s.slice(start));
  return out.map((x) => x.trim()).filter(Boolean);
}

export class FakeTable {
  readonly items = new Map<string, Item>();

  private id = (key: { PK: unknown; SK: unknown }) => `${String(key.PK)}\n${String(key.SK)}`;

  put(item: Item): void {
    this.items.set(this.id(item as { PK: string; SK: string }), structuredClone(item));
  }

  get(key: { PK: string; SK: string }): Item | undefined {
    const item = this.items.get(this.id(key));
    return item ? structuredClone(item) : undefined;
  }

  all(): Item[] {
    return [...this.items.values()];
  }

  private path(p: string, names: Names): string {
    return names[p] ?? p;
  }

  private value(expr: string, item: Item, values: Values, names: Names): unknown {
    const e = expr.trim();
    const plus = splitTop(e, /^\s*\+\s*/);
    if (plus.length > 1) return plus.map((x) => Number(this.value(x, item, values, names))).reduce((a, b) => a + b, 0);
    let m = /^if_not_exists\(\s*([^,]+),\s*(.+)\)$/.exec(e);
    if (m) return item[this.path(m[1]!.trim(), names)] ?? this.value(m[2]!, item, values, names);
    m = /^list_append\((.+)\)$/.exec(e);
    if (m) {
      const [a, b] = splitTop(m[1]!, /^,/);
      return [...(this.value(a!, item, values, names) as unknown[]), ...(this.value(b!, item, values, names) as unknown[])];
    }
    if (e.startsWith(':')) return values[e];
    return item[this.path(e, names)];
  }

  private holds(condition: string | undefined, item: Item | undefined, values: Values, names: Names): boolean {
    if (!condition) return true;
    const it = item ?? {};
    return splitTop(condition, /^\s+OR\s+/).some((any) =>
      splitTop(any, /^\s+AND\s+/).every((atom) => {
        const a = atom.replace(/^\((.*)\)$/, '$1').trim();
        let m = /^attribute_not_exists\(\s*(.+)\s*\)$/.exec(a);
        if (m) return it[this.path(m[1]!, names)] === undefined;
        m = /^attribute_exists\(\s*(.+)\s*\)$/.exec(a);
        if (m) return it[this.path(m[1]!, names)] !== undefined;
        m = /^(\S+)\s+IN\s+\((.+)\)$/.exec(a);
        if (m) return splitTop(m[2]!, /^,/).some((v) => this.value(v, it, values, names) === it[this.path(m![1]!, names)]);
        m = /^(\S+)\s*(=|<|<=|>|>=)\s*(\S+)$/.exec(a);
        if (m) {
          const [l, r] = [this.value(m[1]!, it, values, names), this.value(m[3]!, it, values, names)];
          if (l === undefined) return false;
          switch (m[2]) {
            case '=':
              return JSON.stringify(l) === JSON.stringify(r);
            case '<':
              return (l as number) < (r as number);
            case '<=':
              return (l as number) <= (r as number);
            case '>':
              return (l as number) > (r as number);
            default:
              return (l as number) >= (r as number);
          }
        }
        throw new Error(`fake table: condition not understood: ${a}`);
      }),
    );
  }

  private applyUpdate(key: { PK: string; SK: string }, update: string, values: Values, names: Names): { before?: Item; after: Item } {
    const before = this.get(key);
    const item: Item = { ...(before ?? { PK: key.PK, SK: key.SK }) };
    const clauses = update.split(/\b(SET|ADD|REMOVE)\b/).map((s) => s.trim()).filter(Boolean);
    for (let i = 0; i < clauses.length; i += 2) {
      const [kind, body] = [clauses[i], clauses[i + 1] ?? ''];
      for (const part of splitTop(body, /^,/)) {
        if (kind === 'SET') {
          const [p, ...rest] = part.split('=');
          item[this.path(p!.trim(), names)] = this.value(rest.join('='), before ?? {}, values, names);
        } else if (kind === 'ADD') {
          const [p, v] = part.split(/\s+/);
          const path = this.path(p!, names);
          const add = values[v!];
          item[path] = add instanceof Set ? new Set([...((item[path] as Set<unknown> | undefined) ?? []), ...add]) : Number(item[path] ?? 0) + Number(add);
        } else if (kind === 'REMOVE') {
          delete item[this.path(part, names)];
        }
      }
    }
    return { before, after: item };
  }

  /** Answer the document client's commands from this table. */
  serve(stub: DocumentStub): this {
    stub.on(GetCommand).callsFake((input) => ({ Item: this.get(input.Key as { PK: string; SK: string }) }));
    stub.on(BatchGetCommand).callsFake((input) => ({
      Responses: Object.fromEntries(Object.entries(input.RequestItems ?? {}).map(([t, r]) => [t, ((r as { Keys?: Record<string, unknown>[] }).Keys ?? []).flatMap((k) => this.get(k as { PK: string; SK: string }) ?? [])])),
    }));
    stub.on(PutCommand).callsFake((input) => {
      const existing = this.get(input.Item as { PK: string; SK: string });
      if (!this.holds(input.ConditionExpression, existing, input.ExpressionAttributeValues ?? {}, input.ExpressionAttributeNames ?? {})) throw conditionFailed();
      this.put(input.Item as Item);
      return {};
    });
    stub.on(UpdateCommand).callsFake((input) => {
      const key = input.Key as { PK: string; SK: string };
      const [values, names] = [input.ExpressionAttributeValues ?? {}, input.ExpressionAttributeNames ?? {}];
      if (!this.holds(input.ConditionExpression, this.get(key), values, names)) throw conditionFailed();
      const { after } = this.applyUpdate(key, input.UpdateExpression!, values, names);
      this.put(after);
      return { Attributes: input.ReturnValues ? after : undefined };
    });
    stub.on(TransactWriteCommand).callsFake((input: TransactWriteCommandInput) => {
      const updates = (input.TransactItems ?? []).map((t) => t.Update!);
      const ok = updates.every((u) => this.holds(u.ConditionExpression, this.get(u.Key as { PK: string; SK: string }), u.ExpressionAttributeValues ?? {}, u.ExpressionAttributeNames ?? {}));
      if (!ok) throw Object.assign(new Error('Transaction cancelled'), { name: 'TransactionCanceledException' });
      for (const u of updates) this.put(this.applyUpdate(u.Key as { PK: string; SK: string }, u.UpdateExpression!, u.ExpressionAttributeValues ?? {}, u.ExpressionAttributeNames ?? {}).after);
      return {};
    });
    stub.on(QueryCommand).callsFake((input) => {
      const index = input.IndexName as string | undefined;
      const [pkName, skName] = index ? [`${index}PK`, `${index}SK`] : ['PK', 'SK'];
      const v = input.ExpressionAttributeValues ?? {};
      const cond = input.KeyConditionExpression ?? '';
      let items = this.all().filter((i) => i[pkName] === v[':pk']);
      if (/BETWEEN/.test(cond)) items = items.filter((i) => String(i[skName]) >= String(v[':a']) && String(i[skName]) <= String(v[':b']));
      const begins = /begins_with\(\s*\w+,\s*(:\w+)\s*\)/.exec(cond);
      if (begins) items = items.filter((i) => String(i[skName]).startsWith(String(v[begins[1]!])));
      items.sort((a, b) => String(a[skName]).localeCompare(String(b[skName])));
      if (input.ScanIndexForward === false) items.reverse();
      // pages: after ExclusiveStartKey's item, at most Limit items read, then LastEvaluatedKey
      const start = input.ExclusiveStartKey;
      if (start) items = items.slice(items.findIndex((i) => i.PK === start.PK && i.SK === start.SK) + 1);
      const more = input.Limit !== undefined && items.length > input.Limit;
      if (input.Limit !== undefined) items = items.slice(0, input.Limit);
      const last = more ? items.at(-1)! : undefined;
      const read = items.length;
      if (input.FilterExpression) items = items.filter((i) => this.holds(input.FilterExpression, i, v, input.ExpressionAttributeNames ?? {}));
      return {
        Items: items.map((i) => structuredClone(i)),
        Count: items.length,
        ScannedCount: read,
        ...(last ? { LastEvaluatedKey: Object.fromEntries(['PK', 'SK', pkName, skName].map((k) => [k, last[k]])) } : {}),
      };
    });
    // whole items (a ProjectionExpression is not applied)
    stub.on(BatchGetCommand).callsFake((input) => ({
      Responses: Object.fromEntries(Object.entries(input.RequestItems ?? {}).map(([t, r]) => [t, ((r as { Keys?: Record<string, unknown>[] }).Keys ?? []).map((k) => this.get(k as { PK: string; SK: string })).filter(Boolean)])),
    }));
    stub.on(DeleteCommand).callsFake((input) => {
      this.items.delete(this.id(input.Key as { PK: string; SK: string }));
      return {};
    });
    // every request processed (commons/batch-write.ts retries what DynamoDB leaves)
    stub.on(BatchWriteCommand).callsFake((input) => {
      for (const requests of Object.values(input.RequestItems ?? {})) {
        for (const r of requests as { PutRequest?: { Item: Item }; DeleteRequest?: { Key: { PK: string; SK: string } } }[]) {
          if (r.PutRequest) this.put(r.PutRequest.Item);
          if (r.DeleteRequest) this.items.delete(this.id(r.DeleteRequest.Key));
        }
      }
      return {};
    });
    return this;
  }
}
