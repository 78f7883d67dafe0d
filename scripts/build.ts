/**
 * Builds `dist/`, exactly what `clasp push` sends to Apps Script:
 * - `main.js`: the bundle (plain ES2020 script, no import/export/require) followed by one real top-level
 *   `function NAME(params)` per registry entry, so Sheets sees custom functions with their JSDoc and autocomplete,
 *   and menus, triggers and google.script.run find the names they call;
 * - one `.html` file per page under src/ui/pages/<name>/ with its script and styles inlined (Apps Script serves no
 *   separate JS or CSS files);
 * - `appsscript.json`.
 *
 * It also builds `dist-cli/seller-kpi.cjs`, the `seller-kpi` command (scripts/start.ts bundled for Node with papaparse,
 * so running it needs neither tsx nor node_modules), beside `dist/` rather than in it: clasp pushes everything under
 * its rootDir `dist` (.clasp.json), and the terminal tool has no place in Apps Script.
 */
import { build, type Plugin } from 'esbuild';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { sampleModuleSource } from './lib/sampleExports';
import { SURFACE } from '../src/registry';
import { type CustomFunctionSpec, type HandlerSpec, type SurfaceEntry } from '../src/surface';

const root = resolve(__dirname, '..');
const defaultDist = join(root, 'dist');
const distCli = join(root, 'dist-cli');
/** The bundle's one global. The generated declarations forward to `SellerKpi.surface[NAME]`. */
const BUNDLE_GLOBAL = 'SellerKpi';
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function checkSurface(entries: readonly SurfaceEntry[]): void {
  const seen = new Set<string>();
  for (const entry of entries) {
    const lower = entry.name.toLowerCase();
    if (seen.has(lower))
      throw new Error(`Duplicate surface name ${entry.name} (Apps Script names ignore case)`);
    seen.add(lower);
    if (!IDENTIFIER.test(entry.name)) throw new Error(`Not an identifier: ${entry.name}`);
    // Apps Script hides functions ending in "_" from menus, triggers and google.script.run (PLATFORM §4).
    if (entry.name.endsWith('_')) throw new Error(`Surface names may not end with "_": ${entry.name}`);
    const parameterNames =
      entry.kind === 'customFunction' ? entry.parameters.map((p) => p.name) : entry.parameters;
    for (const name of parameterNames) {
      if (!IDENTIFIER.test(name)) throw new Error(`${entry.name}: parameter "${name}" is not an identifier`);
    }
  }
}

function jsDocLines(lines: string[]): string {
  // "*/" inside a description would end the comment early.
  return ['/**', ...lines.map((line) => ` *${line ? ' ' + line.replace(/\*\//g, '*∕') : ''}`), ' */'].join(
    '\n',
  );
}

function customFunctionDeclaration(spec: CustomFunctionSpec): string {
  const names = spec.parameters.map((p) => p.name);
  const doc = jsDocLines([
    spec.summary,
    '',
    `Example: ${spec.example}`,
    '',
    ...spec.parameters.map(
      (p) =>
        `@param {number|Array<Array<number>>} ${p.name} ${p.optional ? '(optional) ' : ''}${p.description}`,
    ),
    `@return ${spec.returns}`,
    '@customfunction',
  ]);
  return `${doc}\nfunction ${spec.name}(${names.join(', ')}) {\n  return ${BUNDLE_GLOBAL}.surface.${spec.name}(${names.join(', ')});\n}\n`;
}

function handlerDeclaration(spec: HandlerSpec): string {
  const why: Record<HandlerSpec['kind'], string> = {
    simpleTrigger: 'Apps Script calls this simple trigger by name: do not rename.',
    menu: 'A menu item stores this name: do not rename.',
    trigger: 'Installed time-driven triggers store this name: do not rename.',
    rpc: 'The sidebar calls this through google.script.run: do not rename.',
  };
  const doc = jsDocLines([spec.description, why[spec.kind]]);
  const names = spec.parameters.join(', ');
  return `${doc}\nfunction ${spec.name}(${names}) {\n  return ${BUNDLE_GLOBAL}.surface.${spec.name}(${names});\n}\n`;
}

export function surfaceDeclarations(entries: readonly SurfaceEntry[]): string {
  checkSurface(entries);
  return entries
    .map((entry) =>
      entry.kind === 'customFunction' ? customFunctionDeclaration(entry) : handlerDeclaration(entry),
    )
    .join('\n');
}

/** The sample exports as the generated module `seller-kpi-samples` (scripts/lib/sampleExports.ts). */
const SAMPLES_MODULE = 'seller-kpi-samples';
const samplesPlugin: Plugin = {
  name: 'seller-kpi-samples',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^seller-kpi-samples$/ }, () => ({
      path: SAMPLES_MODULE,
      namespace: 'samples',
    }));
    pluginBuild.onLoad({ filter: /.*/, namespace: 'samples' }, () => ({
      contents: sampleModuleSource(),
      loader: 'js',
    }));
  },
};

