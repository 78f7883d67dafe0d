/**
 * The mapping sidebar: the sheet list, the column-mapping form with its live preview, and the settings form. Plain
 * DOM: every text from the workbook goes through text nodes (src/ui/client/dom.ts); every server answer goes through
 * a LatestOnly guard of its panel, so a slow answer to an old request never overwrites a newer one.
 */
import { type Language } from '../../../core/i18n/catalogue';
import { formatMessage } from '../../../core/i18n/format';
import { chineseMessages } from '../../../core/i18n/parts/chinese';
import { digestMessages } from '../../../core/i18n/parts/digest';
import { uiMessages } from '../../../core/i18n/parts/ui';
import { MAPPING_TIME_ZONES } from '../../../core/mapping/mapping';
import {
  fieldLabelKey,
  fieldsOf,
  isPeriodKind,
  kindLabelKey,
  MAPPING_KINDS,
  type MappingKind,
} from '../../../core/mapping/fields';
import { CHANNELS } from '../../../core/model';
import { DIGEST_SERVICES, SIGNING_SERVICES, WEBHOOK_URL_PREFIXES } from '../../../core/digest/services';
import { byId, h, replaceChildren } from '../../client/dom';
import { callServer, LatestOnly } from '../../client/server';
import {
  type ActionResult,
  type DayRange,
  type DigestForm,
  type EditableSettings,
  type ErpPresetView,
  type MappingPreview,
  type SheetDetail,
  type SheetMapping,
  type SettingsForm,
  type SheetSummary,
  type SidebarState,
} from '../../protocol';

/** The catalogue parts the page shows: its own texts, those of Chinese exports and ERP presets, and the digest's. */
const pageMessages = { ...uiMessages, ...chineseMessages, ...digestMessages };
type MessageKey = keyof typeof pageMessages;

let language: Language = /^zh/i.test(navigator.language) ? 'zh' : 'en';
let state: SidebarState | null = null;
/** The sheet whose detail is open, or null on the list. */
let openSheetId: number | null = null;
let draft: SheetMapping | null = null;

const listRequests = new LatestOnly();
const detailRequests = new LatestOnly();
const previewRequests = new LatestOnly();
const settingsRequests = new LatestOnly();

function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  return formatMessage(pageMessages[key][language], params);
}

// ---- status and errors ----

function showStatus(message: string): void {
  byId('status').textContent = message;
}

function showError(error: unknown): void {
  const element = byId('error');
  element.textContent =
    error instanceof Error ? error.message : t('sidebar.error.server', { detail: String(error) });
  element.hidden = false;
}

function clearMessages(): void {
  byId('status').textContent = '';
  const element = byId('error');
  element.textContent = '';
  element.hidden = true;
}

// ---- tabs ----

type Tab = 'sheets' | 'settings';

function selectTab(tab: Tab, focus = false): void {
  for (const name of ['sheets', 'settings'] as const) {
    const button = byId<HTMLButtonElement>(`tab-${name}`);
    const selected = name === tab;
    button.setAttribute('aria-selected', String(selected));
    button.tabIndex = selected ? 0 : -1;
    byId(`panel-${name}`).hidden = !selected;
    if (selected && focus) button.focus();
  }
}

function wireTabs(): void {
  byId('tab-sheets').addEventListener('click', () => selectTab('sheets'));
  byId('tab-settings').addEventListener('click', () => selectTab('settings'));
  // WAI-ARIA tabs: arrow keys move between tabs.
  byId('tabs').addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    const current = byId('tab-sheets').getAttribute('aria-selected') === 'true' ? 'sheets' : 'settings';
    selectTab(current === 'sheets' ? 'settings' : 'sheets', true);
    event.preventDefault();
  });
}

function renderChrome(): void {
  document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
  byId('title').textContent = t('sidebar.title');
  byId('tabs').setAttribute('aria-label', t('sidebar.tabs'));
  byId('tab-sheets').textContent = t('sidebar.tab.sheets');
  byId('tab-settings').textContent = t('sidebar.tab.settings');
}

// ---- sheet list ----

