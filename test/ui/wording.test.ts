/**
 * Words a user reads in either language (issue 14): counts with nouns that agree ("1 row", never "1 rows"), and one
 * term per status wherever a status is shown.
 */
import { LANGUAGES, MESSAGES, translate } from '../../src/core/i18n';
import { formatMessage } from '../../src/core/i18n/format';
import { KPI_FUNCTIONS } from '../../src/functions';

describe('counts in words', () => {
  it('takes the singular for exactly one and the plural for every other count', () => {
    const text = '{rows} {rows|row|rows} read';
    expect(formatMessage(text, { rows: 0 })).toBe('0 rows read');
    expect(formatMessage(text, { rows: 1 })).toBe('1 row read');
    expect(formatMessage(text, { rows: 2 })).toBe('2 rows read');
    expect(formatMessage(text, { rows: '1' })).toBe('1 row read');
  });

  it('leaves a placeholder without its parameter as written, so the omission shows', () => {
    expect(formatMessage('{rows} {rows|row|rows}', {})).toBe('{rows} {rows|row|rows}');
  });

  it('says "1 row" and "1 行" in the sidebar sheet list, "2 rows" and "2 行" for two', () => {
    expect(translate('en', 'sidebar.sheet.rows', { rows: 1 })).toBe('1 row');
    expect(translate('en', 'sidebar.sheet.rows', { rows: 2 })).toBe('2 rows');
    expect(translate('zh', 'sidebar.sheet.rows', { rows: 1 })).toBe('1 行');
    expect(translate('en', 'sidebar.sheet.issues', { count: 1 })).toBe('1 row cannot be read');
    expect(translate('en', 'sidebar.build.done', { rows: 1, issues: 1 })).toBe(
      'KPI Summary built: 1 row, 1 data issue.',
    );
  });

  it('agrees subject and verb in the Products issue for one SKU and for several', () => {
    expect(translate('en', 'issue.levels.skusWithoutProduct', { count: 1, skus: 'MUG-01' })).toMatch(
      /^1 SKU sold or advertised has no category/,
    );
    expect(translate('en', 'issue.levels.skusWithoutProduct', { count: 3, skus: 'A, B, C' })).toMatch(
      /^3 SKUs sold or advertised have no category/,
    );
  });

  it('words every count of the catalogue by a number the same text shows', () => {
    for (const [key, message] of Object.entries(MESSAGES)) {
      for (const language of LANGUAGES) {
        for (const match of message[language].matchAll(/\{(\w+)\|[^|{}]*\|[^|{}]*\}/g)) {
          expect({ key, language, counted: message[language].includes(`{${match[1] ?? ''}}`) }).toEqual({
            key,
            language,
            counted: true,
          });
        }
      }
    }
  });

  it('leaves no English count with a plural noun for one in the texts that show counts of rows or SKUs', () => {
    for (const [key, message] of Object.entries(MESSAGES)) {
      expect({ key, text: message.en }).not.toEqual({ key, text: expect.stringMatching(/\(s\)/) });
      expect({ key, text: message.en }).not.toEqual({
        key,
        text: expect.stringMatching(/\{\w+\} (rows|SKUs|days|issues)\b/),
      });
    }
  });
});

describe('one term per status in each language', () => {
  const kpiStatus = KPI_FUNCTIONS.find((spec) => spec.name === 'KPI_STATUS')?.run as
    ((...args: unknown[]) => unknown) | undefined;

  it.each([
    ['GREEN', 0.2],
    ['AMBER', 0.27],
    ['RED', 0.4],
  ] as const)('KPI_STATUS says %s in the dashboard’s words, in English and Chinese', (status, acos) => {
    for (const language of LANGUAGES) {
      // ACoS against a 25% target, lower is better, 10% tolerance.
      expect(kpiStatus?.(acos, 0.25, false, 0.1, language)).toBe(
        translate(language, `dashboard.status.${status}`),
      );
    }
  });

  it('has no second catalogue entry for a status', () => {
    const statusWords = ['绿（达标）', '黄（预警）', '红（未达标）', '不完整（待补数据）'];
    for (const word of statusWords) {
      const keys = Object.entries(MESSAGES)
        .filter(([, message]) => message.zh === word)
        .map(([key]) => key);
      expect(keys).toHaveLength(1);
    }
    const legacy = Object.values(MESSAGES).filter((message) => /^(绿|黄|红)灯$/.test(message.zh));
    expect(legacy).toEqual([]);
  });
});
