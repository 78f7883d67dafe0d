/**
 * Inventory health and replenishment per channel × SKU (SPEC §3b), from the facts the build read and the KPI Summary
 * rows computed from them: the current stock, its demand, safety stock, reorder point, order-by date, suggested
 * quantity and status, plus the same figures for every earlier snapshot (the KPI Inventory sheet's history). Pure.
 */
import { costInForce, type CostTable, landedUnitCostUsd } from '../costs/costs';
import {
  type Channel,
  type Fact,
  type InventoryFact,
  type IsoDate,
  type LedgerBalanceFact,
  type LedgerEventFact,
  type MessageRef,
  type SnapshotDateSource,
} from '../model';
import { type SummaryRow } from '../summary/types';
import { addDays, daysBetween } from '../time';
import {
  OVERSTOCK_TARGET_MULTIPLE,
  type ParameterName,
  REORDER_SOON_EXTRA_DAYS,
  REPLENISHMENT_DEFAULTS,
  type ReplenishmentParameters,
} from './defaults';
import {
  type DailyUnits,
  demandFromDaily,
  demandFromReport,
  type DemandFigures,
  noDemand,
  skuKey,
} from './demand';
import { defaultProduct, type ProductRow, type ProductsTable } from './products';
import {
  daysUntilStockout,
  type InventoryStatus,
  inventoryStatus,
  reorderPoint,
  reorderQuantity,
  safetyStockFor,
  STATUS_ORDER,
} from './replenishment';
import { currentSnapshots, type StockSnapshot, stockSnapshots } from './snapshots';

export interface InventoryInput {
  facts: readonly Fact[];
  summaryRows: readonly SummaryRow[];
  products: ProductsTable;
  costs: CostTable;
  fxUsdCny: number | null;
  /** Today in the reporting time zone: the day a snapshot without a date stands for, and the current status day. */
  buildDay: IsoDate;
}

export interface InventoryLine {
  channel: Channel;
  sku: string;
  snapshotDate: IsoDate;
  dateSource: SnapshotDateSource;
  availableUnits: number;
  inboundUnits: number;
  reservedUnits: number;
  demand: DemandFigures;
  parameters: ReplenishmentParameters;
  daysOfSupply: number | null;
  daysOfSupplyWithInbound: number | null;
  stockoutDate: IsoDate | null;
  stockoutDateWithInbound: IsoDate | null;
  safetyStock: number | null;
  reorderPoint: number | null;
  orderByDate: IsoDate | null;
  reorderQuantity: number | null;
  sellThrough90: number | null;
  turnover90: number | null;
  daysOfInventory: number | null;
  unitsAgedOver180: number | null;
  status: InventoryStatus;
  notes: MessageRef[];
}

export interface InventoryResult {
  /** One line per channel × SKU with stock, its latest snapshot, most urgent first. */
  current: InventoryLine[];
  /** Every snapshot's line, by day, channel and SKU (KPI Inventory). */
  history: InventoryLine[];
  /** SKUs with stock that have no Products row yet, sorted: rows the build adds to the Products sheet. */
  skusWithoutProductRow: string[];
}

/** Ledger history per SKU (Amazon): sellable units at each day's end, and units shipped to customers each day. */
interface LedgerHistory {
  sellableAtEnd: Map<string, Map<IsoDate, number>>;
  shipped: Map<string, Map<IsoDate, number>>;
  covered: { from: IsoDate; to: IsoDate } | null;
}

function originOf(fact: Fact): string {
  return `${fact.source.sheet}\u0000${fact.source.block ?? ''}`;
}

function addTo(map: Map<string, Map<IsoDate, number>>, sku: string, day: IsoDate, units: number): void {
  let byDay = map.get(sku);
  if (!byDay) map.set(sku, (byDay = new Map()));
  byDay.set(day, (byDay.get(day) ?? 0) + units);
}

