// Prints the run's totals as one plain line ("N passed, N failed, N skipped") after Jest's own summary, for CI logs.
class CountReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    console.log(`${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped`);
  }
}
module.exports = CountReporter;
