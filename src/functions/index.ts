/**
 * The KPI custom functions (SPEC §1), in the order docs/FUNCTIONS.md lists them. Each entry is what Sheets
 * autocomplete shows (scripts/build.ts turns it into a top-level `function KPI_X(…)` with JSDoc) and forwards to the
 * pure implementation in src/core/kpi. Input errors are thrown as Error with a message in the spreadsheet's
 * language, which Sheets shows as the `#ERROR!` tooltip.
 */
import { isKpiInputError } from '../core/kpi/errors';
import * as kpi from '../core/kpi/functions';
import { type Language, translate } from '../core/i18n';
import { type CustomFunctionSpec, type ParameterSpec } from '../surface';
import { marketplaceToday, spreadsheetLanguage, spreadsheetTimeZone } from './context';

type Run = (...args: unknown[]) => unknown;

/** Runs a KPI function; a KpiInputError becomes a plain Error whose message names the function and the argument. */
function guarded(functionName: string, run: Run, language: () => Language = spreadsheetLanguage): Run {
  return (...args: unknown[]) => {
    try {
      return run(...args);
    } catch (error) {
      if (!isKpiInputError(error)) throw error;
      const lang = language();
      const message = translate(lang, error.key, error.params);
      const text = error.position
        ? translate(lang, 'fn.error.where', { fn: functionName, message, ...error.position })
        : translate(lang, 'fn.error.plain', { fn: functionName, message });
      throw new Error(text);
    }
  };
}

const param = (name: string, description: string, optional = false): ParameterSpec =>
  optional ? { name, description, optional } : { name, description };

/** A parameter that takes text, a date or a TRUE/FALSE rather than a number (its JSDoc type says so). */
const typed = (parameter: ParameterSpec, type: string): ParameterSpec => ({ ...parameter, type });

function spec(
  name: `KPI_${string}`,
  summary: string,
  parameters: ParameterSpec[],
  returns: string,
  example: string,
  run: Run,
): CustomFunctionSpec {
  return { kind: 'customFunction', name, summary, parameters, returns, example, run: guarded(name, run) };
}

const FRACTION = 'A fraction (0.25 = 25%; format the cell as percent), blank where';
const USD = 'in USD, a number or a range';
const COST_PARTS_NO_ADS: ParameterSpec[] = [
  param('first_leg', `First-leg (头程) freight per unit ${USD}; default 0`, true),
  param('duty_rate', 'Import duty rate on COGS, e.g. 7.5%; default 0', true),
  param('return_loss', `Expected return loss per unit sold ${USD}; default 0`, true),
  param('other', `Other cost per unit ${USD}; default 0`, true),
];
const UNIT_CORE: ParameterSpec[] = [
  param('price', `Selling price per unit ${USD}`),
  param('cogs', `Cost of goods per unit (采购成本) ${USD}`),
  param('fba_fee', `FBA fulfilment fee per unit ${USD} (see KPI_FBA_FEE)`),
  param('referral_rate', 'Amazon referral fee rate, e.g. 15%'),
];

/** Resolves KPI_STATUS's optional `language` argument: "en"/"zh" (or a locale such as zh_CN), else the sheet's. */
function statusLanguage(language: unknown): Language {
  const value = Array.isArray(language) ? (language as unknown[][])[0]?.[0] : language;
  if (value === undefined || value === null || value === '') return spreadsheetLanguage();
  const text = String(value).trim().toLowerCase();
  if (/^(en|english)([-_].*)?$/.test(text)) return 'en';
  if (/^(zh|cn|chinese|中文)([-_].*)?$/.test(text)) return 'zh';
  throw new Error(
    translate(spreadsheetLanguage(), 'fn.error.plain', {
      fn: 'KPI_STATUS',
      message: translate(spreadsheetLanguage(), 'fn.error.unknownLanguage', {
        value: String(value).slice(0, 20),
      }),
    }),
  );
}

/** Read once per call (not per cell): a date cell is the day it shows in the spreadsheet's zone. */
const feeContext = (): kpi.FeeContext => ({ today: marketplaceToday(), timeZone: spreadsheetTimeZone() });

