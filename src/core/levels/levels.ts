/**
 * The levels of the method (SPEC §3a, the source article's 公司 → 品类 → 渠道 → 岗位): every SKU sits in one category
 * and under one owner (运营), read from the Products sheet. The sheet holds today's assignment only, so a SKU moved
 * to another owner mid-month counts for its new owner over the whole month: every figure of a level is the figures
 * of the SKUs in it now, never a history the workbook does not have.
 */
import { type CellGrid } from '../cell';
import { EMPTY_PRODUCTS, productsFromGrid, type ProductsTable } from '../inventory/products';
import { type DataIssue } from '../model';
import { type TimeZones } from '../parse';

/** The category and owner of SKUs without a Products row (and of channel-level rows without a SKU). */
export const NO_LEVEL = '(none)';

/** The levels a KPI can be grouped by, from the whole company down to one operator's SKUs (SPEC §3a). */
export type Level = 'company' | 'channel' | 'category' | 'owner';
export const LEVELS: readonly Level[] = ['company', 'channel', 'category', 'owner'];

export interface SkuLevel {
  category: string;
  owner: string;
}

export interface SkuLevels {
  /** The SKU's category and owner; NO_LEVEL for what the Products sheet does not say. */
  of(sku: string): SkuLevel;
}

const UNASSIGNED: SkuLevel = { category: NO_LEVEL, owner: NO_LEVEL };

/** Levels of the SKUs on a Products table; a blank category or owner cell is NO_LEVEL too (Looker filters by text). */
export function levelsFromProducts(products: ProductsTable): SkuLevels {
  const bySku = new Map<string, SkuLevel>();
  for (const [sku, product] of products.bySku) {
    bySku.set(sku, {
      category: product.category.trim() || NO_LEVEL,
      owner: product.owner.trim() || NO_LEVEL,
    });
  }
  return { of: (sku) => bySku.get(sku) ?? UNASSIGNED };
}

export interface LevelsRead {
  levels: SkuLevels;
  products: ProductsTable;
}

/** The Products sheet's grid (null when the workbook has none yet) read into levels. */
export function readLevels(productsRows: CellGrid | null, zones: TimeZones): LevelsRead {
  const products = productsRows ? productsFromGrid(productsRows, zones) : EMPTY_PRODUCTS;
  return { levels: levelsFromProducts(products), products };
}

/** How many SKUs a Data Issue names before it says "and N more": enough to start typing them in. */
const NAMED_SKUS = 10;

/**
 * The one Data Issue of SPEC §3a: the SKUs sold or advertised that have no Products row, or a row without category
 * or owner, so they sit in "(none)". Rows without a SKU (Sponsored Brands spend on the channel) are not a SKU to list. Null when every SKU
 * has its row.
 */
export function skusWithoutProductsIssue(
  skus: Iterable<string>,
  products: ProductsTable,
  productsSheet: string,
): DataIssue | null {
  const missing = new Set<string>();
  for (const sku of skus) {
    if (sku === '' || missing.has(sku)) continue;
    const product = products.bySku.get(sku);
    // A row the build added (or a user left half-filled) puts the SKU in "(none)" just the same.
    if (!product || product.category.trim() === '' || product.owner.trim() === '') missing.add(sku);
  }
  if (missing.size === 0) return null;
  const sorted = [...missing].sort();
  const named = sorted.slice(0, NAMED_SKUS).join(', ');
  return {
    sheet: productsSheet,
    row: 0,
    key: '',
    reason: {
      key: 'issue.levels.skusWithoutProduct',
      params: {
        count: missing.size,
        skus: sorted.length > NAMED_SKUS ? `${named} (+${sorted.length - NAMED_SKUS})` : named,
      },
    },
  };
}
