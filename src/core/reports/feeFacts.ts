import { type Channel, type FeeType } from '../model';
import { roundCents } from '../parse';
import { type SheetReader } from './sheetReader';

interface FeeLine {
  channel: Channel;
  date: string;
  orderId: string;
  sku: string;
  sheetRow: number;
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
      source: { sheet: sheet.context.sheetName, row: line.sheetRow },
    });
  }
}