function sheetLines(sheet: SheetSummary): { text: string; warn?: boolean }[] {
  const lines: { text: string; warn?: boolean }[] = [];
  switch (sheet.status) {
    case 'known':
      lines.push({
        text:
          sheet.partialConfirmed && sheet.signature
            ? t('sidebar.sheet.partialConfirmed', { report: sheet.reportLabel ?? '', ...sheet.signature })
            : t('sidebar.sheet.known', {
                report: sheet.reportLabel ?? '',
                confidence: sheet.confidence ?? 0,
              }),
      });
      break;
    case 'partial':
      lines.push({ text: partialLine(sheet), warn: true });
      break;
    case 'mapped':
      lines.push({
        text: t('sidebar.sheet.mapped', {
          kind: t(kindLabelKey(sheet.mappingKind ?? 'orders') as MessageKey),
        }),
      });
      break;
    case 'owned':
      lines.push({ text: t('sidebar.sheet.owned') });
      break;
    case 'empty':
      lines.push({ text: t('sidebar.sheet.empty') });
      break;
    case 'unmapped':
      lines.push({ text: t('sidebar.sheet.notMapped'), warn: true });
      break;
  }
  if (sheet.rowsRead !== null) lines.push({ text: t('sidebar.sheet.rows', { rows: sheet.rowsRead }) });
  if (sheet.dateRange)
    lines.push({
      text: t('sidebar.sheet.dateRange', { from: sheet.dateRange.from, to: sheet.dateRange.to }),
    });
  if (sheet.period)
    lines.push({ text: t('sidebar.sheet.period', { from: sheet.period.from, to: sheet.period.to }) });
  else if (sheet.periodReport) lines.push({ text: t('sidebar.period.needed'), warn: true });
  if (sheet.issueCount)
    lines.push({ text: t('sidebar.sheet.issues', { count: sheet.issueCount }), warn: true });
  return lines;
}

/** "Looks like … (n of m columns): map it to use it" (issue 14). */
function partialLine(sheet: SheetSummary): string {
  return t('sidebar.sheet.partial', {
    report: sheet.reportLabel ?? '',
    found: sheet.signature?.found ?? 0,
    total: sheet.signature?.total ?? 0,
  });
}

/** A partial match's two ways forward besides the mapping form below: count it as the export it looks like. */
function partialNotice(sheet: SheetSummary): HTMLElement {
  return h(
    'div',
    { id: 'partial-match', class: 'notice' },
    h('p', { class: 'warn' }, partialLine(sheet)),
    h('p', { class: 'help' }, t('sidebar.partial.explain')),
    actionButton(
      'confirm-partial',
      t('sidebar.partial.confirm', { report: sheet.reportLabel ?? '' }),
      'secondary',
      () => void confirmPartial(sheet.sheetId, true),
    ),
  );
}

/** The schedule nearing the daily trigger-time quota (issue 17): the server's sentence, in the warning colour. */
function quotaWarning(): HTMLElement[] {
  const warning = state?.scheduleBudget?.warning;
  if (!warning) return [];
  return [
    h('div', { id: 'trigger-quota', class: 'notice', role: 'alert' }, h('p', { class: 'warn' }, warning)),
  ];
}

/**
 * Nothing counts yet: paste an export, or, when a sheet only looks like one (issue 14), open that sheet, since the
 * user has pasted something and "paste an export" would send them looking for a mistake they did not make.
 */
function firstStepWithNothingCounted(sheets: readonly SheetSummary[]): string {
  const partial = sheets.find((sheet) => sheet.status === 'partial');
  return partial
    ? t('sidebar.firstStep.partial', { sheet: partial.name })
    : t('sidebar.firstStep.none', { sample: t('menu.loadSampleData') });
}

