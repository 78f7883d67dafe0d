/** PropertiesService, LockService, CacheService and Session. */
import { randomUUID } from 'node:crypto';
import { type Runtime } from './runtime';

type Properties = GoogleAppsScript.Properties.Properties;
type Lock = GoogleAppsScript.Lock.Lock;
type Cache = GoogleAppsScript.Cache.Cache;

/**
 * Quotas page (M: guides/quotas-and-limits.md, "Properties value size 9 KB / val", "Properties total storage
 * 500 KB / property store"). Sizes are UTF-8 bytes of key + value [inf: the page does not say how it measures].
 */
export const PROPERTY_VALUE_LIMIT_BYTES = 9 * 1024;
export const PROPERTY_STORE_LIMIT_BYTES = 500 * 1024;
/** "Exception: Argument too large: value" is what setProperty/put throw for an oversized value (user reports). */
const ARGUMENT_TOO_LARGE = (what: string) => `Argument too large: ${what}`;
/** Wording reported by users hitting the store cap (lucasvtiradentes/gcal-sync#115). */
const STORE_QUOTA =
  'You have exceeded the property storage quota. Please remove some properties and try again.';

function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

export type PropertyScope = 'document' | 'script' | 'user';

export class FakeProperties implements Pick<Properties, 'getProperty' | 'getProperties' | 'getKeys'> {
  private readonly entries = new Map<string, string>();

  constructor(
    private readonly runtime: Runtime,
    readonly scope: PropertyScope,
  ) {}

  private assertWritable(callName: string): void {
    // Custom functions may read Properties but not write them (custom-functions.md: "editors can't set user
    // properties"); the world forbids every write there [inf: stricter for document and script stores].
    this.runtime.require('writeProperties', callName);
  }
  private read(callName: string): void {
    this.runtime.require('readProperties', callName);
  }

  getProperty(key: string): string | null {
    this.read('Properties.getProperty');
    return this.entries.get(String(key)) ?? null;
  }
  getProperties(): Record<string, string> {
    this.read('Properties.getProperties');
    return Object.fromEntries(this.entries);
  }
  getKeys(): string[] {
    this.read('Properties.getKeys');
    return [...this.entries.keys()];
  }
  /** Values are stored as strings; other types are converted with String() as Apps Script does (5 → "5"). */
  setProperty(key: string, value: unknown): this {
    this.assertWritable('Properties.setProperty');
    this.put(new Map([[String(key), String(value)]]), false);
    return this;
  }
  setProperties(properties: Record<string, unknown>, deleteAllOthers = false): this {
    this.assertWritable('Properties.setProperties');
    this.put(
      new Map(Object.entries(properties).map(([key, value]) => [key, String(value)])),
      deleteAllOthers,
    );
    return this;
  }
  deleteProperty(key: string): this {
    this.assertWritable('Properties.deleteProperty');
    this.entries.delete(String(key));
    return this;
  }
  deleteAllProperties(): this {
    this.assertWritable('Properties.deleteAllProperties');
    this.entries.clear();
    return this;
  }
  /** Bytes used, as the world measures them; for tests near the 500 KB store limit. */
  bytesUsed(): number {
    let total = 0;
    for (const [key, value] of this.entries) total += utf8Bytes(key) + utf8Bytes(value);
    return total;
  }

  private put(incoming: Map<string, string>, deleteAllOthers: boolean): void {
    for (const [key, value] of incoming) {
      if (utf8Bytes(value) > PROPERTY_VALUE_LIMIT_BYTES) throw new Error(ARGUMENT_TOO_LARGE('value'));
      if (key === '') throw new Error('Invalid argument: key');
    }
    const next = deleteAllOthers ? new Map<string, string>() : new Map(this.entries);
    for (const [key, value] of incoming) next.set(key, value);
    let total = 0;
    for (const [key, value] of next) total += utf8Bytes(key) + utf8Bytes(value);
    if (total > PROPERTY_STORE_LIMIT_BYTES) throw new Error(STORE_QUOTA);
    this.entries.clear();
    for (const [key, value] of next) this.entries.set(key, value);
  }
}

export type LockKind = 'document' | 'script' | 'user';

/** Who holds each lock: this execution, another (simulated) execution, or nobody. */
export class LockTable {
  private readonly holders = new Map<LockKind, 'this' | 'elsewhere'>();
  holder(kind: LockKind): 'this' | 'elsewhere' | undefined {
    return this.holders.get(kind);
  }
  take(kind: LockKind, by: 'this' | 'elsewhere'): void {
    this.holders.set(kind, by);
  }
  release(kind: LockKind, by: 'this' | 'elsewhere'): void {
    if (this.holders.get(kind) === by) this.holders.delete(kind);
  }
  /** Apps Script releases an execution's locks when it ends. */
  releaseAllOfThisExecution(): void {
    for (const [kind, holder] of [...this.holders]) if (holder === 'this') this.holders.delete(kind);
  }
}

