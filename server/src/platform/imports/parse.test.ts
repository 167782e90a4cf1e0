import { describe, expect, it } from 'vitest';
import ExcelJS from './exceljs';
import { csvField, readCsv, readXlsx } from './parse';

describe('spreadsheet parsing', () => {
  it('streams thousands of Chinese cells without a replacement character (exceljs chunk-boundary bug is patched)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    const names: string[] = [];
    for (let i = 0; i < 5000; i++) {
      const n = '海南省人力资源和社会保障厅'.slice(i % 7) + '巳午未申酉戌亥'[i % 7] + String.fromCodePoint(0x4e00 + (i % 2000));
      names.push(n);
      ws.addRow([n, i]);
    }
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const got: string[] = [];
    for await (const r of readXlsx(buf)) got.push(r.cells[0]);
    expect(got.some((s) => s.includes('\ufffd'))).toBe(false);
    expect(got).toEqual(names);
  });

  it('reads RFC 4180 CSV: quoted commas, doubled quotes, CRLF, BOM; row numbers as in the file', () => {
    const rows = [...readCsv(Buffer.from('\ufeffa,b\r\n"x,1","say ""hi"""\r\n\r\nlast,row'))];
    expect(rows).toEqual([
      { rowNumber: 1, cells: ['a', 'b'] },
      { rowNumber: 2, cells: ['x,1', 'say "hi"'] },
      { rowNumber: 4, cells: ['last', 'row'] },
    ]);
  });

  it('quotes COPY csv fields only when needed and keeps NULL distinct from empty', () => {
    expect(csvField(null)).toBe('');
    expect(csvField('')).toBe('""');
    expect(csvField('a,"b"')).toBe('"a,""b"""');
    expect(csvField(12)).toBe('12');
  });
});
