/**
 * A typed promise wrapper around `google.script.run`. Calls run asynchronously and may complete out of order
 * (PLATFORM §4, guides/html/client-server-communication), so each panel of the sidebar keeps a `LatestOnly` ticket
 * counter and drops any answer that is not the answer to its newest request.
 */
import { type SidebarApi } from '../protocol';

type Callback = (value: unknown) => void;
interface ScriptRunner {
  withSuccessHandler(callback: Callback): ScriptRunner;
  withFailureHandler(callback: Callback): ScriptRunner;
}
declare const google: { script: { run: ScriptRunner } };

export type ServerFunction = keyof SidebarApi;

/** Calls server function `name`; rejects with an Error whose message is the server's readable sentence. */
export function callServer<K extends ServerFunction>(
  name: K,
  ...args: Parameters<SidebarApi[K]>
): Promise<ReturnType<SidebarApi[K]>> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((value) => resolve(value as ReturnType<SidebarApi[K]>))
      .withFailureHandler((error) => reject(error instanceof Error ? error : new Error(String(error))));
    const target = (runner as unknown as Record<string, (...callArgs: unknown[]) => void>)[name];
    if (typeof target !== 'function') {
      reject(new Error(`${name} is not available`));
      return;
    }
    target.apply(runner, args);
  });
}

/** Numbered requests of one panel: only the answer to the newest one may change what the panel shows. */
export class LatestOnly {
  private latest = 0;

  /** Resolves with the answer, or with `{ stale: true }` when a newer request was made meanwhile. */
  async run<T>(request: () => Promise<T>): Promise<{ stale: true } | { stale: false; value: T }> {
    const ticket = ++this.latest;
    try {
      const value = await request();
      return ticket === this.latest ? { stale: false, value } : { stale: true };
    } catch (error) {
      if (ticket !== this.latest) return { stale: true };
      throw error;
    }
  }

  /** Makes every pending request stale (the panel was left). */
  invalidate(): void {
    this.latest++;
  }
}
