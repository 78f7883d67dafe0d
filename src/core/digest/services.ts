/**
 * The chat services the daily digest can go to and the URL prefixes of their incoming webhooks (PLATFORM §10). A
 * module of its own, with no imports, so Settings (src/core/settings.ts) can check a webhook URL without loading the
 * digest's content and payload code.
 */
export type DigestService = 'feishu' | 'dingtalk' | 'wecom' | 'slack';
export const DIGEST_SERVICES: readonly DigestService[] = ['feishu', 'dingtalk', 'wecom', 'slack'];

/** The hosts the manifest's urlFetchWhitelist lists (PLATFORM §10: HTTPS prefixes ending in "/"). */
export const WEBHOOK_URL_PREFIXES: Readonly<Record<DigestService, readonly string[]>> = {
  feishu: ['https://open.feishu.cn/', 'https://open.larksuite.com/'],
  dingtalk: ['https://oapi.dingtalk.com/'],
  wecom: ['https://qyapi.weixin.qq.com/'],
  slack: ['https://hooks.slack.com/'],
};

/** The services that sign each request with a secret (Feishu in the body, DingTalk in the query); the others have none. */
export const SIGNING_SERVICES: readonly DigestService[] = ['feishu', 'dingtalk'];
