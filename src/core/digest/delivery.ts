/**
 * Delivering a digest request: what each service's answer means and a bounded retry within the run (SPEC §4a). The
 * HTTP call and the wait are passed in (UrlFetchApp and Utilities.sleep in Apps Script), so the policy is tested
 * without a network; the local Apps Script world tests it against a real HTTP server too.
 *
 * Answers (PLATFORM §10): Feishu `{"code":0}` is success, 11232 throttled, 19021 a bad signature or an old
 * timestamp; DingTalk `{"errcode":0}`, 130101 "send too fast" (the robot is then throttled for 10 minutes),
 * 310000 "sign not match"; WeCom `{"errcode":0}`, 40058 content too long; Slack the text `ok`, HTTP 429 when rate
 * limited. An HTTP 5xx or 429 from any of them is worth another try; a signature or payload error is not.
 */
import { type DigestService, type WebhookRequest } from './payloads';

export interface HttpAnswer {
  status: number;
  body: string;
}

/** One POST of `request`; returns the answer, or throws when the request could not be made at all. */
export type HttpPost = (request: WebhookRequest) => HttpAnswer;

export interface Delivery {
  ok: boolean;
  /** The last answer's HTTP status; 0 when no answer came. */
  status: number;
  attempts: number;
  /** The service's own words for a failure (code and message), or the transport's error; '' when delivered. */
  error: string;
}

/** Service codes that mean "slow down", worth one more try after a pause. */
const THROTTLED: Readonly<Record<DigestService, readonly number[]>> = {
  feishu: [11232],
  dingtalk: [130101],
  wecom: [45009],
  slack: [],
};

type Verdict = { kind: 'ok' } | { kind: 'retry' | 'fail'; error: string };

/** What one answer means for `service`. */
export function verdict(service: DigestService, answer: HttpAnswer): Verdict {
  if (answer.status === 429 || answer.status >= 500)
    return { kind: 'retry', error: `HTTP ${answer.status} ${answer.body.slice(0, 200)}`.trim() };
  if (service === 'slack') {
    // Slack answers the text "ok" with 200, and an error word (invalid_payload, no_service) with a 4xx.
    return answer.status === 200 && answer.body.trim() === 'ok'
      ? { kind: 'ok' }
      : { kind: 'fail', error: `HTTP ${answer.status} ${answer.body.slice(0, 200)}`.trim() };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(answer.body);
  } catch {
    return { kind: 'fail', error: `HTTP ${answer.status}: not JSON: ${answer.body.slice(0, 200)}` };
  }
  const field = (name: string): unknown =>
    typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>)[name] : undefined;
  // Feishu answers {code, msg} (older bots {StatusCode, StatusMessage}); DingTalk and WeCom {errcode, errmsg}.
  const code = Number(field('code') ?? field('StatusCode') ?? field('errcode') ?? NaN);
  const message = String(field('msg') ?? field('StatusMessage') ?? field('errmsg') ?? '');
  if (answer.status === 200 && code === 0) return { kind: 'ok' };
  const error = `HTTP ${answer.status}, code ${Number.isNaN(code) ? '?' : code}: ${message}`.trim();
  return THROTTLED[service].includes(code) ? { kind: 'retry', error } : { kind: 'fail', error };
}

/** Tries in one run: a throttled service gets two more chances, with 2 s then 4 s between (Feishu allows 5/s). */
export const MAX_ATTEMPTS = 3;
const PAUSES_MS = [2000, 4000];

/**
 * An error text without the webhook's path and query: the WeCom key, the DingTalk token and the Feishu hook id are
 * the bot's credentials, and the error is recorded in Settings where the team reads it.
 */
export function withoutSecrets(text: string, url: string): string {
  const origin = /^https?:\/\/[^/?#]+/i.exec(url)?.[0] ?? '';
  const bare = url.split('?')[0] ?? url;
  return text.split(url).join(`${origin}/…`).split(bare).join(`${origin}/…`);
}

/** Posts `request` until delivered, refused, or MAX_ATTEMPTS are used; never throws. */
export function deliver(
  service: DigestService,
  request: WebhookRequest,
  post: HttpPost,
  sleep: (ms: number) => void,
): Delivery {
  let last: Delivery = { ok: false, status: 0, attempts: 0, error: '' };
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    if (attempt > 1) sleep(PAUSES_MS[attempt - 2] ?? 4000);
    let answer: HttpAnswer;
    try {
      answer = post(request);
    } catch (error) {
      // A transport failure (DNS, timeout, a host outside the manifest's whitelist) is retried like a 5xx.
      const message = error instanceof Error ? error.message : String(error);
      last = { ok: false, status: 0, attempts: attempt, error: withoutSecrets(message, request.url) };
      continue;
    }
    const outcome = verdict(service, answer);
    if (outcome.kind === 'ok') return { ok: true, status: answer.status, attempts: attempt, error: '' };
    last = { ok: false, status: answer.status, attempts: attempt, error: outcome.error };
    if (outcome.kind === 'fail') return last;
  }
  return last;
}
