/**
 * What the world computes for a formula. It is not a spreadsheet engine: the add-on writes very few formulas, and a
 * fake engine that half-works would hide bugs. The choice, documented in README.md:
 * - =GOOGLEFINANCE("CURRENCY:USDCNY") returns the world's configured rate (GOOGLEFINANCE quotes "may be delayed up
 *   to 20 minutes" and are for the currency pair given; support.google.com/docs/answer/3093281). Any other pair, or
 *   no configured rate, gives "#N/A", which is what Sheets shows when the quote is unavailable.
 * - Arithmetic on number literals (=1+2*3, =(10-4)/3, =2^3) is evaluated; division by zero gives "#DIV/0!".
 * - A call to an unknown function gives "#NAME?"; anything else (cell references, other built-ins) gives "#ERROR!",
 *   and the formula text is kept so tests can assert on it with getFormulas.
 */

export interface FormulaContext {
  fxRateUsdCny: number | undefined;
  /** Top-level functions of the loaded script: Sheets knows them as custom functions, so they are not "#NAME?". */
  isCustomFunction(name: string): boolean;
}

export type FormulaResult = number | string;

const GOOGLEFINANCE = /^=\s*GOOGLEFINANCE\s*\(\s*"CURRENCY:([A-Z]{3})([A-Z]{3})"\s*\)\s*$/i;

class ArithmeticParser {
  private position = 0;
  constructor(private readonly text: string) {}

  parse(): number | null {
    const value = this.sum();
    this.skipSpaces();
    return value !== null && this.position === this.text.length ? value : null;
  }
  private skipSpaces(): void {
    while (this.text[this.position] === ' ') this.position += 1;
  }
  private sum(): number | null {
    let left = this.product();
    for (;;) {
      this.skipSpaces();
      const operator = this.text[this.position];
      if (left === null || (operator !== '+' && operator !== '-')) return left;
      this.position += 1;
      const right = this.product();
      if (right === null) return null;
      left = operator === '+' ? left + right : left - right;
    }
  }
  private product(): number | null {
    let left = this.power();
    for (;;) {
      this.skipSpaces();
      const operator = this.text[this.position];
      if (left === null || (operator !== '*' && operator !== '/')) return left;
      this.position += 1;
      const right = this.power();
      if (right === null) return null;
      left = operator === '*' ? left * right : left / right;
    }
  }
  private power(): number | null {
    const base = this.unary();
    this.skipSpaces();
    if (base === null || this.text[this.position] !== '^') return base;
    this.position += 1;
    const exponent = this.power();
    return exponent === null ? null : base ** exponent;
  }
  private unary(): number | null {
    this.skipSpaces();
    const sign = this.text[this.position];
    if (sign === '-' || sign === '+') {
      this.position += 1;
      const operand = this.unary();
      return operand === null ? null : sign === '-' ? -operand : operand;
    }
    return this.atom();
  }
  private atom(): number | null {
    this.skipSpaces();
    if (this.text[this.position] === '(') {
      this.position += 1;
      const inner = this.sum();
      this.skipSpaces();
      if (this.text[this.position] !== ')') return null;
      this.position += 1;
      return inner;
    }
    const match = /^(\d+(?:\.\d*)?|\.\d+)(%?)/.exec(this.text.slice(this.position));
    if (!match) return null;
    this.position += match[0].length;
    return Number(match[1]) / (match[2] ? 100 : 1);
  }
}

export function evaluateFormula(formula: string, context: FormulaContext): FormulaResult {
  const fx = GOOGLEFINANCE.exec(formula);
  if (fx) {
    const pair = `${fx[1]}${fx[2]}`.toUpperCase();
    return pair === 'USDCNY' && context.fxRateUsdCny !== undefined ? context.fxRateUsdCny : '#N/A';
  }
  const value = new ArithmeticParser(formula.slice(1)).parse();
  if (value !== null) return Number.isFinite(value) ? value : '#DIV/0!';
  const call = /^=\s*([A-Za-z_][A-Za-z0-9_.]*)\s*\(/.exec(formula);
  const name = (call?.[1] ?? '').toUpperCase();
  if (call && !KNOWN_BUILT_INS.has(name) && !context.isCustomFunction(name)) return '#NAME?';
  return '#ERROR!';
}

/** Built-ins an add-on is likely to write; they are real functions, so they are not "#NAME?" but unmodelled. */
const KNOWN_BUILT_INS = new Set([
  'SUM',
  'SUMIF',
  'SUMIFS',
  'AVERAGE',
  'COUNT',
  'COUNTA',
  'COUNTIF',
  'IF',
  'IFERROR',
  'ROUND',
  'VLOOKUP',
  'XLOOKUP',
  'INDEX',
  'MATCH',
  'QUERY',
  'FILTER',
  'ARRAYFORMULA',
  'TODAY',
  'NOW',
  'DATE',
  'TEXT',
  'GOOGLEFINANCE',
  'SPARKLINE',
  'HYPERLINK',
]);
