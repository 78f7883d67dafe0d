/**
 * What the integration tests of dated outputs share (inventory, levels, review): the script's clock is the host's
 * (test/gas-world README), so their orders are dated back from today in the workbook's reporting zone, in the All
 * Orders columns a real export carries: first the ten the tests' rows fill, then the export's usual others, so the
 * sheet is not a partial match (issue 14).
 */

/** Today and the days before it, as yyyy-mm-dd in `zone`. */
export function daysInZone(zone: string): {
  isoDay(epochMs: number): string;
  today: string;
  dayBefore(days: number): string;
} {
  const isoDay = (epochMs: number): string =>
    new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date(epochMs));
  const today = isoDay(Date.now());
  const dayBefore = (days: number): string => {
    const [year, month, day] = today.split('-').map(Number);
    return new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, (day ?? 1) - days)).toISOString().slice(0, 10);
  };
  return { isoDay, today, dayBefore };
}

/** All Orders columns in the order the tests' rows fill them. */
export const ORDERS_HEADER: readonly string[] = [
  'amazon-order-id',
  'purchase-date',
  'last-updated-date',
  'order-status',
  'sales-channel',
  'sku',
  'item-status',
  'quantity',
  'currency',
  'item-price',
  'merchant-order-id',
  'fulfillment-channel',
  'order-channel',
  'ship-service-level',
  'product-name',
  'asin',
  'item-tax',
  'shipping-price',
  'item-promotion-discount',
  'ship-promotion-discount',
  'ship-country',
  'is-business-order',
];
