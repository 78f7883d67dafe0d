import { type HandlerSpec } from '../surface';
import { buildKpiSummary, createCostsTemplate } from './build';
import { showHelp } from './help';
import { keepHistoryUpTo } from './history';
import { loadSampleData, removeSampleData } from './sampleData';
import { DASHBOARD_MENU_HANDLERS, SCHEDULE_TRIGGER_HANDLERS } from './scheduleHandlers';
import { addAddonMenu, menuAction, menuLanguage, type OpenEvent } from './menu';
import {
  showMappingSidebar,
  showSettingsSidebar,
  sidebarBuildSummary,
  sidebarLoad,
  sidebarPreviewMapping,
  sidebarRemoveMapping,
  sidebarSaveMapping,
  sidebarSavePeriod,
  sidebarConfirmPartial,
  sidebarSaveSettings,
  sidebarSheetDetail,
} from './sidebar';
import { sidebarRpc } from './sidebarRpc';
// Build outputs register themselves when their module loads (the KPI Dashboard through ./scheduleHandlers).
import './reconciliation';
import './fxMemory';
// The KPI Review sheet (SPEC §4a), after the dashboard and reconciliation.
import './review';

/** Menu items, in menu order. Each handler's name is what the menu stores: renaming one breaks open workbooks' menus. */
const MENU_HANDLERS: HandlerSpec[] = [
  {
    kind: 'menu',
    name: 'buildKpiSummary',
    description:
      'Menu: reads the report exports of this workbook and rebuilds the KPI Summary and Data Issues sheets.',
    parameters: [],
    run: buildKpiSummary,
    menu: { labelKey: 'menu.buildSummary', order: 100 },
  },
  {
    kind: 'menu',
    name: 'createCostsTemplate',
    description:
      'Menu: creates the Costs sheet (unit cost, first-leg freight, duty, effective date per SKU).',
    parameters: [],
    run: createCostsTemplate,
    menu: { labelKey: 'menu.createCostsTemplate', order: 110 },
  },
  // A first run without exports of one's own (issue 14).
  {
    kind: 'menu',
    name: 'loadSampleData',
    description: 'Menu: adds the bundled sample exports as "Sample – …" tabs and builds.',
    parameters: [],
    run: loadSampleData,
    menu: { labelKey: 'menu.loadSampleData', order: 120, separatorBefore: true },
  },
  {
    kind: 'menu',
    name: 'removeSampleData',
    description: 'Menu: deletes exactly the "Sample – …" tabs and builds again without them.',
    parameters: [],
    run: removeSampleData,
    menu: { labelKey: 'menu.removeSampleData', order: 130 },
  },
  // Years of history within the 10 M cells of one workbook (issue 17, item 4).
  {
    kind: 'menu',
    name: 'keepHistoryUpTo',
    description:
      'Menu: asks for a day and keeps the KPI Summary rows up to it in KPI History; those days are never recomputed.',
    parameters: [],
    run: keepHistoryUpTo,
    menu: { labelKey: 'menu.keepHistory', order: 140, separatorBefore: true },
  },
  {
    kind: 'menu',
    name: 'showMappingSidebar',
    description:
      'Menu: opens the sidebar listing every sheet, what was detected, and the column mapping form.',
    parameters: [],
    run: showMappingSidebar,
    menu: { labelKey: 'menu.openSidebar', order: 10 },
  },
  {
    kind: 'menu',
    name: 'showSettingsSidebar',
    description:
      'Menu: opens the sidebar on the settings form (time zone, currency, FX, language, Looker, hour).',
    parameters: [],
    run: showSettingsSidebar,
    menu: { labelKey: 'menu.settings', order: 800, separatorBefore: true },
  },
  {
    kind: 'menu',
    name: 'showHelp',
    description:
      'Menu: the Help dialog — what to do first, the menu, the sheets written, each KPI_ function, the data sources.',
    parameters: [],
    // Called when the item is clicked, after MENU_HANDLERS is complete: the dialog lists every item of this menu.
    run: () => showHelp(MENU_HANDLERS),
    menu: { labelKey: 'menu.help', order: 900, separatorBefore: true },
  },
  // Targets, Looker Studio and the scheduled refresh (issue 6).
  ...DASHBOARD_MENU_HANDLERS,
];

