import { useState } from 'preact/hooks';
import { newKey, type Problem } from '../../shared/api';
import { formatDateTime } from '../../shared/dates';
import { useI18n } from '../../shared/i18n';
import { CT } from '../console/shared';
import { useApp } from '../context';
import { Link, navigate } from '../router';
import { Alert } from '../ui';
import { useData } from '../use-data';
import { saveBase64File } from '../../shared/save-file';
import { dong } from '../../../functions/core/money';

const T = {
  ...CT,
  intro: {
    vi: 'Các khoản phí, lệ phí đã ghi nhận trong ngày (trực tuyến, tiền mặt, thẻ) và đối soát với bảng kê của cổng thanh toán: khoản chỉ một bên biết, số tiền lệch, khoản đến sau khi hồ sơ đã chuyển trạng thái.',
    en: 'The fees recorded on a day (online, cash, card) and the reconciliation with the payment hub’s statement: payments only one side knows, amounts that differ, payments that came after the dossier moved on.',
  },
  date: { vi: 'Ngày', en: 'Day' },
  total: { vi: 'Tổng thu', en: 'Total collected' },
  method: { vi: 'Hình thức', en: 'Method' },
  online: { vi: 'Trực tuyến', en: 'Online' },
  cash: { vi: 'Tiền mặt', en: 'Cash' },
  card: { vi: 'Thẻ', en: 'Card' },
  dossier: { vi: 'Hồ sơ', en: 'Dossier' },
  procedure: { vi: 'Thủ tục', en: 'Procedure' },
  receipt: { vi: 'Biên lai', en: 'Receipt' },
  amount: { vi: 'Số tiền', en: 'Amount' },
  paidAt: { vi: 'Lúc', en: 'At' },
  reconciliation: { vi: 'Đối soát với cổng thanh toán', en: 'Reconciliation with the payment hub' },
  hub: { vi: 'Cổng thanh toán: {count} khoản, {total}', en: 'Payment hub: {count} payments, {total}' },
  platform: { vi: 'Hệ thống (trực tuyến): {count} khoản, {total}', en: 'Platform (online): {count} payments, {total}' },
  balanced: { vi: 'Khớp đến từng đồng.', en: 'Balanced to the đồng.' },
  mismatches: { vi: 'Chênh lệch cần xem xét', en: 'Mismatches to look at' },
  'hub-only': { vi: 'Chỉ cổng thanh toán có', en: 'Only the hub has it' },
  'platform-only': { vi: 'Chỉ hệ thống có', en: 'Only the platform has it' },
  'amount-differs': { vi: 'Số tiền lệch', en: 'Amounts differ' },
  flagged: { vi: 'Đến sau khi hồ sơ đã chuyển trạng thái', en: 'Came after the dossier moved on' },
  none: { vi: 'Không có khoản nào trong ngày.', en: 'No payment on this day.' },
  'refund-hub-only': { vi: 'Hoàn trả chỉ cổng thanh toán có', en: 'A refund only the hub has' },
  'refund-platform-only': { vi: 'Hoàn trả chỉ hệ thống có', en: 'A refund only the platform has' },
  'refund-amount-differs': { vi: 'Số tiền hoàn trả lệch', en: 'Refunded amounts differ' },
  refunds: { vi: 'Hoàn trả trực tuyến — cổng: {hub}; hệ thống: {platform}', en: 'Online refunds — hub: {hub}; platform: {platform}' },
  counter: { vi: 'Tại quầy: thu {paid}, hoàn trả {refunded}, còn {net}', en: 'At the counter: taken {paid}, handed back {refunded}, net {net}' },
  net: { vi: 'Thực thu trong ngày: {total} (trực tuyến {online}, tại quầy {counter})', en: 'Net for the day: {total} (online {online}, counter {counter})' },
  pdf: { vi: 'Biên lai PDF', en: 'Receipt PDF' },
  actions: { vi: 'Thao tác', en: 'Actions' },
  refund: { vi: 'Hoàn trả', en: 'Refund' },
  reason: { vi: 'Lý do hoàn trả (gửi cho người nộp)', en: 'Reason for the refund (sent to the payer)' },
  confirmRefund: { vi: 'Xác nhận hoàn trả', en: 'Confirm the refund' },
  refundAsked: { vi: 'Đã đề nghị cổng thanh toán hoàn trả; chờ cổng xác nhận.', en: 'The hub was asked to refund; waiting for its confirmation.' },
  refundDone: { vi: 'Đã hoàn trả.', en: 'Refunded.' },
};

