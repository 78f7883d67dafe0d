/**
 * Does each Chinese section say what its English twin says? Not a translation check — a count of the things a
 * shortened translation drops first: list items, table rows, code blocks, links, and figures (3.5%, $10, 2026-10-15,
 * 10,000 = 1 万). Used by references.test.ts on README.md and the docs, and tested on small documents of its own in
 * twins.test.ts.
 *
 * Documents pair the languages in one of two ways, and both are read:
 * - in the same section: English paragraphs, list items or sentences and their Chinese twins beside them (README.md,
 *   docs/FUNCTIONS.md), down to one line "English · 中文";
 * - in two halves: an English section and, later, a Chinese section in the same order (docs/LOOKER-STUDIO.md).
 */

export type Language = 'en' | 'zh';

/** What one language of a section says, counted. */
export interface Said {
  /** List items with words in this language. */
  items: number;
  /** Table rows (header included, separator not) with words in this language. */
  rows: number;
  /** Fenced code blocks; in a section with both languages they serve both and are not counted. */
  codeBlocks: number;
  /** Link targets, markdown links and bare URLs. */
  links: Set<string>;
  /** Figures, normalised: `10,000`, `1 万` and `10 k` are all 10000; an ISO date stays one figure. */
  figures: Set<string>;
  /** Chinese characters (zh) or English words (en) outside code: the amount said. */
  size: number;
}

export interface SectionTwins {
  /** The English section's heading (the same section as the Chinese one in the first layout). */
  heading: string;
  /** An English section of the first half with no Chinese section left to pair it with. */
  noTwin: boolean;
  en: Said;
  zh: Said;
}

/** What a Chinese section leaves out of its English twin. */
export interface Shortfall {
  heading: string;
  noTwin: boolean;
  missingItems: number;
  missingRows: number;
  missingCodeBlocks: number;
  missingLinks: string[];
  missingFigures: string[];
  /** Chinese characters per English word, when under MIN_CHARACTERS_PER_WORD. */
  characterRatio: number | null;
}

/**
 * A Chinese translation spends about 1.5–2 characters per English word (measured on this repository's docs when the
 * test was written). Under 1 the Chinese is clearly shorter: something was left out. Only judged on sections of at
 * least MIN_WORDS English words, where one short phrase cannot swing the ratio.
 */
export const MIN_CHARACTERS_PER_WORD = 1;
const MIN_WORDS = 40;
/** Characters of Chinese per English word saying the same, to weigh the two languages of a section. */
const CHARACTERS_PER_WORD = 1.5;
/** Under this share of the other language's amount, a language is a name or two inside the other, not a twin. */
const MINORITY_SHARE = 0.2;

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/g;
const FULL_WIDTH_PUNCTUATION = /[，、。；：（）“”！？]/;
const LATIN_WORD = /[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]/g;

interface Block {
  kind: 'paragraph' | 'item' | 'row' | 'code';
  text: string;
}

interface Section {
  heading: string;
  blocks: Block[];
}

/** Splits markdown into sections at headings (# to ####) and each section into paragraphs, items, rows and code. */
export function parseSections(markdown: string): Section[] {
  const sections: Section[] = [{ heading: '(top)', blocks: [] }];
  let current = sections[0] as Section;
  let open: Block | null = null;
  let fence: Block | null = null;
  for (const line of markdown.split('\n')) {
    if (fence) {
      if (/^\s*```/.test(line)) fence = null;
      else fence.text += `${line}\n`;
      continue;
    }
    if (/^\s*```/.test(line)) {
      fence = { kind: 'code', text: '' };
      current.blocks.push(fence);
      open = null;
    } else if (/^#{1,4} /.test(line)) {
      current = { heading: line.trim(), blocks: [] };
      sections.push(current);
      open = null;
    } else if (line.trim() === '') {
      open = null;
    } else if (/^\s*\|/.test(line)) {
      open = null;
      // The line under a table's header (| --- | :-: |) says nothing.
      if (!/^\s*\|[\s:|-]+\|\s*$/.test(line)) current.blocks.push({ kind: 'row', text: line });
    } else if (/^\s*([-*+]|\d+\.) /.test(line)) {
      open = { kind: 'item', text: line };
      current.blocks.push(open);
    } else if (open) {
      open.text += `\n${line}`;
    } else {
      open = { kind: 'paragraph', text: line };
      current.blocks.push(open);
    }
  }
  return sections;
}

/** Link targets in text, markdown `[…](target)` and bare http(s) addresses. */
function linksOf(text: string): string[] {
  const markdown = [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1] ?? '');
  const bare = [...text.replace(/\]\([^)\s]+\)/g, ']').matchAll(/https?:\/\/[^\s)>，。；）]+/g)].map(
    (match) => (match[0] ?? '').replace(/[.,;:]$/, ''),
  );
  return [...markdown, ...bare];
}