/** Simple triggers. Do not rename: Apps Script calls them by these exact names. */
const SIMPLE_TRIGGERS: HandlerSpec[] = [
  {
    kind: 'simpleTrigger',
    name: 'onOpen',
    description:
      'Simple trigger: adds the add-on menu. Runs in AuthMode.NONE or LIMITED, so it only builds the menu.',
    parameters: ['e'],
    run: (e: OpenEvent) => addAddonMenu(MENU_HANDLERS, menuLanguage(e)),
  },
  {
    kind: 'simpleTrigger',
    name: 'onInstall',
    description:
      'Runs when a user installs the add-on: adds the menu at once, as onOpen would on the next open.',
    parameters: ['e'],
    run: (e: OpenEvent) => addAddonMenu(MENU_HANDLERS, menuLanguage(e)),
  },
];

/** `google.script.run` targets of the sidebar (src/ui/protocol.ts SidebarApi). Each failure reaches it as a sentence. */
const SIDEBAR_RPCS: HandlerSpec[] = [
  {
    kind: 'rpc',
    name: 'sidebarLoad',
    description: 'Sidebar: the sheet list with what was detected or mapped, the settings, and the language.',
    parameters: [],
    run: sidebarRpc(sidebarLoad),
  },
  {
    kind: 'rpc',
    name: 'sidebarSheetDetail',
    description: 'Sidebar: one sheet, its header options and its saved or suggested mapping.',
    parameters: ['sheetId', 'headerRow', 'kind'],
    run: sidebarRpc(sidebarSheetDetail),
  },
  {
    kind: 'rpc',
    name: 'sidebarPreviewMapping',
    description:
      'Sidebar: validation problems and the first rows of a draft mapping as the model reads them.',
    parameters: ['mapping'],
    run: sidebarRpc(sidebarPreviewMapping),
  },
  {
    kind: 'rpc',
    name: 'sidebarSaveMapping',
    description: 'Sidebar: validates and saves a mapping in the document properties.',
    parameters: ['mapping'],
    run: sidebarRpc(sidebarSaveMapping),
  },
  {
    kind: 'rpc',
    name: 'sidebarRemoveMapping',
    description: 'Sidebar: forgets the mapping or stated period of a sheet.',
    parameters: ['sheetId'],
    run: sidebarRpc(sidebarRemoveMapping),
  },
  {
    kind: 'rpc',
    name: 'sidebarSavePeriod',
    description:
      'Sidebar: saves the period a known period report (Business Report by child, inventory) covers.',
    parameters: ['sheetId', 'period'],
    run: sidebarRpc(sidebarSavePeriod),
  },
  {
    kind: 'rpc',
    name: 'sidebarConfirmPartial',
    description:
      'Sidebar: counts a sheet whose header partly matches an export as that export, or stops counting it.',
    parameters: ['sheetId', 'count'],
    run: sidebarRpc(sidebarConfirmPartial),
  },
  {
    kind: 'rpc',
    name: 'sidebarBuildSummary',
    description: 'Sidebar: builds the KPI summary now and says what happened.',
    parameters: [],
    run: sidebarRpc(sidebarBuildSummary),
  },
  {
    kind: 'rpc',
    name: 'sidebarSaveSettings',
    description: 'Sidebar: checks and writes the settings form to the Settings sheet.',
    parameters: ['values'],
    run: sidebarRpc(sidebarSaveSettings),
  },
];

export const APP_HANDLERS: readonly HandlerSpec[] = [
  ...SIMPLE_TRIGGERS,
  // Menu items run with no caller to catch their errors: each one tells the user itself (menuAction).
  ...MENU_HANDLERS.map((handler) => ({ ...handler, run: menuAction(handler.run) })),
  ...SIDEBAR_RPCS,
  ...SCHEDULE_TRIGGER_HANDLERS,
];
