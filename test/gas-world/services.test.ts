import { GasWorld, LOCK_TIMEOUT_MESSAGE, TOO_MANY_TRIGGERS } from './index';
import { formatDate, parseCsv } from './utilities';

/** The globals as the script sees them, typed loosely enough for tests to call what the world implements. */
interface ScriptGlobals {
  SpreadsheetApp: {
    getActiveSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet | null;
    openById(id: string): GoogleAppsScript.Spreadsheet.Spreadsheet;
    getUi(): GoogleAppsScript.Base.Ui;
  };
  PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  LockService: GoogleAppsScript.Lock.LockService;
  ScriptApp: GoogleAppsScript.Script.ScriptApp;
  CacheService: GoogleAppsScript.Cache.CacheService;
  Session: GoogleAppsScript.Base.Session;
  Utilities: GoogleAppsScript.Utilities.Utilities;
  HtmlService: GoogleAppsScript.HTML.HtmlService;
}

function services(world: GasWorld): ScriptGlobals {
  return world.globals() as unknown as ScriptGlobals;
}

describe('custom-function mode allows reading only', () => {
  it('lets a custom function read cells and properties', () => {
    const world = new GasWorld();
    world.addSheet('Orders', [['units'], ['3']], 'typed');
    services(world).PropertiesService.getDocumentProperties().setProperty('currency', 'USD');
    world.authMode = 'CUSTOM_FUNCTION';
    const g = services(world);
    expect(g.SpreadsheetApp.getActiveSpreadsheet()?.getSheetByName('Orders')?.getRange('A2').getValue()).toBe(
      3,
    );
    expect(g.PropertiesService.getDocumentProperties().getProperty('currency')).toBe('USD');
  });

  it('forbids writes, UI, triggers, openById and property writes with "You do not have permission to call …"', () => {
    const world = new GasWorld();
    world.authMode = 'CUSTOM_FUNCTION';
    const g = services(world);
    const sheet = g.SpreadsheetApp.getActiveSpreadsheet()?.getSheets()[0];
    expect(() => sheet?.getRange('A1').setValues([[1]])).toThrow(
      'You do not have permission to call setValues',
    );
    expect(() => sheet?.getRange('A1').setValue(1)).toThrow('You do not have permission to call setValue');
    expect(() => g.SpreadsheetApp.getActiveSpreadsheet()?.insertSheet('X')).toThrow(
      /permission to call insertSheet/,
    );
    expect(() => g.SpreadsheetApp.getUi()).toThrow('You do not have permission to call SpreadsheetApp.getUi');
    expect(() => g.ScriptApp.newTrigger('refresh')).toThrow(/permission to call ScriptApp.newTrigger/);
    expect(() => g.SpreadsheetApp.openById('x')).toThrow(/permission to call SpreadsheetApp.openById/);
    expect(() => g.PropertiesService.getDocumentProperties().setProperty('a', 'b')).toThrow(
      /permission to call Properties.setProperty/,
    );
    expect(world.sheetValues('Sheet1')).toEqual([]);
  });
});

