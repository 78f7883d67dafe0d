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
      throw new Error(failureSentence(error, safeUserLanguage()));
    }
  };
}

/**
 * What a user reads when a sidebar call or menu item fails: the message of a UserFacingError, else "Something went
 * wrong" with the error's own text. Anything unexpected is logged in full for the execution log (add-ons get no
 * failure e-mails, PLATFORM §2).
 */
export function failureSentence(error: unknown, language: Language): string {
  if (error instanceof UserFacingError) return translate(language, error.key, error.params);
  console.error(error);
  const detail = error instanceof Error ? error.message : String(error);
  return translate(language, 'error.unexpected', { detail });
}
