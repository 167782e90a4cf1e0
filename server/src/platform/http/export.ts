// List exports: every list page's "导出" is one sheet with a bold header row, read with one row
// past the limit so that an export too large is refused with a clear message rather than cut
// short without a word. Callers mask and audit as their lists do.
import ExcelJS from '../imports/exceljs';
import { AppError } from '../errors';

/** Rows a list export may hold unless its route says otherwise. */
export const EXPORT_LIMIT = 200_000;

export type SheetColumn<K extends string = string> = { header: string; key: K; width: number };

/** Refuses an export of more than `limit` rows (read `limit + 1` to know). */
export function checkExportSize(rows: number, limit = EXPORT_LIMIT): void {
  if (rows > limit) {
    throw new AppError('BAD_REQUEST', { zh: `导出超过 ${limit.toLocaleString('en-US')} 行，请缩小筛选范围`, en: `More than ${limit.toLocaleString('en-US')} rows; narrow the filter` });
  }
}

/** One sheet named `sheet`: a bold header row, then one row per record (values by column key). */
export async function listWorkbook<K extends string>(sheet: string, columns: SheetColumn<K>[], rows: Iterable<Record<K, unknown>>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  ws.columns = columns;
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * A list's export: reads at most `limit + 1` rows with `read`, refuses more than `limit`, and
 * writes them as one sheet (`row` turns a record into the columns' values).
 */
export async function exportSheet<T, K extends string>(
  sheet: string,
  columns: SheetColumn<K>[],
  read: (limit: number) => Promise<T[]>,
  row: (r: T) => Record<K, unknown>,
  limit = EXPORT_LIMIT,
): Promise<{ buffer: Buffer; rows: number }> {
  const rows = await read(limit + 1);
  checkExportSize(rows.length, limit);
  return { buffer: await listWorkbook(sheet, columns, rows.map(row)), rows: rows.length };
}
