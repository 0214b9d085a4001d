import { useState } from 'preact/hooks';
import { fieldErrors, type Problem } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { CT } from '../console/shared';
import { useApp } from '../context';
import { Alert, Field } from '../ui';
import { useData } from '../use-data';

const T = {
  ...CT,
  code: { vi: 'Mã', en: 'Code' },
  nameVi: { vi: 'Tên (tiếng Việt)', en: 'Name (Vietnamese)' },
  nameEn: { vi: 'Tên (tiếng Anh)', en: 'Name (English)' },
  kind: { vi: 'Loại', en: 'Kind' },
  desk: { vi: 'Bộ phận một cửa', en: 'One-stop desk' },
  department: { vi: 'Sở, ngành', en: 'Department' },
  email: { vi: 'Thư điện tử nhận cảnh báo hạn', en: 'Email for due-time warnings' },
  edit: { vi: 'Sửa {code}', en: 'Edit {code}' },
  save: { vi: 'Lưu', en: 'Save' },
  cancel: { vi: 'Huỷ', en: 'Cancel' },
  saved: { vi: 'Đã lưu {code}.', en: '{code} saved.' },
  version: { vi: 'Phiên bản', en: 'Version' },
  effectiveFrom: { vi: 'Hiệu lực từ', en: 'In force from' },
  legalHours: { vi: 'Thời hạn luật định (giờ)', en: 'Legal time (hours)' },
  receiving: { vi: 'Nơi tiếp nhận', en: 'Receiving agency' },
  stages: { vi: 'Các bước', en: 'Steps' },
  newVersion: { vi: 'Công bố phiên bản mới của {code}', en: 'Publish a new version of {code}' },
  definition: { vi: 'Nội dung thủ tục (JSON: tên, lĩnh vực, thời hạn, các giai đoạn và bước)', en: 'The procedure (JSON: names, field, legal time, stages and steps)' },
  badJson: { vi: 'Không đọc được JSON: {m}', en: 'Not readable JSON: {m}' },
  publish: { vi: 'Công bố', en: 'Publish' },
  published: { vi: 'Đã công bố {code} phiên bản {v}.', en: '{code} version {v} published.' },
};

type Agency = { code: string; kind: string; name: { vi: string; en: string }; email?: string };

