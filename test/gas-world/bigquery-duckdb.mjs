// The SQL engine of the local BigQuery double (bigquery.ts), run in a worker thread so that a BigQuery job can finish
// synchronously inside the script's execution, as Jobs.get sees it in Apps Script: the test's thread blocks in
// Atomics.wait until this worker has answered (DuckDB's node API is asynchronous, the script's world is not).
// Each request {prelude[], tables[{dataset, table, columns[{name, type}], rows[[…]]}], views[{dataset, name, sql}],
// statements[]} (already in DuckDB's dialect, see bigquery-sql.ts) runs in a new in-memory database; the answer is
// {ok, result: {columns[{name, type}], rows[[…]]} | null, tables[{dataset, table, columns, rows}], views[{dataset,
// name}]} or {ok: false, error}, posted on workerData.port before workerData.signal is raised.
import { parentPort, workerData } from 'node:worker_threads';
import { DuckDBInstance } from '@duckdb/node-api';

const quote = (name) => `"${String(name).replace(/"/g, '""')}"`;
const literal = (value) =>
  value === null || value === undefined
    ? 'NULL'
    : typeof value === 'boolean'
      ? String(value)
      : `'${String(value).replace(/'/g, "''")}'`;

async function run(request) {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  for (const sql of request.prelude) await connection.run(sql);
  const schemas = new Set([...request.tables, ...request.views].map((item) => item.dataset));
  for (const schema of schemas) await connection.run(`CREATE SCHEMA ${quote(schema)}`);
  for (const table of request.tables) {
    const name = `${quote(table.dataset)}.${quote(table.table)}`;
    const columns = table.columns.map((column) => `${quote(column.name)} ${column.type}`).join(', ');
    await connection.run(`CREATE TABLE ${name} (${columns})`);
    // Inserted in slices: one statement of 100,000 rows would be a very long string.
    for (let start = 0; start < table.rows.length; start += 500) {
      const values = table.rows
        .slice(start, start + 500)
        .map((row) => `(${row.map(literal).join(', ')})`)
        .join(', ');
      await connection.run(`INSERT INTO ${name} VALUES ${values}`);
    }
  }
  for (const view of request.views) {
    await connection.run(`CREATE VIEW ${quote(view.dataset)}.${quote(view.name)} AS ${view.sql}`);
  }
  let result = null;
  for (const statement of request.statements) {
    const reader = await connection.runAndReadAll(statement);
    const names = reader.columnNames();
    if (/^\s*(WITH|SELECT)\b/i.test(statement)) {
      const types = reader.columnTypes().map(String);
      result = {
        columns: names.map((name, index) => ({ name, type: types[index] })),
        rows: reader.getRowsJson(),
      };
    }
  }
  const tables = [];
  const listed = await connection.runAndReadAll(
    "SELECT table_schema, table_name, table_type FROM information_schema.tables WHERE table_schema NOT IN ('main', 'information_schema', 'pg_catalog') ORDER BY 1, 2",
  );
  const views = [];
  for (const [dataset, table, kind] of listed.getRowsJson()) {
    if (kind === 'VIEW') {
      views.push({ dataset, name: table });
      continue;
    }
    const reader = await connection.runAndReadAll(`SELECT * FROM ${quote(dataset)}.${quote(table)}`);
    const types = reader.columnTypes().map(String);
    tables.push({
      dataset,
      table,
      columns: reader.columnNames().map((name, index) => ({ name, type: types[index] })),
      rows: reader.getRowsJson(),
    });
  }
  connection.closeSync();
  instance.closeSync();
  return { ok: true, result, tables, views };
}

parentPort.on('message', async (request) => {
  let answer;
  try {
    answer = await run(request);
  } catch (error) {
    answer = { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  // As JSON text: getRowsJson already turned big integers and decimals into strings.
  workerData.port.postMessage(JSON.stringify(answer));
  Atomics.store(workerData.signal, 0, 1);
  Atomics.notify(workerData.signal, 0);
});
