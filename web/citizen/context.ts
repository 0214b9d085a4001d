/** What every part of the citizen's pages shares: the words, the language, the centre, the dossier's key. */
import type { Centre } from './api';
import type { Lang } from './format';
import type { Strings } from './i18n';

export interface Ctx {
  t: Strings;
  lang: Lang;
  centre?: Centre;
  code: string;
  pin: string;
  refresh: () => Promise<void>;
}
