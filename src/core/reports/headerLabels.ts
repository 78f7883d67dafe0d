/**
 * Header labels per language for the exports Seller Central and the Ads console write in the user's UI language
 * (SPEC §2c). Each report module keeps one table, field → its English label and every Chinese label it has had, and
 * builds from it both its detection headers and its column lookups: one reader for both languages (STYLE.md).
 *
 * Labels are written in a table as the export shows them (`（父）ASIN`, `会话次数 – 总计`, `点击率 (CTR)`) and
 * normalised here like any header (normaliseHeader: trimmed, lower-cased, dashes as `-`, space runs as one space).
 * Chinese labels also get their twin with ASCII parentheses, since parsers and re-saved files write `(父)ASIN` for the
 * full-width `（父）ASIN` (EXPORTS §9 1a quirks). A label is always matched whole: `转化率 - 总计` is the session
 * percentage, never conversion, so no lookup goes by a word inside a label.
 */
import { normaliseHeader } from '../parse';
import { type HeaderAliases, type TranslatedHeaders } from './types';

export interface FieldLabels {
  /** English labels, the current one first (it is the one detection requires). */
  en: readonly string[];
  /** Chinese labels of every generation; empty when no Chinese label was seen. */
  zh: readonly string[];
}

export type LabelTable<Field extends string> = Readonly<Record<Field, FieldLabels>>;

/** The normalised labels of one table, computed once when the report module loads. */
export interface Labels<Field extends string> {
  /** Every label of `field`, English first then Chinese: what SheetReader.column takes. */
  of(field: Field): string[];
  /** The current English label of each field: the definition's requiredHeaders / signatureHeaders. */
  english(fields: readonly Field[]): string[];
  /** The Chinese header set of the export for detection. */
  chinese(
    required: readonly Field[],
    signature: readonly Field[],
    absent?: readonly Field[],
  ): TranslatedHeaders;
}

const FULL_WIDTH_PARENTHESES = /[（）]/g;

function chineseAliases(labels: readonly string[]): string[] {
  const aliases = new Set<string>();
  for (const label of labels) {
    const name = normaliseHeader(label);
    aliases.add(name);
    aliases.add(name.replace(FULL_WIDTH_PARENTHESES, (mark) => (mark === '（' ? '(' : ')')));
  }
  return [...aliases];
}

export function labelsFrom<Field extends string>(table: LabelTable<Field>): Labels<Field> {
  const english = new Map<Field, string[]>();
  const chinese = new Map<Field, string[]>();
  for (const field of Object.keys(table) as Field[]) {
    english.set(
      field,
      table[field].en.map((label) => normaliseHeader(label)),
    );
    chinese.set(field, chineseAliases(table[field].zh));
  }
  const englishOf = (field: Field): string[] => english.get(field) ?? [];
  const chineseOf = (field: Field): string[] => chinese.get(field) ?? [];
  const aliasesOf = (fields: readonly Field[]): HeaderAliases[] =>
    fields.map(chineseOf).filter((aliases) => aliases.length > 0);
  return {
    of: (field) => [...englishOf(field), ...chineseOf(field)],
    english: (fields) => fields.flatMap((field) => englishOf(field).slice(0, 1)),
    chinese: (required, signature, absent = []) => {
      for (const field of required) {
        // A required field without a Chinese label would make the Chinese header impossible to match.
        if (chineseOf(field).length === 0)
          throw new Error(`No Chinese label for the required field ${field}`);
      }
      return {
        language: 'zh',
        requiredHeaders: aliasesOf(required),
        signatureHeaders: aliasesOf(signature),
        ...(absent.length > 0 ? { absentHeaders: aliasesOf(absent) } : {}),
      };
    },
  };
}
