type Json = Record<string, any>;

const esc = (s: unknown) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const block = (label: string, schema: unknown) =>
  `<details><summary>${esc(label)}</summary><pre>${esc(JSON.stringify(schema, null, 2))}</pre></details>`;

/**
 * The API reference at /docs: a static page written from the OpenAPI document at build time
 * (no script at all, so the CSP holds trivially), one section per operation with its roles,
 * parameters, body and answers.
 */
export function docsPage(doc: Json): string {
  const ops: string[] = [];
  const toc: string[] = [];
  for (const [path, item] of Object.entries<Json>(doc.paths)) {
    for (const [method, op] of Object.entries<Json>(item)) {
      const id = esc(op.operationId);
      toc.push(`<li><a href="#${id}"><code>${method.toUpperCase()} ${esc(path)}</code></a> — ${esc(op.summary)}</li>`);
      const params = (op.parameters ?? [])
        .map((p: Json) => `<tr><td><code>${esc(p.name)}</code></td><td>${esc(p.in)}</td><td>${p.required ? 'yes' : 'no'}</td><td><code>${esc(JSON.stringify(p.schema))}</code>${p.description ? ` ${esc(p.description)}` : ''}</td></tr>`)
        .join('');
      const responses = Object.entries<Json>(op.responses)
        .map(([status, r]) => {
          const [type, media] = Object.entries<Json>(r.content ?? {})[0] ?? [];
          return `<li><strong>${esc(status)}</strong> ${esc(r.description)} <code>${esc(type)}</code>${Number(status) < 300 ? block('schema', media?.schema) : ''}</li>`;
        })
        .join('');
      ops.push(`<section id="${id}">
<h3><code>${method.toUpperCase()} /api${esc(path)}</code></h3>
<p>${esc(op.summary)}</p>
<p>Roles: ${(op['x-roles'] as string[]).map((r) => `<span class="role">${esc(r)}</span>`).join(' ')}</p>
${params ? `<table><caption>Parameters</caption><thead><tr><th scope="col">Name</th><th scope="col">In</th><th scope="col">Required</th><th scope="col">Schema</th></tr></thead><tbody>${params}</tbody></table>` : ''}
${op.requestBody ? block('Request body (application/json)', op.requestBody.content['application/json'].schema) : ''}
<h4>Responses</h4><ul>${responses}</ul>
</section>`);
    }
  }
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(doc.info.title)} — reference</title>
<link rel="stylesheet" href="/docs/docs.css">
</head>
<body>
<main>
<h1>${esc(doc.info.title)} <small>OpenAPI ${esc(doc.openapi)}</small></h1>
<p>${esc(doc.info.description)}</p>
<p>The document: <a href="/openapi.json">/openapi.json</a>. Errors: <code>application/problem+json</code>, ${block('Problem schema', doc.components.schemas.Problem)}</p>
<h2>Operations</h2>
<nav aria-label="Operations"><ul>${toc.join('')}</ul></nav>
${ops.join('\n')}
</main>
</body>
</html>
`;
}
