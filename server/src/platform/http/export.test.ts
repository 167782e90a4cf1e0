// List exports: one sheet, bold header, values by column key; an export past its limit is
// refused with a message in both languages instead of being cut short.
import { describe, expect, it } from 'vitest';
import ExcelJS from '../imports/exceljs';
import { AppError } from '../errors';
import { checkExportSize, EXPORT_LIMIT, listWorkbook } from './export';

describe('list exports', () => {
  it('write one sheet with a bold header row and the rows by column key', async () => {
    // A row may carry fields that are not columns; only the columns are written.
    const rows: { name: string; id: string | null; extra?: string }[] = [
      { name: '张三', id: '460***********0011', extra: 'not a column' },
      { name: '李四', id: null },
    ];
    const buffer = await listWorkbook(
      '人员',
      [
        { header: '姓名', key: 'name', width: 12 },
        { header: '身份证号（脱敏）', key: 'id', width: 22 },
      ],
      rows,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['人员']);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).values).toEqual([undefined, '姓名', '身份证号（脱敏）']);
    expect(ws.getRow(1).font?.bold).toBe(true);
    expect(ws.getRow(2).values).toEqual([undefined, '张三', '460***********0011']);
    expect(ws.getRow(3).getCell(1).value).toBe('李四');
    expect(ws.rowCount).toBe(3);
  });

  it('refuse more rows than the limit, in Chinese and English, and accept the limit itself', () => {
    expect(() => checkExportSize(EXPORT_LIMIT)).not.toThrow();
    expect(() => checkExportSize(11, 10)).toThrow(AppError);
    expect(() => checkExportSize(EXPORT_LIMIT + 1)).toThrow(
      expect.objectContaining({ code: 'BAD_REQUEST', status: 400, zh: '导出超过 200,000 行，请缩小筛选范围', en: 'More than 200,000 rows; narrow the filter' }),
    );
  });
});
