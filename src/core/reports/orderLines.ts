/**
 * Order exports of Shopify, Walmart and TikTok Shop can list one SKU of one order on two rows (Walmart splits a
 * quantity into lines of one; Shopify lists the same variant twice when line properties differ). The summary keys
 * order lines by order id + SKU to drop overlapping downloads (SPEC §2), so within one sheet such rows are merged
 * into one line first; otherwise the second would be mistaken for a duplicate download and lost.
 */
import { type OrderLineFact } from '../model';
import { roundCents } from '../parse';
import { type SheetReader } from './sheetReader';

export class OrderLineMerger {
  private readonly lines = new Map<string, OrderLineFact>();

  add(line: OrderLineFact): void {
    const key = `${line.orderId}\u0000${line.sku}`;
    const earlier = this.lines.get(key);
    if (!earlier) {
      this.lines.set(key, line);
      return;
    }
    if (earlier.cancelled === line.cancelled) {
      earlier.quantity += line.quantity;
      earlier.revenue = roundCents(earlier.revenue + line.revenue);
    } else if (earlier.cancelled) {
      // A partly cancelled line: only the rows still standing are sales.
      this.lines.set(key, { ...line, source: earlier.source });
    }
  }

  addAllTo(sheet: SheetReader): void {
    for (const line of this.lines.values()) sheet.addFact(line);
  }
}