function renderSheetList(): void {
  const view = byId('sheet-list-view');
  const sheets = state?.sheets ?? [];
  // A sheet counts when a known export's header matched or the user mapped it; the sentence says what to do next.
  const counted = sheets.filter((sheet) => sheet.status === 'known' || sheet.status === 'mapped').length;
  replaceChildren(
    view,
    h(
      'p',
      { id: 'first-step', class: 'first-step' },
      counted === 0 ? firstStepWithNothingCounted(sheets) : t('sidebar.firstStep.ready', { count: counted }),
    ),
    actionButton('build', t('sidebar.build'), 'action', () => void buildNow()),
    quotaWarning(),
    h('h2', { id: 'sheets-heading' }, t('sidebar.sheets.heading')),
    sheets.length === 0
      ? h('p', {}, t('sidebar.sheets.none'))
      : h(
          'ul',
          { class: 'sheet-list', 'aria-labelledby': 'sheets-heading' },
          sheets.map((sheet) => {
            const lines = sheetLines(sheet);
            const button = h(
              'button',
              {
                type: 'button',
                class: 'sheet',
                'data-sheet-id': sheet.sheetId,
                'aria-label': `${sheet.name}: ${lines.map((line) => line.text).join(', ')}`,
              },
              h('span', { class: 'sheet-name' }, sheet.name),
              lines.map((line) =>
                h('span', { class: line.warn ? 'sheet-line unmapped' : 'sheet-line' }, line.text),
              ),
            );
            button.addEventListener('click', () => void openSheet(sheet.sheetId, null, null));
            return h('li', {}, button);
          }),
        ),
    actionButton('refresh', t('sidebar.sheets.refresh'), 'secondary', () => void reload()),
  );
}

function actionButton(id: string, label: string, style: string, onClick: () => void): HTMLButtonElement {
  const button = h('button', { type: 'button', id, class: style }, label);
  button.addEventListener('click', onClick);
  return button;
}

function showList(): void {
  openSheetId = null;
  draft = null;
  detailRequests.invalidate();
  previewRequests.invalidate();
  byId('sheet-detail-view').hidden = true;
  byId('sheet-list-view').hidden = false;
  renderSheetList();
}

async function reload(): Promise<void> {
  clearMessages();
  showStatus(t('sidebar.loading'));
  try {
    const answer = await listRequests.run(() => callServer('sidebarLoad'));
    if (answer.stale) return;
    applyState(answer.value);
    showStatus('');
  } catch (error) {
    showStatus('');
    showError(error);
  }
}

function applyState(next: SidebarState): void {
  state = next;
  language = next.language;
  renderChrome();
  renderSettings();
  if (openSheetId === null) renderSheetList();
}

/** A server answer carrying the new sheet list: any list request still in flight is older, so its answer is dropped. */
function takeSheets(result: ActionResult): void {
  listRequests.invalidate();
  if (state) state = { ...state, sheets: result.sheets };
}

/** After a mapping or period change: back to the updated list, with the server's message. */
function showActionResult(result: ActionResult): void {
  takeSheets(result);
  showList();
  showStatus(result.message);
}

async function buildNow(): Promise<void> {
  clearMessages();
  const button = byId<HTMLButtonElement>('build');
  button.disabled = true;
  showStatus(t('sidebar.working'));
  try {
    const result = await callServer('sidebarBuildSummary');
    takeSheets(result);
    if (openSheetId === null) renderSheetList();
    showStatus(result.message);
  } catch (error) {
    showStatus('');
    showError(error);
  } finally {
    const current = document.getElementById('build') as HTMLButtonElement | null;
    if (current) current.disabled = false;
  }
}

// ---- sheet detail and mapping form ----

async function openSheet(sheetId: number, headerRow: number | null, kind: MappingKind | null): Promise<void> {
  clearMessages();
  openSheetId = sheetId;
  previewRequests.invalidate();
  showStatus(t('sidebar.loading'));
  try {
    const answer = await detailRequests.run(() => callServer('sidebarSheetDetail', sheetId, headerRow, kind));
    if (answer.stale || openSheetId !== sheetId) return;
    showStatus('');
    renderDetail(answer.value, headerRow !== null || kind !== null);
  } catch (error) {
    showStatus('');
    showError(error);
  }
}

function selectField(
  id: string,
  label: string,
  options: { value: string; label: string }[],
  selected: string,
  onChange: (value: string) => void,
): HTMLElement {
  const select = h(
    'select',
    { id },
    options.map((option) =>
      h('option', { value: option.value, selected: option.value === selected }, option.label),
    ),
  );
  select.value = selected;
  select.addEventListener('change', () => onChange(select.value));
  return h('div', { class: 'field' }, h('label', { for: id }, label), select);
}

function dateField(id: string, label: string, value: string, onChange: (value: string) => void): HTMLElement {
  const input = h('input', { id, type: 'date', value });
  input.addEventListener('change', () => onChange(input.value));
  return h('div', { class: 'field' }, h('label', { for: id }, label), input);
}

