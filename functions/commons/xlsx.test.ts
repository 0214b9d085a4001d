import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { columnName, crc32, csv, sheetName, workbook } from './xlsx';

describe('the tiny XLSX writer', () => {
  it('computes CRC-32 as zip does', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    expect(crc32(Buffer.alloc(0))).toBe(0);
  });

  it('names columns A…Z, AA…', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });

  it('writes a workbook exceljs reads back: sheets in order, Vietnamese text, numbers as numbers', async () => {
    const bytes = workbook([
      { name: 'Theo cơ quan', rows: [['Cơ quan', 'Tiếp nhận mới', 'Tồn kỳ trước'], ['SXD', 3, 1], ['Sở Tư pháp & <Hà Nội>', 0, 12.5]] },
      { name: 'Tiếp nhận: theo ngày?', rows: [['Ngày', 'Số hồ sơ'], ['2026-12-01', 2], [null, undefined, '"quoted"']] },
    ]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as never);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Theo cơ quan', 'Tiếp nhận  theo ngày']);
    const first = book.worksheets[0]!;
    expect(first.getRow(1).values).toEqual([undefined, 'Cơ quan', 'Tiếp nhận mới', 'Tồn kỳ trước']);
    expect(first.getCell('B2').value).toBe(3);
    expect(typeof first.getCell('C3').value).toBe('number');
    expect(first.getCell('A3').value).toBe('Sở Tư pháp & <Hà Nội>');
    expect(book.worksheets[1]!.getCell('C3').value).toBe('"quoted"');
  });

  it('refuses a workbook without sheets or with two sheets of one name', () => {
    expect(() => workbook([])).toThrow(/at least one sheet/);
    expect(() => workbook([{ name: 'A', rows: [] }, { name: 'A', rows: [] }])).toThrow(/must differ/);
    expect(sheetName('a'.repeat(40))).toHaveLength(31);
  });

  it('writes CSV with a BOM and quotes what needs quoting', () => {
    expect(csv([['a,b', 1], ['x"y', null]])).toBe('\ufeff"a,b",1\r\n"x""y",\r\n');
  });
});