/**
 * The staging SQL (sql/staging, run as one script job per build of the Drive folder path) is bundled without its
 * whole-line `--` comments: they explain the rules to the reader of the repository, about 30 % of the files' 152 KB,
 * and the job never needs them (nor a `{{…}}` placeholder in them: stagingScript.ts expandSql). The views' SQL keeps
 * its comments: BigQuery stores a view's text, and the seller reads it there.
 */
const stagingSqlPlugin: Plugin = {
  name: 'seller-kpi-staging-sql',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /[\\/]sql[\\/]staging[\\/][^\\/]+\.sql$/ }, (args) => ({
      contents: readFileSync(args.path, 'utf8')
        .split('\n')
        .filter((line) => !/^\s*--/.test(line))
        .join('\n'),
      loader: 'text',
    }));
  },
};

/**
 * The default add-on leaves the BigQuery flavour's code out (about 140 KB of the bundle: the load, its client, the views'
 * and the staging SQL text, the Drive path): every custom-function call loads the whole bundle, and without the
 * BigQuery service that code could never run. src/index.ts imports ./bigquery/steps; here it becomes
 * src/bigquery/defaultFlavour.ts, which only says "no BigQuery in this add-on" when Settings ask for a load.
 */
const defaultFlavourPlugin: Plugin = {
  name: 'seller-kpi-default-flavour',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^\.\/bigquery\/steps$/ }, (args) =>
      args.importer === join(root, 'src/index.ts')
        ? { path: join(root, 'src/bigquery/defaultFlavour.ts') }
        : undefined,
    );
  },
};

