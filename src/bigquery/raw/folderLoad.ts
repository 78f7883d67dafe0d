/**
 * The Drive-folder path (issue 15, item 4): every CSV/TXT export file of one Drive folder is loaded as it was
 * downloaded into its own BigQuery staging table by a load job, and one query job (stagingScript.ts) parses and
 * deduplicates them all with the SPEC §2/§2a rules in SQL into raw_order_lines, raw_ad_rows, raw_returns and
 * raw_issues, and turns those facts into KPI Summary rows (raw_kpi_summary) with the workbook's costs, fee cards and
 * levels, loaded just before (kpiInputs.ts). So a seller with millions of order lines never pastes them into Sheets, and the views and Looker
 * Studio serve them (sql/views/kpi_rows.sql).
 *
 * One staging table per file, WRITE_TRUNCATE (`raw_file_<Drive file id>`), rather than one table per export with
 * WRITE_APPEND: a CSV load cannot add a column saying which file a row came from, and "the later download wins" (SPEC
 * §2a) needs exactly that; a file loaded again replaces its own table, never adds to another's, so loading is
 * idempotent per file, and a file loaded twice under two ids is two copies the winner rules count once. Files removed
 * from the folder drop out of the facts at the next load (their staging tables stay until the seller deletes them).
 *
 * Limits: Apps Script blobs hold at most 50 MB (DriveApp.getBlob throws "exceeds the maximum file size" above it;
 * tanaikech/DownloadLargeFilesByUrl: "only files less than 50 MB (52,428,800 bytes)"), and the advanced service sends
 * the blob in the Jobs.insert request, so a larger file is listed with what to do (split it, or load it from gs://)
 * and never read. BigQuery's own CSV limit is far above that (4 GB uncompressed with quoted new lines,
 * cloud.google.com/bigquery/quotas#load_jobs). The loads and the parse keep to the run's time budget; what has not
 * finished is recorded as pending and simply done again by the next build.
 */
import { translate, type Language } from '../../core/i18n';
import { type DataIssue, type MessageRef } from '../../core/model';
import { reportDefinition } from '../../core/reports';
import {
  type BigQueryAdvancedService,
  type BigQueryClient,
  type JobReference,
  type TimeBudget,
} from '../client';
import { costInForce } from '../../core/costs/costs';
import { estimateAmazonFees } from '../../core/costs/feeEstimate';
import { type Channel } from '../../core/model';
import { OWNED_SHEETS } from '../../core/sheetNames';
import { type TableUpload, uploadTables } from '../load';
import { KPI_INPUT_SPECS, type KpiInputs, kpiInputRows } from './kpiInputs';
import { recogniseExport, type LoadPlan } from './recognise';
import { OUTPUT_TABLE_SPECS, OUTPUT_TABLES, type StagedFile, stagingScript } from './stagingScript';

/** 50 MB: the largest blob Apps Script holds (see the header). */
export const MAX_FILE_BYTES = 52_428_800;
/** The header is in the first 15 lines; 64 KB holds them for any real export. */
const HEAD_BYTES = 65_536;

/** What the loader needs of a Drive file (DriveApp's File). */
export interface DriveFileLike {
  getId(): string;
  getName(): string;
  getMimeType(): string;
  getSize(): number;
  getBlob(): GoogleAppsScript.Base.Blob;
}

export interface DriveFolderLike {
  getFiles(): { hasNext(): boolean; next(): DriveFileLike };
}

export type RawLoadStatus = 'loaded' | 'failed' | 'pending' | 'empty';

export interface RawLoadOutcome {
  status: RawLoadStatus;
  /** In the user's language, for Settings' last_bigquery_raw_load_detail. */
  detail: string;
  issues: DataIssue[];
}

export interface RawLoadInput {
  client: BigQueryClient;
  service: BigQueryAdvancedService;
  folder: DriveFolderLike;
  datasetId: string;
  reportingTimeZone: string;
  language: Language;
  budget: TimeBudget;
  sql: Readonly<Record<string, string>>;
  /** Decodes the first bytes of a file as UTF-8 (Utilities.newBlob(bytes).getDataAsString('UTF-8') in Apps Script). */
  decodeHead: (bytes: number[]) => string;
  /** The workbook's Costs, USD→CNY rate and Products, for the KPI rows of the folder's facts (kpiInputs.ts). */
  kpiInputs: KpiInputs;
}