/** The text a reader reads as words: inline code, link targets, addresses and markup removed. */
function wordsOf(text: string): string {
  return text
    .replace(/`[^`]*`/g, ' ')
    .replace(/\]\([^)\s]+\)/g, ']')
    .replace(/https?:\/\/[^\s)>，。；）]+/g, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ');
}

const MULTIPLIERS: readonly [RegExp, number][] = [
  [/^\s*亿/, 1e8],
  [/^\s*万/, 1e4],
  [/^\s*(M\b|million\b)/, 1e6],
  [/^\s*(k\b|K\b|thousand\b)/, 1e3],
];

/**
 * The figures in words: ISO dates whole, numbers with their thousands commas removed and 万/M/k applied. Digits that
 * are part of a name (ES2020, t30, UTF-16, B2B, 3PL) are not figures.
 */
export function figuresOf(text: string): string[] {
  const figures: string[] = [];
  const number =
    /(?<![A-Za-z_][-]?)(?<![\d.,])(\d{4}-\d{2}-\d{2}|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d.,]*[A-Za-z])/g;
  for (const match of text.matchAll(number)) {
    const written = match[1] ?? '';
    if (/^\d{4}-\d{2}-\d{2}$/.test(written)) {
      figures.push(written);
      continue;
    }
    let value = Number(written.replace(/,/g, ''));
    const after = text.slice((match.index ?? 0) + written.length);
    for (const [unit, factor] of MULTIPLIERS) {
      if (unit.test(after)) {
        value *= factor;
        break;
      }
    }
    // 1.30 M and 130 万 are the same figure; rounding keeps binary fractions from telling them apart.
    figures.push(String(Math.round(value * 1e6) / 1e6));
  }
  return figures;
}

/**
 * English words in text. Names with two capitals or more (SKU, FBA, MUG-01, ACoS, TikTok, LingXing) and single
 * letters (the source tags [F], [D]) are left out: Chinese sentences use them as they are, so they tell no language.
 */
function englishWordCount(text: string): number {
  return (text.match(LATIN_WORD) ?? []).filter(
    (word) => (word.length > 1 || word === 'a') && !/[A-Z].*[A-Z]/.test(word),
  ).length;
}

/** The language a piece of text is in: most Chinese characters or most English words; null when it has neither. */
export function languageOf(text: string): Language | null {
  const words = wordsOf(text);
  const characters = (words.match(CJK) ?? []).length;
  const latinWords = englishWordCount(words);
  if (characters >= 2 && characters > latinWords) return 'zh';
  // "TikTok Shop 为 … ；": Chinese punctuation marks a Chinese clause even when names outnumber its characters.
  if (characters >= 1 && FULL_WIDTH_PUNCTUATION.test(words)) return 'zh';
  if (latinWords >= 1 && characters <= latinWords) return 'en';
  return null;
}

/**
 * A block cut where one language ends and the other begins: at sentence ends in either script, at " · ", the
 * separator of "English · 中文" on one line, and between table cells. Pieces in neither language (a bare figure) belong to both.
 */
function piecesOf(text: string): { language: Language | null; text: string }[] {
  // Inline code is no sentence: `provisional: true` must not be cut at its colon. Its words and figures are not
  // counted anyway (wordsOf), so a placeholder stands in for it.
  const pieces = text
    .replace(/`[^`]*`/g, '`code`')
    .split(/(?<=[.!?;:])\s+|(?<=[。！？；：])|\s+·\s+|\s*\|\s*/)
    .filter((piece) => piece.trim() !== '')
    .map((piece) => ({ language: languageOf(piece), text: piece }));
  // A piece of figures and names alone ("MUG-01 $9.50 + $1.50 = $11.00" after "到仓成本：") belongs to the sentence it
  // continues, else to the one it introduces; only a block with no words at all serves both languages.
  let previous: Language | null = null;
  for (const piece of pieces) {
    if (piece.language) previous = piece.language;
    else piece.language = previous;
  }
  let next: Language | null = null;
  for (const piece of [...pieces].reverse()) {
    if (piece.language) next = piece.language;
    else piece.language = next;
  }
  return pieces;
}

function emptySaid(): Said {
  return { items: 0, rows: 0, codeBlocks: 0, links: new Set(), figures: new Set(), size: 0 };
}

