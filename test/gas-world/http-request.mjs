/* global process, Buffer, fetch, AbortSignal */
// One HTTP request for the world's UrlFetchApp, run in a child process so that UrlFetchApp.fetch can be synchronous
// as in Apps Script: the test's own process blocks in execFileSync until this prints the answer. Reads
// {url, method, headers, body (base64)} on stdin; prints {status, headers, body (base64)} or {error} on stdout.
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const request = JSON.parse(Buffer.concat(chunks).toString('utf8'));
try {
  const response = await fetch(request.url, {
    method: request.method,
    headers: request.headers,
    body: request.body === null ? undefined : Buffer.from(request.body, 'base64'),
    redirect: 'follow',
    signal: AbortSignal.timeout(request.timeoutMs),
  });
  const body = Buffer.from(await response.arrayBuffer());
  const headers = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  process.stdout.write(JSON.stringify({ status: response.status, headers, body: body.toString('base64') }));
} catch (error) {
  process.stdout.write(JSON.stringify({ error: error instanceof Error ? error.message : String(error) }));
}
