/* global Buffer, console, URL */
// A local stand-in for the four chat services' incoming webhooks (PLATFORM §10), for the world's UrlFetchApp. Run as
// a child process (the test's own process blocks while UrlFetchApp.fetch waits). It checks each request as the
// service would — Feishu's signature in the body (timestamp in seconds, key = "timestamp\nsecret", empty message),
// DingTalk's in the query (timestamp in ms, key = secret, message = "timestamp\nsecret", URL-encoded base64), WeCom's
// key in the query, Slack's path — and the size limits, and answers with the service's own codes. A test scripts
// throttling or server errors with POST /__script and reads what arrived with GET /__requests.
import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';

const HOUR_MS = 3_600_000;
const FEISHU_BODY_LIMIT = 20 * 1024;
const WECOM_MARKDOWN_LIMIT = 4096;

/** The bots this server knows: set by POST /__config. */
let bots = { feishu: null, dingtalk: null, wecom: null, slack: null };
/** Per service, the answers to give before the normal ones: 'throttle' or 'error500'. */
const scripted = { feishu: [], dingtalk: [], wecom: [], slack: [] };
const received = [];

const hmacBase64 = (key, message) => createHmac('sha256', key).update(message, 'utf8').digest('base64');
const json = (status, body) => ({ status, type: 'application/json', body: JSON.stringify(body) });
const text = (status, body) => ({ status, type: 'text/plain', body });

const THROTTLED = {
  feishu: () =>
    json(200, { code: 11232, msg: 'frequency limited psm[lark.oapi.app_platform_runtime]appID[1]' }),
  dingtalk: () => json(200, { errcode: 130101, errmsg: 'send too fast, exceed 20 times per minute' }),
  wecom: () => json(200, { errcode: 45009, errmsg: 'api freq out of limit' }),
  slack: () => ({ ...text(429, 'rate_limited'), headers: { 'retry-after': '1' } }),
};

function parseJson(raw) {
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}

function feishu(path, raw) {
  const bot = bots.feishu;
  const token = path.split('/').pop();
  if (!bot || token !== bot.token)
    return json(200, { code: 19001, msg: 'param invalid: incoming webhook access token invalid' });
  if (Buffer.byteLength(raw, 'utf8') > FEISHU_BODY_LIMIT)
    return json(200, { code: 9499, msg: 'Bad Request' });
  const body = parseJson(raw);
  if (!body || typeof body.msg_type !== 'string') return json(200, { code: 9499, msg: 'Bad Request' });
  if (bot.secret) {
    const seconds = Number(body.timestamp);
    const fresh = Number.isFinite(seconds) && Math.abs(Date.now() - seconds * 1000) <= HOUR_MS;
    const expected = hmacBase64(`${body.timestamp}\n${bot.secret}`, '');
    if (!fresh || body.sign !== expected)
      return json(200, {
        code: 19021,
        msg: 'sign match fail or timestamp is not within one hour from current time',
      });
  }
  return json(200, { StatusCode: 0, StatusMessage: 'success', code: 0, data: {}, msg: 'success' });
}

function dingtalk(query, raw) {
  const bot = bots.dingtalk;
  if (!bot || query.get('access_token') !== bot.token)
    return json(200, { errcode: 300001, errmsg: 'token is not exist' });
  if (bot.secret) {
    const timestamp = query.get('timestamp') ?? '';
    const fresh = /^\d+$/.test(timestamp) && Math.abs(Date.now() - Number(timestamp)) <= HOUR_MS;
    // URLSearchParams has already decoded the sign once, as the service's own query parsing does.
    const expected = hmacBase64(bot.secret, `${timestamp}\n${bot.secret}`);
    if (!fresh || query.get('sign') !== expected)
      return json(200, { errcode: 310000, errmsg: 'sign not match' });
  }
  const body = parseJson(raw);
  if (!body || typeof body.msgtype !== 'string')
    return json(200, { errcode: 40035, errmsg: '缺少参数 json' });
  return json(200, { errcode: 0, errmsg: 'ok' });
}

function wecom(query, raw) {
  const bot = bots.wecom;
  if (!bot || query.get('key') !== bot.key)
    return json(200, { errcode: 93000, errmsg: 'invalid webhook url' });
  const body = parseJson(raw);
  if (!body || typeof body.msgtype !== 'string')
    return json(200, { errcode: 40008, errmsg: 'invalid message type' });
  const content = body.markdown?.content ?? body.text?.content ?? '';
  if (body.msgtype === 'markdown' && Buffer.byteLength(content, 'utf8') > WECOM_MARKDOWN_LIMIT)
    return json(200, { errcode: 40058, errmsg: 'markdown.content exceed max length 4096' });
  return json(200, { errcode: 0, errmsg: 'ok' });
}

function slack(path, raw) {
  const bot = bots.slack;
  if (!bot || path !== `/slack/services/${bot.path}`) return text(404, 'no_service');
  const body = parseJson(raw);
  if (!body || (typeof body.text !== 'string' && !Array.isArray(body.blocks)))
    return text(400, 'invalid_payload');
  const blocks = body.blocks ?? [];
  const tooLong = blocks.some(
    (block) =>
      (block.type === 'header' && [...(block.text?.text ?? '')].length > 150) ||
      (block.type === 'section' && [...(block.text?.text ?? '')].length > 3000),
  );
  if (blocks.length > 50 || tooLong) return text(400, 'invalid_blocks');
  return text(200, 'ok');
}

function answer(service, path, query, raw) {
  const next = scripted[service].shift();
  if (next === 'throttle') return THROTTLED[service]();
  if (next === 'error500') return text(500, 'internal error');
  if (service === 'feishu') return feishu(path, raw);
  if (service === 'dingtalk') return dingtalk(query, raw);
  if (service === 'wecom') return wecom(query, raw);
  return slack(path, raw);
}

const server = createServer((request, response) => {
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', () => {
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const reply = (result) => {
      // One request per connection: the test process's fetch (undici) keeps idle sockets for reuse and, on a loaded
      // machine, could send on one this server had just closed ("other side closed"), failing a test at random.
      response.writeHead(result.status, {
        'content-type': result.type,
        connection: 'close',
        ...(result.headers ?? {}),
      });
      response.end(result.body);
    };
    if (url.pathname === '/__config') {
      bots = { ...bots, ...JSON.parse(raw) };
      return reply(text(200, 'ok'));
    }
    if (url.pathname === '/__script') {
      const { service, answers } = JSON.parse(raw);
      scripted[service].push(...answers);
      return reply(text(200, 'ok'));
    }
    if (url.pathname === '/__requests') return reply(json(200, received));
    const service = url.pathname.split('/')[1];
    if (!(service in scripted)) return reply(text(404, 'not found'));
    const result = answer(service, url.pathname, url.searchParams, raw);
    received.push({
      service,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      contentType: request.headers['content-type'] ?? null,
      body: raw,
      status: result.status,
      answer: result.body,
    });
    return reply(result);
  });
});

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 }));
});
