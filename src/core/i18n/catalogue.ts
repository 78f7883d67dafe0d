/** A user-visible text in both languages, side by side so that neither can be forgotten. */
export interface BilingualText {
  en: string;
  zh: string;
}

export type Language = 'en' | 'zh';
export const LANGUAGES: readonly Language[] = ['en', 'zh'];

/** Declares one part of the message catalogue; keys are namespaced by the part (`menu.build`, `issue.badDate`). */
export function defineMessages<K extends string>(
  messages: Record<K, BilingualText>,
): Record<K, BilingualText> {
  return messages;
}
