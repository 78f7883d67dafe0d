import { defineMessages } from '../catalogue';

/** The BigQuery flavour (issue 15): its Settings, the load after a build, its Data Issues and the Looker link. */
export const bigQueryMessages = defineMessages({
  'settings.problem.bigQueryProjectId': {
    en: 'Settings › {setting}: "{value}" is not a Google Cloud project id (6–30 lowercase letters, digits and hyphens, starting with a letter); nothing is loaded into BigQuery until it is.',
    zh: '设置 › {setting}：“{value}”不是 Google Cloud 项目 ID（6–30 个小写字母、数字和连字符，以字母开头）；修正之前不会向 BigQuery 加载数据。',
  },
  'settings.problem.bigQueryDataset': {
    en: 'Settings › {setting}: "{value}" is not a BigQuery dataset name (letters, digits and underscores only); nothing is loaded into BigQuery until it is.',
    zh: '设置 › {setting}：“{value}”不是 BigQuery 数据集名称（只能包含字母、数字和下划线）；修正之前不会向 BigQuery 加载数据。',
  },
  'settings.problem.bigQueryLocation': {
    en: 'Settings › {setting}: "{value}" is not a BigQuery location such as US, EU or asia-east1; US is used.',
    zh: '设置 › {setting}：“{value}”不是 BigQuery 位置（如 US、EU 或 asia-east1），已使用 US。',
  },
  'issue.bigQuery.notEnabled': {
    en: 'Settings name a BigQuery project and dataset, but this copy of the add-on has no BigQuery service: install the BigQuery edition (npm run deploy -- --bigquery, README › BigQuery). Nothing was loaded.',
    zh: '设置中填写了 BigQuery 项目和数据集，但当前插件版本没有 BigQuery 服务：请安装 BigQuery 版本（npm run deploy -- --bigquery，见 README › BigQuery）。未加载任何数据。',
  },
  'issue.bigQuery.failed': {
    en: 'BigQuery: the load failed ({detail}). Every table is as it was before this build; the next build loads the same days again.',
    zh: 'BigQuery：加载失败（{detail}）。所有表保持本次构建之前的状态；下一次构建会重新加载这些日期。',
  },
  'issue.bigQuery.sandbox': {
    en: 'BigQuery: project {project} has no billing account (the BigQuery sandbox), which refuses the statements that replace changed days, and deletes every table after 60 days. Link a billing account to the project (the monthly free tier still applies); nothing was changed in BigQuery.',
    zh: 'BigQuery：项目 {project} 没有关联结算账号（BigQuery 沙盒），沙盒不允许替换变更日期所需的语句，并会在 60 天后删除所有表。请为项目关联结算账号（每月免费额度仍然适用）；BigQuery 中未做任何更改。',
  },
  'issue.bigQuery.pending': {
    en: 'BigQuery: {step} had not finished when this run had to stop (job {job}). BigQuery applies it whole or not at all; the next build checks which days landed and loads the others again.',
    zh: 'BigQuery：本次运行必须结束时，{step}尚未完成（作业 {job}）。BigQuery 会整体完成或整体放弃；下一次构建会检查哪些日期已写入，并重新加载其余日期。',
  },
  'bigquery.step.upload': { en: 'the upload of the changed days', zh: '变更日期的上传' },
  'bigquery.step.replace': { en: 'the replacement of the changed days', zh: '变更日期的替换' },
  'bigquery.step.views': { en: 'the update of the views', zh: '视图的更新' },
  'bigquery.detail.loaded': {
    en: '{days} {days|day|days} replaced in {project}.{dataset} ({rows} {rows|row|rows}: {tables})',
    zh: '已在 {project}.{dataset} 中替换 {days} 天的数据（{rows} 行：{tables}）',
  },
  'bigquery.detail.unchanged': {
    en: 'no day changed since the last load into {project}.{dataset}',
    zh: '自上次加载到 {project}.{dataset} 以来没有日期发生变化',
  },
  'bigquery.detail.schema': {
    en: 'table {table} exists with other columns ({difference}); rename or delete it in BigQuery, the add-on never alters a table',
    zh: '表 {table} 已存在但列不同（{difference}）；请在 BigQuery 中重命名或删除它，插件不会修改已有的表',
  },
  'bigquery.detail.location': {
    en: 'dataset {dataset} is in {actual}, not in {expected} as Settings say; set bigquery_location to {actual}',
    zh: '数据集 {dataset} 位于 {actual}，而不是设置中的 {expected}；请把 bigquery_location 改为 {actual}',
  },
  'looker.bigQuery': {
    en: 'BigQuery edition: the same report on the BigQuery view {project}.{dataset}.kpi_daily (billed to project {project}).',
    zh: 'BigQuery 版本：同一份报告改用 BigQuery 视图 {project}.{dataset}.kpi_daily（费用计入项目 {project}）。',
  },
  'looker.openBigQuery': { en: 'Open on BigQuery', zh: '使用 BigQuery 打开' },
});
