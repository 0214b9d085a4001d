import type { ComponentChildren } from 'preact';
import { STATUS_TEXT } from '../../functions/core/citizen-view';
import { useI18n, type Text } from '../shared/i18n';

/** A labelled control with its error beside it (announced, and tied by aria-describedby). */
export function Field(props: { id: string; label: string; error?: string; hint?: string; children: (aria: Record<string, string | boolean>) => ComponentChildren }) {
  const described = [props.hint ? `${props.id}-hint` : '', props.error ? `${props.id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={`field${props.error ? ' invalid' : ''}`}>
      <label for={props.id}>{props.label}</label>
      {props.hint && <span class="hint" id={`${props.id}-hint`}>{props.hint}</span>}
      {props.children({ id: props.id, ...(described ? { 'aria-describedby': described } : {}), ...(props.error ? { 'aria-invalid': 'true' } : {}) })}
      {props.error && (
        <span class="error" id={`${props.id}-error`} data-field-error={props.id}>
          {props.error}
        </span>
      )}
    </div>
  );
}

/** The dossier's status in words (the national portal's codes, functions/core/citizen-view.ts). */
export function StatusText({ status }: { status: number }) {
  const { pick } = useI18n({});
  return <span class={`status s${status}`}>{pick(STATUS_TEXT[status as keyof typeof STATUS_TEXT] as Text)}</span>;
}

export function Alert({ children, kind = 'error' }: { children: ComponentChildren; kind?: 'error' | 'ok' }) {
  return (
    <p class={`alert ${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </p>
  );
}