function periodFields(period: DayRange | null, onChange: (period: DayRange | null) => void): HTMLElement {
  let from = period?.from ?? '';
  let to = period?.to ?? '';
  const changed = (): void => onChange(from || to ? { from, to } : null);
  return h(
    'fieldset',
    {},
    h('legend', {}, t('sidebar.mapping.period')),
    dateField('period-from', t('sidebar.mapping.periodFrom'), from, (value) => {
      from = value;
      changed();
    }),
    dateField('period-to', t('sidebar.mapping.periodTo'), to, (value) => {
      to = value;
      changed();
    }),
  );
}

function renderDetail(detail: SheetDetail, keepFocus: boolean): void {
  const view = byId('sheet-detail-view');
  const focusedId = keepFocus ? document.activeElement?.id : undefined;
  byId('sheet-list-view').hidden = true;
  view.hidden = false;
  const back = actionButton('back', t('sidebar.mapping.back'), 'secondary', () => {
    showList();
    clearMessages();
  });
  const heading = h(
    'h2',
    { id: 'detail-heading', tabindex: -1 },
    t('sidebar.mapping.heading', { sheet: detail.sheet.name }),
  );
  const summary = h(
    'p',
    { class: 'help' },
    sheetLines(detail.sheet)
      .map((line) => line.text)
      .join(' · '),
  );
  draft = detail.mapping ? { ...detail.mapping, columns: { ...detail.mapping.columns } } : null;

  if (detail.sheet.status === 'known') {
    let period = detail.sheet.period;
    const save = actionButton('save-period', t('sidebar.period.save'), 'action', () => {
      if (period) void savePeriod(detail.sheet.sheetId, period);
    });
    replaceChildren(
      view,
      back,
      heading,
      h('p', {}, t('sidebar.mapping.knownReport', { report: detail.sheet.reportLabel ?? '' })),
      summary,
      detail.sheet.periodReport && [
        h('p', { class: 'help' }, t('sidebar.period.needed')),
        periodFields(period, (next) => {
          period = next;
        }),
        save,
      ],
      detail.sheet.partialConfirmed &&
        actionButton(
          'withdraw-partial',
          t('sidebar.partial.withdraw'),
          'secondary',
          () => void confirmPartial(detail.sheet.sheetId, false),
        ),
    );
  } else if (!draft) {
    const reason =
      detail.sheet.status === 'owned' ? t('sidebar.mapping.ownedSheet') : t('sidebar.mapping.emptySheet');
    replaceChildren(view, back, heading, h('p', {}, reason));
  } else {
    const mapping = draft;
    const headerOptions = [{ value: '', label: t('sidebar.mapping.notMapped') }, ...detail.headers];
    const columns = fieldsOf(mapping.kind).map((spec) =>
      selectField(
        `field-${spec.id}`,
        spec.required
          ? t('sidebar.mapping.required', { field: t(fieldLabelKey(spec.id) as MessageKey) })
          : t(fieldLabelKey(spec.id) as MessageKey),
        headerOptions,
        mapping.columns[spec.id] ?? '',
        (value) => {
          mapping.columns[spec.id] = value === '' ? undefined : value;
          void refreshPreview();
        },
      ),
    );
    const save = actionButton('save-mapping', t('sidebar.mapping.save'), 'action', () => void saveMapping());
    save.disabled = true;
    replaceChildren(
      view,
      back,
      heading,
      detail.sheet.status === 'partial' ? partialNotice(detail.sheet) : summary,
      detail.erpPreset && erpPresetNotice(detail.erpPreset, mapping),
      selectField(
        'mapping-kind',
        t('sidebar.mapping.kind'),
        MAPPING_KINDS.map((kind) => ({ value: kind, label: t(kindLabelKey(kind) as MessageKey) })),
        mapping.kind,
        (value) => void openSheet(detail.sheet.sheetId, mapping.headerRow, value as MappingKind),
      ),
      selectField(
        'mapping-channel',
        t('sidebar.mapping.channel'),
        CHANNELS.map((channel) => ({ value: channel, label: t(`mapping.channel.${channel}` as MessageKey) })),
        mapping.channel,
        (value) => {
          mapping.channel = value as SheetMapping['channel'];
          void refreshPreview();
        },
      ),
      selectField(
        'mapping-header-row',
        t('sidebar.mapping.headerRow'),
        Array.from({ length: 15 }, (_, index) => ({ value: String(index + 1), label: String(index + 1) })),
        String(mapping.headerRow),
        (value) => void openSheet(detail.sheet.sheetId, Number(value), mapping.kind),
      ),
      h('fieldset', {}, h('legend', {}, t('sidebar.mapping.columns')), columns),
      hasTimes(mapping.kind) &&
        selectField(
          'mapping-time-zone',
          t('sidebar.mapping.timeZone'),
          ['marketplace', ...MAPPING_TIME_ZONES].map((zone) => ({
            value: zone,
            label: t(`sidebar.mapping.timeZone.${zone}` as MessageKey),
          })),
          mapping.timeZone ?? 'marketplace',
          (value) => {
            const zone = MAPPING_TIME_ZONES.find((candidate) => candidate === value);
            if (zone) mapping.timeZone = zone;
            else delete mapping.timeZone;
            void refreshPreview();
          },
        ),
      isPeriodKind(mapping.kind) &&
        periodFields(mapping.period, (period) => {
          mapping.period = period;
          void refreshPreview();
        }),
      h('div', { id: 'mapping-problems', 'aria-live': 'polite' }),
      h('div', { id: 'mapping-preview', class: 'preview' }),
      save,
      detail.saved &&
        actionButton('remove-mapping', t('sidebar.mapping.remove'), 'secondary', () => void removeMapping()),
    );
    void refreshPreview();
  }
  const refocus = focusedId ? document.getElementById(focusedId) : null;
  (refocus ?? heading).focus();
}

