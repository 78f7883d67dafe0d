/**
 * The known exports and how a sheet is recognised as one of them (SPEC §2 "Reading exports"): the header row is looked
 * for in the first 15 rows (preambles are skipped), header names are compared trimmed and case-insensitively, never by
 * position, and a sheet matches an export when every required header is there. Confidence is the share of the
 * export's signature headers found. A sheet that matches nothing is not a source: it is never guessed, and a sheet whose
 * header has under half of an export's signature columns only looks like it (PARTIAL_MATCH_BELOW): not counted until
 * the user maps it or confirms it.
 */
import { type CellGrid } from '../cell';
import { normaliseHeader } from '../parse';
import { isOwnedSheet } from '../sheetNames';
import { amazonAllOrders } from './amazonAllOrders';
import { amazonBusinessReportByChild } from './amazonBusinessReportByChild';
import { amazonBusinessReportByDate } from './amazonBusinessReportByDate';
import { amazonDateRangeTransactions } from './amazonDateRangeTransactions';
import { amazonFbaInventory } from './amazonFbaInventory';
import { amazonFbaInventoryPlanning } from './amazonFbaInventoryPlanning';
import { amazonFbaReturns } from './amazonFbaReturns';
import { amazonInventoryLedgerDetail } from './amazonInventoryLedgerDetail';
import { amazonInventoryLedgerSummary } from './amazonInventoryLedgerSummary';
import { amazonRestockInventory } from './amazonRestockInventory';
import { amazonSbCampaign } from './amazonSbCampaign';
import { amazonSbCampaignUnified } from './amazonSbCampaignUnified';
import { amazonSdAdvertisedProduct } from './amazonSdAdvertisedProduct';
import { amazonSdAdvertisedProductUnified } from './amazonSdAdvertisedProductUnified';
import { amazonSettlementV2 } from './amazonSettlementV2';
import { amazonSpAdvertisedProduct } from './amazonSpAdvertisedProduct';
import { amazonSpAdvertisedProductUnified } from './amazonSpAdvertisedProductUnified';
import { amazonSpSearchTerm } from './amazonSpSearchTerm';
import { amazonSpTargeting } from './amazonSpTargeting';
import { shopifyOrders } from './shopifyOrders';
import { shopifyPayouts } from './shopifyPayouts';
import { tiktokOrders } from './tiktokOrders';
import { tiktokSettlement } from './tiktokSettlement';
import {
  type Detection,
  type HeaderAliases,
  type ParseContext,
  type ParseResult,
  type ReportDefinition,
  type ReportType,
  type TranslatedHeaders,
} from './types';
import { walmartOrders } from './walmartOrders';
import { walmartRecon } from './walmartRecon';

export const REPORTS: readonly ReportDefinition[] = [
  amazonAllOrders,
  amazonSpAdvertisedProduct,
  amazonSpAdvertisedProductUnified,
  amazonSpSearchTerm,
  amazonSpTargeting,
  amazonSdAdvertisedProduct,
  amazonSdAdvertisedProductUnified,
  amazonSbCampaign,
  amazonSbCampaignUnified,
  amazonBusinessReportByChild,
  amazonBusinessReportByDate,
  amazonFbaReturns,
  amazonFbaInventory,
  amazonFbaInventoryPlanning,
  amazonRestockInventory,
  amazonInventoryLedgerSummary,
  amazonInventoryLedgerDetail,
  amazonDateRangeTransactions,
  amazonSettlementV2,
  shopifyOrders,
  shopifyPayouts,
  walmartOrders,
  tiktokOrders,
  walmartRecon,
  tiktokSettlement,
];

/** How many rows from the top may hold the header (the Date Range report's preamble is 7 lines, some have more). */
export const HEADER_SEARCH_ROWS = 15;

/** The definition of a report type, or undefined for `mapped` (a sheet mapped in the sidebar has no module). */
export function reportDefinition(type: ReportType): ReportDefinition | undefined {
  return REPORTS.find((report) => report.type === type);
}

interface Candidate {
  detection: Detection;
  /** Required headers matched: a more specific export wins a tie in confidence. */
  specificity: number;
}