/** MIME types of text exports as Drive records them; a `.csv`/`.txt`/`.tsv` name also counts (uploads vary). */
const TEXT_TYPES = new Set([
  'text/csv',
  'text/plain',
  'text/tab-separated-values',
  'application/vnd.ms-excel',
]);

function isTextExport(file: DriveFileLike): boolean {
  return TEXT_TYPES.has(file.getMimeType()) || /\.(csv|txt|tsv)$/i.test(file.getName());
}

/** A staging table name for a Drive file: its id, whose `-` BigQuery table names do not take. */
export function stagingTableOf(fileId: string): string {
  return `raw_file_${fileId.replace(/[^A-Za-z0-9_]/g, '_')}`;
}

function issue(file: string, reason: MessageRef, key = file): DataIssue {
  return { sheet: file, row: 0, key, reason };
}

function reportName(type: string, language: Language): string {
  const definition = reportDefinition(type as Parameters<typeof reportDefinition>[0]);
  return definition ? translate(language, definition.labelKey) : type;
}

/** The load job resource of one file (cloud.google.com/bigquery/docs/reference/rest/v2/Job#JobConfigurationLoad). */
export function loadJobResource(
  projectId: string,
  location: string,
  datasetId: string,
  fileId: string,
  plan: LoadPlan,
): object {
  return {
    jobReference: { projectId, location },
    configuration: {
      load: {
        destinationTable: { projectId, datasetId, tableId: stagingTableOf(fileId) },
        // Every column STRING, in the header's order: the SQL reads the text as the export wrote it.
        schema: { fields: plan.columns.map((name) => ({ name, type: 'STRING', mode: 'NULLABLE' })) },
        sourceFormat: 'CSV',
        fieldDelimiter: plan.delimiter === '\t' ? '\\t' : ',',
        // Amazon flat files never quote: a `"` in a product name is text. `quote: ''` turns quoting off.
        quote: plan.quoted ? '"' : '',
        allowQuotedNewlines: plan.quoted,
        // Trailing empty cells cut off by an editor read as NULL, as Sheets reads them as blank.
        allowJaggedRows: true,
        skipLeadingRows: plan.skipLeadingRows,
        encoding: 'UTF-8',
        createDisposition: 'CREATE_IF_NEEDED',
        writeDisposition: 'WRITE_TRUNCATE',
      },
    },
  };
}

