/**
 * UrlFetchApp for the local Apps Script world: synchronous like Apps Script's (the request runs in a child process,
 * http-request.mjs, while the script's execution waits), with the rules an add-on meets:
 * - the `script.external_request` scope in the manifest, else "You do not have permission to call UrlFetchApp.fetch"
 *   (the wording of the other permission errors, PLATFORM §1; user reports of exactly this call);
 * - the manifest's `urlFetchWhitelist`: a URL under none of its prefixes throws "Request to <url> failed because the
 *   URL has not been whitelisted in the script manifest." (user reports, binance-to-google-sheets#82 and
 *   FirestoreGoogleAppsScript#135; reference: developers.google.com/apps-script/manifest/allowlist-url);
 * - a 4xx/5xx throws "Request failed for <url> returned code <code>. Truncated server response: … (use
 *   muteHttpExceptions option to examine full response)" unless `muteHttpExceptions` is true (reference/url-fetch;
 *   the wording as widely reported [mem]);
 * - `payload` as a string is sent as is, as an object it is form-encoded (reference/url-fetch/url-fetch-app#fetch);
 *   `contentType` defaults to application/x-www-form-urlencoded; `method` to GET;
 * - HTTPResponse: getResponseCode, getContentText, getHeaders, getAllHeaders, getBlob-free.
 *
 * Requests for a real service's host go to a local server instead, by `routes` (a URL prefix → a local base URL):
 * the whitelist is checked on the real URL the add-on asked for, and the local server sees the path and query as
 * the service would.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { permissionError, type Runtime } from './runtime';

export const EXTERNAL_REQUEST_SCOPE = 'https://www.googleapis.com/auth/script.external_request';

/** Apps Script's fetch deadline [mem: "Timeout: …" after about 60 s]; the world fails sooner to keep tests short. */
const FETCH_TIMEOUT_MS = 20_000;

export interface FetchRecord {
  /** The URL the script asked for (before routing). */
  url: string;
  method: string;
  contentType: string | null;
  payload: string | null;
  status: number | null;
}

export interface UrlFetchParams {
  method?: string;
  contentType?: string;
  headers?: Record<string, string>;
  payload?: string | Record<string, unknown>;
  muteHttpExceptions?: boolean;
}

export class FakeHttpResponse {
  constructor(
    private readonly status: number,
    private readonly headers: Record<string, string>,
    private readonly body: Buffer,
  ) {}
  getResponseCode(): number {
    return this.status;
  }
  getContentText(): string {
    return this.body.toString('utf8');
  }
  getHeaders(): Record<string, string> {
    return { ...this.headers };
  }
  getAllHeaders(): Record<string, string> {
    return { ...this.headers };
  }
}

export interface UrlFetchSetup {
  /** The manifest's urlFetchWhitelist; null when the manifest has none (then nothing is checked). */
  whitelist: () => readonly string[] | null;
  /** Real URL prefix → local base URL (e.g. https://open.feishu.cn/ → http://127.0.0.1:PORT/feishu/). */
  routes: Map<string, string>;
  log: FetchRecord[];
}

export class FakeUrlFetchApp {
  constructor(
    private readonly runtime: Runtime,
    private readonly setup: UrlFetchSetup,
  ) {}

  fetch(url: string, params: UrlFetchParams = {}): FakeHttpResponse {
    this.runtime.require('externalRequests', 'UrlFetchApp.fetch');
    const scopes = this.runtime.oauthScopes;
    if (scopes && !scopes.includes(EXTERNAL_REQUEST_SCOPE))
      throw permissionError('UrlFetchApp.fetch', EXTERNAL_REQUEST_SCOPE);
    const whitelist = this.setup.whitelist();
    if (whitelist && !whitelist.some((prefix) => url.startsWith(prefix)))
      throw new Error(
        `Request to ${url} failed because the URL has not been whitelisted in the script manifest.`,
      );
    const method = (params.method ?? 'get').toUpperCase();
    let body: Buffer | null = null;
    let contentType: string | null = null;
    if (params.payload !== undefined) {
      contentType = params.contentType ?? 'application/x-www-form-urlencoded';
      body =
        typeof params.payload === 'string'
          ? Buffer.from(params.payload, 'utf8')
          : Buffer.from(
              new URLSearchParams(
                Object.entries(params.payload).map(([name, value]) => [name, String(value)]),
              ).toString(),
              'utf8',
            );
    }
    const record: FetchRecord = {
      url,
      method,
      contentType,
      payload: body ? body.toString('utf8') : null,
      status: null,
    };
    this.setup.log.push(record);
    const route = [...this.setup.routes].find(([prefix]) => url.startsWith(prefix));
    if (!route) throw new Error(`Address unavailable: ${url}`);
    const target = route[1] + url.slice(route[0].length);
    const headers: Record<string, string> = { ...(params.headers ?? {}) };
    if (contentType) headers['content-type'] = contentType;
    const output = execFileSync(process.execPath, [join(__dirname, 'http-request.mjs')], {
      input: JSON.stringify({
        url: target,
        method,
        headers,
        body: body ? body.toString('base64') : null,
        timeoutMs: FETCH_TIMEOUT_MS,
      }),
      encoding: 'utf8',
    });
    const answer = JSON.parse(output) as
      { status: number; headers: Record<string, string>; body: string } | { error: string };
    // [mem] a request that gets no answer (DNS, refused connection) throws with the platform's short reason.
    if ('error' in answer) throw new Error(`Address unavailable: ${url}`);
    record.status = answer.status;
    const response = new FakeHttpResponse(answer.status, answer.headers, Buffer.from(answer.body, 'base64'));
    if (answer.status >= 400 && params.muteHttpExceptions !== true) {
      const text = response.getContentText();
      throw new Error(
        `Request failed for ${url} returned code ${answer.status}. Truncated server response: ${text.slice(0, 100)}` +
          ' (use muteHttpExceptions option to examine full response)',
      );
    }
    return response;
  }
}