/** The agencies (GET /agencies), each edited in place (PUT /agencies/{code}). */
export function ConsoleAgencies() {
  const { api } = useApp();
  const { t, pick } = useI18n(T);
  const list = useData(() => api.GET('/agencies'), []);
  const [editing, setEditing] = useState<Agency>();
  const [problem, setProblem] = useState<Problem>();
  const [saved, setSaved] = useState<string>();
  const errors = fieldErrors(problem);
  const save = async (e: Event) => {
    e.preventDefault();
    if (!editing) return;
    const { error, response } = await api.PUT('/agencies/{code}', {
      params: { path: { code: editing.code } },
      body: { kind: editing.kind as 'desk' | 'department', name: editing.name, email: editing.email ?? '' },
    });
    if (response.ok) {
      setSaved(editing.code);
      setEditing(undefined);
      setProblem(undefined);
      list.reload();
    } else setProblem(error as Problem);
  };
  return (
      <section>
        <h1>{t('agencies')}</h1>
        {saved && <Alert kind="ok">{t('saved', { code: saved })}</Alert>}
        {list.problem && list.status !== 200 && <Alert>{list.problem.detail ?? list.problem.title}</Alert>}
        {list.data && (
          <div class="table-wrap">
            <table data-table="agencies">
              <caption>{t('agencies')}</caption>
              <thead><tr><th scope="col">{t('code')}</th><th scope="col">{t('nameVi')}</th><th scope="col">{t('kind')}</th><th scope="col">{t('email')}</th><th scope="col"><span class="visually-hidden">{t('save')}</span></th></tr></thead>
              <tbody>
                {list.data.agencies.map((a) => (
                  <tr key={a.code} data-agency={a.code}>
                    <td>{a.code}</td><td>{pick(a.name)}</td><td>{a.kind === 'desk' ? t('desk') : t('department')}</td><td>{a.email ?? ''}</td>
                    <td><button type="button" class="secondary" onClick={() => { setEditing({ code: a.code, kind: a.kind, name: { ...a.name }, email: a.email }); setProblem(undefined); setSaved(undefined); }}>{t('edit', { code: a.code })}</button></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {editing && (
          <form onSubmit={save} noValidate class="act">
            <h2>{t('edit', { code: editing.code })}</h2>
            <Field id="name.vi" label={t('nameVi')} error={errors['name.vi']}>
              {(aria) => <input {...aria} value={editing.name.vi} onInput={(e) => setEditing({ ...editing, name: { ...editing.name, vi: (e.target as HTMLInputElement).value } })} />}
            </Field>
            <Field id="name.en" label={t('nameEn')} error={errors['name.en']}>
              {(aria) => <input {...aria} value={editing.name.en} onInput={(e) => setEditing({ ...editing, name: { ...editing.name, en: (e.target as HTMLInputElement).value } })} />}
            </Field>
            <Field id="kind" label={t('kind')} error={errors.kind}>
              {(aria) => (
                <select {...aria} value={editing.kind} onChange={(e) => setEditing({ ...editing, kind: (e.target as HTMLSelectElement).value })}>
                  <option value="desk">{t('desk')}</option>
                  <option value="department">{t('department')}</option>
                </select>
              )}
            </Field>
            <Field id="email" label={t('email')} error={errors.email}>
              {(aria) => <input {...aria} type="email" value={editing.email ?? ''} onInput={(e) => setEditing({ ...editing, email: (e.target as HTMLInputElement).value })} />}
            </Field>
            {problem && !problem.errors?.length && <Alert>{problem.detail ?? problem.title}</Alert>}
            <p class="actions"><button type="submit" class="primary">{t('save')}</button><button type="button" class="secondary" onClick={() => setEditing(undefined)}>{t('cancel')}</button></p>
          </form>
        )}
      </section>
  );
}

/** The procedures in force (GET /procedures), and a new version published (PUT /procedures/{code}). */
export function ConsoleProcedures() {
  const { api } = useApp();
  const { t, pick } = useI18n(T);
  const list = useData(() => api.GET('/procedures'), []);
  const [draft, setDraft] = useState<{ code: string; text: string }>();
  const [problem, setProblem] = useState<Problem>();
  const [done, setDone] = useState<string>();
  const publish = async (e: Event) => {
    e.preventDefault();
    if (!draft) return;
    let body: unknown;
    try {
      body = JSON.parse(draft.text);
    } catch (err) {
      return setProblem({ type: 'about:blank', title: t('badJson', { m: (err as Error).message }), status: 400, errors: [{ field: 'body', message: t('badJson', { m: (err as Error).message }) }] } as Problem);
    }
    const { data, error, response } = await api.PUT('/procedures/{code}', { params: { path: { code: draft.code } }, body: body as never });
    if (response.ok && data) {
      setDone(t('published', { code: draft.code, v: data.version }));
      setDraft(undefined);
      setProblem(undefined);
      list.reload();
    } else setProblem(error as Problem);
  };
  return (
      <section>
        <h1>{t('procedures')}</h1>
        {done && <Alert kind="ok">{done}</Alert>}
        {list.problem && list.status !== 200 && <Alert>{list.problem.detail ?? list.problem.title}</Alert>}
        {list.data && (
          <div class="table-wrap">
            <table data-table="procedures">
              <caption>{t('procedures')}</caption>
              <thead><tr><th scope="col">{t('code')}</th><th scope="col">{t('nameVi')}</th><th scope="col">{t('version')}</th><th scope="col">{t('effectiveFrom')}</th><th scope="col">{t('legalHours')}</th><th scope="col">{t('receiving')}</th><th scope="col">{t('stages')}</th><th scope="col"><span class="visually-hidden">{t('publish')}</span></th></tr></thead>
              <tbody>
                {list.data.procedures.map((p) => (
                  <tr key={p.code} data-procedure={p.code}>
                    <td>{p.code}</td><td>{pick(p.name)}</td><td>{p.version}</td><td>{p.effectiveFrom}</td><td>{p.legalHours}</td><td>{p.receivingAgency}</td>
                    <td>{p.stages.map((s) => s.steps.map((x) => x.agency).join(' + ')).join(' → ')}</td>
                    <td>
                      <button
                        type="button"
                        class="secondary"
                        onClick={() => {
                          const { effectiveFrom, name, field, legalHours, receivingAgency, stages } = p;
                          setDraft({ code: p.code, text: JSON.stringify({ effectiveFrom, name, field, legalHours, receivingAgency, stages: stages.map((s) => ({ steps: s.steps })) }, null, 2) });
                          setProblem(undefined);
                          setDone(undefined);
                        }}
                      >
                        {t('newVersion', { code: p.code })}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {draft && (
          <form onSubmit={publish} noValidate class="act">
            <h2>{t('newVersion', { code: draft.code })}</h2>
            <Field id="procedure-body" label={t('definition')} error={problem ? (problem.errors ?? []).map((e) => `${e.field}: ${e.message}`).join('; ') || problem.detail || problem.title : undefined}>
              {(aria) => <textarea {...aria} rows={16} value={draft.text} onInput={(e) => setDraft({ ...draft, text: (e.target as HTMLTextAreaElement).value })} />}
            </Field>
            <p class="actions"><button type="submit" class="primary">{t('publish')}</button><button type="button" class="secondary" onClick={() => setDraft(undefined)}>{t('cancel')}</button></p>
          </form>
        )}
      </section>
  );
}
