/**
 * Reconciliation tallies of a payments report (SPEC §2b): every line of every block is summed into one category, and
 * the block's own total is kept beside the sums, so the Reconciliation sheet can show that nothing was lost — or
 * exactly how much was. A payments reader calls `add` for every amount of every line it meets (sales, taxes,
 * transfers included, whatever the summary makes of it) and `finish` once; each block becomes one PayoutBlockFact
 * per currency. An amount whose type the reader does not know goes to `other`, counted in one Data Issue per sheet
 * and type with its amount.
 */
import { type Channel, type IsoDate, PAYOUT_CATEGORIES, type PayoutCategory, type SourceRef } from '../model';
import { roundCents } from '../parse';
import { type DataRow, type SheetReader } from './sheetReader';

interface Tally {
  currency: string;
  source: SourceRef;
  /** Sheet row of the block's first line. */
  row: number;
  statedTotal: number | null;
  lineTotals: number;
  periodStart: IsoDate | null;
  periodEnd: IsoDate | null;
  firstDay: IsoDate | null;
  lastDay: IsoDate | null;
  byCategory: Record<PayoutCategory, number>;
  principalByOrder: Map<string, { date: IsoDate; amount: number }>;
}

export class PayoutBlocks {
  private readonly tallies = new Map<string, Tally>();
  private readonly unknownTypes = new Map<string, { lines: number; amount: number }>();

  constructor(
    private readonly sheet: SheetReader,
    private readonly channel: Channel,
    private readonly reportLabelKey: string,
  ) {}

  /** The block and currency a line belongs to; `subBlock` as in SheetReader.sourceOf (a settlement id). */
  private tally(dataRow: DataRow, subBlock: string, currency: string): Tally {
    const source = this.sheet.sourceOf(dataRow, subBlock);
    const key = `${source.block ?? ''}\u0000${currency}`;
    let tally = this.tallies.get(key);
    if (!tally) {
      const byCategory = Object.fromEntries(PAYOUT_CATEGORIES.map((category) => [category, 0])) as Record<
        PayoutCategory,
        number
      >;
      tally = {
        currency,
        source,
        row: dataRow.sheetRow,
        statedTotal: null,
        lineTotals: 0,
        periodStart: null,
        periodEnd: null,
        firstDay: null,
        lastDay: null,
        byCategory,
        principalByOrder: new Map(),
      };
      this.tallies.set(key, tally);
    }
    return tally;
  }

  /** One amount of one line, into its category; a day widens the block's period when the report states none. */
  add(
    dataRow: DataRow,
    line: { subBlock?: string; currency: string; day: IsoDate | null },
    category: PayoutCategory,
    amount: number,
  ): void {
    if (amount === 0) return;
    const tally = this.tally(dataRow, line.subBlock ?? '', line.currency);
    tally.byCategory[category] += amount;
    if (line.day !== null) {
      if (tally.firstDay === null || line.day < tally.firstDay) tally.firstDay = line.day;
      if (tally.lastDay === null || line.day > tally.lastDay) tally.lastDay = line.day;
    }
  }

  /** An amount of a type this reader does not know: `other`, and counted for one Data Issue per type. */
  addUnknown(
    dataRow: DataRow,
    line: { subBlock?: string; currency: string; day: IsoDate | null },
    type: string,
    amount: number,
  ): void {
    this.add(dataRow, line, 'other', amount);
    const known = this.unknownTypes.get(type);
    if (known) {
      known.lines++;
      known.amount += amount;
    } else this.unknownTypes.set(type, { lines: 1, amount });
  }

  /** Product money of an order's own line (principal after the seller's promotions), for the order comparison. */
  addOrderPrincipal(
    dataRow: DataRow,
    line: { subBlock?: string; currency: string; day: IsoDate | null },
    orderId: string,
    amount: number,
  ): void {
    if (orderId === '' || line.day === null || amount === 0) return;
    const byOrder = this.tally(dataRow, line.subBlock ?? '', line.currency).principalByOrder;
    const earlier = byOrder.get(orderId);
    if (earlier) earlier.amount += amount;
    else byOrder.set(orderId, { date: line.day, amount });
  }

  /** A line's own total (Date Range `total`, TikTok `Total settlement amount`): their sum is the block's total. */
  addLineTotal(dataRow: DataRow, line: { subBlock?: string; currency: string }, total: number): void {
    this.tally(dataRow, line.subBlock ?? '', line.currency).lineTotals += total;
  }

  /** The total and period the report states for a block (a settlement's summary row, Walmart's PaymentSummary). */
  stateTotal(
    dataRow: DataRow,
    line: { subBlock?: string; currency: string },
    total: number,
    period: { from: IsoDate; to: IsoDate } | null,
  ): void {
    const tally = this.tally(dataRow, line.subBlock ?? '', line.currency);
    tally.statedTotal = (tally.statedTotal ?? 0) + total;
    if (period) {
      tally.periodStart = period.from;
      tally.periodEnd = period.to;
    }
  }

  finish(): void {
    for (const tally of this.tallies.values()) {
      this.sheet.addFact({
        kind: 'payoutBlock',
        channel: this.channel,
        reportLabelKey: this.reportLabelKey,
        currency: tally.currency,
        periodStart: tally.periodStart ?? tally.firstDay,
        periodEnd: tally.periodEnd ?? tally.lastDay,
        reportTotal: roundCents(tally.statedTotal ?? tally.lineTotals),
        byCategory: tally.byCategory,
        principalByOrder: tally.principalByOrder,
        source: tally.source,
        row: tally.row,
      });
    }
    for (const [type, { lines, amount }] of this.unknownTypes) {
      this.sheet.addIssue(0, type, {
        key: 'issue.payout.unknownType',
        params: { type, lines, amount: roundCents(amount).toFixed(2) },
      });
    }
  }
}
