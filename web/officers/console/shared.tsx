import type { ComponentChildren } from 'preact';
import { csvText, type CsvValue } from '../../shared/csv';
import { useI18n } from '../../shared/i18n';
import { isOperator } from '../auth';
import { useApp } from '../context';
import { Link, useLocation } from '../router';
import { Alert } from '../ui';
import { saveBlob } from '../../shared/save-file';

export const CT = {
  console: { vi: 'Bảng điều hành', en: 'Operators’ console' },
  dashboard: { vi: 'Tổng quan', en: 'Dashboard' },
  letters: { vi: 'Thư không đến', en: 'Letters not delivered' },
  dossiers: { vi: 'Hồ sơ cần xử lý thủ công', en: 'Dossiers that need a hand' },
  calendars: { vi: 'Lịch làm việc', en: 'Calendars' },
  procedures: { vi: 'Thủ tục', en: 'Procedures' },
  agencies: { vi: 'Cơ quan', en: 'Agencies' },
  reports: { vi: 'Chỉ số 766, báo cáo', en: '766 index, reports' },
  payments: { vi: 'Phí, lệ phí', en: 'Fees' },
  connection: { vi: 'Kết nối Cổng DVC Quốc gia', en: 'National portal connection' },
  consoleNav: { vi: 'Các trang điều hành', en: 'Console pages' },
  refused: { vi: 'Trang này chỉ dành cho cán bộ quản trị vận hành.', en: 'This page is for platform operators only.' },
};

/** The console's pages: operators only (the API refuses others too); a sub-navigation on top. */
export function OperatorOnly({ children }: { children: ComponentChildren }) {
  const { session } = useApp();
  const { t } = useI18n(CT);
  const { path } = useLocation();
  if (!isOperator(session)) return <Alert>{t('refused')}</Alert>;
  const tabs = [
    ['/console', 'dashboard'],
    ['/console/letters', 'letters'],
    ['/console/dossiers', 'dossiers'],
    ['/console/calendars', 'calendars'],
    ['/console/procedures', 'procedures'],
    ['/console/agencies', 'agencies'],
    ['/console/reports', 'reports'],
    ['/console/payments', 'payments'],
    ['/console/connection', 'connection'],
  ] as const;
  return (
    <div class="console">
      <nav aria-label={t('consoleNav')} class="console-nav no-print">
        <ul>
          {tabs.map(([href, key]) => (
            <li key={href}>
              <Link href={href} class={path === href ? 'current' : undefined}>
                <span aria-current={path === href ? 'page' : undefined}>{t(key)}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {children}
    </div>
  );
}

/** A CSV file downloaded in the browser from a table's rows (the first row: the headings; cells escaped by web/shared/csv.ts). */
export function downloadCsv(name: string, rows: CsvValue[][]) {
  saveBlob(new Blob([csvText(rows)], { type: 'text/csv;charset=utf-8' }), name);
}