/** Kinds whose rows carry a date or time: their mapping states the zone the times are written in (SPEC §2c). */
function hasTimes(kind: MappingKind): boolean {
  return !isPeriodKind(kind);
}

/** What the form was filled in from (an ERP export) and where its time zone came from: the user checks, then saves. */
function erpPresetNotice(preset: ErpPresetView, mapping: SheetMapping): HTMLElement {
  const erp = t(`erp.${preset.erp}` as MessageKey);
  const zone = t(`sidebar.mapping.timeZone.${mapping.timeZone ?? 'marketplace'}` as MessageKey);
  const zoneLine =
    preset.zoneSource === 'header'
      ? t('sidebar.mapping.erpZone.header', { zone, header: preset.zoneHeader ?? '' })
      : preset.zoneSource === 'erpDefault'
        ? t('sidebar.mapping.erpZone.erpDefault', { erp })
        : t('sidebar.mapping.erpZone.unknown');
  return h(
    'div',
    { id: 'erp-preset', class: 'notice', role: 'note' },
    h(
      'p',
      {},
      t('sidebar.mapping.erpPreset', { erp, export: t(`erp.export.${preset.export}` as MessageKey) }),
    ),
    h('p', { class: preset.zoneSource === 'unknown' ? 'help unmapped' : 'help' }, zoneLine),
  );
}

function renderPreview(preview: MappingPreview): void {
  const problems = byId('mapping-problems');
  replaceChildren(
    problems,
    preview.problems.length > 0 && [
      h('p', { class: 'label' }, t('sidebar.mapping.problems')),
      h(
        'ul',
        { class: 'problems' },
        preview.problems.map((problem) => h('li', {}, problem)),
      ),
    ],
  );
  const save = document.getElementById('save-mapping') as HTMLButtonElement | null;
  if (save) save.disabled = preview.problems.length > 0;
  const container = byId('mapping-preview');
  if (preview.columns.length === 0) {
    replaceChildren(container);
    return;
  }
  replaceChildren(
    container,
    preview.rows.length === 0
      ? h('p', {}, t('sidebar.mapping.previewNone'))
      : h(
          'table',
          {},
          h('caption', {}, t('sidebar.mapping.preview')),
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              preview.columns.map((column) => h('th', { scope: 'col' }, column)),
            ),
          ),
          h(
            'tbody',
            {},
            preview.rows.map((row) =>
              h(
                'tr',
                {},
                h('th', { scope: 'row' }, String(row.row)),
                row.cells.map((cell) => h('td', {}, cell)),
              ),
            ),
          ),
        ),
    h(
      'p',
      { class: 'help' },
      t('sidebar.mapping.previewRowsRead', { rows: preview.rowsRead, issues: preview.issueCount }),
    ),
    preview.issues.length > 0 &&
      h(
        'ul',
        { class: 'issues' },
        preview.issues.map((issue) => h('li', {}, t('sidebar.mapping.previewIssue', issue))),
      ),
  );
}

