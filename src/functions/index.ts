import { type CustomFunctionSpec } from '../surface';

/** The KPI custom functions (SPEC §1), in the order docs/FUNCTIONS.md lists them. */
export const KPI_FUNCTIONS: readonly CustomFunctionSpec[] = [];