/** The folder's files loaded, parsed in BigQuery, and what the user must know. Never throws for a file's fault. */
export function loadRawFolder(input: RawLoadInput): RawLoadOutcome {
  const { client, language } = input;
  const issues: DataIssue[] = [];
  const planned: { file: DriveFileLike; plan: LoadPlan; job: JobReference }[] = [];
  const files = input.folder.getFiles();
  let textFiles = 0;
  while (files.hasNext()) {
    const file = files.next();
    const name = file.getName();
    if (!isTextExport(file)) {
      issues.push(
        issue(name, { key: 'issue.bigQueryRaw.notText', params: { file: name, type: file.getMimeType() } }),
      );
      continue;
    }
    textFiles++;
    const size = file.getSize();
    if (size > MAX_FILE_BYTES) {
      issues.push(
        issue(name, {
          key: 'issue.bigQueryRaw.tooLarge',
          params: { file: name, megabytes: (size / 1_048_576).toFixed(1), limit: MAX_FILE_BYTES / 1_048_576 },
        }),
      );
      continue;
    }
    const blob = file.getBlob();
    const recognised = recogniseExport(input.decodeHead(blob.getBytes().slice(0, HEAD_BYTES)));
    if (recognised.outcome === 'unknown') {
      issues.push(issue(name, { key: 'issue.bigQueryRaw.unknown', params: { file: name } }));
      continue;
    }
    if (recognised.outcome !== 'plan') {
      const key =
        recognised.outcome === 'partial' ? 'issue.bigQueryRaw.partial' : 'issue.bigQueryRaw.notLoaded';
      issues.push(
        issue(name, { key, params: { file: name, report: reportName(recognised.type, language) } }),
      );
      continue;
    }
    const resource = loadJobResource(
      client.projectId,
      client.location,
      input.datasetId,
      file.getId(),
      recognised.plan,
    );
    try {
      const job = input.service.Jobs.insert(resource, client.projectId, blob).jobReference;
      planned.push({ file, plan: recognised.plan, job });
    } catch (error) {
      issues.push(
        issue(name, { key: 'issue.bigQueryRaw.loadFailed', params: { file: name, detail: String(error) } }),
      );
    }
  }
  // An empty folder still runs the script (with no file): the files removed from it drop out of the facts and of the
  // KPI rows the views serve, instead of lingering from the last load.

  const loaded: StagedFile[] = [];
  const loads = client.waitForJobs(
    planned.map(({ job }) => job),
    input.budget,
  );
  for (const [index, outcome] of loads.entries()) {
    const { file, plan } = planned[index] as (typeof planned)[number];
    if (outcome.state === 'DONE') {
      loaded.push({
        type: plan.type,
        fileId: file.getId(),
        table: `${input.datasetId}.${stagingTableOf(file.getId())}`,
        columns: plan.columns,
      });
    } else if (outcome.state === 'FAILED') {
      issues.push(
        issue(file.getName(), {
          key: 'issue.bigQueryRaw.loadFailed',
          params: { file: file.getName(), detail: outcome.error },
        }),
      );
    } else {
      return pending(language, 'load', outcome.job.jobId, issues);
    }
  }

  // The output tables, created once (DDL cannot run inside the script's transaction); one of another shape is the
  // seller's or another version's, never altered.
  client.ensureDataset(input.datasetId);
  for (const spec of OUTPUT_TABLE_SPECS) {
    const table = client.ensureTable(input.datasetId, spec);
    if (typeof table === 'object') {
      const detail = `${spec.tableId}: ${table.mismatch}`;
      const reason = { key: 'issue.bigQueryRaw.parseFailed', params: { detail } };
      return {
        status: 'failed',
        detail: translate(language, reason.key, reason.params),
        issues: [...issues, issue('BigQuery', reason)],
      };
    }
  }
  // The workbook's costs, fee cards and levels, replaced whole before the script reads them (in pieces of at most
  // 10 MB: 2,000 SKUs make 6.7 MB of fee cards).
  const inputRows = kpiInputRows(input.kpiInputs);
  const uploads: TableUpload[] = [];
  const emptyInputs: string[] = [];
  for (const spec of KPI_INPUT_SPECS) {
    const table = client.ensureTable(input.datasetId, spec);
    if (typeof table === 'object') {
      const reason = {
        key: 'issue.bigQueryRaw.parseFailed',
        params: { detail: `${spec.tableId}: ${table.mismatch}` },
      };
      return {
        status: 'failed',
        detail: translate(language, reason.key, reason.params),
        issues: [...issues, issue('BigQuery', reason)],
      };
    }
    const rows = inputRows.get(spec.tableId) ?? [];
    // No upload of nothing (a zero-byte load is not one BigQuery documents): the script empties the table instead.
    if (rows.length === 0) emptyInputs.push(spec.tableId);
    else
      uploads.push({
        tableId: spec.tableId,
        fields: spec.fields,
        lines: rows.map((row) => JSON.stringify(row)),
      });
  }
  const uploaded = uploadTables(client, input.datasetId, uploads, input.budget);
  if (uploaded.state === 'FAILED') {
    const reason = { key: 'issue.bigQueryRaw.parseFailed', params: { detail: uploaded.error } };
    return {
      status: 'failed',
      detail: translate(language, reason.key, reason.params),
      issues: [...issues, issue('BigQuery', reason)],
    };
  }
  if (uploaded.state !== 'DONE') return pending(language, 'load', uploaded.job.jobId, issues);

  const script = stagingScript({
    sql: input.sql,
    files: loaded,
    outputDataset: input.datasetId,
    reportingTimeZone: input.reportingTimeZone,
    fxUsdCny: input.kpiInputs.fxUsdCny,
    emptyTables: emptyInputs,
  });
  const [parse] = client.waitForJobs([client.startQuery(script)], input.budget);
  if (!parse || parse.state === 'PENDING' || parse.state === 'RUNNING')
    return pending(language, 'parse', parse?.job.jobId ?? '', issues);
  if (parse.state === 'FAILED') {
    const reason = { key: 'issue.bigQueryRaw.parseFailed', params: { detail: parse.error } };
    return {
      status: 'failed',
      detail: translate(language, reason.key, reason.params),
      issues: [...issues, issue('BigQuery', reason)],
    };
  }

  if (textFiles === 0)
    return { status: 'empty', detail: translate(language, 'bigqueryRaw.detail.none'), issues };
  const names = new Map(planned.map(({ file }) => [file.getId(), file.getName()]));
  const parsedIssues = client.queryRows(parsedIssuesQuery(input.datasetId), input.budget) ?? [];
  issues.push(...parsedIssues.map((row) => parsedIssue(row, names)));
  const unpriced = client.queryRows(unpricedRowsQuery(input.datasetId), input.budget) ?? [];
  issues.push(...unpricedIssues(unpriced, input.kpiInputs));
  const counts = client.queryRows(countsQuery(input.datasetId), input.budget)?.[0] ?? [];
  return {
    status: 'loaded',
    detail: translate(language, 'bigqueryRaw.detail.loaded', {
      files: loaded.length,
      project: client.projectId,
      dataset: input.datasetId,
      lines: Number(counts[0] ?? 0),
      ads: Number(counts[1] ?? 0),
      issues: Number(counts[2] ?? 0),
      kpiRows: Number(counts[3] ?? 0),
    }),
    issues,
  };
}

