/**
 * The one data model every export is read into. Report modules (src/core/reports/*) turn sheet rows into these facts;
 * the summary build (src/core/summary/*) applies the rules of SPEC §2 to them. Money is in the export's currency,
 * which for the US marketplaces this add-on covers is USD; dates are calendar days in the reporting time zone.
 */

export type Channel = 'amazon' | 'shopify' | 'walmart' | 'tiktok';
export const CHANNELS: readonly Channel[] = ['amazon', 'shopify', 'walmart', 'tiktok'];

/** A calendar day in the reporting time zone, `yyyy-MM-dd`. */
export type IsoDate = string;

/** Where a fact came from: the sheet name and the 1-based row number a user sees in Sheets. */
export interface SourceRef {
  sheet: string;
  row: number;
}

/** One product line of one order (Amazon All Orders, Shopify, Walmart, TikTok Shop). */
export interface OrderLineFact {
  kind: 'orderLine';
  channel: Channel;
  orderId: string;
  sku: string;
  /** Purchase day in the reporting time zone. */
  date: IsoDate;
  /** Epoch ms of the export's last-updated time, when the export has one: the latest row of an order line wins. */
  lastUpdated: number | null;
  cancelled: boolean;
  quantity: number;
  /** Product sales after promotion discounts, before tax and shipping (SPEC §2 "Revenue"). */
  revenue: number;
  currency: string;
  source: SourceRef;
}

/** One advertised SKU on one day in one ad group (Sponsored Products advertised-product report). */
export interface AdFact {
  kind: 'ad';
  channel: Channel;
  date: IsoDate;
  campaign: string;
  adGroup: string;
  sku: string;
  spend: number;
  /** Attributed sales (7-day for Sponsored Products). */
  sales: number;
  clicks: number;
  impressions: number;
  orders: number;
  units: number;
  source: SourceRef;
}

/** A customer search term row: the same spend as AdFact seen from another angle; never added to ad spend. */
export interface SearchTermFact {
  kind: 'searchTerm';
  channel: Channel;
  date: IsoDate;
  campaign: string;
  adGroup: string;
  targeting: string;
  searchTerm: string;
  spend: number;
  sales: number;
  clicks: number;
  impressions: number;
  orders: number;
  source: SourceRef;
}

/** Units returned, counted on the return day. */
export interface ReturnFact {
  kind: 'return';
  channel: Channel;
  date: IsoDate;
  orderId: string;
  sku: string;
  quantity: number;
  source: SourceRef;
}

export type FeeType =
  | 'referral'
  | 'fulfilment'
  | 'storage'
  | 'advertisingCharge'
  | 'refund'
  | 'reimbursement'
  | 'promotion'
  | 'other';

/** One money movement from a payments report (Date Range transactions, Settlement). Charges are negative. */
export interface FeeFact {
  kind: 'fee';
  channel: Channel;
  date: IsoDate;
  orderId: string;
  sku: string;
  feeType: FeeType;
  amount: number;
  source: SourceRef;
}

/** An aggregate day from a report without order lines (Business Report by date): fills a day no order export covers. */
export interface DailyTotalFact {
  kind: 'dailyTotal';
  channel: Channel;
  date: IsoDate;
  revenue: number;
  units: number;
  orders: number;
  sessions: number | null;
  pageViews: number | null;
  source: SourceRef;
}

/** Traffic for a period the user states (Business Report by child item): never daily revenue. */
export interface PeriodTrafficFact {
  kind: 'periodTraffic';
  channel: Channel;
  sku: string;
  asin: string;
  sessions: number;
  pageViews: number;
  unitsOrdered: number;
  orderedSales: number;
  /** The period the user stated for the report (the export itself does not say); optional, added by the readers. */
  period?: { from: IsoDate; to: IsoDate };
  source: SourceRef;
}

/** A stock snapshot line (Manage FBA Inventory): never daily revenue. */
export interface InventoryFact {
  kind: 'inventory';
  channel: Channel;
  sku: string;
  asin: string;
  availableUnits: number;
  inboundUnits: number;
  reservedUnits: number;
  unsellableUnits: number;
  price: number | null;
  source: SourceRef;
}

export type Fact =
  | OrderLineFact
  | AdFact
  | SearchTermFact
  | ReturnFact
  | FeeFact
  | DailyTotalFact
  | PeriodTrafficFact
  | InventoryFact;

/** A row left out of the totals, or a fact worth a user's attention; written to the Data Issues sheet. */
export interface DataIssue {
  sheet: string;
  /** 1-based sheet row, or 0 when the issue is about the whole sheet. */
  row: number;
  /** What identifies the row for a person: an order id, a SKU, a campaign. */
  key: string;
  /** A message key of the catalogue (src/core/i18n) and its parameters, so the reason shows in the user's language. */
  reason: MessageRef;
}

export interface MessageRef {
  key: string;
  params?: Record<string, string | number>;
}
