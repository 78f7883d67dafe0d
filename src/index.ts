/**
 * The bundle's entry. esbuild wraps this module in `var SellerKpi = (() => { … })()`; the generated top-level
 * declarations (scripts/build.ts) forward to `SellerKpi.surface[NAME]`. Nothing here may call an Apps Script service
 * at load time: global code also runs for onOpen in AuthMode.NONE and for every custom-function call.
 */
import { SURFACE } from './registry';

export const surface: Readonly<Record<string, (...args: never[]) => unknown>> = Object.fromEntries(
  SURFACE.map((entry) => [entry.name, entry.run]),
);
