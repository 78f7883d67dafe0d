/**
 * A mapped sheet read like a known export: `mappedReportDefinition(mapping)` has the shape of the report modules
 * (src/core/reports/types.ts), so the summary build treats it exactly as it treats Amazon All Orders or an Ads report.
 * Values go through the same cell parsers as the known exports (src/core/parse), so `$1,234.56`, `(55.00)`, Date cells
 * and timestamps with offsets read the same way.
 */
import { type Cell, type RowsRead } from '../cell';
import {
  type AdFact,
  CHANNELS,
  type Channel,
  type DataIssue,
  type Fact,
  type InventoryFact,
  type IsoDate,
  type OrderLineFact,
  type PeriodTrafficFact,
  type ReturnFact,
  type SourceRef,
} from '../model';
import {
  cellText,
  dayInZone,
  parseCount,
  parseMoment,
  parseMoney,
  roundCents,
  wholeCentsOf,
  type TimeZones,
} from '../parse';
import { sheetRowsOf } from '../reports/columns';
import { OtherMarketLines } from '../reports/usMarket';
import { type Detection, type ParseContext, type ParseResult, type ReportDefinition } from '../reports/types';
import {
  type FieldId,
  type FieldSpec,
  fieldsOf,
  isPeriodKind,
  kindLabelKey,
  ONE_OF_REQUIRED,
} from './fields';
import { headersAt, type SheetMapping } from './mapping';

/** The detection a mapped sheet gets: certain, since the user said what it is. */
export function mappedDetection(mapping: SheetMapping): Detection {
  return { type: 'mapped', confidence: 1, headerRowIndex: mapping.headerRow - 1 };
}

export function mappedReportDefinition(mapping: SheetMapping): ReportDefinition {
  const fields = fieldsOf(mapping.kind);
  return {
    type: 'mapped',
    channel: mapping.channel,
    labelKey: kindLabelKey(mapping.kind),
    periodReport: isPeriodKind(mapping.kind),
    requiredHeaders: fields.flatMap((spec) => {
      const header = mapping.columns[spec.id];
      return spec.required && header ? [header] : [];
    }),
    signatureHeaders: [],
    parse: (rows, detection, context) => parseMappedSheet(mapping, rows, detection, context),
  };
}

/** A row's value that could not be read: becomes a Data Issue and the row is left out. */
class UnreadableCell {
  constructor(
    readonly key: string,
    readonly params: Record<string, string>,
  ) {}
}

/** Words in a status column that mean the line was cancelled (English exports and Chinese ERP sheets). */
const CANCELLED_STATUS = /cancel|void|取消|作废/i;

/** Channel names a user may write in a channel column, normalised to the model's channels. */
const CHANNEL_ALIASES: Readonly<Record<string, Channel>> = {
  amazon: 'amazon',
  'amazon.com': 'amazon',
  亚马逊: 'amazon',
  shopify: 'shopify',
  walmart: 'walmart',
  'walmart.com': 'walmart',
  沃尔玛: 'walmart',
  tiktok: 'tiktok',
  'tiktok shop': 'tiktok',
  抖音: 'tiktok',
};

/**
 * The channel a store name names (`Amazon-US`, `沃尔玛旗舰店`), or null: ERP exports give a store, not a channel
 * (SPEC §2c), and most store names are a brand that names none.
 */
const CHANNEL_IN_STORE_NAME: readonly { pattern: RegExp; channel: Channel }[] = [
  { pattern: /amazon|亚马逊/i, channel: 'amazon' },
  { pattern: /walmart|沃尔玛/i, channel: 'walmart' },
  { pattern: /shopify/i, channel: 'shopify' },
  { pattern: /tik\s?tok|抖音/i, channel: 'tiktok' },
];

export function channelNamedByStore(store: string): Channel | null {
  return CHANNEL_IN_STORE_NAME.find(({ pattern }) => pattern.test(store))?.channel ?? null;
}

function channelOf(text: string): Channel | null {
  const alias = CHANNEL_ALIASES[text.trim().toLowerCase()];
  if (alias) return alias;
  return (CHANNELS as readonly string[]).includes(text.trim().toLowerCase())
    ? (text.trim().toLowerCase() as Channel)
    : null;
}

