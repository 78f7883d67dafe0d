/**
 * Every sentence `npm start` prints, in English and Chinese side by side (as the add-on's catalogue keeps them, so
 * neither language can be forgotten). The terminal tool is not part of the Apps Script bundle, so its words live here
 * rather than in src/core/i18n.
 *
 * `{name}` is replaced by a parameter; `{name|one|other}` by the English word for that count (`1 row`, `2 rows`).
 */
import { basename } from 'node:path';
import { type BilingualText, type Language } from '../../src/core/i18n';
import { formatMessage } from '../../src/core/i18n/format';

const CLI_MESSAGES = {
  help: {
    en: `Usage: {command} [options] [file or folder …]

Reads Amazon, Shopify, Walmart and TikTok Shop export files (CSV, TSV or TXT), runs the same KPI build as the
Google Sheets add-on and prints the KPIs per channel. With no file or folder it reads the bundled samples/ folder.
Folders are read one level deep. Paths are relative to the folder you run the command from.
In the repository \`npm start -- …\` and \`npx seller-kpi …\` run the same; after \`npm link\`, \`seller-kpi …\` runs in any folder.

A Costs, Settings or Products file is recognised by its header (sku,unit_cost… / key,value… / sku,name,category…),
whatever its name; the options below name one explicitly.

Options:
  --lang en|zh       language of the output (default: the Settings file's, else your system's)
  --tz ZONE          reporting time zone, an IANA name such as America/Los_Angeles (default: Settings, else LA)
  --out DIR          where kpi-summary.csv and data-issues.csv are written (default: ./out)
  --costs FILE       the Costs sheet as a file: unit cost, freight and duty per SKU, for profit
  --settings FILE    the Settings sheet as a file: time zone, base currency, USD→CNY rate
  --products FILE    the Products sheet as a file: category, owner and lead times per SKU
  --count-partial    count a file whose header has under half of an export's usual columns as that export anyway
                     (without it such a file is listed as "looks like …" and not counted)
  -h, --help         this text

Exit codes: 0 done, 1 no readable export among the files, 2 a mistake on the command line.

Examples:
  {command}
  {command} ~/Downloads/amazon-orders.txt ~/Downloads/shopify-orders.csv --costs ~/Downloads/my-costs.csv
  {command} --lang zh --tz Asia/Shanghai exports/`,
    zh: `用法：{command} [选项] [文件或文件夹 …]

读取亚马逊、Shopify、沃尔玛和 TikTok Shop 导出的报表文件（CSV、TSV 或 TXT），运行与 Google 表格插件相同的 KPI 计算，
按渠道打印 KPI。不指定文件或文件夹时读取自带的 samples/ 文件夹。文件夹只读取第一层。路径相对于运行命令时所在的文件夹。
在仓库中 \`npm start -- …\` 与 \`npx seller-kpi …\` 效果相同；运行 \`npm link\` 后，可在任何文件夹中直接运行 \`seller-kpi …\`。

成本（Costs）、设置（Settings）和产品（Products）文件按表头识别（sku,unit_cost… / key,value… / sku,name,category…），
与文件名无关；也可以用下面的选项明确指定。

选项：
  --lang en|zh       输出语言（默认取设置文件中的语言，否则取系统语言）
  --tz ZONE          报表时区，IANA 名称，如 America/Los_Angeles（默认取设置文件，否则为洛杉矶时间）
  --out DIR          kpi-summary.csv 和 data-issues.csv 的写入位置（默认：./out）
  --costs FILE       成本表文件：每个 SKU 的单位成本、头程运费和关税，用于计算利润
  --settings FILE    设置表文件：时区、本位币、美元兑人民币汇率
  --products FILE    产品表文件：每个 SKU 的品类、负责人和交货周期
  --count-partial    表头只含某份报表常见列的不到一半时，仍按该报表计入（不加此选项时，这类文件
                     显示为“看起来像…”，不计入）
  -h, --help         显示本说明

退出码：0 完成，1 文件中没有可读取的报表，2 命令行有误。

示例：
  {command}
  {command} ~/Downloads/amazon-orders.txt ~/Downloads/shopify-orders.csv --costs ~/Downloads/my-costs.csv
  {command} --lang zh --tz Asia/Shanghai exports/`,
  },
  'usage.hint': {
    en: 'Run `{command} --help` for the options.',
    zh: '运行 `{command} --help` 查看选项。',
  },
  'usage.unknownOption': {
    en: 'Unknown option {option}.',
    zh: '未知选项 {option}。',
  },
  'usage.missingValue': {
    en: 'The option {option} needs a value.',
    zh: '选项 {option} 需要一个值。',
  },
  'usage.badLanguage': {
    en: '--lang takes en or zh, not “{value}”.',
    zh: '--lang 只能是 en 或 zh，不能是“{value}”。',
  },
  'usage.badTimeZone': {
    en: '--tz takes an IANA time zone such as America/Los_Angeles or Asia/Shanghai, not “{value}”.',
    zh: '--tz 需要 IANA 时区名称，例如 America/Los_Angeles 或 Asia/Shanghai，不能是“{value}”。',
  },
  'usage.other': {
    en: 'The command line could not be read: {detail}',
    zh: '无法解析命令行：{detail}',
  },
  'fail.notFound': {
    en: '{path} does not exist (paths are read from {cwd}).',
    zh: '{path} 不存在（路径相对于 {cwd}）。',
  },
  'fail.emptyFolder': {
    en: 'The folder {path} holds no .csv, .tsv or .txt file to read.',
    zh: '文件夹 {path} 中没有可读取的 .csv、.tsv 或 .txt 文件。',
  },
  'fail.notAFile': {
    en: '{path} is neither a file nor a folder.',
    zh: '{path} 既不是文件也不是文件夹。',
  },
  'fail.noExport': {
    en: 'No export this tool can read among {files}: {reasons}. Give the exports as downloaded from Seller Central, Shopify, Walmart or TikTok Shop ({command} --help lists what is read).',
    zh: '{files}中没有可读取的报表：{reasons}。请使用从卖家中心、Shopify、沃尔玛或 TikTok Shop 直接下载的报表（{command} --help 列出可读取的内容）。',
  },
  'fail.files': {
    en: 'the {count} {count|file|files} given',
    zh: '所给的 {count} 个文件',
  },
  'fail.reason.empty': {
    en: '{file} is empty',
    zh: '{file} 是空文件',
  },
  'fail.reason.unknown': {
    en: '{file} has no header row of a known report in its first 15 rows',
    zh: '{file} 的前 15 行中没有已知报表的表头',
  },
  'fail.reason.onlyTables': {
    en: '{file} is the {table} table, not an export',
    zh: '{file} 是{table}表，不是导出的报表',
  },
  'fail.cannotWrite': {
    en: 'The results could not be written to {dir}: {detail}',
    zh: '无法把结果写入 {dir}：{detail}',
  },
  progress: {
    en: 'Reading {file} ({megabytes} MB)…',
    zh: '正在读取 {file}（{megabytes} MB）…',
  },
  'progress.build': {
    en: 'Building the KPI summary from {rows} {rows|row|rows}…',
    zh: '正在根据 {rows} 行数据生成 KPI 汇总…',
  },
  title: {
    en: 'Seller KPI — reporting time zone {zone}, USD→CNY rate {fx}',
    zh: '卖家 KPI — 报表时区 {zone}，美元兑人民币汇率 {fx}',
  },
  'title.noRate': { en: 'not set', zh: '未设置' },
  'files.heading': { en: 'Files read:', zh: '读取的文件：' },
  'file.export': {
    en: '{file}: {report}, {range}: {rows} {rows|row|rows} read, {counted} counted, {withIssues} with issues',
    zh: '{file}：{report}，{range}：读取 {rows} 行，计入 {counted} 行，{withIssues} 行有问题',
  },
  'file.range': { en: '{from} to {to}', zh: '{from} 至 {to}' },
  'file.noDates': { en: 'no dates', zh: '无日期' },
  'file.unknown': {
    en: '{file}: not a known export, skipped (no header row of a known report in its first 15 rows)',
    zh: '{file}：不是已知报表，已跳过（前 15 行中没有已知报表的表头）',
  },
  'file.partial': {
    en: '{file}: looks like {report} ({found} of {total} columns): map it to use it. Not counted; to count it as it is, run again with --count-partial',
    zh: '{file}：看起来像{report}（{total} 列中有 {found} 列相符）：映射后才能使用。未计入；如要直接按该报表计入，请加上 --count-partial 重新运行',
  },
  'file.empty': { en: '{file}: empty, skipped', zh: '{file}：空文件，已跳过' },
  'file.costs': {
    en: '{file}: the Costs table, {skus} {skus|SKU|SKUs} with a cost',
    zh: '{file}：成本表，{skus} 个 SKU 有成本',
  },
  'file.products': {
    en: '{file}: the Products table, {skus} {skus|SKU|SKUs} listed',
    zh: '{file}：产品表，列出 {skus} 个 SKU',
  },
  'file.settings': { en: '{file}: the Settings table', zh: '{file}：设置表' },
  'file.settingsProblem': {
    en: '    {problem}',
    zh: '    {problem}',
  },
  'table.Costs': { en: 'Costs', zh: '成本' },
  'table.Settings': { en: 'Settings', zh: '设置' },
  'table.Products': { en: 'Products', zh: '产品' },
  'kpi.heading': {
    en: 'KPIs by channel, {from} to {to} (USD):',
    zh: '按渠道的 KPI，{from} 至 {to}（美元）：',
  },
  'kpi.none': {
    en: 'KPIs by channel: these files hold no dated sales, ads, returns or fees.',
    zh: '按渠道的 KPI：这些文件中没有带日期的销售、广告、退货或费用。',
  },
  'kpi.channel': { en: 'channel', zh: '渠道' },
  'kpi.orders': { en: 'orders', zh: '订单' },
  'kpi.units': { en: 'units', zh: '销量' },
  'kpi.revenue': { en: 'revenue', zh: '销售额' },
  'kpi.adSpend': { en: 'ad spend', zh: '广告花费' },
  'kpi.acos': { en: 'ACoS', zh: 'ACoS' },
  'kpi.tacos': { en: 'TACoS', zh: 'TACoS' },
  'kpi.returns': { en: 'returns', zh: '退货' },
  'kpi.refunds': { en: 'refunds', zh: '退款' },
  'kpi.fees': { en: 'fees', zh: '费用' },
  'kpi.grossProfit': { en: 'gross profit', zh: '毛利' },
  'kpi.margin': { en: 'margin', zh: '毛利率' },
  'kpi.netProfit': { en: 'net profit', zh: '净利润' },
  'kpi.total': { en: 'total', zh: '合计' },
  'kpi.notes': {
    en: `  orders: distinct orders (an order of two SKUs is one order).
  gross profit = revenue − refunds − marketplace fees − landed cost (unit cost + first leg + duty) + reimbursements,
  before ads; net profit = gross profit − ad spend.
  * = only over the rows whose cost and fees are known (see Data Issues); — = not known: no ad report covers the
  channel (ad spend, ACoS, TACoS), or no cost or fee source (profit).`,
    zh: `  订单：不重复的订单数（含两个 SKU 的订单算一单）。
  毛利 = 销售额 − 退款 − 平台费用 − 到仓成本（单位成本 + 头程 + 关税）+ 亚马逊赔偿，未扣广告；净利润 = 毛利 − 广告花费。
  * = 只计算成本和费用已知的行（见数据问题）；— = 未知：没有覆盖该渠道的广告报告（广告花费、ACoS、TACoS），
  或没有成本或费用来源（利润）。`,
  },
  'stock.heading': {
    en: 'Stock at risk: {atRisk} of {skus} {skus|SKU|SKUs} with stock (all of them in the Inventory sheet):',
    zh: '有断货风险的库存：有库存的 {skus} 个 SKU 中有 {atRisk} 个（全部见 Inventory 表）：',
  },
  'stock.none': { en: '  none', zh: '  无' },
  'stock.sku': { en: 'sku', zh: 'SKU' },
  'stock.status': { en: 'status', zh: '状态' },
  'stock.available': { en: 'available', zh: '可售' },
  'stock.inbound': { en: 'inbound', zh: '在途' },
  'stock.orderBy': { en: 'order by', zh: '最晚下单日' },
  'stock.reorderQty': { en: 'reorder qty', zh: '建议补货量' },
  'stock.stockout': { en: 'stockout', zh: '断货日' },
  'issues.heading': {
    en: 'Data Issues: {count} {count|issue|issues}',
    zh: '数据问题：{count} 条',
  },
  'issues.none': { en: 'Data Issues: none', zh: '数据问题：无' },
  'issues.sheet': {
    en: '  {sheet} ({count} {count|issue|issues}):',
    zh: '  {sheet}（{count} 条）：',
  },
  'issues.wholeBuild': { en: 'the build as a whole', zh: '整体' },
  'issues.row': { en: 'row {row}', zh: '第 {row} 行' },
  written: {
    en: `KPI Summary: {summaryRows} {summaryRows|row|rows} → {summaryPath}
Data Issues: {issueRows} {issueRows|row|rows} → {issuesPath}
{rows} source {rows|row|rows} read in {ms} ms.`,
    zh: `KPI 汇总：{summaryRows} 行 → {summaryPath}
数据问题：{issueRows} 行 → {issuesPath}
共读取 {rows} 行源数据，用时 {ms} 毫秒。`,
  },
} satisfies Record<string, BilingualText>;

export type CliMessageKey = keyof typeof CLI_MESSAGES;

/**
 * The command as the user typed it, for the help and the hints: `seller-kpi` when run through the bin
 * (bin/seller-kpi.cjs, or the `seller-kpi` link npm installs to it), `npm start --` otherwise.
 */
export function commandName(scriptPath: string | undefined): string {
  return /^seller-kpi(\.cjs)?$/.test(basename(scriptPath ?? '')) ? 'seller-kpi' : 'npm start --';
}

const COMMAND = commandName(process.argv[1]);

export function say(
  language: Language,
  key: CliMessageKey,
  params: Readonly<Record<string, string | number>> = {},
): string {
  return formatMessage(CLI_MESSAGES[key][language], { command: COMMAND, ...params });
}
