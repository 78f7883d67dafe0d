/**
 * `seller-kpi-samples` outside the bundle: Node scripts (tsx), the type checker and Jest read the sample exports from
 * disk through this module (tsconfig.json paths, jest.config.js moduleNameMapper); inside dist/main.js the build's
 * plugin puts the same list, parsed at build time, in its place (scripts/build.ts).
 */
import { sampleExports } from './sampleExports';

export const SAMPLE_EXPORTS: readonly { file: string; rows: readonly (readonly string[])[] }[] =
  sampleExports();