/** The message waitLock throws on timeout, as reported verbatim by many Apps Script users. */
export const LOCK_TIMEOUT_MESSAGE = 'Lock timeout: another process was holding the lock for too long.';

export class FakeLock implements Pick<Lock, 'tryLock' | 'waitLock' | 'releaseLock' | 'hasLock'> {
  constructor(
    private readonly runtime: Runtime,
    private readonly table: LockTable,
    private readonly kind: LockKind,
  ) {}

  /** Waits up to `timeoutInMillis` of fake time; another execution's lock is never released while we wait. */
  tryLock(timeoutInMillis: number): boolean {
    const holder = this.table.holder(this.kind);
    if (holder === 'elsewhere') {
      this.runtime.now += Math.max(0, timeoutInMillis);
      return false;
    }
    this.table.take(this.kind, 'this');
    return true;
  }
  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis)) throw new Error(LOCK_TIMEOUT_MESSAGE);
  }
  releaseLock(): void {
    this.table.release(this.kind, 'this');
  }
  hasLock(): boolean {
    return this.table.holder(this.kind) === 'this';
  }
}

/** Cache.md: keys up to 250 characters, values up to 100 KB, expiry 1 s … 21600 s (default 600 s), 1000 items. */
export const CACHE_LIMITS = {
  keyLength: 250,
  valueBytes: 100 * 1024,
  maxExpirationSeconds: 21_600,
  defaultExpirationSeconds: 600,
  maxItems: 1000,
} as const;

export class FakeCache implements Pick<Cache, 'get' | 'getAll'> {
  private readonly entries = new Map<string, { value: string; expiresAt: number }>();

  constructor(private readonly runtime: Runtime) {}

  get(key: string): string | null {
    const entry = this.entries.get(String(key));
    if (!entry) return null;
    if (entry.expiresAt <= this.runtime.now) {
      this.entries.delete(String(key));
      return null;
    }
    return entry.value;
  }
  getAll(keys: string[]): Record<string, string> {
    const found: Record<string, string> = {};
    for (const key of keys) {
      const value = this.get(key);
      if (value !== null) found[key] = value;
    }
    return found;
  }
  put(key: string, value: string, expirationInSeconds: number = CACHE_LIMITS.defaultExpirationSeconds): void {
    const textKey = String(key);
    const textValue = String(value);
    if (textKey.length > CACHE_LIMITS.keyLength) throw new Error(ARGUMENT_TOO_LARGE('key'));
    if (utf8Bytes(textValue) > CACHE_LIMITS.valueBytes) throw new Error(ARGUMENT_TOO_LARGE('value'));
    if (!(expirationInSeconds >= 1) || expirationInSeconds > CACHE_LIMITS.maxExpirationSeconds) {
      // [inf] Cache.md gives the range but not the error; refuse rather than silently cap.
      throw new Error(`Invalid argument: expirationInSeconds (${expirationInSeconds}); allowed 1 to 21600.`);
    }
    this.entries.delete(textKey);
    this.entries.set(textKey, { value: textValue, expiresAt: this.runtime.now + expirationInSeconds * 1000 });
    // Over the item cap the oldest entries go first [inf: Google evicts by its own policy].
    while (this.entries.size > CACHE_LIMITS.maxItems) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }
  putAll(values: Record<string, string>, expirationInSeconds?: number): void {
    for (const [key, value] of Object.entries(values)) this.put(key, value, expirationInSeconds);
  }
  remove(key: string): void {
    this.entries.delete(String(key));
  }
  removeAll(keys: string[]): void {
    for (const key of keys) this.remove(key);
  }
  /** Test hook: the cache may drop anything at any time (Cache.md), so code must survive an empty cache. */
  evictAll(): void {
    this.entries.clear();
  }
}

export interface UserIdentity {
  email: string;
  effectiveEmail: string;
}

export class FakeSession {
  private readonly temporaryKey = randomUUID();
  constructor(
    private readonly runtime: Runtime,
    private readonly identity: UserIdentity,
  ) {}

  /**
   * Blank in custom functions and simple triggers: the active user's email is only given when the user authorized
   * the script (reference/base/session#getActiveUser: "may be blank … in simple triggers").
   */
  getActiveUser(): { getEmail(): string } {
    const email = this.runtime.authMode === 'FULL' ? this.identity.email : '';
    return { getEmail: () => email };
  }
  getEffectiveUser(): { getEmail(): string } {
    const email = this.runtime.authMode === 'FULL' ? this.identity.effectiveEmail : '';
    return { getEmail: () => email };
  }
  /** Available in every mode [mem: onOpen in NONE uses it to pick the menu language]. */
  getActiveUserLocale(): string {
    return this.runtime.userLocale;
  }
  getScriptTimeZone(): string {
    return this.runtime.scriptTimeZone;
  }
  getTemporaryActiveUserKey(): string {
    return this.temporaryKey;
  }
}
