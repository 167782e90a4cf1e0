// Streaming readers for .xlsx and .csv: rows of trimmed strings, with their 1-based row
// number in the file, so error reports point at the row the user sees in Excel.
import { Readable } from 'node:stream';
import type { CellValue } from 'exceljs';
import ExcelJS from './exceljs';
import { AppError } from '../errors';
import { readFirstSheet } from './xlsx';

export type RawRow = { rowNumber: number; cells: string[] };

export function detectFormat(filename: string, head: Buffer): 'xlsx' | 'csv' {
  if (head.subarray(0, 2).toString('latin1') === 'PK') return 'xlsx';
  if (/\.xlsx$/i.test(filename)) return 'xlsx';
  if (/\.(csv|txt)$/i.test(filename)) return 'csv';
  throw new AppError('FILE_TYPE');
}

/** Excel may hold an 18-digit ID as a float (precision lost): say so instead of guessing. */
export function cellText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') {
    if (!Number.isSafeInteger(v) && Math.abs(v) > 1e15) return `#NUMBER_PRECISION_LOST:${v}`;
    return String(v);
  }
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('').trim();
    if ('text' in v && typeof v.text === 'string') return v.text.trim();
    if ('result' in v) return cellText(v.result as CellValue);
    if ('error' in v) return '';
  }
  return String(v).trim();
}

/** The first worksheet's rows: read directly (./xlsx), or through exceljs when that declines the file. */
export async function* readXlsx(buf: Buffer): AsyncGenerator<RawRow> {
  yield* readFirstSheet(buf, cellText) ?? readXlsxWithExcelJs(buf);
}

/** exceljs' streaming reader: the fallback, and the reference the direct reader is tested against. */
export async function* readXlsxWithExcelJs(buf: Buffer): AsyncGenerator<RawRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([buf]), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
  });
  for await (const sheet of reader) {
    for await (const row of sheet) {
      const values = row.values as CellValue[];
      const cells: string[] = [];
      for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
      yield { rowNumber: row.number, cells };
    }
    break; // first worksheet only
  }
}

/** RFC 4180 CSV (quotes, doubled quotes, CRLF), UTF-8 with or without BOM. */
export function* readCsv(buf: Buffer): Generator<RawRow> {
  let text = buf.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let rowNumber = 1;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
      i++;
    } else if (ch === ',') {
      row.push(field.trim());
      field = '';
      i++;
    } else if (ch === '\n' || ch === '\r') {
      row.push(field.trim());
      field = '';
      if (row.some((c) => c !== '')) yield { rowNumber, cells: row };
      row = [];
      rowNumber++;
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += ch;
      i++;
    }
  }
  row.push(field.trim());
  if (row.some((c) => c !== '')) yield { rowNumber, cells: row };
}

export async function* readRows(filename: string, buf: Buffer): AsyncGenerator<RawRow> {
  if (detectFormat(filename, buf) === 'xlsx') yield* readXlsx(buf);
  else yield* readCsv(buf);
}

/** Quotes one value for COPY ... WITH (FORMAT csv). NULL is an unquoted empty field. */
export function csvField(v: string | number | boolean | null | undefined): string {
  if (typeof v === 'number') return String(v); // never holds a quote, comma or line break
  if (v === null || v === undefined) return '';
  const s = String(v);
  if (s === '') return '""';
  // A scan of char codes: the generator formats tens of millions of fields (a regex test each cost more).
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 34 || c === 44 || c === 10 || c === 13) return `"${s.replace(/"/g, '""')}"`;
  }
  return s;
}
