import { defineMessages } from '../catalogue';

/** The Drive folder of raw exports loaded into BigQuery and parsed there (issue 15, item 4; src/bigquery/raw). */
export const bigQueryRawMessages = defineMessages({
  'settings.problem.bigQueryRawFolderId': {
    en: 'Settings › {setting}: "{value}" is not a Google Drive folder id or folder address (…/drive/folders/<id>); the folder is not loaded until it is.',
    zh: '设置 › {setting}：“{value}”不是 Google 云端硬盘文件夹 ID 或文件夹地址（…/drive/folders/<id>）；修正之前不会加载该文件夹。',
  },
  'issue.bigQueryRaw.folderUnreadable': {
    en: 'BigQuery › Drive folder {folder} could not be opened ({detail}): check the id in bigquery_raw_folder_id and that your account can see the folder. Nothing was loaded from it.',
    zh: 'BigQuery › 无法打开云端硬盘文件夹 {folder}（{detail}）：请检查 bigquery_raw_folder_id 中的 ID，以及您的账号能否访问该文件夹。未从中加载任何文件。',
  },
  'issue.bigQueryRaw.notText': {
    en: 'BigQuery › {file} is not a CSV or TXT export ({type}): save it as CSV UTF-8 (an Excel workbook cannot be loaded). Not loaded.',
    zh: 'BigQuery › {file} 不是 CSV 或 TXT 报表（{type}）：请另存为 CSV UTF-8（Excel 工作簿无法加载）。未加载。',
  },
  'issue.bigQueryRaw.tooLarge': {
    en: 'BigQuery › {file} is {megabytes} MB; Apps Script can hand BigQuery files up to {limit} MB. Split it into smaller downloads (a shorter date range each), or load it from Cloud Storage (gs://) yourself. Not loaded.',
    zh: 'BigQuery › {file} 大小为 {megabytes} MB；Apps Script 只能向 BigQuery 提交不超过 {limit} MB 的文件。请拆分为更小的下载（每个文件的日期范围更短），或自行从 Cloud Storage（gs://）加载。未加载。',
  },
  'issue.bigQueryRaw.unknown': {
    en: 'BigQuery › {file}: its header matches no known export in the first 15 lines. Not loaded.',
    zh: 'BigQuery › {file}：前 15 行中的表头不符合任何已知报表。未加载。',
  },
  'issue.bigQueryRaw.partial': {
    en: 'BigQuery › {file} only looks like {report} (under half of its usual columns). Not loaded: paste it into a sheet to map or confirm it there.',
    zh: 'BigQuery › {file} 只是看起来像 {report}（不到其常见列的一半）。未加载：请粘贴到工作表中，在那里映射或确认。',
  },
  'issue.bigQueryRaw.notLoaded': {
    en: "BigQuery › {file} is {report}, which the Drive folder path does not load yet (it loads order exports, the Sponsored Products and Sponsored Display advertised-product and Sponsored Brands campaign reports of the classic and the unified Ads console, FBA customer returns, the Amazon Date Range transaction report and Settlement V2 flat file, and every channel's payments report). Paste it into a sheet instead.",
    zh: 'BigQuery › {file} 是 {report}，云端硬盘文件夹路径暂不加载此类报表（目前只加载订单报表、经典和统一广告控制台的 Sponsored Products 和 Sponsored Display 推广商品报告及 Sponsored Brands 广告活动报告、FBA 买家退货报告、亚马逊日期范围交易报告和结算报告 V2 平面文件，以及各渠道的付款报告）。请改为粘贴到工作表中。',
  },
  'issue.bigQueryRaw.loadFailed': {
    en: 'BigQuery › {file}: the load job failed ({detail}). Its staging table is as it was; the other files were parsed without it.',
    zh: 'BigQuery › {file}：加载作业失败（{detail}）。其暂存表保持原样；其他文件已在没有它的情况下解析。',
  },
  'issue.bigQueryRaw.parseFailed': {
    en: 'BigQuery › parsing the Drive folder failed ({detail}). The tables raw_order_lines, raw_ad_rows, raw_returns, raw_fee_lines, raw_payments_coverage, raw_issues and raw_kpi_summary are as they were.',
    zh: 'BigQuery › 解析云端硬盘文件夹失败（{detail}）。raw_order_lines、raw_ad_rows、raw_returns、raw_fee_lines、raw_payments_coverage、raw_issues 和 raw_kpi_summary 表保持原样。',
  },
  'issue.bigQueryRaw.payoutUnknownType': {
    en: "Payments lines of a type this add-on does not know ({type}): {lines}, amount {amount}. The Drive folder's KPI rows count them as a fee (so profit is not overstated); tell us the type so it gets its own category.",
    zh: '无法识别类型的付款行（{type}）：{lines} 行，金额 {amount}。云端硬盘文件夹的 KPI 行已将其按费用计入（以免高估利润）；请告诉我们该类型，以便归入正确的类别。',
  },
  'issue.bigQueryRaw.pending': {
    en: 'BigQuery › {step} had not finished when this run had to stop (job {job}); the next build loads the folder again.',
    zh: 'BigQuery › 本次运行必须结束时，{step}尚未完成（作业 {job}）；下一次构建会重新加载该文件夹。',
  },
  'bigqueryRaw.step.load': { en: 'the load of the export files', zh: '报表文件的加载' },
  'bigqueryRaw.step.parse': { en: 'the parse of the export files', zh: '报表文件的解析' },
  'bigqueryRaw.detail.loaded': {
    en: '{files} {files|file|files} of the Drive folder loaded into {project}.{dataset} ({lines} order {lines|line|lines}, {ads} ad {ads|row|rows}, {kpiRows} KPI {kpiRows|row|rows} in raw_kpi_summary; {issues} {issues|row|rows} in raw_issues)',
    zh: '已将云端硬盘文件夹中的 {files} 个文件加载到 {project}.{dataset}（订单行 {lines} 行，广告行 {ads} 行，raw_kpi_summary 中 KPI 行 {kpiRows} 行；raw_issues 中 {issues} 行）',
  },
  'bigqueryRaw.detail.none': {
    en: 'no CSV or TXT export in the Drive folder',
    zh: '云端硬盘文件夹中没有 CSV 或 TXT 报表',
  },
});