describe('NONE and LIMITED modes', () => {
  it('allows only menus in NONE', () => {
    const world = new GasWorld();
    world.authMode = 'NONE';
    const g = services(world);
    expect(() => g.SpreadsheetApp.getActiveSpreadsheet()).toThrow(
      /permission to call SpreadsheetApp.getActiveSpreadsheet/,
    );
    expect(() => g.PropertiesService.getDocumentProperties()).toThrow(/permission/);
    g.SpreadsheetApp.getUi().createAddonMenu().addItem('Help', 'showHelp').addToUi();
    expect(world.ui.menuItems().get('Help')).toBe('showHelp');
  });

  it('allows the document and properties but no sidebar in LIMITED', () => {
    const world = new GasWorld();
    world.authMode = 'LIMITED';
    const g = services(world);
    g.SpreadsheetApp.getActiveSpreadsheet()?.getSheets()[0]?.getRange('A1').setValue('ok');
    g.PropertiesService.getDocumentProperties().setProperty('k', 'v');
    const html = g.HtmlService.createHtmlOutput('<p>hi</p>');
    expect(() => g.SpreadsheetApp.getUi().showSidebar(html)).toThrow(/permission to call Ui.showSidebar/);
    world.authMode = 'FULL';
    g.SpreadsheetApp.getUi().showSidebar(html.setTitle('Seller KPI'));
    expect(world.ui.sidebars).toEqual([
      { kind: 'sidebar', title: 'Seller KPI', html: '<p>hi</p>', width: null, height: null },
    ]);
  });

  it('refuses openById when the manifest only has spreadsheets.currentonly', () => {
    const world = new GasWorld();
    world.oauthScopes = ['https://www.googleapis.com/auth/spreadsheets.currentonly'];
    expect(() => services(world).SpreadsheetApp.openById(world.spreadsheet.getId())).toThrow(
      'You do not have permission to call SpreadsheetApp.openById. Required permissions: https://www.googleapis.com/auth/spreadsheets',
    );
    world.oauthScopes = ['https://www.googleapis.com/auth/spreadsheets'];
    expect(services(world).SpreadsheetApp.openById(world.spreadsheet.getId()).getName()).toBe(
      world.spreadsheet.getName(),
    );
  });

  it('records alerts and returns the queued answer', () => {
    const world = new GasWorld();
    const ui = services(world).SpreadsheetApp.getUi();
    world.ui.alertAnswers.push('NO');
    expect(ui.alert('Replace data?', 'The sheet has rows.', ui.ButtonSet.YES_NO)).toBe('NO');
    expect(world.ui.alerts).toEqual([
      { title: 'Replace data?', prompt: 'The sheet has rows.', buttons: 'YES_NO' },
    ]);
  });
});

describe('PropertiesService keeps the Apps Script quotas', () => {
  it('throws for a value over 9 KB and accepts one of exactly 9 KB', () => {
    const world = new GasWorld();
    const props = services(world).PropertiesService.getDocumentProperties();
    props.setProperty('ok', 'x'.repeat(9 * 1024));
    expect(() => props.setProperty('tooBig', 'x'.repeat(9 * 1024 + 1))).toThrow('Argument too large: value');
    expect(props.getProperty('tooBig')).toBeNull();
  });

  it('throws when the store would pass 500 KB, and stores non-strings as strings', () => {
    const world = new GasWorld();
    const props = services(world).PropertiesService.getScriptProperties();
    for (let index = 0; index < 56; index += 1) props.setProperty(`k${index}`, 'x'.repeat(9000));
    expect(() => props.setProperty('k56', 'x'.repeat(9000))).toThrow(/exceeded the property storage quota/);
    (props as unknown as { setProperty(key: string, value: unknown): void }).setProperty('n', 5);
    expect(props.getProperty('n')).toBe('5');
  });
});

