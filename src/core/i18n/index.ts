import { type BilingualText, type Language } from './catalogue';
import { formatMessage } from './format';
import { bigQueryMessages } from './parts/bigquery';
import { bigQueryRawMessages } from './parts/bigqueryRaw';
import { buildMessages } from './parts/build';
import { chineseMessages } from './parts/chinese';
import { commonMessages } from './parts/common';
import { countingMessages } from './parts/counting';
import { reconciliationMessages } from './parts/reconciliation';
import { dashboardMessages } from './parts/dashboard';
import { digestMessages } from './parts/digest';
import { feesMessages } from './parts/fees';
import { functionsMessages } from './parts/functions';
import { helpMessages } from './parts/help';
import { historyMessages } from './parts/history';
import { inventoryMessages } from './parts/inventory';
import { reportsMessages } from './parts/reports';
import { reviewMessages } from './parts/review';
import { samplesMessages } from './parts/samples';
import { summaryMessages } from './parts/summary';
import { uiMessages } from './parts/ui';

export { type BilingualText, type Language, LANGUAGES } from './catalogue';

/** The one message catalogue: every string a user sees, in English and Simplified Chinese. */
export const MESSAGES: Readonly<Record<string, BilingualText>> = {
  ...commonMessages,
  ...functionsMessages,
  ...reportsMessages,
  ...countingMessages,
  ...reconciliationMessages,
  ...summaryMessages,
  ...uiMessages,
  ...dashboardMessages,
  ...buildMessages,
  ...feesMessages,
  ...chineseMessages,
  ...inventoryMessages,
  ...reviewMessages,
  ...digestMessages,
  ...helpMessages,
  ...samplesMessages,
  ...historyMessages,
  ...bigQueryMessages,
  ...bigQueryRawMessages,
};

export type MessageParams = Record<string, string | number>;

/**
 * The text of `key` in `language` with `{name}` placeholders filled and `{name|one|other}` words agreeing with the
 * count (format.ts). An unknown key is a programming error and throws, so a missing message is found by the tests
 * rather than shown to a user as a raw key.
 */
export function translate(language: Language, key: string, params: MessageParams = {}): string {
  const message = MESSAGES[key];
  if (!message) throw new Error(`Unknown message key: ${key}`);
  return formatMessage(message[language], params);
}

/** The add-on's language for a Google account locale such as `zh_CN`, `zh-TW` or `en_US`. */
export function languageForLocale(locale: string | null | undefined): Language {
  return /^zh/i.test(locale ?? '') ? 'zh' : 'en';
}
