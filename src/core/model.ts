/**
 * The one data model every export is read into. Report modules (src/core/reports/*) turn sheet rows into these facts;
 * the summary build (src/core/summary/*) applies the rules of SPEC §2 to them. Money is in the export's currency,
 * which for the US marketplaces this add-on covers is USD; dates are calendar days in the reporting time zone.
 */

export type Channel = 'amazon' | 'shopify' | 'walmart' | 'tiktok';
export const CHANNELS: readonly Channel[] = ['amazon', 'shopify', 'walmart', 'tiktok'];

/** A calendar day in the reporting time zone, `yyyy-MM-dd`. */
export type IsoDate = string;

/**
 * The export a fact came from: the sheet and the export block inside it. One frozen object per block, shared by
 * every fact of the block (the fact's own row is its `row`): a 100,000-line export then holds one, not 100,000 of
 * them (issue 17, measured on 100,000 All Orders lines: 33 bytes less per order line, 200 → 167; parse time unchanged
 * within the noise of a loaded machine).
 */
export interface SourceRef {
  readonly sheet: string;
  /**
   * The export block of the sheet the row belongs to (SPEC §2a "Blocks"): a header row repeated inside a sheet (one
   * download appended below another) or a new settlement id starts a new block, and blocks dedupe against each other
   * exactly as two sheets would. Absent for the first block of a sheet.
   */
  readonly block?: string;
}

/**
 * Where an order line stands, for choosing between copies of one line in exports without a last-updated column
 * (SPEC §2a "A later state wins"): pending (unpaid) → sold (paid, shipped, delivered) → refunded or cancelled (voided),
 * never back. Only a cancelled line is no sale; a refunded one was sold, and its refund is a measure of its own.
 */
export type OrderLineState = 'pending' | 'sold' | 'refunded' | 'cancelled';

/** One product line of one order (Amazon All Orders, Shopify, Walmart, TikTok Shop). */
export interface OrderLineFact {
  kind: 'orderLine';
  channel: Channel;
  orderId: string;
  /**
   * What tells this line from the order's other lines (SPEC §2a "Line keys"): the SKU for Amazon, `Line#` for
   * Walmart, `SKU ID` for TikTok Shop, the SKU (or item name) and its place among the order's rows for Shopify. Two
   * rows with the same channel, order id and line key are copies of one line, wherever they sit.
   */
  lineKey: string;
  sku: string;
  /** Purchase day in the reporting time zone. */
  date: IsoDate;
  /**
   * Epoch seconds (fractional when the cell has milliseconds) of the export's last-updated time, when the export has
   * one: the latest row of an order line wins. Seconds, not ms: a whole number of seconds is stored inside the fact,
   * where an epoch ms value needs a heap number of its own (issue 17: 16 bytes of every order line).
   */
  lastUpdatedSeconds: number | null;
  /** Cancelled lines (and voided Shopify orders) count for nothing, but still supersede their earlier copies. */
  state: OrderLineState;
  quantity: number;
  /**
   * Product sales after promotion discounts, before tax and shipping (SPEC §2 "Revenue"), in whole cents (the readers
   * round every line to cents; `revenueCents / 100` is the dollar amount roundCents gives, to the last bit). Cents,
   * for the memory of 100,000 lines (see wholeCentsOf).
   */
  revenueCents: number;
  // No currency: every line counted is in US dollars (SPEC §2; lines in any other currency are left out and listed).
  source: SourceRef;
  /** 1-based row of `source.sheet` a user sees in Sheets. */
  row: number;
}

/**
 * Which ad product a row belongs to. Campaign names are the seller's own and may repeat across ad products, so the
 * ad product is part of an ad row's key (SPEC §2a): an SP and an SD campaign of one name are two spends.
 */
export type AdProduct = 'sponsoredProducts' | 'sponsoredDisplay' | 'sponsoredBrands' | 'mapped';

/** One advertised SKU on one day in one ad group (Sponsored Products / Display), or one Brands campaign (no SKU). */
export interface AdFact {
  kind: 'ad';
  channel: Channel;
  adProduct: AdProduct;
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
  row: number;
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
  row: number;
}

/** Units returned, counted on the return day. */
export interface ReturnFact {
  kind: 'return';
  channel: Channel;
  date: IsoDate;
  orderId: string;
  sku: string;
  quantity: number;
  /** The returned unit's license plate number: with order id and SKU it identifies one return (SPEC §2a). */
  licensePlate: string;
  /**
   * Where the unit went (`detailed-disposition`, upper case): `SELLABLE` units go back to stock, so their landed cost
   * is given back to cogs on the return day (SPEC §2b); '' when the export does not say.
   */
  disposition: string;
  source: SourceRef;
  row: number;
}

