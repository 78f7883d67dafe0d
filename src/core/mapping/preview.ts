/**
 * What the sidebar's live preview shows: the first facts of a mapped sheet as the model reads them (after parsing,
 * discounts and time zones), and the reasons rows were refused, in the user's language.
 */
import { type Fact } from '../model';
import { type Language, translate } from '../i18n';
import { type ParseResult } from '../reports/types';
import { fieldLabelKey, type FieldId, type MappingKind } from './fields';

export interface PreviewTable {
  /** Column labels; the first is the sheet row number. */
  columns: string[];
  rows: { row: number; cells: string[] }[];
  issues: { row: number; reason: string }[];
  rowsRead: number;
  issueCount: number;
}

/** The fact fields shown per kind, narrow enough for a 300-px sidebar. */
const PREVIEW_FIELDS: Readonly<Record<MappingKind, readonly FieldId[]>> = {
  orders: ['date', 'orderId', 'sku', 'quantity', 'revenue', 'status'],
  ads: ['date', 'campaign', 'sku', 'spend', 'sales', 'clicks'],
  returns: ['date', 'sku', 'quantity', 'orderId'],
  periodTraffic: ['sku', 'sessions', 'pageViews', 'unitsOrdered', 'orderedSales'],
  inventory: ['sku', 'availableUnits', 'inboundUnits', 'reservedUnits'],
};

const money = (amount: number): string => amount.toFixed(2);

function factCells(fact: Fact, fields: readonly FieldId[], language: Language): string[] {
  return fields.map((id) => {
    switch (fact.kind) {
      case 'orderLine': {
        const values: Partial<Record<FieldId, string>> = {
          date: fact.date,
          orderId: fact.orderId,
          sku: fact.sku,
          quantity: String(fact.quantity),
          revenue: money(fact.revenueCents / 100),
          status: fact.state === 'cancelled' ? translate(language, 'sidebar.mapping.cancelled') : '',
        };
        return values[id] ?? '';
      }
      case 'ad': {
        const values: Partial<Record<FieldId, string>> = {
          date: fact.date,
          campaign: fact.campaign,
          sku: fact.sku,
          spend: money(fact.spend),
          sales: money(fact.sales),
          clicks: String(fact.clicks),
        };
        return values[id] ?? '';
      }
      case 'return': {
        const values: Partial<Record<FieldId, string>> = {
          date: fact.date,
          sku: fact.sku,
          quantity: String(fact.quantity),
          orderId: fact.orderId,
        };
        return values[id] ?? '';
      }
      case 'periodTraffic': {
        const values: Partial<Record<FieldId, string>> = {
          sku: fact.sku,
          sessions: String(fact.sessions),
          pageViews: String(fact.pageViews),
          unitsOrdered: String(fact.unitsOrdered),
          orderedSales: money(fact.orderedSales),
        };
        return values[id] ?? '';
      }
      case 'inventory': {
        const values: Partial<Record<FieldId, string>> = {
          sku: fact.sku,
          availableUnits: String(fact.availableUnits),
          inboundUnits: String(fact.inboundUnits),
          reservedUnits: String(fact.reservedUnits),
        };
        return values[id] ?? '';
      }
      default:
        return '';
    }
  });
}

/** The first `limit` facts and the issues among the same leading rows. */
export function previewTable(
  kind: MappingKind,
  result: ParseResult,
  language: Language,
  limit = 5,
): PreviewTable {
  const fields = PREVIEW_FIELDS[kind];
  const shownFacts = result.facts.slice(0, limit);
  const lastShownRow = shownFacts[shownFacts.length - 1]?.row ?? Number.POSITIVE_INFINITY;
  const earlyIssues = result.issues.filter((issue) => issue.row <= lastShownRow || shownFacts.length < limit);
  return {
    columns: [
      translate(language, 'sidebar.mapping.previewRow'),
      ...fields.map((id) => translate(language, fieldLabelKey(id))),
    ],
    rows: shownFacts.map((fact) => ({ row: fact.row, cells: factCells(fact, fields, language) })),
    issues: earlyIssues.slice(0, limit).map((issue) => ({
      row: issue.row,
      reason: translate(language, issue.reason.key, issue.reason.params),
    })),
    rowsRead: result.rowsRead,
    issueCount: result.issues.length,
  };
}
