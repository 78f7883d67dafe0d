/**
 * US dollars of the US marketplace only (SPEC §2a). A North America unified Seller Central account writes Canada and
 * Mexico lines into the same All Orders file; Shopify stores sell in several currencies; an Ads account can hold a
 * UK profile. Those lines are left out, never summed as dollars: one Data Issue per sheet and marketplace/currency
 * gives how many lines and how much money, so the user sees what the totals do not contain.
 */
import { type MessageRef } from '../model';
import { roundCents } from '../parse';

/** Where left-out lines are counted and their Data Issue goes: a SheetReader, or the mapped-sheet reader's own tally. */
export interface LeftOutLines {
  excludeRow(): void;
  addIssue(sheetRow: number, key: string, reason: MessageRef): void;
}

/** Blank means the export's own currency, which for the US exports read here is USD. */
export function isUsDollars(currency: string): boolean {
  // `USD` as written is tried first: it needs no upper-case copy (one per line of a 100,000-line report).
  return currency === 'USD' || currency === '' || currency.toUpperCase() === 'USD';
}

export class OtherMarketLines {
  private readonly byMarket = new Map<string, { lines: number; amount: number }>();

  constructor(private readonly sheet: LeftOutLines) {}

  /**
   * True for a line in US dollars; any other currency's line is left out under that currency (upper-cased, so `cad`
   * and `CAD` are one Data Issue) and false is returned.
   */
  admitsUsDollars(currency: string, amount: number): boolean {
    if (isUsDollars(currency)) return true;
    this.leaveOut(currency.toUpperCase(), amount);
    return false;
  }

  /** Leaves one line of `market` (a marketplace, a currency, or both) out; `amount` is in that market's currency. */
  leaveOut(market: string, amount: number): void {
    this.sheet.excludeRow();
    const tally = this.byMarket.get(market);
    if (tally) {
      tally.lines++;
      tally.amount += amount;
    } else this.byMarket.set(market, { lines: 1, amount });
  }

  /** One sheet-level Data Issue per marketplace/currency left out. */
  finish(): void {
    for (const [market, { lines, amount }] of this.byMarket) {
      this.sheet.addIssue(0, market, {
        key: 'issue.otherMarketLines',
        params: { market, lines, amount: roundCents(amount).toFixed(2) },
      });
    }
  }
}
