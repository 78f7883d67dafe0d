/** Cell value parsing: every reader returns a value or a reason, never throws (see result.ts). */
export { type Parsed, type ParseFailure, parsedValue, parseFailure } from './result';
export { cellText, cleanText, isLowerCaseOf, normaliseHeader } from './text';
export {
  parseBoolean,
  parseCount,
  parseDecimal,
  parseMoney,
  parsePercent,
  plainDecimal,
  roundCents,
  wholeCentsOf,
} from './number';
export {
  type DayOrder,
  type DayRange,
  type Moment,
  decideDayOrder,
  dayOrderEvidence,
  type TimeZones,
  dayInZone,
  epochOfIsoWithOffset,
  epochSecondsOf,
  epochOfLocalTime,
  parseDayRange,
  parseMoment,
} from './date';
