/**
 * The twin check (twins.ts) on small documents written here: it passes a Chinese section that says what the English
 * says, and fails each planted omission — a list item, a table row, a code block, a link, a figure, or half the text.
 */
import { figuresOf, languageOf, sectionTwins, shortfalls } from './twins';

const lines = (...text: string[]): string => `${text.join('\n')}\n`;

/** One section, both languages beside each other, as README.md writes them. */
const whole = lines(
  '## Fees · 费用',
  '',
  'The referral fee is 15% of the price, at least $0.30, from 2026-01-15. See [the fee tables](docs/FEES.md).',
  '',
  '- Storage is charged monthly per cubic foot.',
  '- Peak storage runs October to December.',
  '',
  '| Size      | Fee   |',
  '| --------- | ----- |',
  '| Small     | $3.06 |',
  '',
  '佣金为售价的 15%，最低 $0.30，自 2026-01-15 起生效。见[费用表](docs/FEES.md)。',
  '',
  '- 仓储费按每立方英尺每月收取。',
  '- 旺季仓储费适用于十月至十二月。',
  '',
  '| 尺寸 | 费用  |',
  '| ---- | ----- |',
  '| 小号 | $3.06 |',
);

describe('a Chinese section that says what its English twin says', () => {
  it('passes, with both languages in one section', () => {
    expect(shortfalls(whole)).toEqual([]);
    const [pair] = sectionTwins(whole);
    expect(pair?.en.items).toBe(2);
    expect(pair?.zh.rows).toBe(2);
    expect([...(pair?.en.figures ?? [])].sort()).toEqual(['0.3', '15', '2026-01-15', '3.06']);
  });

  it('passes when each line pairs the languages with " · "', () => {
    const oneLine = lines(
      '## Exit codes · 退出码',
      '',
      'Exit codes · 退出码: 0 done · 0 完成; 1 no readable export · 1 没有可读取的报表; 2 a mistake · 2 命令行有误.',
    );
    expect(shortfalls(oneLine)).toEqual([]);
  });

  it('passes an English half and a Chinese half with the same sections in the same order', () => {
    const halves = lines(
      '## English',
      '### Connect',
      'Open the report and copy 3 fields:',
      '```',
      'revenue / units',
      '```',
      '## 中文',
      '### 连接',
      '打开报告并复制 3 个字段：',
      '```',
      'revenue / units',
      '```',
    );
    expect(shortfalls(halves)).toEqual([]);
  });
});

describe('a Chinese section that says less fails, naming what it left out', () => {
  const planted = (from: string, to: string): string => {
    expect(whole).toContain(from);
    return whole.replace(from, to);
  };

  it('a list item', () => {
    const shorter = planted('- 旺季仓储费适用于十月至十二月。\n', '');
    expect(shortfalls(shorter)).toEqual([
      expect.objectContaining({ heading: '## Fees · 费用', missingItems: 1 }),
    ]);
  });

  it('a figure: the minimum fee', () => {
    const shorter = planted('佣金为售价的 15%，最低 $0.30，', '佣金为售价的 15%，');
    expect(shortfalls(shorter)).toEqual([expect.objectContaining({ missingFigures: ['0.3'] })]);
  });

  it('a date', () => {
    const shorter = planted('，自 2026-01-15 起生效', '');
    expect(shortfalls(shorter)).toEqual([expect.objectContaining({ missingFigures: ['2026-01-15'] })]);
  });

  it('a link', () => {
    const shorter = planted('见[费用表](docs/FEES.md)。', '详见费用表。');
    expect(shortfalls(shorter)).toEqual([expect.objectContaining({ missingLinks: ['docs/FEES.md'] })]);
  });

  it('a table row', () => {
    const shorter = planted('| 小号 | $3.06 |\n', '');
    expect(shortfalls(shorter)).toEqual([expect.objectContaining({ missingRows: 1 })]);
  });

  it('a code block of the English half', () => {
    const halves = lines(
      '## English',
      '### Connect',
      'Open the report and add this calculated field for the ratio of ad spend to revenue:',
      '```',
      'SUM(ad_spend) / SUM(revenue)',
      '```',
      '## 中文',
      '### 连接',
      '打开报告，添加广告花费占销售额比例的计算字段。',
    );
    expect(shortfalls(halves)).toEqual([
      expect.objectContaining({ heading: '### Connect', missingCodeBlocks: 1 }),
    ]);
  });

  it('half of what the English says, with every figure kept', () => {
    const english =
      'A build reads every sheet once, recognises each known export by its header row, counts each order line once ' +
      'even when two downloads overlap, converts yuan costs at the Settings rate, estimates Amazon fees where no ' +
      'payments report covers a day, and lists every row it leaves out in Data Issues with the sheet, the row and ' +
      'the reason, so nothing is dropped without a word.';
    const short = lines('## Build · 生成', '', english, '', '生成时每个工作表只读取一次，按表头识别报表。');
    const [found] = shortfalls(short);
    expect(found?.characterRatio).toBeLessThan(1);
    const full = lines(
      '## Build · 生成',
      '',
      english,
      '',
      '生成时每个工作表只读取一次，按表头识别每种已知报表；即使两次下载的数据有重叠，每个订单行也只计一次；人民币成本按“设置”中的汇率' +
        '换算；没有付款报告覆盖的日期按费率表估算亚马逊费用；每一条未计入的行都列在“数据问题”表中，注明工作表、行号和原因，' +
        '不会悄悄丢掉任何数据。',
    );
    expect(shortfalls(full)).toEqual([]);
  });

  it('a whole section of the Chinese half', () => {
    const halves = lines(
      '## English',
      '### Connect',
      'Open the report.',
      '### Refresh',
      'Runs daily.',
      '## 中文',
      '### 连接',
      '打开报告。',
    );
    expect(shortfalls(halves)).toEqual([expect.objectContaining({ heading: '### Refresh', noTwin: true })]);
  });
});

describe('what counts as a figure and as a language', () => {
  it.each([
    ['10,000 rows', ['10000']],
    ['1 万行', ['10000']],
    ['1.30 M cells', ['1300000']],
    ['130 万个单元格', ['1300000']],
    ['ACoS 30.9%, $45.70', ['30.9', '45.7']],
    ['from 2026-10-15 to 2027-01-14', ['2026-10-15', '2027-01-14']],
    ['ES2020, UTF-16, t30, B2B, GB18030, a 3PL warehouse', []],
    ['2–4 March 2026', ['2', '4', '2026']],
  ])('%s → %j', (text, figures) => {
    expect(figuresOf(text)).toEqual(figures);
  });

  it('reads a sentence by the script most of its words are in', () => {
    expect(languageOf('The KPI Summary sheet keeps its id.')).toBe('en');
    expect(languageOf('KPI Summary 工作表在每次重建时保留其 ID。')).toBe('zh');
    expect(languageOf('LingXing (领星) order export')).toBe('en');
    expect(languageOf('`=KPI_ACOS(B2:B500, C2:C500)` 2.5')).toBeNull();
  });
});
