/** The BigQuery keys of the Settings sheet (issue 15, item 2): read, checked, and refused with a reason. */
import { settingsFromRows } from '../../src/core/settings';
import { translate } from '../../src/core/i18n';

describe('BigQuery settings', () => {
  it('reads the project, dataset and location; US when no location is given', () => {
    const { settings, problems } = settingsFromRows([
      ['key', 'value'],
      ['bigquery_project_id', 'my-shop-kpi'],
      ['BIGQUERY_DATASET ', 'seller_kpi'],
    ]);
    expect(problems).toEqual([]);
    expect([settings.bigQueryProjectId, settings.bigQueryDataset, settings.bigQueryLocation]).toEqual([
      'my-shop-kpi',
      'seller_kpi',
      'US',
    ]);
    expect(
      settingsFromRows([['bigquery_project_id', 'example.com:my-shop-kpi']]).settings.bigQueryProjectId,
    ).toBe('example.com:my-shop-kpi');
  });

  it.each([
    ['bigquery_project_id', 'My Shop', 'bigQueryProjectId'],
    ['bigquery_project_id', 'shop', 'bigQueryProjectId'],
    ['bigquery_project_id', 'my-shop-', 'bigQueryProjectId'],
    ['bigquery_dataset', 'seller-kpi', 'bigQueryDataset'],
    ['bigquery_location', 'US; DROP', 'bigQueryLocation'],
  ])('refuses %s = "%s" with a reason in both languages, and loads nowhere', (key, value, field) => {
    const { settings, problems } = settingsFromRows([[key, value]]);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message.key).toBe(`settings.problem.${field}`);
    for (const language of ['en', 'zh'] as const)
      expect(translate(language, problems[0]?.message.key ?? '', problems[0]?.message.params)).toContain(
        value,
      );
    expect(settings.bigQueryProjectId === '' || settings.bigQueryDataset === '').toBe(true);
  });
});
