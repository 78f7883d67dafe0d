/**
 * getDisplayValues: the text a cell shows, for the number formats an add-on like this one writes (plain numbers,
 * thousands separators, fixed decimals, percentages, dollar amounts, dates and times). Formats outside that subset
 * fall back to the General rendering rather than guessing.
 */
import { LONG_DAYS, LONG_MONTHS, SHORT_DAYS, SHORT_MONTHS, wallClockAt, wallTimeFromSerial } from './dates';
import { DEFAULT_NUMBER_FORMAT, PLAIN_TEXT_FORMAT, SerialDate, type StoredCell } from './values';

/** General format: up to 10 significant digits in a default-width column [mem: Sheets' automatic format]. */
function general(value: number): string {
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e15 || magnitude < 1e-9) return value.toExponential(2).toUpperCase().replace('E+', 'E+');
  return String(Number(value.toPrecision(10)));
}

function isDateFormat(format: string): boolean {
  const unquoted = format.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '');
  return /[ydhs]/i.test(unquoted) || /am\/pm/i.test(unquoted);
}

function withThousands(integerDigits: string): string {
  return integerDigits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function literalText(section: string): string {
  return section
    .replace(/\[\$([^\]-]*)(?:-[^\]]*)?\]/g, '$1')
    .replace(/"([^"]*)"/g, '$1')
    .replace(/\\(.)/g, '$1');
}

function formatNumber(value: number, format: string): string {
  const sections = format.split(';');
  const useNegativeSection = value < 0 && sections.length > 1;
  const section = (useNegativeSection ? sections[1] : sections[0]) ?? '';
  const core = /[#0?][#0?,]*(?:\.[#0?]+)?(?:E[+-]0+)?/i.exec(
    section.replace(/"[^"]*"/g, (m) => ' '.repeat(m.length)),
  );
  if (!core) return literalText(section);
  const prefix = literalText(section.slice(0, core.index));
  const suffix = literalText(section.slice(core.index + core[0].length));
  const pattern = core[0];
  const percent = (prefix + suffix).includes('%');
  let magnitude = Math.abs(value) * (percent ? 100 : 1);
  if (/E/i.test(pattern)) {
    const decimals = /\.(0+)/.exec(pattern)?.[1]?.length ?? 0;
    const text = magnitude
      .toExponential(decimals)
      .toUpperCase()
      .replace(/E([+-])(\d)$/, 'E$10$2');
    return `${value < 0 && !useNegativeSection ? '-' : ''}${prefix}${text}${suffix}`;
  }
  const fraction = /\.([#0?]+)/.exec(pattern)?.[1] ?? '';
  const required = (fraction.match(/0/g) ?? []).length;
  const optional = fraction.length;
  magnitude = Number(magnitude.toFixed(optional));
  let [integerPart, fractionPart = ''] = magnitude.toFixed(optional).split('.');
  fractionPart = fractionPart.replace(/0+$/, '');
  if (fractionPart.length < required) fractionPart = fractionPart.padEnd(required, '0');
  const integerPattern = pattern.split('.')[0] ?? '';
  if (integerPart === '0' && !integerPattern.includes('0')) integerPart = '';
  if (integerPattern.includes(',')) integerPart = withThousands(integerPart ?? '');
  const digits = fractionPart ? `${integerPart}.${fractionPart}` : (integerPart ?? '');
  const sign = value < 0 && !useNegativeSection && magnitude !== 0 ? '-' : '';
  return `${sign}${prefix}${digits}${suffix}`;
}

/** Sheets date-format tokens: "m" is minutes right after an hour or before seconds, otherwise a month. */
function formatSerial(serial: number, format: string): string {
  // The wall clock is the serial itself; read it in UTC so no zone shifts it.
  const wall = wallClockAt(wallTimeFromSerial(serial), 'Etc/UTC');
  const tokens = format.match(/"[^"]*"|\\.|am\/pm|a\/p|y+|m+|d+|h+|s+|./gi) ?? [];
  const twelveHour = tokens.some((token) => /^(am\/pm|a\/p)$/i.test(token));
  const out: string[] = [];
  tokens.forEach((token, index) => {
    const lower = token.toLowerCase();
    const previousUnit = tokens
      .slice(0, index)
      .reverse()
      .find((t) => /^[ymdhs]/i.test(t) && !/^(am|a\/p)/i.test(t));
    const nextUnit = tokens.slice(index + 1).find((t) => /^[ymdhs]/i.test(t) && !/^(am|a\/p)/i.test(t));
    if (token.startsWith('"')) out.push(token.slice(1, -1));
    else if (token.startsWith('\\')) out.push(token.slice(1));
    else if (lower === 'am/pm') out.push(wall.hour < 12 ? 'AM' : 'PM');
    else if (lower === 'a/p') out.push(wall.hour < 12 ? 'A' : 'P');
    else if (lower.startsWith('y'))
      out.push(lower.length <= 2 ? String(wall.year % 100).padStart(2, '0') : String(wall.year));
    else if (lower.startsWith('m')) {
      const isMinute = previousUnit?.toLowerCase().startsWith('h') || nextUnit?.toLowerCase().startsWith('s');
      if (isMinute && lower.length <= 2)
        out.push(lower.length === 2 ? String(wall.minute).padStart(2, '0') : String(wall.minute));
      else if (lower.length === 1) out.push(String(wall.month));
      else if (lower.length === 2) out.push(String(wall.month).padStart(2, '0'));
      else if (lower.length === 3) out.push(SHORT_MONTHS[wall.month - 1] ?? '');
      else out.push(LONG_MONTHS[wall.month - 1] ?? '');
    } else if (lower.startsWith('d')) {
      if (lower.length === 1) out.push(String(wall.day));
      else if (lower.length === 2) out.push(String(wall.day).padStart(2, '0'));
      else if (lower.length === 3) out.push(SHORT_DAYS[wall.isoWeekday - 1] ?? '');
      else out.push(LONG_DAYS[wall.isoWeekday - 1] ?? '');
    } else if (lower.startsWith('h')) {
      const hour = twelveHour ? ((wall.hour + 11) % 12) + 1 : wall.hour;
      out.push(lower.length >= 2 ? String(hour).padStart(2, '0') : String(hour));
    } else if (lower.startsWith('s'))
      out.push(lower.length >= 2 ? String(wall.second).padStart(2, '0') : String(wall.second));
    else out.push(token);
  });
  return out.join('');
}

/** The text Sheets shows for a stored cell with number format `format` (undefined = never formatted). */
export function displayText(cell: StoredCell, format: string | undefined): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  const effective =
    format && format !== DEFAULT_NUMBER_FORMAT && format !== PLAIN_TEXT_FORMAT ? format : undefined;
  if (cell instanceof SerialDate) {
    return formatSerial(cell.serial, effective && isDateFormat(effective) ? effective : 'M/d/yyyy H:mm:ss');
  }
  if (!effective) return general(cell);
  if (isDateFormat(effective)) return formatSerial(cell, effective);
  return formatNumber(cell, effective);
}