function parseMappedSheet(
  mapping: SheetMapping,
  grid: RowsRead,
  detection: Detection,
  context: ParseContext,
): ParseResult {
  const rows = sheetRowsOf(grid);
  const headerIndex = detection.headerRowIndex;
  // The header row is among the top rows, read whole.
  const normalisedHeaders = headersAt(rows.top, headerIndex + 1);
  const shownHeaders = (rows.top[headerIndex] ?? []).map((cell) => cellText(cell));
  // Times without a zone are read in the zone the mapping states (北京时间: Asia/Shanghai), then their instant is taken
  // to the reporting zone's day; marketplace time (no zone stated) is read in the reporting zone itself (SPEC §2).
  const writtenZone = mapping.timeZone ?? context.reportingTimeZone;
  const zones: TimeZones = {
    reportingTimeZone: writtenZone,
    spreadsheetTimeZone: context.spreadsheetTimeZone,
  };
  const columnOf = new Map<FieldId, number>();
  for (const spec of fieldsOf(mapping.kind)) {
    const header = mapping.columns[spec.id];
    const position = header ? normalisedHeaders.indexOf(header) : -1;
    if (position >= 0) columnOf.set(spec.id, position);
  }
  // The mapping names every column this parse reads: they are the ones the build reads (src/core/reports/columns.ts).
  for (const position of columnOf.values()) context.onColumn?.(position);
  const neededAlternatives = new Set((ONE_OF_REQUIRED[mapping.kind] ?? []).flat());

  const facts: Fact[] = [];
  const issues: DataIssue[] = [];
  let rowsRead = 0;
  let firstDay: IsoDate | null = null;
  let lastDay: IsoDate | null = null;

  // A mapped column missing from the header row (renamed since the mapping was saved) is one issue for the sheet,
  // not one per row: the sheet is left out until the mapping is fixed.
  const missingRequired = fieldsOf(mapping.kind).filter((spec) => spec.required && !columnOf.has(spec.id));
  const missingAlternatives = (ONE_OF_REQUIRED[mapping.kind] ?? []).filter(
    (alternatives) => !alternatives.some((id) => columnOf.has(id)),
  );
  if (missingRequired.length > 0 || missingAlternatives.length > 0) {
    const header = mapping.columns[missingRequired[0]?.id ?? missingAlternatives[0]?.[0] ?? 'sku'] ?? '';
    issues.push({
      sheet: context.sheetName,
      row: 0,
      key: '',
      reason: { key: 'mapping.issue.columnGone', params: { column: header } },
    });
    return { facts, issues, rowsRead: 0, rowsExcluded: 0, days: [], statedCoverage: [], dateRange: null };
  }

  // One per sheet, shared by its facts (model.ts); each fact has its own `row`.
  const source: SourceRef = Object.freeze({ sheet: context.sheetName });
  // SPEC §2 "US dollars of the US marketplace only": an order line whose currency column names another currency is
  // left out, with one Data Issue per currency (its lines and amount), as the export readers do. Its amount may be
  // written without a symbol (`140.00` beside `CNY`), and was counted as dollars before.
  let rowsExcluded = 0;
  const otherCurrencies = new OtherMarketLines({
    excludeRow: () => {
      rowsExcluded++;
    },
    addIssue: (row, key, reason) => issues.push({ sheet: context.sheetName, row, key, reason }),
  });
  for (let index = headerIndex + 1; index < rows.length; index++) {
    if (rows.isBlankRow(index)) continue;
    // The whole row (assembled when the sheet was read in column runs): the readers below keep it per row.
    const row = rows.row(index) ?? [];
    rowsRead++;
    const sheetRow = index + 1;
    const cellOf = (id: FieldId): Cell | undefined => {
      const position = columnOf.get(id);
      return position === undefined ? undefined : row[position];
    };
    const columnName = (id: FieldId): string => {
      const position = columnOf.get(id);
      return (position === undefined ? undefined : shownHeaders[position]) || (mapping.columns[id] ?? id);
    };
    const mustHave = (spec: FieldSpec): boolean => spec.required || neededAlternatives.has(spec.id);
    const read = {
      text(id: FieldId): string {
        return cellText(cellOf(id));
      },
      requiredText(id: FieldId): string {
        const text = cellText(cellOf(id));
        if (text === '') throw new UnreadableCell('mapping.issue.blank', { column: columnName(id) });
        return text;
      },
      number(spec: FieldSpec): number | null {
        if (!columnOf.has(spec.id)) return null;
        const cell = cellOf(spec.id);
        const parsed = spec.valueType === 'count' ? parseCount(cell) : parseMoney(cell);
        if (!parsed.ok) {
          throw new UnreadableCell(`mapping.issue.${parsed.reason}`, {
            column: columnName(spec.id),
            value: parsed.text,
          });
        }
        if (parsed.value === null && mustHave(spec)) {
          throw new UnreadableCell('mapping.issue.blank', { column: columnName(spec.id) });
        }
        return parsed.value;
      },
      day(id: FieldId): IsoDate {
        const parsed = parseMoment(cellOf(id), zones);
        if (!parsed.ok)
          throw new UnreadableCell('mapping.issue.notADate', { column: columnName(id), value: parsed.text });
        if (parsed.value === null)
          throw new UnreadableCell('mapping.issue.blank', { column: columnName(id) });
        const { date, epochMs } = parsed.value;
        // A day without a time stays the day written: there is no instant to move.
        return epochMs === null || writtenZone === context.reportingTimeZone
          ? date
          : dayInZone(epochMs, context.reportingTimeZone);
      },
    };
    const specOf = (id: FieldId): FieldSpec => {
      const spec = fieldsOf(mapping.kind).find((candidate) => candidate.id === id);
      if (!spec) throw new Error(`Field ${id} does not belong to ${mapping.kind}`);
      return spec;
    };
    const amount = (id: FieldId): number => read.number(specOf(id)) ?? 0;

    try {
      const fact = readFact();
      if (fact === null) continue;
      facts.push(fact);
      if ('date' in fact) {
        if (firstDay === null || fact.date < firstDay) firstDay = fact.date;
        if (lastDay === null || fact.date > lastDay) lastDay = fact.date;
      }
    } catch (problem) {
      if (!(problem instanceof UnreadableCell)) throw problem;
      const key = cellText(cellOf('orderId')) || cellText(cellOf('sku')) || cellText(cellOf('campaign'));
      issues.push({
        sheet: context.sheetName,
        row: index + 1,
        key,
        reason: { key: problem.key, params: problem.params },
      });
    }

    /** The row's fact, or null for a line left out by a rule that counts it (another currency). */
    function readFact(): Fact | null {
      switch (mapping.kind) {
        case 'orders': {
          const quantity = amount('quantity');
          const lineTotal = columnOf.has('revenue')
            ? amount('revenue')
            : roundCents(amount('unitPrice') * quantity);
          // SPEC §2: the promotion discount is subtracted whatever its sign in the export.
          const revenueCents = wholeCentsOf(lineTotal - Math.abs(amount('discount')));
          const channelText = read.text('channel');
          const channel =
            channelText === ''
              ? (channelNamedByStore(read.text('store')) ?? mapping.channel)
              : channelOf(channelText);
          if (!channel) throw new UnreadableCell('mapping.issue.unknownChannel', { value: channelText });
          const sku = read.requiredText('sku');
          const orderId = read.requiredText('orderId');
          const date = read.day('date');
          const currency = read.text('currency');
          if (!otherCurrencies.admitsUsDollars(currency, revenueCents / 100)) return null;
          const order: OrderLineFact = {
            kind: 'orderLine',
            channel,
            orderId,
            // A mapped sheet has no line id of its own: order id + SKU is the line (SPEC §2a, as Amazon's).
            lineKey: sku,
            sku,
            date,
            lastUpdatedSeconds: null,
            state: CANCELLED_STATUS.test(read.text('status')) ? 'cancelled' : 'sold',
            quantity,
            revenueCents,
            row: sheetRow,
            source,
          };
          return order;
        }
        case 'ads': {
          const ad: AdFact = {
            kind: 'ad',
            adProduct: 'mapped',
            channel: mapping.channel,
            date: read.day('date'),
            campaign: read.requiredText('campaign'),
            adGroup: read.text('adGroup'),
            sku: read.requiredText('sku'),
            spend: amount('spend'),
            sales: amount('sales'),
            clicks: amount('clicks'),
            impressions: amount('impressions'),
            orders: amount('orders'),
            units: amount('units'),
            row: sheetRow,
            source,
          };
          return ad;
        }
        case 'returns': {
          const returned: ReturnFact = {
            kind: 'return',
            channel: mapping.channel,
            date: read.day('date'),
            orderId: read.text('orderId'),
            sku: read.requiredText('sku'),
            quantity: amount('quantity'),
            licensePlate: '',
            disposition: '',
            row: sheetRow,
            source,
          };
          return returned;
        }
        case 'periodTraffic': {
          const traffic: PeriodTrafficFact = {
            kind: 'periodTraffic',
            channel: mapping.channel,
            sku: read.requiredText('sku'),
            asin: read.text('asin'),
            sessions: amount('sessions'),
            pageViews: amount('pageViews'),
            unitsOrdered: amount('unitsOrdered'),
            orderedSales: amount('orderedSales'),
            ...(context.period ? { period: context.period } : {}),
            row: sheetRow,
            source,
          };
          return traffic;
        }
        case 'inventory': {
          const stock: InventoryFact = {
            kind: 'inventory',
            channel: mapping.channel,
            sku: read.requiredText('sku'),
            asin: read.text('asin'),
            availableUnits: amount('availableUnits'),
            inboundUnits: amount('inboundUnits'),
            reservedUnits: amount('reservedUnits'),
            unsellableUnits: amount('unsellableUnits'),
            price: read.number(specOf('price')),
            // SPEC §3b: the sheet's own date, else the day stated in the sidebar, else (absent) the build day.
            ...(columnOf.has('date')
              ? { snapshotDate: read.day('date'), snapshotDateSource: 'report' as const }
              : context.period
                ? { snapshotDate: context.period.to, snapshotDateSource: 'stated' as const }
                : {}),
            row: sheetRow,
            source,
          };
          return stock;
        }
      }
    }
  }
  const dateRange = firstDay !== null && lastDay !== null ? { from: firstDay, to: lastDay } : null;
  const days = new Set<IsoDate>();
  for (const fact of facts) if ('date' in fact) days.add(fact.date);
  otherCurrencies.finish();
  return { facts, issues, rowsRead, rowsExcluded, days: [...days].sort(), statedCoverage: [], dateRange };
}
