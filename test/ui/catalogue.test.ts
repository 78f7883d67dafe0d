/**
 * The message catalogue is complete: every key has English and Chinese, and every key the code uses exists. A missing
 * key would otherwise only show up when a user reaches that message (translate() throws on an unknown key).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LANGUAGES, MESSAGES } from '../../src/core/i18n';
import { chineseMessages } from '../../src/core/i18n/parts/chinese';
import { commonMessages } from '../../src/core/i18n/parts/common';
import { dashboardMessages } from '../../src/core/i18n/parts/dashboard';
import { functionsMessages } from '../../src/core/i18n/parts/functions';
import { reportsMessages } from '../../src/core/i18n/parts/reports';
import { summaryMessages } from '../../src/core/i18n/parts/summary';
import { uiMessages } from '../../src/core/i18n/parts/ui';
import { ERP_EXPORTS, ERP_IDS, ZONE_SOURCES } from '../../src/core/mapping/erpPresets';
import { fieldLabelKey, kindLabelKey, MAPPING_FIELDS, MAPPING_KINDS } from '../../src/core/mapping/fields';
import { MAPPING_TIME_ZONES } from '../../src/core/mapping/mapping';
import { CHANNELS } from '../../src/core/model';
import { REPORTS } from '../../src/core/reports';
import { SURFACE } from '../../src/registry';

const SRC = resolve(__dirname, '../../src');

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Literal message keys at the places the code names them. */
const KEY_USES: readonly RegExp[] = [
  /\btranslate\(\s*[\w.]+\s*,\s*'([^'$]+)'/g,
  /\bt\(\s*'([^'$]+)'/g,
  /\blabelKey:\s*'([^'$]+)'/g,
  /\bUserFacingError\(\s*'([^'$]+)'/g,
  // Data Issue reasons and other MessageRefs: `{ key: 'issue.notADate', … }`.
  /\bkey:\s*'([a-z][\w]*\.[\w.]+)'/g,
];

function usedKeys(): Map<string, string> {
  const uses = new Map<string, string>();
  for (const file of sourceFiles(SRC)) {
    if (file.includes(`${join('core', 'i18n')}`)) continue;
    const text = readFileSync(file, 'utf8');
    for (const pattern of KEY_USES) {
      for (const match of text.matchAll(pattern)) {
        const key = match[1];
        if (key) uses.set(key, file.slice(SRC.length + 1));
      }
    }
  }
  return uses;
}

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '').sort();

describe('the message catalogue', () => {
  it('has a non-empty English and Chinese text for every key, with the same placeholders', () => {
    for (const [key, message] of Object.entries(MESSAGES)) {
      for (const language of LANGUAGES) {
        expect({ key, language, empty: message[language].trim() === '' }).toEqual({
          key,
          language,
          empty: false,
        });
      }
      expect({ key, zh: placeholders(message.zh) }).toEqual({ key, zh: placeholders(message.en) });
    }
  });

  it('has sidebar and menu Chinese text that is not just the English copied', () => {
    // Brand names, codes and a clock format read the same in both languages on purpose.
    const sameOnPurpose = new Set([
      'mapping.channel.shopify',
      'mapping.channel.tiktok',
      'mapping.field.asin',
      'mapping.field.sku',
      'sidebar.settings.hour',
    ]);
    const copied = Object.entries(uiMessages)
      .filter(([key, message]) => message.en === message.zh && !sameOnPurpose.has(key))
      .map(([key]) => key);
    expect(copied).toEqual([]);
  });

  it('gives no key to two parts (a later part would silently overwrite an earlier one)', () => {
    const parts = [
      commonMessages,
      functionsMessages,
      reportsMessages,
      summaryMessages,
      uiMessages,
      dashboardMessages,
      chineseMessages,
    ];
    const seen = new Map<string, number>();
    const clashes: string[] = [];
    parts.forEach((part, index) => {
      for (const key of Object.keys(part)) {
        if (seen.has(key)) clashes.push(key);
        seen.set(key, index);
      }
    });
    expect(clashes).toEqual([]);
  });

  it('holds every key the source code uses', () => {
    const uses = usedKeys();
    expect(uses.size).toBeGreaterThan(50);
    const missing = [...uses].filter(([key]) => !(key in MESSAGES)).map(([key, file]) => `${key} (${file})`);
    expect(missing).toEqual([]);
  });

  it('holds the keys built at run time: menu labels, report names, mapping fields, kinds, channels, parse reasons', () => {
    const built = [
      ...SURFACE.flatMap((entry) => ('menu' in entry && entry.menu ? [entry.menu.labelKey] : [])),
      ...REPORTS.map((report) => report.labelKey),
      ...MAPPING_KINDS.map(kindLabelKey),
      ...MAPPING_KINDS.flatMap((kind) => MAPPING_FIELDS[kind].map((field) => fieldLabelKey(field.id))),
      ...CHANNELS.map((channel) => `mapping.channel.${channel}`),
      // reader.ts: `mapping.issue.${reason}` for the failures of parseCount / parseMoney.
      'mapping.issue.notANumber',
      'mapping.issue.notAWholeNumber',
      'mapping.issue.notUsDollars',
      // Sidebar/main.ts: the ERP a mapping was filled in from, its export, the zones a mapping may state.
      ...ERP_IDS.map((erp) => `erp.${erp}`),
      ...ERP_EXPORTS.map((kind) => `erp.export.${kind}`),
      ...['marketplace', ...MAPPING_TIME_ZONES].map((zone) => `sidebar.mapping.timeZone.${zone}`),
      ...ZONE_SOURCES.map((source) => `sidebar.mapping.erpZone.${source}`),
    ];
    expect(built.filter((key) => !(key in MESSAGES))).toEqual([]);
  });
});