function pending(
  language: Language,
  step: 'load' | 'parse',
  job: string,
  issues: DataIssue[],
): RawLoadOutcome {
  const params = { step: translate(language, `bigqueryRaw.step.${step}`), job };
  return {
    status: 'pending',
    detail: translate(language, 'issue.bigQueryRaw.pending', params),
    issues: [...issues, issue('BigQuery', { key: 'issue.bigQueryRaw.pending', params })],
  };
}

/**
 * raw_issues summed per file, reason and column, with one example row: a file of a million lines with a bad column
 * gives one Data Issue saying how many rows, not a million (every row stays in the table for who wants it).
 */
function parsedIssuesQuery(datasetId: string): string {
  return `SELECT source_file, reason, column_name, CAST(SUM(line_count) AS STRING), CAST(COUNT(*) AS STRING),
  MIN(row_key), MIN(value), CAST(SUM(amount) AS STRING), CAST(MIN(first_day) AS STRING), CAST(MAX(last_day) AS STRING)
FROM \`${datasetId}.${OUTPUT_TABLES.issues}\`
GROUP BY source_file, reason, column_name, IF(reason IN ('otherMarket', 'spendSplit', 'payoutUnknownType'), value, NULL)
ORDER BY source_file, reason, column_name`;
}

function countsQuery(datasetId: string): string {
  return `SELECT CAST((SELECT COUNT(*) FROM \`${datasetId}.${OUTPUT_TABLES.orderLines}\`) AS STRING),
  CAST((SELECT COUNT(*) FROM \`${datasetId}.${OUTPUT_TABLES.adRows}\`) AS STRING),
  CAST((SELECT COUNT(*) FROM \`${datasetId}.${OUTPUT_TABLES.issues}\`) AS STRING),
  CAST((SELECT COUNT(*) FROM \`${datasetId}.${OUTPUT_TABLES.kpiSummary}\`) AS STRING)`;
}

/**
 * For each channel and SKU of the folder's KPI rows, the first row whose cogs is unknown and the first whose fees are:
 * its day, units and revenue, for the reason the build would give (at most 1,000: a Data Issue each). Fees are unknown
 * only on a row with units; cogs also on a row of units returned SELLABLE alone (their cost given back is unknown).
 */
function unpricedRowsQuery(datasetId: string): string {
  const table = `\`${datasetId}.${OUTPUT_TABLES.kpiSummary}\``;
  const firstOf = (gap: 'cogs' | 'fees'): string =>
    `SELECT '${gap}' AS gap, channel, sku, date, units, revenue,
    ROW_NUMBER() OVER (PARTITION BY channel, sku ORDER BY date) AS nth
  FROM ${table} WHERE ${gap} IS NULL`;
  return `SELECT gap, channel, sku, CAST(date AS STRING), CAST(units AS STRING), CAST(revenue AS STRING)
FROM (
  ${firstOf('cogs')}
  UNION ALL
  ${firstOf('fees')}
)
WHERE nth = 1
ORDER BY gap, channel, sku
LIMIT 1000`;
}

