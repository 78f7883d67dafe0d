/**
 * The Products sheet (SPEC §3a): one row per SKU with its name, the seller's own category, brand, owner (运营),
 * launch date and replenishment parameters. The add-on creates it on first use and adds a row for each SKU with stock
 * that it does not list yet; it never rewrites what a user typed. Blank cells take the defaults of defaults.ts.
 * Category and owner are read here for the levels of SPEC §3a (issue 13).
 */
import { type Cell, type CellGrid } from '../cell';
import { type IsoDate } from '../model';
import { cellText, normaliseHeader, parseDecimal, parseMoment, type TimeZones } from '../parse';
import { DEFAULT_PARAMETERS, type ParameterName, type ReplenishmentParameters } from './defaults';

/** SPEC §3a columns, in order: the header the add-on writes and reads by name. */
export const PRODUCTS_HEADER = [
  'sku',
  'name',
  'category',
  'brand',
  'owner',
  'launch_date',
  'lead_time_days',
  'lead_time_sd_days',
  'service_level',
  'target_days_of_supply',
  'case_pack',
  'moq',
] as const;

type ProductsColumn = (typeof PRODUCTS_HEADER)[number];

const PARAMETER_COLUMNS: Readonly<Record<ParameterName, ProductsColumn>> = {
  leadTimeDays: 'lead_time_days',
  leadTimeSdDays: 'lead_time_sd_days',
  serviceLevel: 'service_level',
  targetDaysOfSupply: 'target_days_of_supply',
  casePack: 'case_pack',
  moq: 'moq',
};

/** What each parameter may be; a value outside is not used (the default stands, and the row says why). */
const VALID: Readonly<Record<ParameterName, (value: number) => boolean>> = {
  leadTimeDays: (value) => value >= 0,
  leadTimeSdDays: (value) => value >= 0,
  // z(service level) is infinite at 0 and 1 (src/core/kpi/normal.ts).
  serviceLevel: (value) => value > 0 && value < 1,
  targetDaysOfSupply: (value) => value >= 0,
  casePack: (value) => Number.isInteger(value) && value >= 1,
  moq: (value) => value >= 0,
};

export interface ProductRow {
  sku: string;
  /** 1-based row on the Products sheet. */
  row: number;
  name: string;
  category: string;
  brand: string;
  owner: string;
  launchDate: IsoDate | null;
  /** The parameters this SKU uses: its own where typed and valid, else the defaults. */
  parameters: ReplenishmentParameters;
  /** The parameters that came from defaults.ts (blank or unusable on the sheet). */
  defaulted: ParameterName[];
  /** Cells that could not be used, as `column: value`, for the Inventory sheet's notes. */
  problems: string[];
}

export interface ProductsTable {
  bySku: ReadonlyMap<string, ProductRow>;
  /** True when the sheet exists but has no `sku` column in its first row: nothing on it could be read. */
  headerMissing: boolean;
}

export const EMPTY_PRODUCTS: ProductsTable = { bySku: new Map(), headerMissing: false };

/** A SKU on no Products row: every parameter a default. */
export function defaultProduct(sku: string): ProductRow {
  return {
    sku,
    row: 0,
    name: '',
    category: '',
    brand: '',
    owner: '',
    launchDate: null,
    parameters: { ...DEFAULT_PARAMETERS },
    defaulted: Object.keys(DEFAULT_PARAMETERS) as ParameterName[],
    problems: [],
  };
}

/** The Products sheet's rows by SKU (the first row of a SKU listed twice wins; the later one is a problem). */
export function productsFromGrid(grid: CellGrid, zones: TimeZones): ProductsTable {
  const header = (grid[0] ?? []).map((cell) => normaliseHeader(cell));
  const at = (column: ProductsColumn): number => header.indexOf(column);
  if (at('sku') < 0) return { bySku: new Map(), headerMissing: grid.length > 0 };
  const bySku = new Map<string, ProductRow>();
  for (let index = 1; index < grid.length; index++) {
    const cells = grid[index] ?? [];
    const cellOf = (column: ProductsColumn): Cell => {
      const position = at(column);
      return position < 0 ? '' : (cells[position] ?? '');
    };
    const sku = cellText(cellOf('sku'));
    if (sku === '') continue;
    const existing = bySku.get(sku);
    if (existing) {
      existing.problems.push(`sku: ${sku} (row ${index + 1} too)`);
      continue;
    }
    const product = defaultProduct(sku);
    product.row = index + 1;
    product.name = cellText(cellOf('name'));
    product.category = cellText(cellOf('category'));
    product.brand = cellText(cellOf('brand'));
    product.owner = cellText(cellOf('owner'));
    const launch = parseMoment(cellOf('launch_date'), zones);
    if (launch.ok) product.launchDate = launch.value?.date ?? null;
    else product.problems.push(`launch_date: ${launch.text}`);
    product.defaulted = [];
    for (const name of Object.keys(PARAMETER_COLUMNS) as ParameterName[]) {
      const column = PARAMETER_COLUMNS[name];
      const parsed = parseDecimal(cellOf(column));
      if (parsed.ok && parsed.value !== null && VALID[name](parsed.value)) {
        product.parameters[name] = parsed.value;
        continue;
      }
      product.defaulted.push(name);
      if (!parsed.ok) product.problems.push(`${column}: ${parsed.text}`);
      else if (parsed.value !== null) product.problems.push(`${column}: ${parsed.value}`);
    }
    bySku.set(sku, product);
  }
  return { bySku, headerMissing: false };
}

/** The column formats of the Products sheet: SKUs and names stay text (00501), launch_date a date. */
export function productsColumnFormat(column: ProductsColumn): 'text' | 'date' | 'number' {
  if (column === 'launch_date') return 'date';
  return (['sku', 'name', 'category', 'brand', 'owner'] as readonly ProductsColumn[]).includes(column)
    ? 'text'
    : 'number';
}

/** A new Products row for a SKU with stock: its SKU and name, the rest left for the user (blank = default). */
export function newProductRow(sku: string, name: string): string[] {
  return PRODUCTS_HEADER.map((column) => (column === 'sku' ? sku : column === 'name' ? name : ''));
}
