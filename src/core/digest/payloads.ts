/**
 * The digest as each chat service's incoming webhook takes it (PLATFORM §10): the payload shape, the size limit, and
 * the signature. Pure: the HMAC is passed in (Utilities in Apps Script, node:crypto in tests), the clock too.
 *
 * Limits used, with their source (PLATFORM §10):
 * - Feishu / Lark: request body ≤ 20 KB (official guide); signed with timestamp (seconds) and sign in the JSON body.
 * - DingTalk: no documented message size; 20,000 bytes is our own bound ([inf]), as Feishu's. Signed with timestamp
 *   (milliseconds) and sign in the query string.
 * - WeCom: markdown content ≤ 4,096 bytes UTF-8 (error 40058 beyond); no signature, the key in the URL is the secret.
 * - Slack: a header block ≤ 150 characters, a section's text ≤ 3,000 characters, ≤ 50 blocks; `text` is the
 *   notification fallback.
 */
import { type Language } from '../i18n';
import { type DigestContent, type DigestText, digestText } from './content';
import { type DigestService } from './services';

export { DIGEST_SERVICES, type DigestService, WEBHOOK_URL_PREFIXES } from './services';
export type DigestLanguage = Language | 'both';

/** Base64 of HMAC-SHA256(key, message), UTF-8 both: the one primitive both signing schemes need. */
export type HmacBase64 = (key: string, message: string) => string;

export interface WebhookRequest {
  url: string;
  contentType: string;
  /** The JSON body, as sent. */
  payload: string;
}

export const SIZE_LIMIT_BYTES: Readonly<Record<Exclude<DigestService, 'slack'>, number>> = {
  feishu: 20 * 1024,
  dingtalk: 20_000,
  wecom: 4096,
};
export const SLACK_LIMITS = { headerChars: 150, sectionChars: 3000, blocks: 50 } as const;

/**
 * Bytes of `text` in UTF-8, counted by code point: Apps Script's V8 has no TextEncoder (the local world has none
 * either, which is how its absence was found). A lone surrogate counts 3, as the U+FFFD an encoder puts in its place.
 */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

function texts(content: DigestContent, language: DigestLanguage): DigestText[] {
  return language === 'both'
    ? [digestText(content, 'zh'), digestText(content, 'en')]
    : [digestText(content, language)];
}

/** Markdown for DingTalk and WeCom: a heading per section, one line each (both render `**bold**` and `[text](url)`). */
function markdown(parts: readonly DigestText[], keep: number): string {
  return parts
    .map((part) =>
      [
        `### ${part.title}`,
        ...part.sections.map((section) =>
          [`**${section.heading}**`, ...section.lines.slice(0, keep).map((line) => `- ${line}`)].join('\n'),
        ),
        part.link,
      ].join('\n\n'),
    )
    .join('\n\n---\n\n');
}

/** Plain lines for Feishu's post (rich text) message. */
function plainLines(part: DigestText, keep: number): string[] {
  const lines: string[] = [];
  for (const section of part.sections) {
    lines.push(`【${section.heading}】`);
    for (const line of section.lines.slice(0, keep)) lines.push(`• ${line}`);
  }
  lines.push(part.link);
  return lines;
}

/**
 * The longest rendering that fits: every line of each section first, then one line fewer per section until it fits.
 * The title, headings and the link always stay; `render(keep)` builds the message keeping `keep` lines per section.
 */
function fitting<T>(render: (keep: number) => T, size: (message: T) => number, limit: number): T {
  const most = 64;
  for (let keep = most; keep > 0; keep--) {
    const message = render(keep);
    if (size(message) <= limit) return message;
  }
  return render(0);
}

function feishuBody(parts: readonly DigestText[], keep: number): Record<string, unknown> {
  // One post per language: zh_cn and en_us are Feishu's locale keys; a reader's client shows its own language.
  const post: Record<string, unknown> = {};
  for (const [index, part] of parts.entries()) {
    const locale = parts.length === 2 ? (index === 0 ? 'zh_cn' : 'en_us') : 'zh_cn';
    post[locale] = {
      title: part.title,
      content: plainLines(part, keep).map((text) => [{ tag: 'text', text }]),
    };
  }
  return { msg_type: 'post', content: { post } };
}

