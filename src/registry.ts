import { KPI_FUNCTIONS } from './functions';
import { APP_HANDLERS } from './server/handlers';
import { type SurfaceEntry } from './surface';

/** Everything the pushed script exposes as a global function. The build generates the declarations from this list. */
export const SURFACE: readonly SurfaceEntry[] = [...KPI_FUNCTIONS, ...APP_HANDLERS];
