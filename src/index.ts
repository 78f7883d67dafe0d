/**
 * The bundle's entry. esbuild wraps this module in `var SellerKpi = (() => { … })()`; the generated top-level
 * declarations (scripts/build.ts) forward to `SellerKpi.surface[NAME]`. Nothing here may call an Apps Script service
 * at load time: global code also runs for onOpen in AuthMode.NONE and for every custom-function call.
 */
import { SURFACE } from './registry';
// Registers the Inventory, KPI Inventory and Products outputs with the build (pure at load time, like the dashboard).
import './server/inventory';
// Registers the BigQuery flavour's steps after every build: the load, then the Drive folder of raw exports
// (src/bigquery/steps.ts). The default build bundles src/bigquery/defaultFlavour.ts here instead (scripts/build.ts).
import './bigquery/steps';

export const surface: Readonly<Record<string, (...args: never[]) => unknown>> = Object.fromEntries(
  SURFACE.map((entry) => [entry.name, entry.run]),
);