/** The export whose headers the sheet has, with the header row; null when no known export matches. */
export function detectReport(rows: CellGrid): Detection | null {
  let best: Candidate | null = null;
  const lastRow = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let rowIndex = 0; rowIndex < lastRow; rowIndex++) {
    const cells = rows[rowIndex];
    if (!cells || cells.length === 0) continue;
    const headers = new Set(cells.map((cell) => normaliseHeader(cell)));
    for (const report of REPORTS) {
      if (
        report.requiredHeaders.every((name) => headers.has(name)) &&
        !report.absentHeaders?.some((name) => headers.has(name))
      ) {
        const found = report.signatureHeaders.filter((name) => headers.has(name)).length;
        const confidence = report.signatureHeaders.length === 0 ? 1 : found / report.signatureHeaders.length;
        const candidate: Candidate = {
          detection: {
            type: report.type,
            confidence,
            signature: { found, total: report.signatureHeaders.length },
            headerRowIndex: rowIndex,
          },
          specificity: report.requiredHeaders.length,
        };
        if (isBetter(candidate, best)) best = candidate;
      }
      for (const translated of report.translatedHeaders ?? []) {
        const candidate = translatedCandidate(report.type, translated, headers, rowIndex);
        if (candidate && isBetter(candidate, best)) best = candidate;
      }
    }
  }
  return best?.detection ?? null;
}

/**
 * The same export with its header in another language (SPEC §2c): each column is found under any of its labels, and
 * the detection says which language it was recognised in (the sidebar shows it).
 */
function translatedCandidate(
  type: ReportType,
  translated: TranslatedHeaders,
  headers: ReadonlySet<string>,
  rowIndex: number,
): Candidate | null {
  const has = (aliases: HeaderAliases): boolean => aliases.some((name) => headers.has(name));
  if (!translated.requiredHeaders.every(has)) return null;
  if (translated.absentHeaders?.some(has)) return null;
  const found = translated.signatureHeaders.filter(has).length;
  const confidence =
    translated.signatureHeaders.length === 0 ? 1 : found / translated.signatureHeaders.length;
  return {
    detection: {
      type,
      confidence,
      signature: { found, total: translated.signatureHeaders.length },
      headerRowIndex: rowIndex,
      headerLanguage: translated.language,
    },
    specificity: translated.requiredHeaders.length,
  };
}

/**
 * Below this share of an export's signature columns a sheet only looks like that export (issue 14): it is listed, and
 * counted only once the user maps it or confirms it (src/core/mapping/confirmation.ts, `npm start --count-partial`).
 * Measured on every real-format export in test/fixtures/exports and samples/ (2026-11): the lowest is the Sponsored
 * Brands unified campaign report at 57% (4 of 7), then the Business Report by date at 71% (5 of 7); every other one
 * scores 85% or more (SP search term 11 of 13, SP advertised product 12 of 14, TikTok settlement 13 of 15, the rest
 * 88–100%). An ERP order table that shares All Orders' five required columns and five of its 17 others (issue 14)
 * scores 29%. A half sits between the two with a margin on each side; a header at exactly half counts.
 */
export const PARTIAL_MATCH_BELOW = 0.5;

/** True when the header only partly matches its export: shown as "looks like …", not counted until mapped or confirmed. */
export function isPartialMatch(detection: Detection): boolean {
  return detection.confidence < PARTIAL_MATCH_BELOW;
}

function isBetter(candidate: Candidate, best: Candidate | null): boolean {
  if (best === null) return true;
  // The same export's header again lower down is a download appended below the first (SPEC §2a "Blocks"), even when
  // its layout is a newer one with more signature columns: the sheet's header is the first.
  if (candidate.detection.type === best.detection.type) return false;
  if (candidate.detection.confidence !== best.detection.confidence) {
    return candidate.detection.confidence > best.detection.confidence;
  }
  // Same confidence: the export with more required headers is the more specific match; the earlier row wins last.
  return candidate.specificity > best.specificity;
}

/**
 * Detects and reads a sheet. Null for the add-on's own sheets (never sources, SPEC §3), for sheets that match no
 * known export, and for a partial match (isPartialMatch), which counts only once confirmed (src/core/summary/pipeline).
 */
export function readSource(
  rows: CellGrid,
  context: ParseContext,
): { detection: Detection; result: ParseResult } | null {
  if (isOwnedSheet(context.sheetName)) return null;
  const detection = detectReport(rows);
  if (!detection || isPartialMatch(detection)) return null;
  const definition = reportDefinition(detection.type);
  if (!definition) return null;
  return { detection, result: definition.parse(rows, detection, context) };
}

export {
  type Detection,
  type HeaderLanguage,
  type ParseContext,
  type ParseResult,
  type ReportDefinition,
  type ReportType,
} from './types';
