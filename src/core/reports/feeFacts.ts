import { type Channel, type FeeType } from '../model';
import { type Moment, roundCents } from '../parse';
import { type DataRow, type RowReader, type SheetReader } from './sheetReader';

interface FeeLine {
  channel: Channel;
  date: string;
  orderId: string;
  sku: string;
  dataRow: DataRow;
  /** The whole line as a key (paymentsLineKey). */
  line: string;
  /** Splits the row's block where the report starts a new download without a header (a new settlement id). */
  subBlock?: string;
  /** The amounts belong to the whole order: the summary spreads them over its lines (FeeFact.spreadOverOrder). */
  spreadOverOrder?: boolean;
}

/**
 * The key of a payments line, which has no id of its own (SPEC §2a: every column of the line): its posting time, the
 * texts of `textColumns` (ids, types, descriptions) and the amounts of `moneyColumns`. Amounts and the time are taken
 * as read, not as written, so `-1.50` typed as text and `-1.5` typed as a number are one line; a separator no export
 * cell holds keeps `a|b` + `c` apart from `a` + `b|c`.
 */
export function paymentsLineKey(
  row: RowReader,
  posted: Moment,
  textColumns: readonly number[],
  moneyColumns: readonly number[],
): string {
  let key = `${posted.date}\u0001${posted.epochMs ?? ''}`;
  for (const column of textColumns) key += `\u0001${row.text(column)}`;
  for (const column of moneyColumns) key += `\u0001${row.moneyOrZero(column)}`;
  return key;
}

/** Adds one FeeFact per non-zero amount; amounts of the same type on one row are summed first. */
export function addFees(
  sheet: SheetReader,
  line: FeeLine,
  amounts: ReadonlyArray<readonly [FeeType, number]>,
): void {
  const byType = new Map<FeeType, number>();
  for (const [feeType, amount] of amounts) byType.set(feeType, (byType.get(feeType) ?? 0) + amount);
  for (const [feeType, amount] of byType) {
    const rounded = roundCents(amount);
    if (rounded === 0) continue;
    sheet.addFact({
      kind: 'fee',
      channel: line.channel,
      date: line.date,
      orderId: line.orderId,
      sku: line.sku,
      feeType,
      amount: rounded,
      line: line.line,
      ...(line.spreadOverOrder ? { spreadOverOrder: true } : {}),
      row: line.dataRow.sheetRow,
      source: sheet.sourceOf(line.dataRow, line.subBlock),
    });
  }
}