function slackBody(parts: readonly DigestText[], keep: number): Record<string, unknown> {
  const clip = (text: string, limit: number): string =>
    Array.from(text).length <= limit
      ? text
      : `${Array.from(text)
          .slice(0, limit - 1)
          .join('')}…`;
  // Slack's mrkdwn treats &, < and > as markup (its "escaping text" guide): escaped in text from the workbook.
  const escape = (text: string): string =>
    text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const blocks: Record<string, unknown>[] = [];
  for (const part of parts) {
    blocks.push({
      type: 'header',
      text: { type: 'plain_text', text: clip(part.title, SLACK_LIMITS.headerChars) },
    });
    for (const section of part.sections) {
      // A section keeps as many whole lines as fit in Slack's 3,000 characters; a single longer line is clipped.
      const render = (count: number): string =>
        [
          `*${escape(section.heading)}*`,
          ...section.lines.slice(0, count).map((line) => `• ${escape(line)}`),
        ].join('\n');
      let count = Math.min(keep, section.lines.length);
      while (count > 1 && Array.from(render(count)).length > SLACK_LIMITS.sectionChars) count--;
      blocks.push({
        type: 'section',
        text: { type: 'mrkdwn', text: clip(render(count), SLACK_LIMITS.sectionChars) },
      });
    }
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: clip(escape(part.link), SLACK_LIMITS.sectionChars) },
    });
  }
  return { text: parts.map((part) => part.title).join(' / '), blocks: blocks.slice(0, SLACK_LIMITS.blocks) };
}

/**
 * The request for `service`: its URL (DingTalk's signed query added), JSON body (Feishu's signature inside) and
 * content type. `nowMs` is the signing time; `secret` is null when the bot has no signature set.
 */
export function digestRequest(
  service: DigestService,
  webhookUrl: string,
  secret: string | null,
  content: DigestContent,
  language: DigestLanguage,
  nowMs: number,
  hmac: HmacBase64,
): WebhookRequest {
  const parts = texts(content, language);
  const json = 'application/json';
  switch (service) {
    case 'feishu': {
      const signature: Record<string, string> = {};
      if (secret) {
        // Feishu's algorithm: the key is "timestamp\nsecret" and the message is empty (the opposite of DingTalk's).
        const timestamp = String(Math.floor(nowMs / 1000));
        signature.timestamp = timestamp;
        signature.sign = hmac(`${timestamp}\n${secret}`, '');
      }
      const body = fitting(
        (keep) => JSON.stringify({ ...signature, ...feishuBody(parts, keep) }),
        utf8Bytes,
        SIZE_LIMIT_BYTES.feishu,
      );
      return { url: webhookUrl, contentType: json, payload: body };
    }
    case 'dingtalk': {
      let url = webhookUrl;
      if (secret) {
        const timestamp = String(Math.floor(nowMs));
        const sign = encodeURIComponent(hmac(secret, `${timestamp}\n${secret}`));
        url += `${url.includes('?') ? '&' : '?'}timestamp=${timestamp}&sign=${sign}`;
      }
      const title = parts.map((part) => part.title).join(' / ');
      const body = fitting(
        (keep) => JSON.stringify({ msgtype: 'markdown', markdown: { title, text: markdown(parts, keep) } }),
        utf8Bytes,
        SIZE_LIMIT_BYTES.dingtalk,
      );
      return { url, contentType: `${json};charset=utf-8`, payload: body };
    }
    case 'wecom': {
      // The limit is on the markdown content itself, not the body.
      const text = fitting((keep) => markdown(parts, keep), utf8Bytes, SIZE_LIMIT_BYTES.wecom);
      return {
        url: webhookUrl,
        contentType: json,
        payload: JSON.stringify({ msgtype: 'markdown', markdown: { content: text } }),
      };
    }
    case 'slack':
      return { url: webhookUrl, contentType: json, payload: JSON.stringify(slackBody(parts, 64)) };
  }
}