async function refreshPreview(): Promise<void> {
  if (!draft) return;
  const snapshot: SheetMapping = { ...draft, columns: { ...draft.columns } };
  try {
    const answer = await previewRequests.run(() => callServer('sidebarPreviewMapping', snapshot));
    if (answer.stale || openSheetId !== snapshot.sheetId) return;
    renderPreview(answer.value);
  } catch (error) {
    showError(error);
  }
}

async function saveMapping(): Promise<void> {
  if (!draft) return;
  clearMessages();
  const mapping: SheetMapping = { ...draft, columns: { ...draft.columns } };
  showStatus(t('sidebar.working'));
  try {
    const result = await callServer('sidebarSaveMapping', mapping);
    showActionResult(result);
  } catch (error) {
    showStatus('');
    showError(error);
  }
}

async function removeMapping(): Promise<void> {
  if (openSheetId === null) return;
  clearMessages();
  try {
    const result = await callServer('sidebarRemoveMapping', openSheetId);
    showActionResult(result);
  } catch (error) {
    showError(error);
  }
}

async function confirmPartial(sheetId: number, count: boolean): Promise<void> {
  clearMessages();
  showStatus(t('sidebar.working'));
  try {
    const result = await callServer('sidebarConfirmPartial', sheetId, count);
    showActionResult(result);
  } catch (error) {
    showStatus('');
    showError(error);
  }
}

async function savePeriod(sheetId: number, period: DayRange): Promise<void> {
  clearMessages();
  try {
    const result = await callServer('sidebarSavePeriod', sheetId, period);
    showActionResult(result);
  } catch (error) {
    showError(error);
  }
}

// ---- settings ----

const COMMON_TIME_ZONES = [
  'America/Los_Angeles',
  'America/Denver',
  'America/Chicago',
  'America/New_York',
  'Asia/Shanghai',
  'Asia/Hong_Kong',
  'Etc/UTC',
];

/** The digest's settings as the form starts them: a page from before the digest had none. */
const DIGEST_DEFAULTS: DigestForm = {
  service: 'off',
  url: '',
  language: 'both',
  hour: 9,
  secret: '',
  clearSecret: false,
};

/**
 * The daily digest's fields (SPEC §4a). The secret field always starts empty: the page never receives the secret,
 * only whether one is saved (shown as a mask), and a blank field keeps it. It is a password field, so it is not shown
 * while typed either.
 */
