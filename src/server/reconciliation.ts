/**
 * The Reconciliation sheet (SPEC §2b) as a build output: computed in the pure core with the KPI Summary
 * (src/core/reconciliation), checked in the compute phase, written in the write phase. A build that read no payments
 * report has nothing to reconcile and leaves the sheet as it is.
 */
import { OWNED_SHEETS } from '../core/sheetNames';
import { checkTable, writeTable } from '../gas/sheets';
import { type BuildOutput, registerOutput } from './build';

export const reconciliationOutput: BuildOutput = {
  sheet: OWNED_SHEETS.reconciliation,
  compute(context) {
    const reconciliation = context.pipeline.reconciliation;
    if (!reconciliation) return null;
    checkTable(OWNED_SHEETS.reconciliation, reconciliation.table);
    return (spreadsheet) => {
      writeTable(spreadsheet, OWNED_SHEETS.reconciliation, reconciliation.table);
    };
  },
};

// Registering is pure (no Apps Script call), so it is safe at load time, even for onOpen in AuthMode.NONE.
registerOutput(reconciliationOutput);
