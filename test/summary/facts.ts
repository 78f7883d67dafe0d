/** Builders of facts for the summary rule tests: only what a rule needs is spelled out in each test. */
import {
  type AdFact,
  type DailyTotalFact,
  type FeeFact,
  type OrderLineFact,
  type ReturnFact,
  type SearchTermFact,
} from '../../src/core/model';
import { epochSecondsOf, wholeCentsOf } from '../../src/core/parse';

/**
 * What a test says of an order line: revenue in dollars and the last-updated time in epoch ms, as exports and hand
 * workings state them; the fact holds whole cents and epoch seconds (model.ts).
 */
export type OrderLineOverrides = Partial<Omit<OrderLineFact, 'revenueCents' | 'lastUpdatedSeconds'>> & {
  revenue?: number;
  lastUpdated?: number | null;
};

/** An order line; its line key is its SKU (as Amazon's) unless a test says otherwise. */
export function orderLine(overrides: OrderLineOverrides = {}): OrderLineFact {
  const { revenue = 20, lastUpdated = null, ...fields } = overrides;
  return {
    kind: 'orderLine',
    channel: 'amazon',
    orderId: '111-0000001-0000001',
    lineKey: overrides.sku ?? 'MUG-01',
    sku: 'MUG-01',
    date: '2026-03-02',
    lastUpdatedSeconds: lastUpdated === null ? null : epochSecondsOf(lastUpdated),
    state: 'sold',
    quantity: 1,
    revenueCents: wholeCentsOf(revenue),
    source: { sheet: 'All Orders' },
    row: 2,
    ...fields,
  };
}

export function ad(overrides: Partial<AdFact> = {}): AdFact {
  return {
    kind: 'ad',
    channel: 'amazon',
    adProduct: 'sponsoredProducts',
    date: '2026-03-02',
    campaign: 'Mugs - Auto',
    adGroup: 'All',
    sku: 'MUG-01',
    spend: 5,
    sales: 40,
    clicks: 10,
    impressions: 1000,
    orders: 2,
    units: 2,
    source: { sheet: 'SP Advertised' },
    row: 2,
    ...overrides,
  };
}

export function searchTerm(overrides: Partial<SearchTermFact> = {}): SearchTermFact {
  return {
    kind: 'searchTerm',
    channel: 'amazon',
    date: '2026-03-02',
    campaign: 'Mugs - Auto',
    adGroup: 'All',
    targeting: 'close-match',
    searchTerm: 'coffee mug',
    spend: 5,
    sales: 40,
    clicks: 10,
    impressions: 1000,
    orders: 2,
    source: { sheet: 'Search Terms' },
    row: 2,
    ...overrides,
  };
}

export function returned(overrides: Partial<ReturnFact> = {}): ReturnFact {
  return {
    kind: 'return',
    channel: 'amazon',
    date: '2026-03-05',
    orderId: '111-0000001-0000001',
    sku: 'MUG-01',
    quantity: 1,
    licensePlate: '',
    disposition: '',
    source: { sheet: 'Returns' },
    row: 2,
    ...overrides,
  };
}

/** A payments line; unless a test says otherwise its whole-line key is made of the fields it sets. */
export function fee(overrides: Partial<FeeFact> = {}): FeeFact {
  const fact: FeeFact = {
    kind: 'fee',
    channel: 'amazon',
    date: '2026-03-02',
    orderId: '111-0000001-0000001',
    sku: 'MUG-01',
    feeType: 'referral',
    amount: -3,
    line: '',
    source: { sheet: 'Transactions' },
    row: 9,
    ...overrides,
  };
  if (overrides.line === undefined) fact.line = [fact.date, fact.orderId, fact.sku, fact.amount].join('|');
  return fact;
}

export function dailyTotal(overrides: Partial<DailyTotalFact> = {}): DailyTotalFact {
  return {
    kind: 'dailyTotal',
    channel: 'amazon',
    date: '2026-03-02',
    revenue: 100,
    units: 5,
    orders: 4,
    sessions: 50,
    pageViews: 80,
    source: { sheet: 'Business Report' },
    row: 2,
    ...overrides,
  };
}
