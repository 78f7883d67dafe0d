/**
 * What the sidebar and the server say to each other through `google.script.run`. Types only: both sides import them,
 * nothing here runs. Only JSON-like values cross (PLATFORM §4: a Date fails), so days are `yyyy-MM-dd` strings.
 */
import { type Language } from '../core/i18n';
import { type ErpExport, type ErpId, type ZoneSource } from '../core/mapping/erpPresets';
import { type FieldId, type MappingKind } from '../core/mapping/fields';
import { type SheetMapping } from '../core/mapping/mapping';
import { type Channel, type IsoDate } from '../core/model';
import { type DigestSettings, type EditableSettings } from '../gas/settings';

export interface DayRange {
  from: IsoDate;
  to: IsoDate;
}

export type SheetStatus =
  /** A known export, detected from its header row. */
  | 'known'
  /** Mapped by a user in this sidebar. */
  | 'mapped'
  | 'unmapped'
  /**
   * Its header has under half of a known export's signature columns (issue 14): not counted until mapped or confirmed.
   * A confirmed one is 'known' with `partialConfirmed`.
   */
  | 'partial'
  /** A sheet the add-on writes (KPI Summary, Settings…): never a source. */
  | 'owned'
  | 'empty';

export interface SheetSummary {
  sheetId: number;
  name: string;
  status: SheetStatus;
  /** The known export's name, in the user's language; it says when the header was Chinese (`…（中文）`). */
  reportLabel: string | null;
  /** 0–100 for a known export. */
  confidence: number | null;
  /** For a known or partial export: its signature columns found, of how many ("n of m columns"). */
  signature?: { found: number; total: number } | null;
  /** True for a partial match the user confirmed as the export: it counts exactly as a full match. */
  partialConfirmed?: boolean;
  mappingKind: MappingKind | null;
  /** True for a report without a date column: the user states its period. */
  periodReport: boolean;
  rowsRead: number | null;
  issueCount: number | null;
  dateRange: DayRange | null;
  period: DayRange | null;
}

export interface SettingsView {
  values: EditableSettings;
  /** The rate the Settings sheet shows now (the live formula's result, or the fixed rate); null when unreadable. */
  currentFxRate: number | null;
  /** Values of the Settings sheet that could not be read, in the user's language. */
  problems: string[];
  digest: DigestView;
}

/** What the page shows of the daily digest besides its settings (SPEC §4a). */
export interface DigestView {
  /** Whether a signing secret is saved. The secret itself never leaves the server. */
  secretSaved: boolean;
  /** The last delivery as Settings records it ("" when none yet). */
  lastAt: string;
  lastStatus: string;
  lastError: string;
}

/** The digest part of a settings save: a blank `secret` keeps the saved one; `clearSecret` removes it. */
export interface DigestForm extends DigestSettings {
  secret: string;
  clearSecret: boolean;
}

/** What the settings form sends: the settings, and for the digest its secret field too. */
export type SettingsForm = Omit<EditableSettings, 'digest'> & { digest?: DigestForm };

/** The first answer: everything the sidebar shows when it opens. */
export interface SidebarState {
  language: Language;
  sheets: SheetSummary[];
  settings: SettingsView;
  /** The newest Amazon fee table's dates, one line each, in the user's language (issue 16). */
  feeTables?: string[];
  /** The schedule's trigger time against the account's daily quota (issue 17). */
  scheduleBudget?: ScheduleBudgetView;
}

/** Trigger time used in the last 24 hours against the daily quota; `warning` is set from 80% of it. */
export interface ScheduleBudgetView {
  usedMinutes: number;
  quotaMinutes: number;
  /** The warning in the user's language, or null while far from the quota. */
  warning: string | null;
}

export interface HeaderOption {
  /** Normalised header: what a mapping stores. */
  value: string;
  /** The header as the sheet shows it. */
  label: string;
}

export interface SheetDetail {
  sheet: SheetSummary;
  /** The header row the form starts from (saved, else guessed). */
  headerRow: number;
  headers: HeaderOption[];
  /**
   * The saved mapping, or a suggestion from the header names for an unmapped or partial sheet; null for
   * known/owned/empty.
   */
  mapping: SheetMapping | null;
  saved: boolean;
  /**
   * Set when the header row is a Chinese ERP's order or profit export and the form was filled in from it (SPEC §2c):
   * the sidebar asks the user to check it, and says where the time zone came from.
   */
  erpPreset?: ErpPresetView | null;
}

export interface ErpPresetView {
  erp: ErpId;
  export: ErpExport;
  zoneSource: ZoneSource;
  /** The header that states the zone (`订购时间（北京时间）`), as the sheet shows it. */
  zoneHeader: string | null;
}

export interface MappingPreview {
  /** Why it cannot be saved yet; empty when it can. */
  problems: string[];
  columns: string[];
  rows: { row: number; cells: string[] }[];
  issues: { row: number; reason: string }[];
  rowsRead: number;
  issueCount: number;
}

export interface ActionResult {
  /** What happened, in the user's language. */
  message: string;
  sheets: SheetSummary[];
}

/** Every server function the sidebar calls: name → (arguments) → answer. */
export interface SidebarApi {
  sidebarLoad(): SidebarState;
  sidebarSheetDetail(sheetId: number, headerRow: number | null, kind: MappingKind | null): SheetDetail;
  sidebarPreviewMapping(mapping: SheetMapping): MappingPreview;
  sidebarSaveMapping(mapping: SheetMapping): ActionResult;
  sidebarRemoveMapping(sheetId: number): ActionResult;
  sidebarSavePeriod(sheetId: number, period: DayRange): ActionResult;
  /** Counts a partial header match as the export it looks like (`count` true), or stops counting it (false). */
  sidebarConfirmPartial(sheetId: number, count: boolean): ActionResult;
  sidebarBuildSummary(): ActionResult;
  sidebarSaveSettings(values: SettingsForm): SidebarState;
}

export type { Channel, FieldId, MappingKind, SheetMapping, EditableSettings, DigestSettings };
