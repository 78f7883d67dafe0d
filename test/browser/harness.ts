/**
 * Runs the built sidebar (dist/Sidebar.html) in headless Chromium with `google.script.run` wired to the built server
 * code (dist/main.js) in the local Apps Script world. Arguments and answers cross as JSON, as google.script.run only
 * passes primitives, arrays and plain objects (a Date fails: client-server-communication.md); each call is one
 * execution in AuthMode.FULL; answers can be delayed per call to make them arrive out of order.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { type GasWorld } from '../gas-world';

export const ARTIFACTS = resolve(__dirname, '..', '..', 'test-artifacts', 'sidebar');

const SIDEBAR_URL = 'https://sidebar.seller-kpi.test/';

export type Delay = (functionName: string, callIndex: number) => number;

export interface ServerCall {
  name: string;
  args: unknown[];
}

export interface SidebarHarness {
  context: BrowserContext;
  page: Page;
  calls: ServerCall[];
  /** Milliseconds to hold each answer back; default none. */
  delay: Delay;
  /** Uncaught errors of the page's script. */
  pageErrors: string[];
  close(): Promise<void>;
}

type Script = Record<string, (...args: unknown[]) => unknown>;

function containsDate(value: unknown): boolean {
  if (Object.prototype.toString.call(value) === '[object Date]') return true;
  if (Array.isArray(value)) return value.some(containsDate);
  if (typeof value === 'object' && value !== null) return Object.values(value).some(containsDate);
  return false;
}

/** Installed in the page before its own script runs: a google.script.run with the real API's chaining. */
function installShim(): void {
  type Handler = (value: unknown) => void;
  const bridge = (window as unknown as { __gasCall: (name: string, args: string) => Promise<string> })
    .__gasCall;
  const runner = (success: Handler | null, failure: Handler | null): unknown =>
    new Proxy(
      {},
      {
        get(_target, property: string) {
          if (property === 'withSuccessHandler') return (handler: Handler) => runner(handler, failure);
          if (property === 'withFailureHandler') return (handler: Handler) => runner(success, handler);
          if (property === 'withUserObject') return () => runner(success, failure);
          return (...args: unknown[]) => {
            void bridge(property, JSON.stringify(args)).then((answer) => {
              const parsed = JSON.parse(answer) as { ok: boolean; value?: unknown; message?: string };
              if (parsed.ok) success?.(parsed.value);
              else failure?.(new Error(parsed.message));
            });
          };
        },
      },
    );
  (window as unknown as { google: unknown }).google = {
    script: { run: runner(null, null), host: { close() {} } },
  };
}

/** Where Debian's chromium package puts the browser; the tests never download one. */
const CHROMIUM = '/usr/bin/chromium';

/**
 * The packages the browser tests need, checked before launching so that a fresh machine gets one sentence naming
 * what to install instead of a Playwright launch error (and Chinese screenshots that are boxes without a CJK font).
 */
export function missingBrowserPackages(): string[] {
  const missing: string[] = [];
  if (!existsSync(CHROMIUM)) missing.push('chromium');
  const cjkFonts = ['/usr/share/fonts/opentype/noto', '/usr/share/fonts/truetype/noto'].some(
    (folder) => existsSync(folder) && readdirSync(folder).some((name) => /CJK/i.test(name)),
  );
  if (!cjkFonts) missing.push('fonts-noto-cjk');
  return missing;
}

export async function openSidebar(world: GasWorld, script: Script, html: string): Promise<SidebarHarness> {
  const missing = missingBrowserPackages();
  if (missing.length > 0) {
    throw new Error(
      `The browser tests need the Debian ${missing.length === 1 ? 'package' : 'packages'} ${missing.join(' and ')}: run \`sudo apt-get install ${missing.join(' ')}\`.`,
    );
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  const userDataDir = mkdtempSync(join(tmpdir(), 'seller-kpi-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    // Add-on sidebars are 300 px wide (PLATFORM §4).
    viewport: { width: 300, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  const calls: ServerCall[] = [];
  const harness: SidebarHarness = {
    context,
    page: context.pages()[0] ?? (await context.newPage()),
    calls,
    delay: () => 0,
    pageErrors: [],
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
  const counts = new Map<string, number>();
  await context.exposeFunction('__gasCall', async (name: string, argsJson: string): Promise<string> => {
    const args = JSON.parse(argsJson) as unknown[];
    calls.push({ name, args });
    const index = counts.get(name) ?? 0;
    counts.set(name, index + 1);
    let answer: string;
    try {
      if (name.endsWith('_')) throw new Error(`Script function not found: ${name}`);
      const target = script[name];
      if (typeof target !== 'function') throw new Error(`Script function not found: ${name}`);
      world.authMode = 'FULL';
      const value = world.runExecution(() => target(...args));
      if (containsDate(value)) throw new Error(`${name} returned a Date: google.script.run cannot carry it`);
      answer = JSON.stringify({ ok: true, value: value ?? null });
    } catch (error) {
      // The script runs in another realm (a vm context): its Errors are not `instanceof Error` here.
      const message = (error as { message?: unknown } | null)?.message;
      answer = JSON.stringify({ ok: false, message: typeof message === 'string' ? message : String(error) });
    }
    const wait = harness.delay(name, index);
    if (wait > 0) await new Promise((done) => setTimeout(done, wait));
    return answer;
  });
  await context.addInitScript(installShim);
  harness.page.on('pageerror', (error) => harness.pageErrors.push(error.message));
  // Served from a made-up https origin rather than setContent, so the init script runs as on a real navigation.
  await harness.page.route(`${SIDEBAR_URL}**`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
  await harness.page.goto(SIDEBAR_URL, { waitUntil: 'load' });
  return harness;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}
