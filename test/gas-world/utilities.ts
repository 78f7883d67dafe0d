/**
 * Utilities: formatDate with Java SimpleDateFormat patterns (reference/utilities/utilities#formatDate links the
 * SimpleDateFormat spec), formatString (printf-style), sleep on the fake clock, digests and base64 as signed byte
 * arrays like Apps Script's Java bytes, parseCsv (RFC 4180) and a minimal Blob.
 */
import { createHash, createHmac, randomUUID } from 'node:crypto';
import {
  assertTimeZone,
  isAnyRealmDate,
  LONG_DAYS,
  LONG_MONTHS,
  SHORT_DAYS,
  SHORT_MONTHS,
  wallClockAt,
  zoneOffsetMs,
} from './dates';
import { type Runtime } from './runtime';

function pad(value: number, width: number): string {
  return String(Math.abs(value)).padStart(width, '0');
}

function offsetText(offsetMs: number, style: 'Z' | 'X' | 'XX' | 'XXX'): string {
  const totalMinutes = Math.round(offsetMs / 60_000);
  if (totalMinutes === 0 && style !== 'Z') return 'Z';
  const sign = totalMinutes < 0 ? '-' : '+';
  const hours = pad(Math.trunc(Math.abs(totalMinutes) / 60), 2);
  const minutes = pad(Math.abs(totalMinutes) % 60, 2);
  if (style === 'X') return `${sign}${hours}${minutes === '00' ? '' : minutes}`;
  if (style === 'XXX') return `${sign}${hours}:${minutes}`;
  return `${sign}${hours}${minutes}`;
}

function shortZoneName(epochMs: number, timeZone: string): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' })
    .formatToParts(new Date(epochMs))
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

/** Formats like java.text.SimpleDateFormat in `timeZone`; an unknown pattern letter throws, as Java does. */
export function formatDate(date: Date, timeZone: string, pattern: string): string {
  if (!isAnyRealmDate(date)) throw new Error('Invalid argument: date');
  assertTimeZone(timeZone);
  const epochMs = date.getTime();
  const wall = wallClockAt(epochMs, timeZone);
  const offset = zoneOffsetMs(epochMs, timeZone);
  let out = '';
  let index = 0;
  while (index < pattern.length) {
    const char = pattern[index] ?? '';
    if (char === "'") {
      const end = pattern.indexOf("'", index + 1);
      if (end === index + 1) {
        out += "'";
        index += 2;
        continue;
      }
      if (end < 0) throw new Error(`Unterminated quote in pattern: ${pattern}`);
      out += pattern.slice(index + 1, end).replace(/''/g, "'");
      index = end + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(char)) {
      out += char;
      index += 1;
      continue;
    }
    let count = 1;
    while (pattern[index + count] === char) count += 1;
    index += count;
    switch (char) {
      case 'y':
      case 'Y':
        out += count === 2 ? pad(wall.year % 100, 2) : pad(wall.year, count);
        break;
      case 'M':
      case 'L':
        if (count >= 4) out += LONG_MONTHS[wall.month - 1] ?? '';
        else if (count === 3) out += SHORT_MONTHS[wall.month - 1] ?? '';
        else out += pad(wall.month, count);
        break;
      case 'd':
        out += pad(wall.day, count);
        break;
      case 'H':
        out += pad(wall.hour, count);
        break;
      case 'k':
        out += pad(wall.hour === 0 ? 24 : wall.hour, count);
        break;
      case 'h':
        out += pad(((wall.hour + 11) % 12) + 1, count);
        break;
      case 'K':
        out += pad(wall.hour % 12, count);
        break;
      case 'm':
        out += pad(wall.minute, count);
        break;
      case 's':
        out += pad(wall.second, count);
        break;
      case 'S':
        out += pad(wall.millisecond, Math.max(count, 3)).slice(0, Math.max(count, 3));
        break;
      case 'a':
        out += wall.hour < 12 ? 'AM' : 'PM';
        break;
      case 'E':
        out += (count >= 4 ? LONG_DAYS : SHORT_DAYS)[wall.isoWeekday - 1] ?? '';
        break;
      case 'u':
        out += pad(wall.isoWeekday, count);
        break;
      case 'D': {
        const dayOfYear =
          (Date.UTC(wall.year, wall.month - 1, wall.day) - Date.UTC(wall.year, 0, 1)) / 86_400_000 + 1;
        out += pad(dayOfYear, count);
        break;
      }
      case 'Z':
        out += offsetText(offset, 'Z');
        break;
      case 'X':
        out += offsetText(offset, count === 1 ? 'X' : count === 2 ? 'XX' : 'XXX');
        break;
      case 'z':
        out += shortZoneName(epochMs, timeZone);
        break;
      default:
        throw new Error(`Illegal pattern character '${char}'`);
    }
  }
  return out;
}