/**
 * What each language of one section says. With `only`, the whole section is read as that language: a Chinese section
 * naming "Looker Studio" in a sentence of its own is still one Chinese section.
 */
function measure(section: Section, only?: Language): Record<Language, Said> {
  const said: Record<Language, Said> = { en: emptySaid(), zh: emptySaid() };
  const languagesOfSection = new Set<Language>();
  let codeBlocks = 0;
  for (const block of section.blocks) {
    if (block.kind === 'code') {
      codeBlocks += 1;
      continue;
    }
    // A line of language links ([English](#english) · [中文](#中文)) is in no language.
    const text = block.text.replace(/^\s*(\[[^\]]*\]\([^)]*\)\s*·?\s*)+$/gm, '');
    const pieces = piecesOf(text).map((piece) => (only ? { ...piece, language: only } : piece));
    const inBlock = new Set<Language>();
    for (const piece of pieces) {
      const targets: Language[] = piece.language ? [piece.language] : ['en', 'zh'];
      const words = wordsOf(piece.text);
      for (const language of targets) {
        for (const link of linksOf(piece.text.replace(/`[^`]*`/g, ' '))) said[language].links.add(link);
        for (const figure of figuresOf(words)) said[language].figures.add(figure);
      }
      if (piece.language) {
        inBlock.add(piece.language);
        languagesOfSection.add(piece.language);
        said[piece.language].size +=
          piece.language === 'zh' ? (words.match(CJK) ?? []).length : englishWordCount(words);
      }
    }
    for (const language of inBlock) {
      if (block.kind === 'item') said[language].items += 1;
      if (block.kind === 'row') said[language].rows += 1;
    }
  }
  // A code block serves the language of a one-language section; beside both languages it serves both.
  if (languagesOfSection.size === 1) {
    const [only] = [...languagesOfSection] as [Language];
    said[only].codeBlocks = codeBlocks;
  }
  return said;
}

/**
 * The pairs to compare: each section that holds both languages with itself, and the sections in one language only,
 * the n-th English one with the n-th Chinese one.
 */
export function sectionTwins(markdown: string): SectionTwins[] {
  const pairs: SectionTwins[] = [];
  const englishOnly: { heading: string; said: Said }[] = [];
  const chineseOnly: Said[] = [];
  for (const section of parseSections(markdown)) {
    const said = measure(section);
    // Both languages are there when each says at least a fifth of what the other says (a word ≈ 1.5 characters).
    const english = said.en.size * CHARACTERS_PER_WORD;
    const chinese = said.zh.size;
    if (
      english >= chinese * MINORITY_SHARE &&
      chinese >= english * MINORITY_SHARE &&
      english > 0 &&
      chinese > 0
    ) {
      pairs.push({ heading: section.heading, noTwin: false, en: said.en, zh: said.zh });
    } else if (english > chinese) {
      englishOnly.push({ heading: section.heading, said: measure(section, 'en').en });
    } else if (chinese > 0) {
      chineseOnly.push(measure(section, 'zh').zh);
    }
  }
  englishOnly.forEach((english, index) => {
    const chinese = chineseOnly[index];
    pairs.push({ heading: english.heading, noTwin: !chinese, en: english.said, zh: chinese ?? emptySaid() });
  });
  return pairs;
}

/** Every pair whose Chinese side says less than its English side, with what is missing. */
export function shortfalls(markdown: string): Shortfall[] {
  const found: Shortfall[] = [];
  for (const { heading, noTwin, en, zh } of sectionTwins(markdown)) {
    const ratio = en.size >= MIN_WORDS ? zh.size / en.size : null;
    const shortfall: Shortfall = {
      heading,
      noTwin,
      missingItems: Math.max(0, en.items - zh.items),
      missingRows: Math.max(0, en.rows - zh.rows),
      missingCodeBlocks: Math.max(0, en.codeBlocks - zh.codeBlocks),
      missingLinks: [...en.links].filter((link) => !zh.links.has(link)),
      missingFigures: [...en.figures].filter((figure) => !zh.figures.has(figure)),
      characterRatio:
        ratio !== null && ratio < MIN_CHARACTERS_PER_WORD ? Math.round(ratio * 100) / 100 : null,
    };
    if (
      shortfall.noTwin ||
      shortfall.missingItems ||
      shortfall.missingRows ||
      shortfall.missingCodeBlocks ||
      shortfall.missingLinks.length ||
      shortfall.missingFigures.length ||
      shortfall.characterRatio !== null
    ) {
      found.push(shortfall);
    }
  }
  return found;
}
