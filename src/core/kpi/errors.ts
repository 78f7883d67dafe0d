import { type MessageParams } from '../i18n';

/** Where in a range argument the offending value sits (1-based, relative to the range's top-left cell). */
export interface CellPosition {
  row: number;
  column: number;
}

/**
 * A wrong input the user must fix. Carries a message key of the `functions` catalogue part and its parameters, so
 * the Apps Script layer can say it in the user's language (the pure core does not know the language). Sheets shows
 * the message of a thrown error as the cell's `#ERROR!` tooltip.
 */
export class KpiInputError extends Error {
  readonly key: string;
  readonly params: MessageParams;
  readonly position: CellPosition | undefined;

  constructor(key: string, params: MessageParams, position?: CellPosition) {
    super(`${key} ${JSON.stringify(params)}`);
    this.name = 'KpiInputError';
    this.key = key;
    this.params = params;
    this.position = position;
  }
}

/** Realm-independent check: the built bundle and the tests may each have their own KpiInputError class object. */
export function isKpiInputError(error: unknown): error is KpiInputError {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { name?: unknown }).name === 'KpiInputError' &&
    typeof (error as { key?: unknown }).key === 'string'
  );
}
