/**
 * The state diagram of an ASL definition as Mermaid (`stateDiagram-v2`): every state and every
 * transition (Next, Choice branches and Default, Catch). docs/architecture.md carries the
 * dossier workflow's; functions/core/workflow-contract.test.ts keeps it equal to this output.
 */
type Json = Record<string, any>;

/** Mermaid ids cannot carry `?`: `WhatNext?` is `WhatNext` labelled "WhatNext?". */
export const mermaidId = (name: string) => name.replace(/[^A-Za-z0-9_]/g, '');

export function aslEdges(states: Record<string, Json>): [string, string, string][] {
  const edges: [string, string, string][] = [];
  for (const [name, st] of Object.entries(states)) {
    if (st.Next) edges.push([name, st.Next, '']);
    for (const c of st.Choices ?? []) edges.push([name, c.Next, String(c.StringEquals ?? '')]);
    if (st.Default) edges.push([name, st.Default, 'default']);
    for (const c of st.Catch ?? []) edges.push([name, c.Next, (c.ErrorEquals as string[]).join(' ')]);
    if (st.Type === 'Succeed' || st.Type === 'Fail') edges.push([name, '[*]', st.Type === 'Fail' ? String(st.Error) : '']);
  }
  return edges;
}

export function aslMermaid(asl: Json): string {
  const lines = ['stateDiagram-v2'];
  const emit = (states: Record<string, Json>, start: string, indent: string) => {
    lines.push(`${indent}[*] --> ${mermaidId(start)}`);
    for (const name of Object.keys(states)) {
      if (mermaidId(name) !== name) lines.push(`${indent}state "${name}" as ${mermaidId(name)}`);
    }
    for (const [name, st] of Object.entries(states)) {
      if (st.Type === 'Map') {
        const inner = st.ItemProcessor ?? st.Iterator;
        lines.push(`${indent}state ${mermaidId(name)} {`);
        emit(inner.States, inner.StartAt, `${indent}  `);
        lines.push(`${indent}}`);
      }
    }
    for (const [from, to, label] of aslEdges(states)) {
      const target = to === '[*]' ? '[*]' : mermaidId(to);
      lines.push(`${indent}${mermaidId(from)} --> ${target}${label ? `: ${label}` : ''}`);
    }
  };
  emit(asl.States, asl.StartAt, '  ');
  return lines.join('\n');
}