export const KPI_FUNCTIONS: readonly CustomFunctionSpec[] = [
  spec(
    'KPI_ACOS',
    'Advertising cost of sales (ACoS, 广告销售成本比) = ad spend / ad sales.',
    [param('ad_spend', `Ad spend ${USD}`), param('ad_sales', `Sales attributed to ads ${USD}`)],
    `${FRACTION} ad sales are 0`,
    '=KPI_ACOS(B2:B100, C2:C100)',
    kpi.kpiAcos as Run,
  ),
  spec(
    'KPI_TACOS',
    'Total advertising cost of sales (TACoS, 总广告销售占比) = ad spend / total sales.',
    [param('ad_spend', `Ad spend ${USD}`), param('total_sales', `Total sales, organic and ad ${USD}`)],
    `${FRACTION} total sales are 0`,
    '=KPI_TACOS(B2:B100, D2:D100)',
    kpi.kpiTacos as Run,
  ),
  spec(
    'KPI_ROAS',
    'Return on ad spend (ROAS, 广告支出回报率) = ad sales / ad spend.',
    [param('ad_sales', `Sales attributed to ads ${USD}`), param('ad_spend', `Ad spend ${USD}`)],
    'A multiple (4 = $4 of sales per $1 of ads), blank where ad spend is 0',
    '=KPI_ROAS(C2:C100, B2:B100)',
    kpi.kpiRoas as Run,
  ),
  spec(
    'KPI_CPC',
    'Cost per click (CPC, 单次点击成本) = ad spend / clicks.',
    [param('spend', `Ad spend ${USD}`), param('clicks', 'Ad clicks, a count or a range')],
    'USD per click, blank where clicks are 0',
    '=KPI_CPC(B2:B100, E2:E100)',
    kpi.kpiCpc as Run,
  ),
  spec(
    'KPI_CTR',
    'Click-through rate (CTR, 点击率) = clicks / impressions.',
    [
      param('clicks', 'Ad clicks, a count or a range'),
      param('impressions', 'Ad impressions, a count or a range'),
    ],
    `${FRACTION} impressions are 0`,
    '=KPI_CTR(E2:E100, F2:F100)',
    kpi.kpiCtr as Run,
  ),
  spec(
    'KPI_CVR',
    'Conversion rate (CVR, 转化率) = orders / clicks.',
    [
      param('orders', 'Orders (or units) from ads, a count or a range'),
      param('clicks', 'Ad clicks, a count or a range'),
    ],
    `${FRACTION} clicks are 0`,
    '=KPI_CVR(G2:G100, E2:E100)',
    kpi.kpiCvr as Run,
  ),
  spec(
    'KPI_UNIT_PROFIT',
    'Profit per unit sold (单件利润) = price − COGS − FBA fee − price × referral rate − optional costs.',
    [
      ...UNIT_CORE,
      param('first_leg', `First-leg (头程) freight per unit ${USD}; default 0`, true),
      param('duty_rate', 'Import duty rate on COGS, e.g. 7.5%; default 0', true),
      param('ad_cost', `Ad cost per unit sold ${USD}; default 0`, true),
      param('return_loss', `Expected return loss per unit sold ${USD}; default 0`, true),
      param('other', `Other cost per unit ${USD}; default 0`, true),
    ],
    'USD per unit',
    '=KPI_UNIT_PROFIT(29.99, 6.5, 5.04, 15%, 1.2, 7.5%, 3, 0.6)',
    kpi.kpiUnitProfit as Run,
  ),
  spec(
    'KPI_BREAKEVEN_ACOS',
    'Break-even ACoS (盈亏平衡ACoS) = unit profit before advertising / price.',
    [...UNIT_CORE, ...COST_PARTS_NO_ADS],
    `${FRACTION} the price is 0`,
    '=KPI_BREAKEVEN_ACOS(29.99, 6.5, 5.04, 15%, 1.2, 7.5%)',
    kpi.kpiBreakevenAcos as Run,
  ),
  spec(
    'KPI_TARGET_ACOS',
    'Target ACoS (目标ACoS) = break-even ACoS − target margin after ads.',
    [...UNIT_CORE, param('target_margin', 'Profit margin to keep after ads, e.g. 10%'), ...COST_PARTS_NO_ADS],
    `${FRACTION} the price is 0; negative when the target margin is out of reach even without ads`,
    '=KPI_TARGET_ACOS(29.99, 6.5, 5.04, 15%, 10%, 1.2, 7.5%)',
    kpi.kpiTargetAcos as Run,
  ),
  spec(
    'KPI_MARGIN',
    'Profit margin (利润率) = profit / revenue.',
    [param('profit', `Profit ${USD}`), param('revenue', `Revenue ${USD}`)],
    `${FRACTION} revenue is 0`,
    '=KPI_MARGIN(H2:H100, D2:D100)',
    kpi.kpiMargin as Run,
  ),
  spec(
    'KPI_ROI',
    'Return on investment (ROI, 投资回报率) = profit / cost.',
    [param('profit', `Profit ${USD}`), param('cost', `Cost invested (e.g. landed cost) ${USD}`)],
    `${FRACTION} cost is 0`,
    '=KPI_ROI(H2, I2)',
    kpi.kpiRoi as Run,
  ),
  spec(
    'KPI_LANDED_COST',
    'Landed cost per unit (到仓成本) = COGS + first-leg freight + COGS × duty rate + other.',
    [
      param('cogs', `Cost of goods per unit ${USD}`),
      param('first_leg', `First-leg (头程) freight per unit ${USD}`),
      param('duty_rate', 'Import duty rate on COGS, e.g. 7.5%'),
      param('other', `Other cost per unit to the warehouse ${USD}; default 0`, true),
    ],
    'USD per unit',
    '=KPI_LANDED_COST(6.5, 1.2, 7.5%)',
    kpi.kpiLandedCost as Run,
  ),
  spec(
    'KPI_REFERRAL_FEE',
    'Amazon US referral fee (亚马逊销售佣金) = max(category rate × price, per-item minimum), dated table.',
    [
      param('price', `Total sales price (item + shipping + gift wrap) ${USD}`),
      typed(
        param('category', 'Referral fee category, e.g. "Home and Kitchen" or "家居厨房"'),
        'string|Array<Array<string>>',
      ),
      typed(param('date', 'Sale date (date cell or yyyy-mm-dd); default today', true), 'Date|string'),
    ],
    'USD per unit',
    '=KPI_REFERRAL_FEE(29.99, "Home and Kitchen")',
    (price, category, date) => kpi.kpiReferralFee(feeContext(), price, category, date),
  ),
  spec(
    'KPI_FBA_FEE',
    'Amazon US FBA fulfilment fee (FBA配送费) from size tier, weight and price band, dated table.',
    [
      param('weight', 'Unit weight in lb (or kg with units "cm/kg")'),
      param('length', 'Length in inches (or cm)'),
      param('width', 'Width in inches (or cm)'),
      param('height', 'Height in inches (or cm)'),
      param('price', `Selling price ${USD} (picks the price band)`),
      typed(param('date', 'Ship date (date cell or yyyy-mm-dd); default today', true), 'Date|string'),
      typed(
        param('peak', 'TRUE for the holiday peak fee, FALSE for non-peak; default: by date', true),
        'boolean',
      ),
      typed(param('units', '"in/lb" (default) or "cm/kg"', true), 'string'),
      typed(
        param(
          'fuel_surcharge',
          'FALSE to leave out the 3.5% fuel and logistics surcharge (from 2026-04-17); default TRUE',
          true,
        ),
        'boolean',
      ),
    ],
    'USD per unit (non-apparel, non-dangerous goods), with the holiday peak amount and surcharges of the date',
    '=KPI_FBA_FEE(0.8, 10, 6, 3, 24.99, "2026-03-01")',
    (weight, length, width, height, price, date, peak, units, fuelSurcharge) =>
      kpi.kpiFbaFee(feeContext(), weight, length, width, height, price, date, peak, units, fuelSurcharge),
  ),
  spec(
    'KPI_SIZE_TIER',
    'Amazon US FBA size tier (尺寸分段) from dimensions and weight, with dimensional weight.',
    [
      param('weight', 'Unit weight in lb (or kg with units "cm/kg")'),
      param('length', 'Length in inches (or cm)'),
      param('width', 'Width in inches (or cm)'),
      param('height', 'Height in inches (or cm)'),
      typed(param('date', 'Date (date cell or yyyy-mm-dd); default today', true), 'Date|string'),
      typed(param('units', '"in/lb" (default) or "cm/kg"', true), 'string'),
    ],
    'A tier id such as large_standard or small_bulky',
    '=KPI_SIZE_TIER(0.8, 10, 6, 3)',
    (weight, length, width, height, date, units) =>
      kpi.kpiSizeTier(feeContext(), weight, length, width, height, date, units),
  ),
  spec(
    'KPI_INVENTORY_TURNOVER',
    'Inventory turnover (库存周转率) = COGS / average inventory value.',
    [
      param('cogs', `Cost of goods sold in the period ${USD}`),
      param('avg_inventory_value', `Average inventory value at cost ${USD}`),
    ],
    'Turns per period, blank where the inventory value is 0',
    '=KPI_INVENTORY_TURNOVER(120000, 30000)',
    kpi.kpiInventoryTurnover as Run,
  ),
  spec(
    'KPI_DAYS_OF_SUPPLY',
    'Days of supply (库存可售天数) = units on hand / average daily units sold.',
    [
      param('on_hand_units', 'Units on hand, a count or a range'),
      param('avg_daily_units', 'Average units sold per day'),
    ],
    'Days, blank where nothing sells',
    '=KPI_DAYS_OF_SUPPLY(J2:J100, K2:K100)',
    kpi.kpiDaysOfSupply as Run,
  ),
  spec(
    'KPI_SELL_THROUGH',
    'Sell-through rate (动销率/售罄率) = units sold / average units on hand (Amazon uses 90 days).',
    [
      param('units_sold', 'Units sold in the period (Amazon: last 90 days)'),
      param('avg_units_on_hand', 'Average units on hand in the same period'),
    ],
    'A ratio (1.5 = sold 1.5× the average stock), blank where stock is 0',
    '=KPI_SELL_THROUGH(900, 400)',
    kpi.kpiSellThrough as Run,
  ),
  spec(
    'KPI_SAFETY_STOCK',
    'Safety stock (安全库存) = z(service level) × demand sd × √lead time, optionally with lead-time variation.',
    [
      param('daily_demand_sd', 'Standard deviation of daily units sold'),
      param('lead_time_days', 'Replenishment lead time in days'),
      param('service_level', 'Chance of no stock-out during lead time, e.g. 95%'),
      param('avg_daily_units', 'Average daily units sold (needed with lead_time_sd)', true),
      param('lead_time_sd', 'Standard deviation of the lead time in days', true),
    ],
    'Units',
    '=KPI_SAFETY_STOCK(12, 30, 95%, 40, 5)',
    kpi.kpiSafetyStock as Run,
  ),
  spec(
    'KPI_REORDER_POINT',
    'Reorder point (补货点) = average daily units × lead time + safety stock.',
    [
      param('avg_daily_units', 'Average units sold per day'),
      param('lead_time_days', 'Replenishment lead time in days'),
      param('safety_stock', 'Safety stock in units (see KPI_SAFETY_STOCK)'),
    ],
    'Units',
    '=KPI_REORDER_POINT(40, 30, 108)',
    kpi.kpiReorderPoint as Run,
  ),
  spec(
    'KPI_REORDER_QTY',
    'Suggested order quantity (建议补货量) = target days of supply × daily units + safety stock − on hand − inbound, in whole case packs, at least the MOQ; 0 when nothing is needed.',
    [
      param('avg_daily_units', 'Average units sold per day'),
      param(
        'lead_time_days',
        'Replenishment lead time in days (it enters the quantity through safety_stock)',
      ),
      param('safety_stock', 'Safety stock in units (see KPI_SAFETY_STOCK)'),
      param('on_hand', 'Units available now'),
      param('inbound', 'Units on the way; default 0', true),
      param('target_days_of_supply', 'Days of sales the stock should cover; default 90', true),
      param('case_pack', 'Units per carton; default 1', true),
      param('moq', 'Supplier minimum order quantity; default 0', true),
    ],
    'Units',
    '=KPI_REORDER_QTY(4, 45, 23, 40, 0, 90, 12, 100)',
    kpi.kpiReorderQty as Run,
  ),
  spec(
    'KPI_STOCKOUT_DATE',
    'Stockout date (预计断货日): the day stock on hand runs out at the average daily units, counted from as_of.',
    [
      param('on_hand', 'Units available (add inbound to count it)'),
      param('avg_daily_units', 'Average units sold per day'),
      typed(
        param('as_of', 'Day the stock is counted (date cell or yyyy-mm-dd); default today', true),
        'Date|string',
      ),
    ],
    'Date, blank when nothing sells',
    '=KPI_STOCKOUT_DATE(105, 10, "2026-03-01")',
    ((onHand, avgDailyUnits, asOf) => kpi.kpiStockoutDate(feeContext(), onHand, avgDailyUnits, asOf)) as Run,
  ),
  spec(
    'KPI_RETURN_RATE',
    'Return rate (退货率) = returned units / sold units.',
    [
      param('returned_units', 'Units returned in the period'),
      param('sold_units', 'Units sold in the period'),
    ],
    `${FRACTION} no units were sold`,
    '=KPI_RETURN_RATE(L2:L100, M2:M100)',
    kpi.kpiReturnRate as Run,
  ),
  spec(
    'KPI_ODR',
    'Order defect rate (ODR, 订单缺陷率) = orders with a defect / orders; Amazon target under 1%.',
    [
      param('defective_orders', 'Orders with negative feedback, an A-to-z claim or a chargeback'),
      param('orders', 'Orders in the period'),
    ],
    `${FRACTION} there were no orders`,
    '=KPI_ODR(3, 1200)',
    kpi.kpiOdr as Run,
  ),
  spec(
    'KPI_LTV',
    'Customer lifetime value (LTV, 客户终身价值) = order value × orders per period × periods × margin.',
    [
      param('avg_order_value', `Average order value ${USD}`),
      param('purchase_frequency', 'Orders per customer per period (e.g. per year)'),
      param('lifetime_periods', 'Customer lifetime in the same periods'),
      param('gross_margin', 'Gross margin, e.g. 35%; default 100% (revenue LTV)', true),
    ],
    'USD per customer',
    '=KPI_LTV(45, 2.5, 3, 35%)',
    kpi.kpiLtv as Run,
  ),
  spec(
    'KPI_CAC',
    'Customer acquisition cost (CAC, 获客成本) = marketing spend / new customers.',
    [
      param('marketing_spend', `Marketing spend in the period ${USD}`),
      param('new_customers', 'New customers in the period'),
    ],
    'USD per new customer, blank where there were none',
    '=KPI_CAC(5000, 200)',
    kpi.kpiCac as Run,
  ),
  spec(
    'KPI_LTV_CAC',
    'LTV to CAC ratio (LTV/CAC, 客户价值与获客成本比) = LTV / CAC.',
    [param('ltv', `Customer lifetime value ${USD}`), param('cac', `Customer acquisition cost ${USD}`)],
    'A multiple (3 = LTV is 3× CAC), blank where CAC is 0',
    '=KPI_LTV_CAC(118.13, 25)',
    kpi.kpiLtvCac as Run,
  ),
  spec(
    'KPI_FX_SENSITIVITY',
    'FX sensitivity (汇率敏感性) = amount × rate × (1 + shock) for each shock, as a row.',
    [
      param('amount', `Amount ${USD} (a value or one column)`),
      param('rate', 'Exchange rate, CNY per USD, e.g. 7.10'),
      param('shocks', 'Rate changes to test, a row or column, e.g. {-5%, 0, 5%}'),
    ],
    'CNY, one column per shock',
    '=KPI_FX_SENSITIVITY(10000, 7.1, {-5%, -2%, 0, 2%, 5%})',
    kpi.kpiFxSensitivity as Run,
  ),
  spec(
    'KPI_STATUS',
    'KPI status (KPI状态): GREEN / AMBER / RED (绿（达标）/黄（预警）/红（未达标）) against a target.',
    [
      param('actual', 'Actual value'),
      param('target', 'Target value'),
      typed(
        param('higher_is_better', 'TRUE if higher is better (sales), FALSE if lower is (ACoS); default TRUE'),
        'boolean|Array<Array<boolean>>',
      ),
      param('tolerance', 'AMBER band as a fraction of the target, e.g. 10%; default 10%', true),
      typed(param('language', '"en" or "zh"; default: the spreadsheet locale', true), 'string'),
    ],
    'GREEN, AMBER or RED in the chosen language',
    '=KPI_STATUS(0.28, 0.25, FALSE, 15%)',
    (actual, target, higherIsBetter, tolerance, language) => {
      const lang = statusLanguage(language);
      const labels = {
        // The dashboard's words for the same statuses: one term per status in each language (issue 14).
        GREEN: translate(lang, 'dashboard.status.GREEN'),
        AMBER: translate(lang, 'dashboard.status.AMBER'),
        RED: translate(lang, 'dashboard.status.RED'),
      };
      return guarded(
        'KPI_STATUS',
        () => kpi.kpiStatusLabels(labels, actual, target, higherIsBetter, tolerance),
        () => lang,
      )();
    },
  ),
];
