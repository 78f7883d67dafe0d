/**
 * dist/ is built by Jest's global setup (test/global-setup.js) from the current sources.
 * What clasp pushes is what Apps Script runs: these tests read the built dist/ the way Apps Script would — as plain
 * scripts sharing one global scope — and check the declarations Sheets, menus, triggers and google.script.run need.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Script } from 'node:vm';
import ts from 'typescript';
import { SURFACE } from '../../src/registry';

const root = resolve(__dirname, '../..');
const dist = join(root, 'dist');

interface TopLevelFunction {
  name: string;
  parameters: string[];
  jsDoc: string;
}

function topLevelFunctions(source: string): TopLevelFunction[] {
  const file = ts.createSourceFile('main.js', source, ts.ScriptTarget.ES2020, true, ts.ScriptKind.JS);
  return file.statements.filter(ts.isFunctionDeclaration).map((declaration) => ({
    name: declaration.name?.text ?? '',
    parameters: declaration.parameters.map((parameter) => parameter.name.getText(file)),
    jsDoc: (ts.getJSDocCommentsAndTags(declaration)[0]?.getFullText(file) ?? '').trim(),
  }));
}

describe('the built dist/ that clasp pushes', () => {
  let mainScript = '';

  beforeAll(() => {
    mainScript = readFileSync(join(dist, 'main.js'), 'utf8');
  });

  it('holds only the script, the HTML pages and the manifest', () => {
    for (const file of readdirSync(dist)) {
      expect(file).toMatch(/^(main\.js|appsscript\.json|[A-Za-z]+\.html)$/);
    }
  });

  it('parses as a plain script with no import, export or require', () => {
    expect(() => new Script(mainScript, { filename: 'main.js' })).not.toThrow();
    expect(mainScript).not.toMatch(/\brequire\s*\(/);
    expect(mainScript).not.toMatch(/^\s*(import|export)\s/m);
  });

  it('declares a real top-level function, with its parameters, for every registry entry', () => {
    const declared = new Map(topLevelFunctions(mainScript).map((fn) => [fn.name, fn]));
    expect(SURFACE.length).toBeGreaterThan(0);
    for (const entry of SURFACE) {
      const fn = declared.get(entry.name);
      expect(fn).toBeDefined();
      const expected =
        entry.kind === 'customFunction' ? entry.parameters.map((p) => p.name) : [...entry.parameters];
      expect(fn?.parameters).toEqual(expected);
    }
  });

  it('keeps a JSDoc block with @customfunction and every named @param on each custom function', () => {
    const declared = new Map(topLevelFunctions(mainScript).map((fn) => [fn.name, fn]));
    for (const entry of SURFACE) {
      if (entry.kind !== 'customFunction') continue;
      const jsDoc = declared.get(entry.name)?.jsDoc ?? '';
      expect(jsDoc).toContain('@customfunction');
      expect(jsDoc).toContain(entry.summary);
      for (const parameter of entry.parameters)
        expect(jsDoc).toMatch(new RegExp(`@param \\{[^}]+\\} ${parameter.name} `));
    }
  });

  it('ships the V8 manifest with Stackdriver logging and the narrow scopes', () => {
    const manifest = JSON.parse(readFileSync(join(dist, 'appsscript.json'), 'utf8')) as {
      runtimeVersion: string;
      exceptionLogging: string;
      oauthScopes: string[];
    };
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.exceptionLogging).toBe('STACKDRIVER');
    expect(manifest.oauthScopes).toEqual(
      expect.arrayContaining([
        'https://www.googleapis.com/auth/script.container.ui',
        'https://www.googleapis.com/auth/script.scriptapp',
      ]),
    );
    expect(manifest.oauthScopes.every((scope) => scope.startsWith('https://www.googleapis.com/auth/'))).toBe(
      true,
    );
  });

  it('inlines every page script and style: Apps Script serves no separate JS or CSS files', () => {
    const pages = readdirSync(dist).filter((file) => file.endsWith('.html'));
    for (const page of pages) {
      const html = readFileSync(join(dist, page), 'utf8');
      expect(html).not.toMatch(/<script[^>]+src=/i);
      expect(html).not.toMatch(/<link[^>]+rel=["']?stylesheet/i);
      expect(html).not.toContain('<!-- inline:');
    }
  });

  it('reads no Apps Script service while the bundle loads (global code runs in AuthMode.NONE too)', () => {
    const touched: string[] = [];
    const trap = new Proxy(
      {},
      {
        get(_target, property) {
          touched.push(String(property));
          throw new Error(`service touched at load: ${String(property)}`);
        },
      },
    );
    const sandbox: Record<string, unknown> = {};
    for (const service of ['SpreadsheetApp', 'PropertiesService', 'ScriptApp', 'Session', 'LockService']) {
      sandbox[service] = trap;
    }
    expect(existsSync(join(dist, 'main.js'))).toBe(true);
    new Script(mainScript).runInNewContext(sandbox);
    expect(touched).toEqual([]);
  });
});
