type Json = Record<string, any>;

const key = (k: string) => (/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k));
const pad = (n: number) => '  '.repeat(n);

/** A JSON Schema (the subset zod emits) as a TypeScript type. */
export function tsType(s: Json | undefined, depth = 0): string {
  if (!s || Object.keys(s).length === 0) return 'unknown';
  if (s.$ref) return `components['schemas'][${JSON.stringify(String(s.$ref).split('/').pop())}]`;
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (s.enum) return s.enum.map((v: unknown) => JSON.stringify(v)).join(' | ');
  const union = s.anyOf ?? s.oneOf;
  if (union) return union.map((x: Json) => wrap(tsType(x, depth))).join(' | ');
  if (s.allOf) return s.allOf.map((x: Json) => wrap(tsType(x, depth))).join(' & ');
  if (Array.isArray(s.type)) return s.type.map((t: string) => tsType({ ...s, type: t }, depth)).join(' | ');
  switch (s.type) {
    case 'string':
      return 'string';
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'null':
      return 'null';
    case 'array':
      return s.prefixItems ? `[${s.prefixItems.map((x: Json) => tsType(x, depth)).join(', ')}]` : `${wrap(tsType(s.items, depth))}[]`;
    case 'object': {
      const required = new Set<string>(s.required ?? []);
      const lines = Object.entries<Json>(s.properties ?? {}).map(
        ([k, v]) => `${pad(depth + 1)}${key(k)}${required.has(k) ? '' : '?'}: ${tsType(v, depth + 1)};`,
      );
      const extra = s.additionalProperties && s.additionalProperties !== false ? tsType(s.additionalProperties === true ? {} : s.additionalProperties, depth + 1) : undefined;
      if (extra) lines.push(`${pad(depth + 1)}[key: string]: ${extra === 'unknown' ? 'unknown' : `${extra} | undefined`};`);
      return lines.length ? `{\n${lines.join('\n')}\n${pad(depth)}}` : 'Record<string, never>';
    }
    default:
      return 'unknown';
  }
}

/** Parenthesised when a `|` or `&` sits outside every bracket (an object's own fields do not count). */
function wrap(t: string): string {
  let depth = 0;
  for (const ch of t) {
    if ('{[(<'.includes(ch)) depth++;
    else if ('}])>'.includes(ch)) depth--;
    else if (depth === 0 && (ch === '|' || ch === '&')) return `(${t})`;
  }
  return t;
}

/**
 * The OpenAPI document as the `paths` and `components` types openapi-fetch expects (the shape
 * openapi-typescript writes), so the web pages' client is typed from the contract.
 */
export function pathsTypes(doc: Json): string {
  const out: string[] = [];
  out.push('/* Generated from the OpenAPI document by functions/contracts/generate.ts (npm run contracts): do not edit. */');
  out.push('export interface paths {');
  for (const [path, item] of Object.entries<Json>(doc.paths)) {
    out.push(`  ${JSON.stringify(path)}: {`);
    out.push('    parameters: { query?: never; header?: never; path?: never; cookie?: never };');
    for (const method of ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']) {
      const op = item[method];
      if (!op) {
        out.push(`    ${method}?: never;`);
        continue;
      }
      out.push(`    /** ${op.summary} (roles: ${op['x-roles'].join(', ')}) */`);
      out.push(`    ${method}: operations[${JSON.stringify(op.operationId)}];`);
    }
    out.push('  };');
  }
  out.push('}');
  out.push('');
  out.push('export interface operations {');
  for (const item of Object.values<Json>(doc.paths)) {
    for (const op of Object.values<Json>(item)) {
      const params = (where: string) => {
        const list = (op.parameters ?? []).filter((p: Json) => p.in === where);
        if (!list.length) return `${where}?: never`;
        const body = list.map((p: Json) => `${key(p.name)}${p.required ? '' : '?'}: ${tsType(p.schema, 4)}`).join('; ');
        return `${where}${list.some((p: Json) => p.required) ? '' : '?'}: { ${body} }`;
      };
      out.push(`  ${JSON.stringify(op.operationId)}: {`);
      out.push(`    parameters: { ${params('query')}; ${params('header')}; ${params('path')}; cookie?: never };`);
      const body = op.requestBody?.content?.['application/json']?.schema;
      out.push(body ? `    requestBody: { content: { 'application/json': ${tsType(body, 3)} } };` : '    requestBody?: never;');
      out.push('    responses: {');
      for (const [status, r] of Object.entries<Json>(op.responses)) {
        const [type, media] = Object.entries<Json>(r.content ?? {})[0] ?? [];
        out.push(`      ${status}: { headers: { [name: string]: unknown }; content: { ${JSON.stringify(type)}: ${tsType(media?.schema, 4)} } };`);
      }
      out.push('    };');
      out.push('  };');
    }
  }
  out.push('}');
  out.push('');
  out.push('export interface components {');
  out.push('  schemas: {');
  for (const [name, s] of Object.entries<Json>(doc.components?.schemas ?? {})) out.push(`    ${key(name)}: ${tsType(s, 2)};`);
  out.push('  };');
  out.push('}');
  out.push('');
  return out.join('\n');
}
