/**
 * The Looker Studio dialog on the BigQuery flavour (issue 15, item 3): beside the Sheets link, a Linking API link with
 * the BigQuery connector on the view kpi_daily (developers.google.com/looker-studio/integrate/linking-api).
 */
import { loadDist } from '../gas-world';
import { bigQueryLookerLink } from '../../src/bigquery/looker';
import { bigQueryDist, buildIn, DATASET, PROJECT, workbook } from './workbook';

function parameters(link: string): Record<string, string> {
  return Object.fromEntries(new URL(link).searchParams.entries());
}

describe('Looker Studio on BigQuery', () => {
  it('builds the BigQuery data source link: connector, TABLE, project, dataset, view, billing project', () => {
    expect(
      parameters(
        bigQueryLookerLink({
          projectId: 'p-123456',
          datasetId: 'kpi',
          templateReportId: 'abc-1',
          reportName: 'R',
        }),
      ),
    ).toEqual({
      'c.reportId': 'abc-1',
      'r.reportName': 'R',
      'ds.ds0.connector': 'bigQuery',
      'ds.ds0.type': 'TABLE',
      'ds.ds0.projectId': 'p-123456',
      'ds.ds0.datasetId': 'kpi',
      'ds.ds0.tableId': 'kpi_daily',
      'ds.ds0.billingProjectId': 'p-123456',
      'ds.ds0.refreshFields': 'false',
    });
    expect(
      new URL(bigQueryLookerLink({ projectId: 'p-123456', datasetId: 'kpi', templateReportId: '' })).origin,
    ).toBe('https://lookerstudio.google.com');
  });

  it('offers both links in the dialog when Settings name a BigQuery project and dataset', async () => {
    const world = workbook();
    const dist = await bigQueryDist();
    buildIn(world, dist);
    const script = loadDist(world, dist);
    const dialog = script.openLookerStudio?.() as { link: string; bigQueryLink: string; html: string };
    expect(parameters(dialog.link)['ds.ds0.connector']).toBe('googleSheets');
    expect(parameters(dialog.bigQueryLink)).toMatchObject({
      'ds.ds0.connector': 'bigQuery',
      'ds.ds0.projectId': PROJECT,
      'ds.ds0.datasetId': DATASET,
      'ds.ds0.tableId': 'kpi_daily',
    });
    expect(dialog.html).toContain('Open on BigQuery');
  }, 120_000);
});