async function bundleServer(flavour: BuildFlavour): Promise<string> {
  const result = await build({
    entryPoints: [join(root, 'src/index.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: BUNDLE_GLOBAL,
    target: 'es2020',
    platform: 'neutral',
    charset: 'utf8',
    legalComments: 'none',
    // Every custom-function call loads the whole script, so the bundle is minified (about 330 KB → 190 KB); the generated
    // declarations with their JSDoc are appended afterwards and stay readable. keepNames keeps Function.name intact.
    // SELLER_KPI_READABLE=1 (profiling only): the same bundle unminified, so a CPU profile names the functions.
    minify: process.env.SELLER_KPI_READABLE !== '1',
    keepNames: true,
    logLevel: 'warning',
    // The BigQuery views (sql/views/*.sql, src/bigquery/views.ts) are bundled as their text.
    loader: { '.sql': 'text' },
    plugins: flavour.bigQuery
      ? [samplesPlugin, stagingSqlPlugin]
      : [samplesPlugin, stagingSqlPlugin, defaultFlavourPlugin],
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('esbuild produced no output');
  return output.text;
}

async function buildPage(pageDir: string): Promise<string> {
  const template = readFileSync(join(pageDir, 'index.html'), 'utf8');
  const scriptPath = join(pageDir, 'main.ts');
  const stylePath = join(pageDir, 'style.css');
  let script = '';
  if (existsSync(scriptPath)) {
    const result = await build({
      entryPoints: [scriptPath],
      bundle: true,
      write: false,
      format: 'iife',
      target: 'es2020',
      platform: 'browser',
      charset: 'utf8',
      legalComments: 'none',
      logLevel: 'warning',
    });
    // A literal "</script" inside the inlined bundle would close the tag early.
    script = (result.outputFiles[0]?.text ?? '').replace(/<\/script/gi, '<\\/script');
  }
  const style = existsSync(stylePath) ? readFileSync(stylePath, 'utf8') : '';
  return template
    .replace('<!-- inline:style -->', () => `<style>\n${style}</style>`)
    .replace('<!-- inline:script -->', () => `<script>\n${script}</script>`);
}

/**
 * Writes each file whole and swaps it in with a rename, so a test or a second build running at the same time never
 * reads a half-written bundle; files no longer produced are removed afterwards.
 */
function writeAtomically(path: string, content: string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, content);
  renameSync(temporary, path);
}

/**
 * The BigQuery flavour (`npm run build -- --bigquery`, issue 15): the bundle with the BigQuery steps (the default one
 * leaves them out: defaultFlavourPlugin) and a manifest that enables the BigQuery advanced service and asks for its scope. Kept out of the default add-on because the scope is sensitive and
 * every user of a published add-on would be asked for it (README › BigQuery). The manifest's shape:
 * developers.google.com/apps-script/manifest/dependencies (EnabledAdvancedService: serviceId as in the API discovery
 * document, userSymbol as the code refers to it, version); the scope: developers.google.com/identity/protocols/oauth2/scopes
 * (BigQuery API v2: https://www.googleapis.com/auth/bigquery, "view and manage your data in Google BigQuery").
 */
export const BIGQUERY_ADVANCED_SERVICE = {
  userSymbol: 'BigQuery',
  serviceId: 'bigquery',
  version: 'v2',
} as const;
export const BIGQUERY_SCOPE = 'https://www.googleapis.com/auth/bigquery';
/**
 * The Drive-folder path of the same flavour (issue 15, item 4; src/bigquery/raw) lists and reads the export files of
 * one folder the seller names: read-only Drive access (developers.google.com/identity/protocols/oauth2/scopes, Drive
 * API v3: https://www.googleapis.com/auth/drive.readonly, "see and download all your Google Drive files"), a restricted scope in add-on
 * review, so it is asked for in this flavour only.
 */
export const DRIVE_READONLY_SCOPE = 'https://www.googleapis.com/auth/drive.readonly';

/** The default manifest's text with the BigQuery service and scope added; the default build copies the file as is. */
export function bigQueryManifest(defaultManifest: string): string {
  const manifest = JSON.parse(defaultManifest) as {
    oauthScopes?: string[];
    dependencies?: { enabledAdvancedServices?: object[] };
  };
  manifest.oauthScopes = [...(manifest.oauthScopes ?? []), BIGQUERY_SCOPE, DRIVE_READONLY_SCOPE];
  manifest.dependencies = {
    ...manifest.dependencies,
    enabledAdvancedServices: [
      ...(manifest.dependencies?.enabledAdvancedServices ?? []),
      BIGQUERY_ADVANCED_SERVICE,
    ],
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

export interface BuildFlavour {
  /** The BigQuery flavour's manifest (`--bigquery`). */
  bigQuery?: boolean;
  /** Where to write; default dist/ (what clasp pushes). Tests build the flavour elsewhere. */
  outDir?: string;
}

export async function buildAll(flavour: BuildFlavour = {}): Promise<void> {
  const dist = flavour.outDir ?? defaultDist;
  mkdirSync(dist, { recursive: true });
  const outputs = new Map<string, string>();
  const bundle = await bundleServer(flavour);
  const header = '// Seller KPI for Google Sheets — generated by scripts/build.ts from src/. Do not edit.\n';
  outputs.set('main.js', `${header}${bundle}\n${surfaceDeclarations(SURFACE)}`);
  const pagesDir = join(root, 'src/ui/pages');
  if (existsSync(pagesDir)) {
    for (const page of readdirSync(pagesDir, { withFileTypes: true })) {
      if (page.isDirectory()) outputs.set(`${page.name}.html`, await buildPage(join(pagesDir, page.name)));
    }
  }
  const manifest = readFileSync(join(root, 'appsscript.json'), 'utf8');
  outputs.set('appsscript.json', flavour.bigQuery ? bigQueryManifest(manifest) : manifest);
  for (const [name, content] of outputs) writeAtomically(join(dist, name), content);
  for (const name of readdirSync(dist)) {
    if (!outputs.has(name) && !name.endsWith('.tmp'))
      rmSync(join(dist, name), { recursive: true, force: true });
  }
}

/**
 * The `seller-kpi` command: scripts/start.ts as one CommonJS file for Node 20, and beside it the list of every file it
 * was built from with its size and modification time, which bin/seller-kpi.cjs compares to decide whether the sources
 * changed since (a `git pull`, an edit) and the bundle must be built again. Sizes as well as times, because npm unpacks
 * every dependency with the same fixed modification time: an updated papaparse changes only its size.
 */
export async function buildCommandLine(): Promise<void> {
  const started = Date.now();
  const result = await build({
    entryPoints: [join(root, 'scripts/start.ts')],
    bundle: true,
    write: false,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    charset: 'utf8',
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
    plugins: [samplesPlugin],
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('esbuild produced no command-line bundle');
  const sources = [...Object.keys(result.metafile.inputs), 'scripts/build.ts']
    // Virtual modules (the samples plugin's namespace) are not files.
    .filter((input) => !input.includes(':'))
    .sort()
    .map((input) => {
      const stats = statSync(join(root, input));
      // A file saved while esbuild ran may be bundled in its old state: recorded as changed, so the next run rebuilds.
      return { path: input, size: stats.size, mtimeMs: stats.mtimeMs >= started ? 0 : stats.mtimeMs };
    });
  mkdirSync(distCli, { recursive: true });
  writeAtomically(
    join(distCli, 'sources.json'),
    `[\n${sources.map((source) => JSON.stringify(source)).join(',\n')}\n]\n`,
  );
  writeAtomically(
    join(distCli, 'seller-kpi.cjs'),
    `// seller-kpi — generated by scripts/build.ts from scripts/start.ts. Do not edit; run it through bin/seller-kpi.cjs.\n${output.text}`,
  );
}

if (require.main === module) {
  buildAll({ bigQuery: process.argv.includes('--bigquery') })
    .then(buildCommandLine)
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
