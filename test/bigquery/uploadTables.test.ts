/**
 * The upload of a table's replacement rows in pieces (load.ts uploadTables, used by the build's load and by the Drive
 * folder's workbook inputs): load jobs on one table commit in the order they finish, so a WRITE_APPEND piece started
 * beside the WRITE_TRUNCATE piece could land first and be dropped. Every first piece goes at once; a further piece
 * only after the round before it landed.
 */
import {
  type BigQueryClient,
  type JobOutcome,
  type JobReference,
  type LoadRequest,
} from '../../src/bigquery/client';
import { MAX_UPLOAD_BYTES, uploadTables } from '../../src/bigquery/load';

/** A client that records, in order, each load started and each wait. */
function recordingClient(fail: string | null = null) {
  const events: string[] = [];
  let next = 1;
  const client = {
    startLoad(request: LoadRequest): JobReference {
      const jobId = `job-${next++}`;
      events.push(`start ${request.tableId} ${request.writeDisposition} ${jobId}`);
      return { projectId: 'p', jobId, location: 'US' };
    },
    waitForJobs(jobs: readonly JobReference[]): JobOutcome[] {
      events.push(`wait ${jobs.map((job) => job.jobId).join(',')}`);
      return jobs.map((job) =>
        job.jobId === fail
          ? { job, state: 'FAILED', error: 'Invalid NUMERIC value' }
          : { job, state: 'DONE' },
      );
    },
  } as unknown as BigQueryClient;
  return { client, events };
}

const budget = { now: () => 0, sleep: () => undefined, deadline: 1 };
const fields = [{ name: 'sku', type: 'STRING', mode: 'NULLABLE' as const }];
/** 2.5 pieces' worth of lines: three pieces. */
const bigLines = Array.from(
  { length: 2_600 },
  (_, index) => `{"sku":"${String(index).padStart(10_000, 'x')}"}`,
);

describe('uploadTables', () => {
  it('starts every first piece at once, and each further piece only after the round before landed', () => {
    expect(bigLines.join('\n').length).toBeGreaterThan(2 * MAX_UPLOAD_BYTES);
    const { client, events } = recordingClient();
    const outcome = uploadTables(
      client,
      'd',
      [
        { tableId: 'big', fields, lines: bigLines },
        { tableId: 'small', fields, lines: ['{"sku":"A"}'] },
      ],
      budget,
    );
    expect(outcome.state).toBe('DONE');
    expect(events).toEqual([
      'start big WRITE_TRUNCATE job-1',
      'start small WRITE_TRUNCATE job-2',
      'wait job-1,job-2',
      'start big WRITE_APPEND job-3',
      'wait job-3',
      'start big WRITE_APPEND job-4',
      'wait job-4',
    ]);
  });

  it('stops at a failed piece: nothing is appended after it', () => {
    const { client, events } = recordingClient('job-1');
    const outcome = uploadTables(client, 'd', [{ tableId: 'big', fields, lines: bigLines }], budget);
    expect(outcome).toMatchObject({ state: 'FAILED', error: 'Invalid NUMERIC value' });
    expect(events).toEqual(['start big WRITE_TRUNCATE job-1', 'wait job-1']);
  });
});
