/**
 * Remembers the last good USD→CNY rate in Settings (issue 10): after a build that read a usable rate from the
 * Settings sheet, `fx_last_good_rate` and `fx_last_good_date` are set to it and the day, so a later build whose live
 * GOOGLEFINANCE rate cannot be read uses it (src/core/settings.ts) and says so instead of leaving CNY blank.
 */
import { OWNED_SHEETS } from '../core/sheetNames';
import { isoDateInZone } from '../core/time';
import { rememberFxRate } from '../gas/settings';
import { type BuildOutput, registerOutput } from './build';

export const fxMemoryOutput: BuildOutput = {
  sheet: OWNED_SHEETS.settings,
  compute(context) {
    const { settings, setupIssues } = context.snapshot;
    // A rate that is itself the remembered one (the Settings rate was unreadable) is not news.
    const fromMemory = setupIssues.some((issue) => issue.reason.key === 'settings.problem.fxLastGood');
    if (settings.fxUsdCny === null || fromMemory) return null;
    const rate = settings.fxUsdCny;
    const day = isoDateInZone(Date.now(), settings.reportingTimeZone);
    return (spreadsheet) => {
      rememberFxRate(spreadsheet, rate, day);
    };
  },
};

// Registering is pure (no Apps Script call), so it is safe at load time, even for onOpen in AuthMode.NONE.
registerOutput(fxMemoryOutput);