function widen(covered: LedgerHistory['covered'], day: IsoDate): { from: IsoDate; to: IsoDate } {
  if (covered === null) return { from: day, to: day };
  return { from: day < covered.from ? day : covered.from, to: day > covered.to ? day : covered.to };
}

/**
 * The ledger's summary view, each day × SKU × disposition × location once (the same report pasted twice is one; the
 * later block stands), and its detail view's customer shipments, each event once across downloads (equal events in
 * one download are separate events, as with payments lines: SPEC §2a "Blocks").
 */
function ledgerHistory(
  balances: readonly LedgerBalanceFact[],
  events: readonly LedgerEventFact[],
): LedgerHistory {
  const history: LedgerHistory = { sellableAtEnd: new Map(), shipped: new Map(), covered: null };
  const onePerKey = new Map<string, LedgerBalanceFact>();
  for (const fact of balances) {
    const key = [fact.sku, fact.date, fact.disposition, fact.location].join('\u0000');
    const kept = onePerKey.get(key);
    if (!kept || originOf(fact) > originOf(kept)) onePerKey.set(key, fact);
  }
  const summaryShipped = new Map<string, Map<IsoDate, number>>();
  for (const fact of onePerKey.values()) {
    history.covered = widen(history.covered, fact.date);
    if (fact.disposition === 'SELLABLE')
      addTo(history.sellableAtEnd, fact.sku, fact.date, fact.endingBalance);
    addTo(summaryShipped, fact.sku, fact.date, fact.customerShipments);
  }
  if (onePerKey.size > 0) {
    history.shipped = summaryShipped;
    return history;
  }
  // Detail view only: count each event as often as the download that lists it most often.
  const perOrigin = new Map<string, Map<string, number>>();
  const eventOf = new Map<string, LedgerEventFact>();
  for (const fact of events) {
    history.covered = widen(history.covered, fact.date);
    if (fact.eventType.toLowerCase() !== 'shipments') continue;
    const key = [
      fact.sku,
      fact.date,
      fact.referenceId,
      fact.fulfillmentCenter,
      fact.disposition,
      fact.quantity,
    ].join('\u0000');
    eventOf.set(key, fact);
    let counts = perOrigin.get(originOf(fact));
    if (!counts) perOrigin.set(originOf(fact), (counts = new Map()));
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const times = new Map<string, number>();
  for (const counts of perOrigin.values()) {
    for (const [key, count] of counts) times.set(key, Math.max(times.get(key) ?? 0, count));
  }
  for (const [key, count] of times) {
    const fact = eventOf.get(key);
    if (fact) addTo(history.shipped, fact.sku, fact.date, -fact.quantity * count);
  }
  return history;
}

interface Sources {
  ordersBySku: Map<string, Map<IsoDate, number>>;
  orderCoverage: Map<Channel, { from: IsoDate; to: IsoDate }>;
  cogsBySku: Map<string, Array<{ date: IsoDate; units: number; cogs: number | null }>>;
  ledger: LedgerHistory;
}

/** The facts inventory needs, in one pass over them all. */
interface InventoryFacts {
  inventory: InventoryFact[];
  balances: LedgerBalanceFact[];
  events: LedgerEventFact[];
  orderCoverage: Map<Channel, { from: IsoDate; to: IsoDate }>;
}

function inventoryFacts(input: InventoryInput): InventoryFacts {
  const inventory: InventoryFact[] = [];
  const balances: LedgerBalanceFact[] = [];
  const events: LedgerEventFact[] = [];
  const orderCoverage = new Map<Channel, { from: IsoDate; to: IsoDate }>();
  const { facts } = input;
  // Indexed, not for…of: over 100,000 facts the iterator's result objects were measured at 5 MB a pass (issue 17).
  for (let index = 0; index < facts.length; index++) {
    const fact = facts[index] as Fact;
    if (fact.kind === 'inventory') inventory.push(fact);
    else if (fact.kind === 'ledgerBalance') balances.push(fact);
    else if (fact.kind === 'ledgerEvent') events.push(fact);
    else if (fact.kind === 'orderLine') {
      const covered = orderCoverage.get(fact.channel) ?? null;
      // A new range only when the day falls outside: one object per line was 1.8 MB at 100,000 lines.
      if (covered === null || fact.date < covered.from || fact.date > covered.to)
        orderCoverage.set(fact.channel, widen(covered, fact.date));
    }
  }
  return { inventory, balances, events, orderCoverage };
}

/**
 * Where each snapshot's demand comes from (order history, the ledger). Only a workbook with inventory reports needs
 * it: without them it was a pass over every KPI Summary row and an object for each, for nothing (issue 17).
 */
function demandSources(input: InventoryInput, gathered: InventoryFacts): Sources {
  const { balances, events, orderCoverage } = gathered;
  const ordersBySku = new Map<string, Map<IsoDate, number>>();
  const cogsBySku = new Map<string, Array<{ date: IsoDate; units: number; cogs: number | null }>>();
  for (const row of input.summaryRows) {
    if (row.sku === '') continue;
    const key = skuKey(row.channel, row.sku);
    if (row.units !== 0) addTo(ordersBySku, key, row.date, row.units);
    let list = cogsBySku.get(key);
    if (!list) cogsBySku.set(key, (list = []));
    list.push({ date: row.date, units: row.units, cogs: row.cogs });
  }
  return { ordersBySku, orderCoverage, cogsBySku, ledger: ledgerHistory(balances, events) };
}

function demandOf(
  snapshot: StockSnapshot,
  sources: Sources,
  product: ProductRow,
  stockoutDays: ReadonlySet<IsoDate>,
): DemandFigures {
  const key = skuKey(snapshot.channel, snapshot.sku);
  const orderCovered = sources.orderCoverage.get(snapshot.channel);
  if (orderCovered) {
    const daily: DailyUnits = { units: sources.ordersBySku.get(key) ?? new Map(), covered: orderCovered };
    return demandFromDaily('orders', daily, snapshot.date, product.launchDate, stockoutDays);
  }
  const { ledger } = sources;
  if (snapshot.channel === 'amazon' && ledger.covered) {
    const daily: DailyUnits = {
      units: ledger.shipped.get(snapshot.sku) ?? new Map(),
      covered: ledger.covered,
    };
    return demandFromDaily('ledger', daily, snapshot.date, product.launchDate, stockoutDays);
  }
  const report = demandFromReport(
    snapshot.reportedUnits7,
    snapshot.reportedUnits30,
    snapshot.reportedUnits90,
  );
  return report.source === 'report' ? report : noDemand();
}

function parameterList(product: ProductRow): string {
  return product.defaulted
    .map((name: ParameterName) => `${PRODUCT_COLUMN_OF[name]} ${REPLENISHMENT_DEFAULTS[name].value}`)
    .join(', ');
}

const PRODUCT_COLUMN_OF: Readonly<Record<ParameterName, string>> = {
  leadTimeDays: 'lead_time_days',
  leadTimeSdDays: 'lead_time_sd_days',
  serviceLevel: 'service_level',
  targetDaysOfSupply: 'target_days_of_supply',
  casePack: 'case_pack',
  moq: 'moq',
};

function lineOf(
  snapshot: StockSnapshot,
  statusDay: IsoDate,
  input: InventoryInput,
  sources: Sources,
): InventoryLine {
  const product = input.products.bySku.get(snapshot.sku) ?? defaultProduct(snapshot.sku);
  const parameters = product.parameters;
  const notes: MessageRef[] = [];
  if (snapshot.dateSource === 'buildDay') notes.push({ key: 'inventory.note.buildDay' });
  if (product.row === 0) notes.push({ key: 'inventory.note.noProductRow' });
  if (product.defaulted.length > 0)
    notes.push({ key: 'inventory.note.defaults', params: { parameters: parameterList(product) } });
  if (product.problems.length > 0)
    notes.push({ key: 'inventory.note.productProblems', params: { cells: product.problems.join('; ') } });

  const ledgerEnds =
    snapshot.channel === 'amazon' ? sources.ledger.sellableAtEnd.get(snapshot.sku) : undefined;
  const stockoutDays = new Set<IsoDate>();
  for (const [day, units] of ledgerEnds ?? []) if (units <= 0) stockoutDays.add(day);
  const demand = demandOf(snapshot, sources, product, stockoutDays);
  if (demand.source === 'ledger') notes.push({ key: 'inventory.note.demandLedger' });
  if (demand.source === 'report') notes.push({ key: 'inventory.note.demandReport' });
  if (demand.source === 'none') notes.push({ key: 'inventory.note.noDemand' });
  if (demand.coveredTo !== null)
    notes.push({ key: 'inventory.note.coveredTo', params: { date: demand.coveredTo } });
  if (demand.stockoutDaysExcluded > 0)
    notes.push({ key: 'inventory.note.stockoutDays', params: { days: demand.stockoutDaysExcluded } });

  const available = snapshot.availableUnits;
  const inbound = snapshot.inboundUnits;
  const d30 = demand.perDay[30];
  const selling = d30 !== null && d30 > 0;
  const safety = d30 === null ? null : safetyStockFor(d30, demand.sd90, parameters);
  const daysLeft = d30 === null ? null : daysUntilStockout(available, d30);
  const daysLeftWithInbound = d30 === null ? null : daysUntilStockout(available + inbound, d30);
  const stockoutWithInbound =
    daysLeftWithInbound === null ? null : addDays(snapshot.date, daysLeftWithInbound);
  const elapsed = daysBetween(snapshot.date, statusDay);
  const status = inventoryStatus({
    availableUnits: available,
    daysLeftWithInbound: daysLeftWithInbound === null ? null : daysLeftWithInbound - elapsed,
    daysOfSupplyWithInbound: selling ? (available + inbound) / d30 : null,
    // Demand measured as nil over the last 30 days (a report's own 0 units shipped counts too).
    noSalesIn30Days: d30 === 0 && available + inbound > 0,
    leadTimeDays: parameters.leadTimeDays,
    targetDaysOfSupply: parameters.targetDaysOfSupply,
    reorderSoonExtraDays: REORDER_SOON_EXTRA_DAYS,
    overstockTargetMultiple: OVERSTOCK_TARGET_MULTIPLE,
  });

  // Stock history for sell-through and turnover: the ledger's sellable units at each day's end over the 90 days.
  const windowStart = addDays(snapshot.date, -90);
  const onHandDays: number[] = [];
  for (const [day, units] of ledgerEnds ?? []) {
    if (day >= windowStart && day < snapshot.date) onHandDays.push(Math.max(0, units));
  }
  const ledgerAverage =
    onHandDays.length > 0 ? onHandDays.reduce((sum, units) => sum + units, 0) / onHandDays.length : null;
  const sellThrough90 =
    ledgerAverage !== null && ledgerAverage > 0 && demand.source !== 'none'
      ? demand.units90 / ledgerAverage
      : snapshot.reportedSellThrough;
  const averageOnHand = ledgerAverage ?? available;
  if (ledgerAverage === null) notes.push({ key: 'inventory.note.onHandFromSnapshot' });
  const costEntry = costInForce(input.costs, snapshot.sku, snapshot.date);
  const unitCost = costEntry ? landedUnitCostUsd(costEntry, input.fxUsdCny) : null;
  const cogs90 = cogsOver(
    sources.cogsBySku.get(skuKey(snapshot.channel, snapshot.sku)),
    windowStart,
    snapshot.date,
  );
  const coveredDays = demand.days[90] + demand.stockoutDaysExcluded;
  const averageValue = unitCost === null ? null : averageOnHand * unitCost;
  const turnover90 =
    cogs90 !== null && averageValue !== null && averageValue > 0 && coveredDays > 0
      ? cogs90 / averageValue
      : null;
  if (unitCost === null) notes.push({ key: 'inventory.note.noCost' });

  return {
    channel: snapshot.channel,
    sku: snapshot.sku,
    snapshotDate: snapshot.date,
    dateSource: snapshot.dateSource,
    availableUnits: available,
    inboundUnits: inbound,
    reservedUnits: snapshot.reservedUnits,
    demand,
    parameters,
    daysOfSupply: selling ? available / d30 : null,
    daysOfSupplyWithInbound: selling ? (available + inbound) / d30 : null,
    stockoutDate: daysLeft === null ? null : addDays(snapshot.date, daysLeft),
    stockoutDateWithInbound: stockoutWithInbound,
    safetyStock: safety,
    reorderPoint: d30 === null || safety === null ? null : reorderPoint(d30, parameters.leadTimeDays, safety),
    // The last day an order placed with the usual lead time arrives before the stock (with inbound) runs out.
    orderByDate:
      stockoutWithInbound === null ? null : addDays(stockoutWithInbound, -Math.ceil(parameters.leadTimeDays)),
    reorderQuantity:
      d30 === null || safety === null ? null : reorderQuantity(d30, safety, available, inbound, parameters),
    sellThrough90,
    turnover90,
    daysOfInventory: turnover90 !== null && turnover90 > 0 ? coveredDays / turnover90 : null,
    unitsAgedOver180: snapshot.unitsAgedOver180,
    status,
    notes,
  };
}

/** COGS of the complete days in [from, to) from KPI Summary rows; null when a day with units has no cost. */
function cogsOver(
  rows: ReadonlyArray<{ date: IsoDate; units: number; cogs: number | null }> | undefined,
  from: IsoDate,
  to: IsoDate,
): number | null {
  let total = 0;
  for (const row of rows ?? []) {
    if (row.date < from || row.date >= to) continue;
    if (row.cogs === null) {
      if (row.units !== 0) return null;
      continue;
    }
    total += row.cogs;
  }
  return total;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Most urgent first: by status, then the earliest order-by date (none last), then channel and SKU. */
function byUrgency(a: InventoryLine, b: InventoryLine): number {
  return (
    STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) ||
    compareText(a.orderByDate ?? '9999-12-31', b.orderByDate ?? '9999-12-31') ||
    compareText(a.channel, b.channel) ||
    compareText(a.sku, b.sku)
  );
}

export function buildInventory(input: InventoryInput): InventoryResult {
  const gathered = inventoryFacts(input);
  const snapshots = stockSnapshots(gathered.inventory, input.buildDay);
  if (snapshots.length === 0) return { current: [], history: [], skusWithoutProductRow: [] };
  const sources = demandSources(input, gathered);
  const latest = new Set(currentSnapshots(snapshots));
  const current: InventoryLine[] = [];
  const history: InventoryLine[] = [];
  for (const snapshot of snapshots) {
    const isCurrent = latest.has(snapshot);
    // The current stock's status is for today; an earlier snapshot's, as it stood on its own day.
    const statusDay = isCurrent && snapshot.date < input.buildDay ? input.buildDay : snapshot.date;
    const line = lineOf(snapshot, statusDay, input, sources);
    history.push(line);
    if (isCurrent) current.push(line);
  }
  history.sort(
    (a, b) =>
      compareText(a.snapshotDate, b.snapshotDate) ||
      compareText(a.channel, b.channel) ||
      compareText(a.sku, b.sku),
  );
  const skusWithoutProductRow = [
    ...new Set(current.filter((line) => !input.products.bySku.has(line.sku)).map((line) => line.sku)),
  ].sort(compareText);
  return { current: current.sort(byUrgency), history, skusWithoutProductRow };
}
