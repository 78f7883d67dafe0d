/**
 * Starts test/gas-world/chat-webhooks.mjs (the four chat services' webhooks, checked as each service checks them)
 * in a child process and routes the world's UrlFetchApp to it: the script asks for https://open.feishu.cn/…, the
 * whitelist is checked on that, and the request arrives at http://127.0.0.1:<port>/feishu/….
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { type GasWorld } from './index';

export interface ReceivedRequest {
  service: 'feishu' | 'dingtalk' | 'wecom' | 'slack';
  path: string;
  query: Record<string, string>;
  contentType: string | null;
  body: string;
  status: number;
  answer: string;
}

export interface WebhookBots {
  feishu?: { token: string; secret: string | null };
  dingtalk?: { token: string; secret: string | null };
  wecom?: { key: string };
  /** The T…/B…/… part of the hook URL. */
  slack?: { path: string };
}

export interface WebhookServer {
  port: number;
  configure(bots: WebhookBots): Promise<void>;
  /** Answers to give next for `service` ('throttle', 'error500'), before the normal ones. */
  script(service: ReceivedRequest['service'], answers: ('throttle' | 'error500')[]): Promise<void>;
  requests(): Promise<ReceivedRequest[]>;
  /** Sends the services' real hosts to this server in `world`. */
  route(world: GasWorld): void;
  stop(): void;
}

/** The real hosts of PLATFORM §10 and the path prefix each has on the local server. */
const HOSTS: readonly [string, string][] = [
  ['https://open.feishu.cn/', 'feishu/'],
  ['https://open.larksuite.com/', 'feishu/'],
  ['https://oapi.dingtalk.com/', 'dingtalk/'],
  ['https://qyapi.weixin.qq.com/', 'wecom/'],
  ['https://hooks.slack.com/', 'slack/'],
];

export async function startWebhookServer(): Promise<WebhookServer> {
  const child: ChildProcess = spawn(process.execPath, [join(__dirname, 'chat-webhooks.mjs')], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stdout = child.stdout;
  if (!stdout) throw new Error('webhook server has no stdout');
  const firstLine = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: stdout });
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`webhook server exited with ${code}`)));
  });
  const { port } = JSON.parse(firstLine) as { port: number };
  const base = `http://127.0.0.1:${port}`;
  const post = async (path: string, body: unknown): Promise<void> => {
    const response = await fetch(`${base}${path}`, { method: 'POST', body: JSON.stringify(body) });
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  };
  return {
    port,
    configure: (bots) => post('/__config', bots),
    script: (service, answers) => post('/__script', { service, answers }),
    requests: async () => (await (await fetch(`${base}/__requests`)).json()) as ReceivedRequest[],
    route(world) {
      for (const [host, prefix] of HOSTS) world.urlFetchRoutes.set(host, `${base}/${prefix}`);
    },
    stop() {
      child.kill();
    },
  };
}
