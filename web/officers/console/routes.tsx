import { ConsoleAgencies, ConsoleProcedures } from '../pages/console-catalogue';
import { ConsoleCalendars } from '../pages/console-calendars';
import { ConsoleDashboard } from '../pages/console-dashboard';
import { ConsoleDossiers } from '../pages/console-dossiers';
import { ConsoleLetters } from '../pages/console-letters';
import { ConsolePayments } from '../pages/console-payments';
import { ConsoleConnection } from '../pages/console-connection';
import { OperatorOnly } from './shared';
import { ConsoleReports } from '../pages/figures';

/** The operators' console's pages under /console (each refuses an officer who is not an operator). */
export function consolePage(path: string, search: string) {
  const page = pageOf(path, search);
  return page && <OperatorOnly>{page}</OperatorOnly>;
}

function pageOf(path: string, search: string) {
  switch (path) {
    case '/console': return <ConsoleDashboard search={search} />;
    case '/console/letters': return <ConsoleLetters search={search} />;
    case '/console/dossiers': return <ConsoleDossiers />;
    case '/console/calendars': return <ConsoleCalendars search={search} />;
    case '/console/procedures': return <ConsoleProcedures />;
    case '/console/agencies': return <ConsoleAgencies />;
    case '/console/reports': return <ConsoleReports search={search} />;
    case '/console/payments': return <ConsolePayments search={search} />;
    case '/console/connection': return <ConsoleConnection />;
    default: return undefined;
  }
}
