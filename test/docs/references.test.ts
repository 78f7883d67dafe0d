/**
 * The README and docs as a reader of the repository meets them (issue 14): every file they point to is in the
 * repository, none cites the maintainers' own notes (which live outside it), and each section says its piece in both
 * languages, the Chinese as much as the English (twins.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { shortfalls } from './twins';

const root = resolve(__dirname, '..', '..');
const documents = [
  'README.md',
  'samples/README.md',
  ...readdirSync(join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];

const textOf = (document: string): string => readFileSync(join(root, document), 'utf8');

/** The text outside fenced code blocks. */
const prose = (text: string): string => text.replace(/```[\s\S]*?```/g, '');

describe('README and docs point only at what the repository holds', () => {
  it.each(documents)('%s: every relative link opens a file of the repository', (document) => {
    const targets = [...prose(textOf(document)).matchAll(/\]\(([^)\s]+)\)/g)]
      .map((match) => match[1] ?? '')
      .filter((target) => !/^(https?:|mailto:|#)/.test(target))
      .map((target) => target.split('#')[0] ?? '');
    for (const target of targets) {
      expect({ document, target, exists: existsSync(resolve(root, dirname(document), target)) }).toEqual({
        document,
        target,
        exists: true,
      });
    }
  });

  it.each(documents)('%s: every repository path it names in text exists', (document) => {
    const named = [
      ...prose(textOf(document)).matchAll(
        /(?<![\w/.-])((?:docs|samples|data|scripts|src|test)\/[\w./-]*\w)/g,
      ),
    ]
      .map((match) => match[1] ?? '')
      // A glob or a placeholder names a family of files, not one.
      .filter((path) => !/[*<]/.test(path));
    for (const path of named) {
      expect({ document, path, exists: existsSync(join(root, path)) }).toEqual({
        document,
        path,
        exists: true,
      });
    }
  });

  it.each(documents)('%s: cites no document a reader of the repository does not have', (document) => {
    const text = textOf(document);
    for (const outside of [/SPEC ?§/, /EXPORTS ?§/, /PLATFORM ?§/, /\.\.\/shared/, /source article/i]) {
      expect({ document, cites: outside.exec(text)?.[0] ?? null }).toEqual({ document, cites: null });
    }
  });
});

/** Chinese characters (CJK unified ideographs). */
const CHINESE = /[\u4e00-\u9fff]/;
/** An English sentence: three Latin words in a row. */
const ENGLISH = /[A-Za-z]{2,}[ ,]+[A-Za-z]{2,}[ ,]+[A-Za-z]{2,}/;

interface Section {
  heading: string;
  body: string;
}

function sections(text: string): Section[] {
  const found: Section[] = [];
  let current: Section = { heading: '(top)', body: '' };
  for (const line of prose(text).split('\n')) {
    if (/^#{1,3} /.test(line)) {
      found.push(current);
      current = { heading: line, body: '' };
    } else {
      current.body += `${line}\n`;
    }
  }
  found.push(current);
  return found;
}

describe('README and docs say each piece in both languages', () => {
  it.each(documents)(
    '%s: each English section has its Chinese twin, beside it or in the Chinese half in the same order',
    (document) => {
      // Two layouts are in use: both languages inside one section (README), or an English half and a Chinese half
      // with the same sections (LOOKER-STUDIO.md). In either, every one-language section needs a twin.
      const englishOnly: string[] = [];
      const chineseOnly: string[] = [];
      for (const section of sections(textOf(document))) {
        // Code and a line of language links ([English](#english) · [中文](#中文)) are in no language.
        const body = section.body
          .replace(/`[^`]*`/g, '')
          .replace(/^\s*(\[[^\]]*\]\([^)]*\)\s*·?\s*)+$/gm, '');
        const english = ENGLISH.test(body);
        const chinese = CHINESE.test(body);
        if (english && !chinese) englishOnly.push(section.heading);
        if (chinese && !english) chineseOnly.push(section.heading);
      }
      expect({ document, sectionsWithoutTwin: englishOnly.length - chineseOnly.length }).toEqual({
        document,
        sectionsWithoutTwin: 0,
      });
    },
  );

  it.each(documents)(
    '%s: each Chinese section says as much as its English twin (items, rows, code blocks, links, figures, length)',
    (document) => {
      expect({ document, shortfalls: shortfalls(textOf(document)) }).toEqual({ document, shortfalls: [] });
    },
  );

  it('gives every README heading below the title in English and Chinese, or a product name alone', () => {
    const headings = textOf('README.md')
      .split('\n')
      .filter((line) => /^#{2,3} /.test(line));
    for (const heading of headings) {
      const bilingual = / · /.test(heading) && CHINESE.test(heading);
      const productName = /^#+ (Looker Studio)$/.test(heading);
      expect({ heading, bilingual: bilingual || productName }).toEqual({ heading, bilingual: true });
    }
  });
});