function digestFieldset(
  settings: SidebarState['settings'],
  digest: DigestForm,
): {
  fieldset: HTMLElement;
  read: () => DigestForm;
} {
  const saved = settings.digest.secretSaved;
  const urlInput = h('input', {
    id: 'setting-digest-url',
    type: 'url',
    value: digest.url,
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-describedby': 'digest-url-help',
  });
  const urlHelp = h('p', { class: 'help', id: 'digest-url-help' });
  const secretInput = h('input', {
    id: 'setting-digest-secret',
    type: 'password',
    value: '',
    autocomplete: 'new-password',
    placeholder: saved ? '••••••••' : '',
    'aria-describedby': 'digest-secret-help',
  });
  const clearSecret = h('input', { id: 'setting-digest-secret-clear', type: 'checkbox' });
  const secretField = h(
    'div',
    { class: 'field', id: 'digest-secret-field' },
    h('label', { for: 'setting-digest-secret' }, t('sidebar.settings.digestSecret')),
    secretInput,
    h(
      'p',
      { class: 'help', id: 'digest-secret-help' },
      t(saved ? 'sidebar.settings.digestSecretSaved' : 'sidebar.settings.digestSecretNone'),
    ),
    saved &&
      h(
        'label',
        { class: 'radio', for: 'setting-digest-secret-clear' },
        clearSecret,
        ' ',
        t('sidebar.settings.digestSecretClear'),
      ),
  );
  const sync = (): void => {
    const service = digest.service;
    urlInput.disabled = service === 'off';
    urlHelp.textContent =
      service === 'off'
        ? ''
        : t('sidebar.settings.digestUrlHelp', { prefixes: WEBHOOK_URL_PREFIXES[service].join(', ') });
    secretField.hidden = service === 'off' || !SIGNING_SERVICES.includes(service);
  };
  const last = settings.digest;
  const fieldset = h(
    'fieldset',
    { id: 'digest-settings' },
    h('legend', {}, t('sidebar.settings.digestHeading')),
    selectField(
      'setting-digest-service',
      t('sidebar.settings.digestService'),
      [
        { value: 'off', label: t('sidebar.settings.digestOff') },
        ...DIGEST_SERVICES.map((service) => ({
          value: service,
          label: t(`digest.service.${service}` as MessageKey),
        })),
      ],
      digest.service,
      (value) => {
        digest.service = value as DigestForm['service'];
        sync();
      },
    ),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'setting-digest-url' }, t('sidebar.settings.digestUrl')),
      urlInput,
      urlHelp,
    ),
    secretField,
    selectField(
      'setting-digest-language',
      t('sidebar.settings.digestLanguage'),
      [
        { value: 'zh', label: t('sidebar.settings.digestLanguageZh') },
        { value: 'en', label: t('sidebar.settings.digestLanguageEn') },
        { value: 'both', label: t('sidebar.settings.digestLanguageBoth') },
      ],
      digest.language,
      (value) => {
        digest.language = value as DigestForm['language'];
      },
    ),
    selectField(
      'setting-digest-hour',
      t('sidebar.settings.digestHour'),
      Array.from({ length: 24 }, (_, hour) => ({
        value: String(hour),
        label: t('sidebar.settings.hour', { hour }),
      })),
      String(digest.hour),
      (value) => {
        digest.hour = Number(value);
      },
    ),
    h('p', { class: 'help' }, t('sidebar.settings.digestHourHelp')),
    h(
      'p',
      { class: 'help', id: 'digest-last' },
      last.lastAt === ''
        ? t('sidebar.settings.digestNever')
        : t('sidebar.settings.digestLast', { at: last.lastAt, status: last.lastStatus }),
    ),
    last.lastError !== '' &&
      h(
        'p',
        { class: 'help unmapped', id: 'digest-last-error' },
        t('sidebar.settings.digestLastError', { error: last.lastError }),
      ),
  );
  sync();
  return {
    fieldset,
    read: () => ({
      ...digest,
      url: urlInput.value.trim(),
      secret: secretInput.value,
      clearSecret: clearSecret.checked,
    }),
  };
}

