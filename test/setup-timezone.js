// Apps Script runs the script's JS Date in the manifest's timeZone (appsscript.json: Etc/UTC), never in the
// spreadsheet's. Tests run the same way so that code which leans on the host zone fails here as it would there.
process.env.TZ = 'Etc/UTC';
