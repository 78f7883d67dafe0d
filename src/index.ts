/**
 * The bundle's entry. esbuild wraps this module in `var SellerKpi = (() => { … })()`; the generated top-level
 * declarations (scripts/build.ts) forward to `SellerKpi.surface[NAME]`. Nothing here may call an Apps Script service
 * at load time: global code also runs for onOpen in AuthMode.NONE and for every custom-function call.
 */
import { SURFACE } from './registry';
// Registers the Inventory, KPI Inventory and Products outputs with the build (pure at load time, like the dashboard).
import './server/inventory';
// Registers the BigQuery load as a step after every build; it runs only where the manifest enables BigQuery and
// Settings name a project and dataset (src/bigquery/run.ts).
import './bigquery/run';
// The Drive folder of raw exports, loaded and parsed in BigQuery after the build's own load (src/bigquery/raw/run.ts).
import './bigquery/raw/run';

export const surface: Readonly<Record<string, (...args: never[]) => unknown>> = Object.fromEntries(
  SURFACE.map((entry) => [entry.name, entry.run]),
);