/** printf-style: %s, %d, %i, %f, %.Nf, %05d, %%, as Utilities.formatString documents (sprintf-like). */
export function formatString(template: string, ...args: unknown[]): string {
  let next = 0;
  return template.replace(
    /%(-)?(0)?(\d+)?(?:\.(\d+))?([sdif%])/g,
    (_match, left, zero, width, precision, kind) => {
      if (kind === '%') return '%';
      const arg = args[next];
      next += 1;
      let text: string;
      if (kind === 's') text = String(arg);
      else if (kind === 'd' || kind === 'i') text = String(Math.trunc(Number(arg)));
      else text = Number(arg).toFixed(precision === undefined ? 6 : Number(precision));
      const size = width === undefined ? 0 : Number(width);
      if (text.length >= size) return text;
      if (left) return text.padEnd(size, ' ');
      if (zero && kind !== 's') {
        const negative = text.startsWith('-');
        return (negative ? '-' : '') + text.replace('-', '').padStart(size - (negative ? 1 : 0), '0');
      }
      return text.padStart(size, ' ');
    },
  );
}

/** Java bytes are signed: Apps Script returns -128…127. */
function signedBytes(buffer: Buffer): number[] {
  return [...buffer].map((byte) => (byte > 127 ? byte - 256 : byte));
}
function toBuffer(data: string | readonly number[]): Buffer {
  return typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data.map((byte) => byte & 0xff));
}

export const DIGEST_ALGORITHM = {
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
} as const;
export const CHARSET = { US_ASCII: 'US_ASCII', UTF_8: 'UTF_8' } as const;

/** RFC 4180: quoted fields may hold the delimiter, CR/LF and doubled quotes. */
export function parseCsv(csv: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let index = 0;
  const endField = (): void => {
    row.push(field);
    field = '';
  };
  while (index < csv.length) {
    const char = csv[index] ?? '';
    if (quoted) {
      if (char === '"') {
        if (csv[index + 1] === '"') {
          field += '"';
          index += 2;
          continue;
        }
        quoted = false;
      } else field += char;
      index += 1;
      continue;
    }
    if (char === '"' && field === '') quoted = true;
    else if (char === delimiter) endField();
    else if (char === '\r' || char === '\n') {
      endField();
      rows.push(row);
      row = [];
      if (char === '\r' && csv[index + 1] === '\n') index += 1;
    } else field += char;
    index += 1;
  }
  if (quoted) throw new Error('Could not parse text: unterminated quoted field.');
  if (field !== '' || row.length > 0) {
    endField();
    rows.push(row);
  }
  return rows;
}

export class FakeBlob {
  constructor(
    private bytes: Buffer,
    private contentType: string | null,
    private name: string | null,
  ) {}
  getBytes(): number[] {
    return signedBytes(this.bytes);
  }
  getDataAsString(): string {
    return this.bytes.toString('utf8');
  }
  getContentType(): string | null {
    return this.contentType;
  }
  setContentType(contentType: string): this {
    this.contentType = contentType;
    return this;
  }
  getName(): string | null {
    return this.name;
  }
  setName(name: string): this {
    this.name = name;
    return this;
  }
  setDataFromString(text: string): this {
    this.bytes = Buffer.from(text, 'utf8');
    return this;
  }
  copyBlob(): FakeBlob {
    return new FakeBlob(Buffer.from(this.bytes), this.contentType, this.name);
  }
}

/** Utilities.sleep allows at most 300000 ms (reference/utilities/utilities#sleep). */
const MAX_SLEEP_MS = 300_000;

export class FakeUtilities {
  readonly DigestAlgorithm = DIGEST_ALGORITHM;
  readonly Charset = CHARSET;

  constructor(private readonly runtime: Runtime) {}

  formatDate(date: Date, timeZone: string, format: string): string {
    return formatDate(date, timeZone, format);
  }
  formatString(template: string, ...args: unknown[]): string {
    return formatString(template, ...args);
  }
  /** Advances the world's clock instead of waiting. */
  sleep(milliseconds: number): void {
    if (!(milliseconds >= 0) || milliseconds > MAX_SLEEP_MS)
      throw new Error('Invalid argument: milliseconds');
    this.runtime.now += milliseconds;
  }
  getUuid(): string {
    return randomUUID();
  }
  base64Encode(data: string | number[]): string {
    return toBuffer(data).toString('base64');
  }
  base64EncodeWebSafe(data: string | number[]): string {
    return toBuffer(data).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
  }
  base64Decode(encoded: string): number[] {
    return signedBytes(Buffer.from(encoded, 'base64'));
  }
  base64DecodeWebSafe(encoded: string): number[] {
    return signedBytes(Buffer.from(encoded.replace(/-/g, '+').replace(/_/g, '/'), 'base64'));
  }
  computeDigest(algorithm: string, value: string | number[]): number[] {
    if (!Object.values(DIGEST_ALGORITHM).includes(algorithm as never))
      throw new Error('Invalid argument: algorithm');
    return signedBytes(createHash(algorithm).update(toBuffer(value)).digest());
  }
  /**
   * HMAC-SHA256 of `value` with `key` (reference/utilities/utilities#computeHmacSha256Signature(Object,Object)):
   * note the order, value first; strings are UTF-8; the bytes come back signed, like every Utilities digest.
   */
  computeHmacSha256Signature(value: string | number[], key: string | number[]): number[] {
    return signedBytes(createHmac('sha256', toBuffer(key)).update(toBuffer(value)).digest());
  }
  newBlob(data: string | number[], contentType?: string, name?: string): FakeBlob {
    return new FakeBlob(toBuffer(data), contentType ?? null, name ?? null);
  }
  parseCsv(csv: string, delimiter?: string): string[][] {
    return parseCsv(csv, delimiter);
  }
}
