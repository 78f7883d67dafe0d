/**
 * The BigQuery flavour's steps after a build (issue 15): the load of the build's KPI Summary and facts (run.ts), then
 * the Drive folder of raw exports (raw/run.ts), in that order. The default build (scripts/build.ts) bundles
 * defaultFlavour.ts instead of this module, so that a seller who never uses BigQuery does not load its code, its SQL
 * text and its Drive path with every custom-function call.
 */
import './run';
import './raw/run';