describe('LockService', () => {
  it('fails tryLock and throws the real waitLock message while another execution holds the lock', () => {
    const world = new GasWorld({ now: new Date('2026-01-01T00:00:00Z') });
    const locks = services(world).LockService;
    const release = world.holdLockElsewhere('document');
    const lock = locks.getDocumentLock();
    expect(lock.tryLock(5000)).toBe(false);
    expect(world.now.toISOString()).toBe('2026-01-01T00:00:05.000Z');
    expect(() => lock.waitLock(1000)).toThrow(LOCK_TIMEOUT_MESSAGE);
    expect(LOCK_TIMEOUT_MESSAGE).toBe('Lock timeout: another process was holding the lock for too long.');
    release();
    expect(lock.tryLock(0)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    lock.releaseLock();
    expect(lock.hasLock()).toBe(false);
  });

  it('releases the locks of an execution when it ends', () => {
    const world = new GasWorld();
    const locks = services(world).LockService;
    world.runExecution(() => locks.getScriptLock().waitLock(100));
    expect(world.holdsLock('script')).toBe(false);
  });
});

describe('ScriptApp triggers', () => {
  it('creates an hourly trigger that belongs to the current spreadsheet', () => {
    const world = new GasWorld({ now: new Date('2026-03-02T09:30:15Z') });
    const trigger = services(world).ScriptApp.newTrigger('refreshSummary').timeBased().everyHours(1).create();
    expect(trigger.getHandlerFunction()).toBe('refreshSummary');
    expect(String(trigger.getEventType())).toBe('CLOCK');
    expect(services(world).ScriptApp.getUserTriggers(world.spreadsheet as never)).toHaveLength(1);
    expect(() => world.fireTimeTrigger(trigger.getUniqueId())).toThrow('No script loaded');
  });

  it('keeps the add-on limits: no minute triggers, one time trigger per document, 20 per user', () => {
    const world = new GasWorld();
    const scriptApp = services(world).ScriptApp;
    expect(() => scriptApp.newTrigger('f').timeBased().everyMinutes(7)).toThrow(
      /Allowed values are 1, 5, 10, 15, 30/,
    );
    expect(() => scriptApp.newTrigger('f').timeBased().everyMinutes(5).create()).toThrow(/once per hour/);
    scriptApp.newTrigger('f').timeBased().atHour(5).everyDays(1).create();
    expect(() => scriptApp.newTrigger('g').timeBased().everyHours(1).create()).toThrow(
      /one time-driven trigger/,
    );
    for (let index = 0; index < 19; index += 1) {
      world.triggers.push({
        uid: `x${index}`,
        handlerFunction: 'f',
        eventType: 'CLOCK',
        documentId: `doc${index}`,
        timeZone: 'Etc/UTC',
        schedule: {},
      });
    }
    scriptApp.deleteTrigger(scriptApp.getProjectTriggers()[0] as GoogleAppsScript.Script.Trigger);
    world.triggers.push({
      uid: 'x19',
      handlerFunction: 'f',
      eventType: 'CLOCK',
      documentId: 'doc19',
      timeZone: 'Etc/UTC',
      schedule: {},
    });
    expect(() => scriptApp.newTrigger('f').timeBased().everyHours(1).create()).toThrow(TOO_MANY_TRIGGERS);
  });

  it('gives an add-on one change trigger per document beside its clock trigger, only for its own file', () => {
    const world = new GasWorld();
    const scriptApp = services(world).ScriptApp;
    scriptApp.newTrigger('tick').timeBased().everyHours(1).create();
    const change = scriptApp
      .newTrigger('changed')
      .forSpreadsheet(world.spreadsheet.getId())
      .onChange()
      .create();
    expect(change.getEventType()).toBe('ON_CHANGE');
    expect(change.getTriggerSource()).toBe('SPREADSHEETS');
    expect(change.getTriggerSourceId()).toBe(world.spreadsheet.getId());
    expect(() =>
      scriptApp.newTrigger('again').forSpreadsheet(world.spreadsheet.getId()).onChange().create(),
    ).toThrow(/one change trigger per user per document/);
    expect(() => scriptApp.newTrigger('other').forSpreadsheet('another-file-id').onEdit().create()).toThrow(
      /only create triggers for the file in which the add-on is used/,
    );
    expect(
      scriptApp
        .getUserTriggers(world.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet)
        .map((trigger) => trigger.getEventType()),
    ).toEqual(['CLOCK', 'ON_CHANGE']);
  });

  it('needs FULL to manage triggers', () => {
    const world = new GasWorld();
    world.authMode = 'LIMITED';
    expect(() => services(world).ScriptApp.getProjectTriggers()).toThrow(/permission/);
  });
});

describe('CacheService', () => {
  it('expires entries on the fake clock, enforces limits and can be evicted', () => {
    const world = new GasWorld();
    const cache = services(world).CacheService.getScriptCache();
    cache.put('fx', '7.12', 60);
    expect(cache.get('fx')).toBe('7.12');
    world.advanceClock(61_000);
    expect(cache.get('fx')).toBeNull();
    expect(() => cache.put('k'.repeat(251), 'v')).toThrow('Argument too large: key');
    expect(() => cache.put('big', 'x'.repeat(100 * 1024 + 1))).toThrow('Argument too large: value');
    expect(() => cache.put('long', 'v', 21_601)).toThrow(/21600/);
    cache.put('a', '1');
    world.scriptCache.evictAll();
    expect(cache.get('a')).toBeNull();
  });
});

describe('Session and Utilities', () => {
  it('reports the configured locale and script time zone, and blanks the email outside FULL', () => {
    const world = new GasWorld({ userLocale: 'zh_CN' });
    const session = services(world).Session;
    expect(session.getActiveUserLocale()).toBe('zh_CN');
    expect(session.getScriptTimeZone()).toBe('Etc/UTC');
    expect(session.getActiveUser().getEmail()).toBe('seller@example.com');
    world.authMode = 'CUSTOM_FUNCTION';
    expect(session.getActiveUser().getEmail()).toBe('');
  });

  it('formats one instant correctly in several zones with SimpleDateFormat patterns', () => {
    const instant = new Date('2026-03-08T10:05:09Z');
    expect(formatDate(instant, 'Asia/Shanghai', 'yyyy-MM-dd HH:mm:ss Z')).toBe('2026-03-08 18:05:09 +0800');
    // DST began in Los Angeles at 2026-03-08 02:00 local, so this is PDT (UTC-7).
    expect(formatDate(instant, 'America/Los_Angeles', 'EEE, M/d/yy h:mm a XXX')).toBe(
      'Sun, 3/8/26 3:05 AM -07:00',
    );
    expect(formatDate(instant, 'America/New_York', "yyyy-MM-dd'T'HH:mm:ssXXX")).toBe(
      '2026-03-08T06:05:09-04:00',
    );
    expect(formatDate(instant, 'Etc/UTC', 'yyyy-MM-dd HH:mm XXX')).toBe('2026-03-08 10:05 Z');
    expect(formatDate(instant, 'Asia/Kolkata', 'dd MMM yyyy HH:mm')).toBe('08 Mar 2026 15:35');
    expect(() => formatDate(instant, 'Etc/UTC', 'qq')).toThrow("Illegal pattern character 'q'");
  });

  it('sleeps on the fake clock, digests and encodes like Apps Script', () => {
    const world = new GasWorld({ now: new Date('2026-01-01T00:00:00Z') });
    const utilities = services(world).Utilities;
    utilities.sleep(1500);
    expect(world.now.toISOString()).toBe('2026-01-01T00:00:01.500Z');
    expect(utilities.formatString('%s sold %d units at %.2f', 'SKU-1', 3, 9.5)).toBe(
      'SKU-1 sold 3 units at 9.50',
    );
    // MD5("abc") = 90 01 50 98 …; 0x90 is -112 as a signed Java byte.
    expect(utilities.computeDigest(utilities.DigestAlgorithm.MD5, 'abc').slice(0, 4)).toEqual([
      -112, 1, 80, -104,
    ]);
    expect(utilities.base64Encode('卖家')).toBe(Buffer.from('卖家').toString('base64'));
  });

  it('parses RFC 4180 CSV with quoted commas, quotes and newlines', () => {
    expect(parseCsv('sku,title\r\n"A-1","Mug, 12 oz ""blue"""\n"B-2","two\nlines"')).toEqual([
      ['sku', 'title'],
      ['A-1', 'Mug, 12 oz "blue"'],
      ['B-2', 'two\nlines'],
    ]);
  });
});
