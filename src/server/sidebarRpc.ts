/**
 * How sidebar calls fail: a problem the user can fix is thrown as a UserFacingError carrying a message key, and every
 * RPC is wrapped so that whatever it throws reaches `withFailureHandler` as one readable sentence in the user's
 * language, never as a stack trace or "TypeError: cannot read properties of null".
 */
import { type Language, type MessageParams, translate } from '../core/i18n';
import { userLanguage } from '../gas/settings';

export class UserFacingError extends Error {
  constructor(
    readonly key: string,
    readonly params: MessageParams = {},
  ) {
    super(key);
    this.name = 'UserFacingError';
  }
}

/** The caller's language, English when even the Settings sheet cannot be read (the error then says why). */
export function safeUserLanguage(): Language {
  try {
    return userLanguage(SpreadsheetApp.getActiveSpreadsheet());
  } catch {
    return 'en';
  }
}

/** `handler` with its failures turned into readable errors. */
export function sidebarRpc<Args extends unknown[], Result>(
  handler: (...args: Args) => Result,
): (...args: Args) => Result {
  return (...args: Args): Result => {
    try {
      return handler(...args);
    } catch (error: unknown) {
      const language = safeUserLanguage();
      if (error instanceof UserFacingError) throw new Error(translate(language, error.key, error.params));
      const detail = error instanceof Error ? error.message : String(error);
      // Logged in full for the execution log (add-ons get no failure e-mails, PLATFORM §2); the user reads one line.
      console.error(error);
      throw new Error(translate(language, 'error.unexpected', { detail }));
    }
  };
}
