import { languageForLocale, type Language } from '../core/i18n';

/**
 * The language for the current user. onOpen may run in AuthMode.NONE, where document properties cannot be read, so
 * this looks only at the account locale; a language chosen in Settings is applied by the callers that may read it.
 */
export function userLanguageFromLocale(): Language {
  try {
    return languageForLocale(Session.getActiveUserLocale());
  } catch {
    // Session may be unavailable in some auth modes; English is the safe default.
    return 'en';
  }
}