/** A payment's receipt PDF and, where the rules allow it (the API decides: 409 says why not), its refund with a reason. */
function PaymentActions({ paymentId, onDone }: { paymentId: string; onDone: () => void }) {
  const { api } = useApp();
  const { t } = useI18n(T);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [key] = useState(newKey);
  const [note, setNote] = useState<{ ok: boolean; text: string }>();
  const pdf = async () => {
    const { data, error } = await api.GET('/payments/{paymentId}/receipt', { params: { path: { paymentId } } });
    if (data) saveBase64File(data);
    else setNote({ ok: false, text: (error as Problem | undefined)?.detail ?? 'Error' });
  };
  const refund = async () => {
    const { data, error } = await api.POST('/payments/{paymentId}/refund', { params: { path: { paymentId }, header: { 'Idempotency-Key': key } }, body: { reason: reason.trim() } });
    if (data) {
      setNote({ ok: true, text: data.state === 'refunded' ? t('refundDone') : t('refundAsked') });
      setOpen(false);
      onDone();
    } else setNote({ ok: false, text: (error as Problem | undefined)?.detail ?? 'Error' });
  };
  return (
    <>
      <button type="button" class="secondary" onClick={() => void pdf()}>{t('pdf')}</button>{' '}
      <button type="button" class="secondary" aria-expanded={open} onClick={() => setOpen(!open)}>{t('refund')}</button>
      {open && (
        <form onSubmit={(e) => { e.preventDefault(); void refund(); }}>
          <label for={`reason-${paymentId}`}>{t('reason')}</label>
          <input id={`reason-${paymentId}`} value={reason} minLength={5} maxLength={500} required onInput={(e) => setReason((e.target as HTMLInputElement).value)} />
          <button type="submit">{t('confirmRefund')}</button>
        </form>
      )}
      {note && <Alert kind={note.ok ? 'ok' : undefined}>{note.text}</Alert>}
    </>
  );
}

const today = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

/** The day's payments (GET /payments) and their reconciliation with the hub (GET /payments/reconciliation): docs/fees.md. */
export function ConsolePayments({ search }: { search: string }) {
  const { api } = useApp();
  const { t, lang } = useI18n(T);
  const picked = new URLSearchParams(search).get('date');
  const date = picked && /^\d{4}-\d{2}-\d{2}$/.test(picked) ? picked : today();
  const list = useData(() => api.GET('/payments', { params: { query: { from: date, to: date } } }), [date]);
  const rec = useData(() => api.GET('/payments/reconciliation', { params: { query: { date } } }), [date]);
  const methodWord = (m: string) => (m === 'online' || m === 'cash' || m === 'card' ? t(m) : m);
  return (
    <section>
      <h1>{t('payments')}</h1>
      <p>{t('intro')}</p>
      <label for="pay-date">{t('date')}</label>{' '}
      <input id="pay-date" type="date" value={date} onChange={(e) => navigate(`/console/payments?date=${(e.target as HTMLInputElement).value}`)} />
      {list.problem && list.status !== 200 && <Alert>{list.problem.detail ?? list.problem.title}</Alert>}
      {list.data && (
        <>
          <p data-testid="payments-total"><strong>{t('total')}: {dong(list.data.total)}</strong></p>
          <ul>
            {Object.entries(list.data.byMethod).map(([m, c]) => c && <li key={m}>{methodWord(m)}: {c.count} — {dong(c.total)}</li>)}
          </ul>
          {list.data.payments.length === 0 ? (
            <p>{t('none')}</p>
          ) : (
            <div class="table-wrap">
              <table data-table="payments">
                <caption>{t('payments')} {date}</caption>
                <thead><tr><th scope="col">{t('dossier')}</th><th scope="col">{t('procedure')}</th><th scope="col">{t('method')}</th><th scope="col">{t('amount')}</th><th scope="col">{t('receipt')}</th><th scope="col">{t('paidAt')}</th><th scope="col">{t('actions')}</th></tr></thead>
                <tbody>
                  {list.data.payments.map((p) => (
                    <tr key={p.paymentId}>
                      <td><Link href={`/dossier/${p.dossierCode}`}>{p.dossierCode}</Link></td>
                      <td>{p.procedureCode}</td>
                      <td>{methodWord(p.method)}</td>
                      <td>{dong(p.total)}</td>
                      <td>{p.receipt.invoiceIssueNo} {p.receipt.invoiceNo}</td>
                      <td>{formatDateTime(p.paidAt, lang)}</td>
                      <td><PaymentActions paymentId={p.paymentId} onDone={() => rec.reload?.()} /></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
      <h2>{t('reconciliation')}</h2>
      {rec.problem && rec.status !== 200 && <Alert>{rec.problem.detail ?? rec.problem.title}</Alert>}
      {rec.data && (
        <>
          <p>{t('hub', { count: rec.data.hub.count, total: dong(rec.data.hub.total) })}</p>
          <p>{t('platform', { count: rec.data.platform.count, total: dong(rec.data.platform.total) })}</p>
          <p>{t('refunds', { hub: dong(rec.data.refunds.hub.total), platform: dong(rec.data.refunds.platform.total) })}</p>
          <p>{t('counter', { paid: dong(rec.data.counter.paid.total), refunded: dong(rec.data.counter.refunded.total), net: dong(rec.data.counter.net) })}</p>
          <p data-testid="payments-net"><strong>{t('net', { total: dong(rec.data.net.total), online: dong(rec.data.net.online), counter: dong(rec.data.net.counter) })}</strong></p>
          {rec.data.balanced ? (
            <Alert kind="ok">{t('balanced')}</Alert>
          ) : (
            <div class="table-wrap">
              <table data-table="mismatches">
                <caption>{t('mismatches')}</caption>
                <thead><tr><th scope="col">{t('receipt')}</th><th scope="col">{t('mismatches')}</th><th scope="col">{t('amount')}</th></tr></thead>
                <tbody>
                  {rec.data.mismatches.map((m) => (
                    <tr key={m.paymentId + m.kind + (m.refundId ?? '')}>
                      <td>{m.paymentId}</td>
                      <td>{t(m.kind)}</td>
                      <td>{[m.platformAmount, m.hubAmount].filter((x) => x !== undefined).map((x) => dong(x!)).join(' / ')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
