/**
 * `npm start` reads export files in the encodings Chinese sellers' files come in (issue 12, item 4): UTF-8 with and
 * without a BOM, UTF-16LE with and without one, and GB18030/GBK, which Excel on a Chinese Windows writes when a
 * download is re-saved as CSV. Each encoding of the Chinese Business Report by date reads to the facts of the UTF-8
 * fixture; a file in no readable encoding (or an .xlsx) is a clear error naming the file.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExportDecodeError, readExportFile } from '../../scripts/lib/readExportFile';
import { readSource } from '../../src/core/reports';
import { contextFor, FIXTURES } from './helpers';

const directory = mkdtempSync(join(tmpdir(), 'seller-kpi-encodings-'));
const text = readFileSync(join(FIXTURES, 'amazon-business-report-date-zh.csv'), 'utf8').replace(
  /^\uFEFF/,
  '',
);

/** GBK's two-byte characters, found by decoding every lead/trail pair once (Node has no GB18030 encoder). */
function gbkEncoder(): (value: string) => Uint8Array {
  const bytesOf = new Map<string, [number, number]>();
  const decoder = new TextDecoder('gbk', { fatal: true });
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      try {
        const character = decoder.decode(new Uint8Array([lead, trail]));
        if (!bytesOf.has(character)) bytesOf.set(character, [lead, trail]);
      } catch {
        // Not a character in GBK.
      }
    }
  }
  return (value) => {
    const bytes: number[] = [];
    for (const character of value) {
      const code = character.codePointAt(0) ?? 0;
      if (code < 0x80) bytes.push(code);
      else {
        const pair = bytesOf.get(character);
        if (!pair) throw new Error(`${character} is not in GBK`);
        bytes.push(...pair);
      }
    }
    return new Uint8Array(bytes);
  };
}

function utf16le(value: string): Uint8Array {
  const bytes = new Uint8Array(value.length * 2);
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    bytes[index * 2] = code & 0xff;
    bytes[index * 2 + 1] = code >> 8;
  }
  return bytes;
}

function written(name: string, bytes: Uint8Array): string {
  const path = join(directory, name);
  writeFileSync(path, bytes);
  return path;
}

function factsOf(path: string) {
  const read = readSource(readExportFile(path), contextFor('业务报告'));
  if (!read) throw new Error(`${path} was not recognised`);
  return read.result.facts.map((fact) => ({ ...fact, source: null }));
}

describe('export files in the encodings of Chinese downloads and re-saves', () => {
  const expected = factsOf(join(FIXTURES, 'amazon-business-report-date-zh.csv'));

  it('the UTF-8 fixture gives three days, 2026-08-03 with US$1,204.50', () => {
    expect(expected).toHaveLength(3);
    expect(expected[0]).toMatchObject({ date: '2026-08-03', revenue: 1204.5, units: 57 });
  });

  const encodings: ReadonlyArray<[string, () => Uint8Array]> = [
    ['UTF-8 without a BOM', () => new TextEncoder().encode(text)],
    ['UTF-16LE with a BOM', () => new Uint8Array([0xff, 0xfe, ...utf16le(text)])],
    ['UTF-16LE without a BOM', () => utf16le(text)],
    ['GB18030/GBK (Excel on a Chinese Windows)', () => gbkEncoder()(text)],
  ];

  it.each(encodings)('%s reads to the same facts', (name, encode) => {
    expect(factsOf(written(`${name.replace(/\W+/g, '-')}.csv`, encode()))).toEqual(expected);
  });

  it('a Windows-1252 file with accented letters stays Windows-1252, not Chinese', () => {
    // `Crème brûlée` in Windows-1252: è, û and é are one byte each (the Latin-1 range maps byte for byte).
    const path = written(
      'cp1252.txt',
      Uint8Array.from('sku\tproduct-name\nA-1\tCrème brûlée', (character) => character.charCodeAt(0)),
    );
    expect(readExportFile(path)[1]).toEqual(['A-1', 'Crème brûlée']);
  });

  it('bytes no encoding reads are an error naming the file; an .xlsx is told to be saved as CSV', () => {
    const garbage = written('garbage.csv', new Uint8Array([0x41, 0x2c, 0xff, 0xff, 0xff, 0xff, 0x0a]));
    expect(() => readExportFile(garbage)).toThrow(ExportDecodeError);
    expect(() => readExportFile(garbage)).toThrow(
      `${garbage} could not be decoded as UTF-8, UTF-16, GB18030 (GBK)`,
    );
    const workbook = written('report.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]));
    expect(() => readExportFile(workbook)).toThrow(`${workbook} is an Excel workbook (.xlsx)`);
  });
});
