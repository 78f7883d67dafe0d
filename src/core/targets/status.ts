/**
 * GREEN / AMBER / RED against a target: the one rule behind both the KPI Dashboard and the KPI_STATUS function.
 */
import { type Direction } from './metrics';

export type KpiStatus = 'GREEN' | 'AMBER' | 'RED';

/** Tolerance used when a target row leaves it blank: 10% of the target. */
export const DEFAULT_TOLERANCE = 0.1;

/**
 * GREEN when the actual meets the target; AMBER when it misses by no more than `tolerance` × |target| (a relative
 * band: 10% of a 25% ACoS target is 2.5 points); RED beyond. Null when either side is unknown: an undefined ratio is
 * not judged. Values are compared after rounding to 9 decimals so 0.1 + 0.2 meets a 0.3 target.
 */
export function kpiStatus(
  actual: number | null,
  target: number | null,
  direction: Direction,
  tolerance: number = DEFAULT_TOLERANCE,
): KpiStatus | null {
  if (actual === null || target === null || !Number.isFinite(actual) || !Number.isFinite(target)) return null;
  const round = (value: number): number => Math.round(value * 1e9) / 1e9;
  const band = Math.abs(target) * Math.max(0, tolerance);
  const shortfall = round(direction === 'higher' ? target - actual : actual - target);
  if (shortfall <= 0) return 'GREEN';
  return shortfall <= round(band) ? 'AMBER' : 'RED';
}
