/**
 * `npm start`'s command line, read with node's own util.parseArgs (strict: an unknown option is a mistake to report,
 * not a file name). Paths are resolved against the folder the user ran the command from: npm runs scripts from the
 * package root and passes the user's folder as INIT_CWD, so `cd samples && npm start -- shopify-orders.csv` reads
 * samples/shopify-orders.csv.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type Language, languageForLocale } from '../../src/core/i18n';
import { isValidTimeZone } from '../../src/core/settings';
import { type CliMessageKey, say } from './cliMessages';

export interface CliOptions {
  help: boolean;
  /** Absolute paths of the files and folders named, in the order given; empty means the bundled samples. */
  paths: string[];
  /** --lang, when given. */
  language: Language | null;
  /** --tz, when given: overrides the Settings file's reporting time zone. */
  timeZone: string | null;
  outDir: string;
  costsFile: string | null;
  settingsFile: string | null;
  productsFile: string | null;
  /** --count-partial: a file whose header only partly matches an export is counted as that export anyway. */
  countPartial: boolean;
}

/** A failure with the exit code it ends the run with: 2 for the command line, 1 when there is nothing to read. */
export class CliFailure extends Error {
  constructor(
    readonly exitCode: 1 | 2,
    message: string,
  ) {
    super(message);
  }
}

/** The folder the user typed the command in. */
export function userFolder(environment: NodeJS.ProcessEnv, cwd: string): string {
  return environment.INIT_CWD && environment.INIT_CWD !== '' ? environment.INIT_CWD : cwd;
}

/**
 * The language to complain in before any file is read: --lang when it is readable, else the system locale. A
 * Chinese user who mistypes an option gets the message in Chinese.
 */
export function languageBeforeReading(argv: readonly string[], environment: NodeJS.ProcessEnv): Language {
  const index = argv.findIndex((argument) => argument === '--lang' || argument.startsWith('--lang='));
  const given =
    index < 0 ? undefined : argv[index]?.includes('=') ? argv[index]?.split('=')[1] : argv[index + 1];
  if (given === 'en' || given === 'zh') return given;
  return languageForLocale(environment.LC_ALL || environment.LC_MESSAGES || environment.LANG || '');
}

export function parseCliArguments(argv: readonly string[], folder: string, language: Language): CliOptions {
  const usage = (key: CliMessageKey, params: Record<string, string> = {}): CliFailure =>
    new CliFailure(2, `${say(language, key, params)} ${say(language, 'usage.hint')}`);
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        lang: { type: 'string' },
        tz: { type: 'string' },
        out: { type: 'string' },
        costs: { type: 'string' },
        settings: { type: 'string' },
        products: { type: 'string' },
        'count-partial': { type: 'boolean' },
      },
    });
  } catch (error) {
    throw usageErrorOf(error, usage);
  }
  const { values, positionals } = parsed;
  const lang = values.lang;
  if (lang !== undefined && lang !== 'en' && lang !== 'zh') throw usage('usage.badLanguage', { value: lang });
  const timeZone = values.tz;
  if (timeZone !== undefined && !isValidTimeZone(timeZone))
    throw usage('usage.badTimeZone', { value: timeZone });
  const fromUser = (path: string | undefined): string | null =>
    path === undefined ? null : resolve(folder, path);
  return {
    help: values.help === true,
    paths: positionals.map((path) => resolve(folder, path)),
    language: lang ?? null,
    timeZone: timeZone ?? null,
    outDir: resolve(folder, values.out ?? 'out'),
    costsFile: fromUser(values.costs),
    settingsFile: fromUser(values.settings),
    productsFile: fromUser(values.products),
    countPartial: values['count-partial'] === true,
  };
}

/** parseArgs says what went wrong in an English sentence with a code; the code picks our sentence in either language. */
function usageErrorOf(
  error: unknown,
  usage: (key: CliMessageKey, params?: Record<string, string>) => CliFailure,
): CliFailure {
  const code = (error as { code?: unknown }).code;
  const detail = error instanceof Error ? error.message : String(error);
  const option = /'(-{1,2}[^'\s]+)/.exec(detail)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return usage('usage.unknownOption', { option });
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return usage('usage.missingValue', { option });
  return usage('usage.other', { detail });
}