/**
 * The Data Issues the KPI Summary gives for the same gaps (summarize.ts toRow), with the same catalogue keys: a SKU
 * without a Costs row in force, a CNY cost without a rate, a channel whose fees only payments reports give, an Amazon
 * SKU without fee inputs or whose fee tables do not cover the day (the estimate's own reason, on the first such day).
 */
function unpricedIssues(rows: readonly (string | null)[][], inputs: KpiInputs): DataIssue[] {
  const found: DataIssue[] = [];
  const seenChannels = new Set<string>();
  for (const [gap, channel, sku, day, units, revenue] of rows) {
    const skuText = sku ?? '';
    const date = day ?? '';
    const cost = skuText === '' ? null : costInForce(inputs.costs, skuText, date);
    if (gap === 'cogs') {
      // Units without a SKU cannot be costed, and the KPI Summary names no SKU for them either.
      if (skuText === '') continue;
      const key = !cost
        ? inputs.costs.bySku.has(skuText)
          ? 'issue.costs.notYetEffective'
          : 'issue.costs.missing'
        : 'issue.costs.noFx';
      found.push({ sheet: OWNED_SHEETS.costs, row: cost ? cost.row : 0, key: skuText, reason: { key } });
      continue;
    }
    const estimate = estimateAmazonFees({
      channel: (channel ?? '') as Channel,
      sku: skuText,
      date,
      units: Number(units ?? 0),
      revenue: Number(revenue ?? 0),
      cost,
    });
    if ('fees' in estimate) continue;
    if (estimate.scope === 'channel') {
      if (seenChannels.has(channel ?? '')) continue;
      seenChannels.add(channel ?? '');
    }
    const key = estimate.scope === 'channel' ? (channel ?? '') : `${channel ?? ''} ${skuText}`.trim();
    found.push({ sheet: '', row: 0, key, reason: estimate.unknown });
  }
  return found;
}

/** A raw_issues group as the Data Issue the sheet path gives for the same rows (the same catalogue keys). */
function parsedIssue(row: readonly (string | null)[], names: ReadonlyMap<string, string>): DataIssue {
  const [fileId, reason, column, lines, rows, rowKey, value, amount, firstDay, lastDay] = row;
  const file = names.get(fileId ?? '') ?? fileId ?? '';
  const count = Number(lines ?? 0);
  switch (reason) {
    case 'nonAmazon':
      return issue(file, { key: 'issue.nonAmazonOrderLines', params: { count } });
    case 'pendingWithoutPrice':
      return issue(file, { key: 'issue.pendingWithoutPrice', params: { lines: count } });
    case 'otherMarket':
      return issue(file, {
        key: 'issue.otherMarketLines',
        params: { market: value ?? '', lines: count, amount: Number(amount ?? 0).toFixed(2) },
      });
    case 'payoutUnknownType':
      return issue(file, {
        key: 'issue.bigQueryRaw.payoutUnknownType',
        params: { type: value ?? '', lines: count, amount: Number(amount ?? 0).toFixed(2) },
      });
    case 'issue.walmartRecon.unknownAmountType': {
      // walmart_recon.sql carries the Amount Type in the column and the Transaction Type in the value.
      const more = Number(rows ?? 1) - 1;
      const key = more > 0 ? `${rowKey ?? ''} (+${more})` : (rowKey ?? '');
      return issue(
        file,
        { key: reason, params: { amountType: column ?? '', transactionType: value ?? '' } },
        key,
      );
    }
    case 'settlementCoveredByDateRange':
      return issue(file, { key: 'issue.settlementCoveredByDateRange', params: { lines: count } });
    case 'otherAdProduct':
      // The unified campaign report's Sponsored Products and Display rows (amazon_sb_campaign_unified.sql).
      return issue(file, {
        key: 'issue.campaignRowsOfSkuAdProducts',
        params: { count, adProducts: value ?? '' },
      });
    case 'spendSplit':
      return issue(file, { key: 'issue.sbReportSplitsSpend', params: { column: value ?? '', rows: count } });
    case 'notDaily':
      return issue(file, {
        key: 'issue.adReportNotDaily',
        params: { count, from: firstDay ?? '', to: lastDay ?? '' },
      });
    default: {
      const more = Number(rows ?? 1) - 1;
      const key = more > 0 ? `${rowKey ?? ''} (+${more})` : (rowKey ?? '');
      return issue(file, { key: reason ?? '', params: { column: column ?? '', value: value ?? '' } }, key);
    }
  }
}
