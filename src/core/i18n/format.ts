/**
 * Fills a catalogue text's placeholders. `{name}` is the parameter's value; `{name|one|other}` is a word agreeing
 * with the number `name` — `one` for exactly 1, `other` for every other count (0 rows, 1 row, 2 rows, 1.5 rows), the
 * English rule. Chinese nouns do not change with the count (1 行, 2 行), so Chinese texts need only `{name}`; the same
 * syntax would simply repeat the one word.
 *
 * An unknown placeholder is left as written, so a missing parameter shows in the output (and in the catalogue test)
 * instead of vanishing.
 */
export function formatMessage(text: string, params: Readonly<Record<string, string | number>>): string {
  return text.replace(
    /\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g,
    (placeholder, name: string, one?: string, other?: string) => {
      if (!(name in params)) return placeholder;
      const value = params[name];
      if (one === undefined || other === undefined) return String(value);
      return Number(value) === 1 ? one : other;
    },
  );
}
