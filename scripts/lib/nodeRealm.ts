/**
 * The built add-on in Node's own realm, with the world's time kept apart: shared by `npm run bench`'s scenarios
 * (scripts/bench.ts, scripts/bench-history.ts).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type GasWorld } from '../../test/gas-world';

const DIST = resolve(__dirname, '..', '..', 'dist');

export type ScriptFunction = (...args: unknown[]) => unknown;

/**
 * The world's own time, kept apart from the add-on's: every call from the script into a world service (and into the
 * sheets and ranges those return) is timed, outermost calls only. Proxies are cached per object, so the script sees
 * one Sheet object per sheet as in Apps Script, and unwrapped when handed back to the world.
 */
export class WorldClock {
  ns = 0n;
  private depth = 0;
  private readonly proxies = new WeakMap<object, object>();
  private readonly targets = new WeakMap<object, object>();

  wrap<T>(value: T): T {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
    if (Object.prototype.toString.call(value) === '[object Date]') return value;
    const target = value as object;
    const cached = this.proxies.get(target);
    if (cached) return cached as T;
    const proxy = new Proxy(target, {
      get: (object, property, receiver) => {
        const member: unknown = Reflect.get(object, property, receiver);
        if (typeof member !== 'function') return this.wrap(member);
        return (...args: unknown[]) => this.call(() => (member as ScriptFunction).apply(object, args), args);
      },
    });
    this.proxies.set(target, proxy);
    this.targets.set(proxy, target);
    return proxy as T;
  }

  private call(body: () => unknown, args: unknown[]): unknown {
    for (let index = 0; index < args.length; index++) {
      const arg = args[index];
      if (typeof arg === 'object' && arg !== null) args[index] = this.targets.get(arg) ?? arg;
    }
    const outermost = this.depth++ === 0;
    const started = outermost ? process.hrtime.bigint() : 0n;
    try {
      const result = body();
      return Array.isArray(result) ? result.map((item: unknown) => this.wrap(item)) : this.wrap(result);
    } finally {
      this.depth--;
      if (outermost) this.ns += process.hrtime.bigint() - started;
    }
  }
}

/**
 * dist/main.js as one script in Node's own realm, the world's services as its free variables. Not a `vm` context (as
 * loadDist uses for the tests): there every global lookup (`Math`, `Number`, `Date`) goes through an interceptor that
 * Apps Script's V8 does not have, which measured twice the add-on's real cost (issue 17).
 */
export function loadInNodeRealm(world: GasWorld, clock: WorldClock): Record<string, ScriptFunction> {
  const source = readFileSync(join(DIST, 'main.js'), 'utf8');
  const names = [...source.matchAll(/^function (\w+)\(/gm)].map((match) => match[1] ?? '');
  const services = Object.entries(world.globals()).filter(([name]) => /^[A-Za-z_$][\w$]*$/.test(name));
  const factory = new Function(
    ...services.map(([name]) => name),
    `${source}\nreturn { ${names.join(', ')} };`,
  ) as (...values: unknown[]) => Record<string, ScriptFunction>;
  const script = factory(...services.map(([, value]) => clock.wrap(value)));
  const run: Record<string, ScriptFunction> = {};
  for (const [name, fn] of Object.entries(script))
    run[name] = (...args) => world.runExecution(() => fn(...args));
  return run;
}
