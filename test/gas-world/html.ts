/**
 * HtmlService: outputs built from dist/<name>.html (what clasp pushes), plus minimal templates. Custom functions
 * may build HTML but not display it (custom-functions.md); displaying is FakeUi's job.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInContext, type Context } from 'node:vm';

export const X_FRAME_OPTIONS_MODE = { ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' } as const;
/** Only IFRAME exists now; setSandboxMode is ignored (restrictions.md). */
export const SANDBOX_MODE = { EMULATED: 'EMULATED', IFRAME: 'IFRAME', NATIVE: 'NATIVE' } as const;

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export class FakeHtmlOutput {
  private title = '';
  private width: number | null = null;
  private height: number | null = null;
  readonly metaTags: { name: string; content: string }[] = [];
  xFrameOptionsMode: string = X_FRAME_OPTIONS_MODE.DEFAULT;

  constructor(private content: string) {}

  getContent(): string {
    return this.content;
  }
  setContent(content: string): this {
    this.content = content;
    return this;
  }
  append(addedContent: string): this {
    this.content += addedContent;
    return this;
  }
  appendUntrusted(addedContent: string): this {
    this.content += escapeHtml(addedContent);
    return this;
  }
  getTitle(): string {
    return this.title;
  }
  setTitle(title: string): this {
    this.title = String(title);
    return this;
  }
  getWidth(): number | null {
    return this.width;
  }
  setWidth(width: number): this {
    this.width = width;
    return this;
  }
  getHeight(): number | null {
    return this.height;
  }
  setHeight(height: number): this {
    this.height = height;
    return this;
  }
  setSandboxMode(_mode: string): this {
    return this;
  }
  setXFrameOptionsMode(mode: string): this {
    this.xFrameOptionsMode = mode;
    return this;
  }
  addMetaTag(name: string, content: string): this {
    this.metaTags.push({ name, content });
    return this;
  }
  setFaviconUrl(_url: string): this {
    return this;
  }
}

/**
 * `<? code ?>`, `<?= escaped ?>`, `<?!= raw ?>` (templated-html.md). The code runs in the script's global context,
 * so a template can call the script's own include() helper; template fields are visible as variables.
 */
export class FakeHtmlTemplate {
  [field: string]: unknown;

  constructor(
    private readonly source: string,
    private readonly scriptContext: () => Context | null,
  ) {}

  getRawContent(): string {
    return this.source;
  }
  evaluate(): FakeHtmlOutput {
    const context = this.scriptContext();
    if (!context) throw new Error('Templates need the loaded script: call loadDist first.');
    const pieces: string[] = [];
    const pattern = /<\?(!=|=)?([\s\S]*?)\?>/g;
    let last = 0;
    let body = '';
    for (let match = pattern.exec(this.source); match; match = pattern.exec(this.source)) {
      pieces.push(this.source.slice(last, match.index));
      body += `__out.push(__text[${pieces.length - 1}]);\n`;
      const code = match[2] ?? '';
      if (match[1] === '=') body += `__out.push(__escape(String(${code})));\n`;
      else if (match[1] === '!=') body += `__out.push(String(${code}));\n`;
      else body += `${code}\n`;
      last = match.index + match[0].length;
    }
    pieces.push(this.source.slice(last));
    body += `__out.push(__text[${pieces.length - 1}]);\n`;
    const fields: Record<string, unknown> = {};
    for (const key of Object.keys(this)) {
      if (key !== 'source' && key !== 'scriptContext') fields[key] = this[key];
    }
    const render = runInContext(
      `(function (__data, __text, __escape) { var __out = []; with (__data) {\n${body}} return __out.join(''); })`,
      context,
    ) as (data: Record<string, unknown>, text: string[], escape: (text: string) => string) => string;
    return new FakeHtmlOutput(render(fields, pieces, escapeHtml));
  }
}

export class FakeHtmlService {
  readonly XFrameOptionsMode = X_FRAME_OPTIONS_MODE;
  readonly SandboxMode = SANDBOX_MODE;

  constructor(
    private readonly distDir: () => string,
    private readonly scriptContext: () => Context | null,
  ) {}

  createHtmlOutput(html = ''): FakeHtmlOutput {
    return new FakeHtmlOutput(String(html));
  }
  createHtmlOutputFromFile(filename: string): FakeHtmlOutput {
    return new FakeHtmlOutput(this.readFile(filename));
  }
  createTemplate(html: string): FakeHtmlTemplate {
    return new FakeHtmlTemplate(html, this.scriptContext);
  }
  createTemplateFromFile(filename: string): FakeHtmlTemplate {
    return new FakeHtmlTemplate(this.readFile(filename), this.scriptContext);
  }

  /** Project files are addressed without the extension ("Sidebar" for Sidebar.html). */
  private readFile(filename: string): string {
    const base = filename.endsWith('.html') ? filename.slice(0, -5) : filename;
    const path = join(this.distDir(), `${base}.html`);
    // [mem] Apps Script's wording when the project has no such file.
    if (!existsSync(path)) throw new Error(`No HTML file named ${base} was found.`);
    return readFileSync(path, 'utf8');
  }
}