function renderSettings(): void {
  const panel = byId('panel-settings');
  if (!state) return;
  const values: EditableSettings = { ...state.settings.values };
  const digest = digestFieldset(state.settings, {
    ...DIGEST_DEFAULTS,
    ...(state.settings.values.digest ?? {}),
  });
  const zoneInput = h('input', {
    id: 'setting-time-zone',
    list: 'time-zones',
    value: values.reportingTimeZone,
    autocomplete: 'off',
  });
  const rateInput = h('input', {
    id: 'setting-fx-rate',
    type: 'number',
    step: '0.0001',
    min: '0',
    value: values.fxFixedRate ?? '',
    disabled: values.fxSource !== 'fixed',
  });
  const lookerInput = h('input', {
    id: 'setting-looker',
    value: values.lookerTemplateReportId,
    'aria-describedby': 'looker-help',
  });
  const radio = (source: EditableSettings['fxSource'], label: string): HTMLElement => {
    const input = h('input', {
      type: 'radio',
      name: 'fx-source',
      id: `fx-${source}`,
      value: source,
      checked: values.fxSource === source,
    });
    input.addEventListener('change', () => {
      values.fxSource = source;
      rateInput.disabled = source !== 'fixed';
    });
    return h('label', { class: 'radio', for: `fx-${source}` }, input, ' ', label);
  };
  const form = h(
    'form',
    { id: 'settings-form', 'aria-labelledby': 'settings-heading' },
    h('h2', { id: 'settings-heading' }, t('sidebar.settings.heading')),
    state.settings.problems.map((problem) => h('p', { class: 'error' }, problem)),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'setting-time-zone' }, t('sidebar.settings.timeZone')),
      zoneInput,
      h(
        'datalist',
        { id: 'time-zones' },
        COMMON_TIME_ZONES.map((zone) => h('option', { value: zone })),
      ),
      h('p', { class: 'help', id: 'time-zone-help' }, t('sidebar.settings.timeZoneHelp')),
    ),
    selectField(
      'setting-currency',
      t('sidebar.settings.baseCurrency'),
      [
        { value: 'USD', label: 'USD' },
        { value: 'CNY', label: 'CNY' },
      ],
      values.baseCurrency,
      (value) => {
        values.baseCurrency = value as EditableSettings['baseCurrency'];
      },
    ),
    h(
      'fieldset',
      {},
      h('legend', {}, t('sidebar.settings.fxSource')),
      radio('live', t('sidebar.settings.fxLive')),
      radio('fixed', t('sidebar.settings.fxFixed')),
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'setting-fx-rate' }, t('sidebar.settings.fxRate')),
        rateInput,
      ),
      h(
        'p',
        { class: 'help' },
        state.settings.currentFxRate !== null
          ? t('sidebar.settings.fxCurrent', { rate: state.settings.currentFxRate })
          : t('sidebar.settings.fxUnavailable'),
      ),
    ),
    selectField(
      'setting-language',
      t('sidebar.settings.language'),
      [
        { value: 'auto', label: t('sidebar.settings.languageAuto') },
        { value: 'en', label: t('sidebar.settings.languageEn') },
        { value: 'zh', label: t('sidebar.settings.languageZh') },
      ],
      values.language,
      (value) => {
        values.language = value as EditableSettings['language'];
      },
    ),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'setting-looker' }, t('sidebar.settings.looker')),
      lookerInput,
      h('p', { class: 'help', id: 'looker-help' }, t('sidebar.settings.lookerHelp')),
    ),
    selectField(
      'setting-refresh-schedule',
      t('sidebar.settings.refreshSchedule'),
      [
        { value: 'off', label: t('sidebar.settings.refreshOff') },
        { value: 'daily', label: t('sidebar.settings.refreshDaily') },
        { value: 'hourly', label: t('sidebar.settings.refreshHourly') },
      ],
      values.refreshSchedule,
      (value) => {
        values.refreshSchedule = value as EditableSettings['refreshSchedule'];
      },
    ),
    selectField(
      'setting-refresh-hour',
      t('sidebar.settings.refreshHour'),
      Array.from({ length: 24 }, (_, hour) => ({
        value: String(hour),
        label: t('sidebar.settings.hour', { hour }),
      })),
      String(values.refreshHour),
      (value) => {
        values.refreshHour = Number(value);
      },
    ),
    digest.fieldset,
    h('button', { type: 'submit', class: 'action', id: 'save-settings' }, t('sidebar.settings.save')),
  );
  zoneInput.setAttribute('aria-describedby', 'time-zone-help');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const rate = rateInput.value.trim() === '' ? null : Number(rateInput.value);
    void saveSettings({
      ...values,
      reportingTimeZone: zoneInput.value.trim(),
      fxFixedRate: values.fxSource === 'fixed' ? rate : null,
      lookerTemplateReportId: lookerInput.value.trim(),
      digest: digest.read(),
    });
  });
  const feeTables = (state.feeTables ?? []).map((line) => h('p', { class: 'help fee-tables' }, line));
  replaceChildren(panel, form, feeTables);
}

async function saveSettings(values: SettingsForm): Promise<void> {
  clearMessages();
  showStatus(t('sidebar.working'));
  try {
    const answer = await settingsRequests.run(() => callServer('sidebarSaveSettings', values));
    if (answer.stale) return;
    listRequests.invalidate();
    applyState(answer.value);
    showStatus(t('sidebar.settings.saved'));
    byId('save-settings').focus();
  } catch (error) {
    showStatus('');
    showError(error);
  }
}

// ---- start ----

function start(): void {
  renderChrome();
  wireTabs();
  const initialTab = document.getElementById('initial-tab')?.getAttribute('data-tab');
  selectTab(initialTab === 'settings' ? 'settings' : 'sheets');
  void reload();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