export type FeeType =
  | 'referral'
  | 'fulfilment'
  | 'storage'
  | 'advertisingCharge'
  | 'refund'
  /**
   * Shipping and gift-wrap money charged to a buyer or given back: revenue leaves shipping out (SPEC §2), so its
   * refund is not a product refund either; read for the payout's sake only.
   */
  | 'shippingCredit'
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
  /**
   * Every cell of the payments line it came from, joined: payments lines have no id, so the whole line is the key
   * (SPEC §2a). Equal lines in one block are two real charges; in two blocks, the same line pasted twice.
   */
  line: string;
  /**
   * The amount belongs to the whole order, not to a SKU (Shopify's processing fee): the summary spreads it over the
   * order's counted lines by their share of its revenue, on the fee's day (SPEC §2b); absent means it stays where it is.
   */
  spreadOverOrder?: boolean;
  source: SourceRef;
  row: number;
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
  row: number;
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
  row: number;
}

/**
 * Where a stock snapshot's date came from (SPEC §3b): the report's own column (`snapshot-date`, a mapped date column),
 * the day the user stated in the sidebar, or neither (the build day stands in, and the Inventory sheet says so).
 */
export type SnapshotDateSource = 'report' | 'stated' | 'buildDay';

/**
 * A stock snapshot line (Manage FBA Inventory, Restock Inventory, FBA Inventory planning, a mapped Inventory sheet):
 * never daily revenue. The optional fields are what some reports add; absent means the report does not say.
 */
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
  /** The snapshot's day, when the report or the user gives one; absent: the build day stands in. */
  snapshotDate?: IsoDate;
  /** How `snapshotDate` was known; absent with it. */
  snapshotDateSource?: Exclude<SnapshotDateSource, 'buildDay'>;
  /** The report's own units shipped (sold) in the last 7 / 30 / 90 days: demand only when no order export covers it. */
  reportedUnits7?: number;
  reportedUnits30?: number;
  reportedUnits90?: number;
  /** Sellable units older than 180 days (FBA Inventory planning's inventory-age columns). */
  unitsAgedOver180?: number;
  /** Amazon's own 90-day sell-through (units shipped ÷ average available), as the report states it. */
  reportedSellThrough?: number;
  source: SourceRef;
  row: number;
}

/**
 * One day of one SKU in one disposition and location (Inventory Ledger, summary view): the stock history that shows
 * the days a SKU had nothing to sell and its average units on hand.
 */
export interface LedgerBalanceFact {
  kind: 'ledgerBalance';
  channel: Channel;
  sku: string;
  date: IsoDate;
  /** `SELLABLE`, `CUSTOMER_DAMAGED`, … (upper case). */
  disposition: string;
  /** Country or fulfilment centre, as the report's `Location` says: one day's balances add up over locations. */
  location: string;
  startingBalance: number;
  endingBalance: number;
  /** Units shipped to customers that day, positive (the report writes them negative). */
  customerShipments: number;
  source: SourceRef;
  row: number;
}

/** One stock movement (Inventory Ledger, detail view): shipments, receipts, returns, transfers, adjustments. */
export interface LedgerEventFact {
  kind: 'ledgerEvent';
  channel: Channel;
  sku: string;
  date: IsoDate;
  /** `Shipments`, `Receipts`, `CustomerReturns`, `WhseTransfers`, `VendorReturns`, `Adjustments`. */
  eventType: string;
  /** Signed as the report signs it: units out are negative. */
  quantity: number;
  disposition: string;
  referenceId: string;
  fulfillmentCenter: string;
  source: SourceRef;
  row: number;
}

/**
 * Where each line of a payments report goes when it is reconciled to the report's own total (SPEC §2b). Signed as the
 * report signs it: money to the seller positive, charges negative.
 */
export type PayoutCategory =
  | 'principal'
  | 'shippingCredits'
  | 'taxesCollected'
  | 'taxesWithheld'
  | 'promotions'
  | 'refunds'
  | 'fees'
  | 'reimbursements'
  | 'advertising'
  | 'transfers'
  | 'other';

export const PAYOUT_CATEGORIES: readonly PayoutCategory[] = [
  'principal',
  'shippingCredits',
  'taxesCollected',
  'taxesWithheld',
  'promotions',
  'refunds',
  'fees',
  'reimbursements',
  'advertising',
  'transfers',
  'other',
];

/**
 * One payments report block in one currency (a settlement, a Date Range download, a Walmart payout period, a TikTok
 * income export): the total the report states (or the sum of its line totals where it states none) and every one of
 * its lines summed by category. Never deduplicated: each block reconciles to its own total.
 */
export interface PayoutBlockFact {
  kind: 'payoutBlock';
  channel: Channel;
  /** i18n key of the report's name. */
  reportLabelKey: string;
  currency: string;
  periodStart: IsoDate | null;
  periodEnd: IsoDate | null;
  /** The report's own total for the block; its lines should add up to it. */
  reportTotal: number;
  byCategory: Record<PayoutCategory, number>;
  /**
   * Product money of each order in the block — principal after the seller's promotions, on the order's own lines —
   * with the day it posted: compared with the order exports' revenue of the same orders (SPEC §2b).
   */
  principalByOrder: Map<string, { date: IsoDate; amount: number }>;
  source: SourceRef;
  row: number;
}

export type Fact =
  | OrderLineFact
  | AdFact
  | SearchTermFact
  | ReturnFact
  | FeeFact
  | DailyTotalFact
  | PeriodTrafficFact
  | InventoryFact
  | LedgerBalanceFact
  | LedgerEventFact
  | PayoutBlockFact;

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
