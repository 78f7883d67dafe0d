import { type HandlerSpec } from '../surface';
import { showHelp } from './help';
import { addAddonMenu } from './menu';

/** Menu items, in menu order. Each handler's name is what the menu stores: renaming one breaks open workbooks' menus. */
const MENU_HANDLERS: HandlerSpec[] = [
  {
    kind: 'menu',
    name: 'showHelp',
    description: 'Menu: shows what the add-on does and where to read more.',
    parameters: [],
    run: showHelp,
    menu: { labelKey: 'menu.help', order: 900, separatorBefore: true },
  },
];

/** Simple triggers. Do not rename: Apps Script calls them by these exact names. */
const SIMPLE_TRIGGERS: HandlerSpec[] = [
  {
    kind: 'simpleTrigger',
    name: 'onOpen',
    description:
      'Simple trigger: adds the add-on menu. Runs in AuthMode.NONE or LIMITED, so it only builds the menu.',
    parameters: ['e'],
    run: () => addAddonMenu(MENU_HANDLERS),
  },
  {
    kind: 'simpleTrigger',
    name: 'onInstall',
    description:
      'Runs when a user installs the add-on: adds the menu at once, as onOpen would on the next open.',
    parameters: ['e'],
    run: () => addAddonMenu(MENU_HANDLERS),
  },
];

export const APP_HANDLERS: readonly HandlerSpec[] = [...SIMPLE_TRIGGERS, ...MENU_HANDLERS];
