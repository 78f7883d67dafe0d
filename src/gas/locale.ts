import { languageForLocale, type Language } from '../core/i18n';

/**
 * The account locale (`zh_CN`, `en_US`), or "" where Session cannot tell: some auth modes and time-driven runs have
 * no user session, and English is the safe default then.
 */
export function activeUserLocale(): string {
  try {
    return Session.getActiveUserLocale();
  } catch {
    return '';
  }
}

/**
 * The language for the current user from the account locale alone. onOpen may run in AuthMode.NONE, where the
 * language chosen in Settings cannot be read; everywhere else use `userLanguage(spreadsheet)` (src/gas/settings.ts).
 */
export function userLanguageFromLocale(): Language {
  return languageForLocale(activeUserLocale());
}
