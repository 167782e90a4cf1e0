import { crc32, deflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import ExcelJS from './exceljs';
import { cellText, csvField, readCsv, readXlsx, readXlsxWithExcelJs, type RawRow } from './parse';
import { readFirstSheet } from './xlsx';

async function all(rows: AsyncIterable<RawRow>): Promise<RawRow[]> {
  const out: RawRow[] = [];
  for await (const r of rows) out.push(r);
  return out;
}

/** A ZIP of stored (uncompressed) entries, for hand-written workbook parts; `deflated` entries are given already deflated. */
function storedZip(files: Record<string, string>, deflated: Record<string, { data: Buffer; size: number; crc: number }> = {}): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  const all = [
    ...Object.entries(files).map(([name, text]) => {
      const data = Buffer.from(text);
      return { name, data, size: data.length, crc: crc32(data), method: 0 };
    }),
    ...Object.entries(deflated).map(([name, d]) => ({ name, ...d, method: 8 })),
  ];
  for (const { name, data, size, crc, method } of all) {
    const n = Buffer.from(name);
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(method, 8);
    h.writeUInt32LE(crc, 14);
    h.writeUInt32LE(data.length, 18);
    h.writeUInt32LE(size, 22);
    h.writeUInt16LE(n.length, 26);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(method, 10);
    c.writeUInt32LE(crc, 16);
    c.writeUInt32LE(data.length, 20);
    c.writeUInt32LE(size, 24);
    c.writeUInt16LE(n.length, 28);
    c.writeUInt32LE(offset, 42);
    locals.push(h, n, data);
    central.push(c, n);
    offset += 30 + n.length + data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(all.length, 8);
  end.writeUInt16LE(all.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

describe('spreadsheet parsing', () => {
  it('streams thousands of Chinese cells without a replacement character (the direct reader, and exceljs with its chunk-boundary bug patched)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    const names: string[] = [];
    for (let i = 0; i < 5000; i++) {
      const n = '海南省人力资源和社会保障厅'.slice(i % 7) + '巳午未申酉戌亥'[i % 7] + String.fromCodePoint(0x4e00 + (i % 2000));
      names.push(n);
      ws.addRow([n, i]);
    }
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    for (const read of [readXlsx, readXlsxWithExcelJs]) {
      const got = (await all(read(buf))).map((r) => r.cells[0]);
      expect(got.some((s) => s.includes('\ufffd'))).toBe(false);
      expect(got).toEqual(names);
    }
  });

  it('the direct .xlsx reader gives exactly the rows exceljs gives: every kind of cell, gaps, blank rows, the first sheet only', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('人员');
    // eslint-disable-next-line no-loss-of-precision -- on purpose: Excel stores long IDs as floats
    ws.addRow(['x', 1.5, true, new Date(Date.UTC(2020, 1, 3)), { formula: 'B1*2', result: 3 }, { richText: [{ text: ' 富' }, { text: '文本 ' }] }, 'a&b<c>"\'', 123456789012345678, null, ' end ']);
    ws.getCell('C3').value = 'gap';
    ws.getCell('AB4').value = '11010519491231002X';
    ws.getCell('A5').value = { formula: 'A1&"y"', result: 'xy' };
    ws.getCell('B5').value = { error: '#N/A' };
    wb.addWorksheet('说明').addRow(['not this sheet']);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const direct = readFirstSheet(buf, cellText);
    expect(direct).not.toBeNull();
    const rows = await all(direct!);
    expect(rows).toEqual(await all(readXlsxWithExcelJs(buf)));
    expect(rows[0].cells).toEqual(['x', '1.5', 'TRUE', '43864', '3', '富文本', 'a&b<c>"\'', '#NUMBER_PRECISION_LOST:123456789012345680', '', 'end']);
    expect(rows.map((r) => r.rowNumber)).toEqual([1, 3, 4, 5]);
    expect(rows[2].cells).toHaveLength(28);
  });

  it('the direct .xlsx reader knows inline strings, character references, phonetic runs, self-closing cells and the workbook order of sheets', async () => {
    const main = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
    const rel = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
    const buf = storedZip({
      '_rels/.rels': `<Relationships>${rel('rId1', 'officeDocument', 'xl/workbook.xml')}</Relationships>`,
      'xl/workbook.xml': `<workbook ${main}><sheets><sheet name="数据" sheetId="2" r:id="rId7"/><sheet name="其他" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      'xl/_rels/workbook.xml.rels': `<Relationships>${rel('rId1', 'worksheet', 'worksheets/sheet1.xml')}${rel('rId7', 'worksheet', '/xl/worksheets/sheet2.xml')}${rel('rId3', 'sharedStrings', 'sharedStrings.xml')}</Relationships>`,
      'xl/sharedStrings.xml': `<sst ${main}><si><r><t>海南</t></r><rPh sb="0" eb="2"><t>ハイナン</t></rPh></si><si/><si><t xml:space="preserve">&#x6D77;&#21475;&amp;</t></si></sst>`,
      'xl/worksheets/sheet1.xml': `<worksheet ${main}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>wrong sheet</t></is></c></row></sheetData></worksheet>`,
      'xl/worksheets/sheet2.xml': `<worksheet ${main}><sheetData><row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" s="3"/><c r="C2" t="s"><v>2</v></c><c r="D2" t="inlineStr"><is><r><t> 行内</t></r><r><t>文本 </t></r></is></c></row><row r="3"/><row><c t="s"><v>1</v></c><c><v>42</v></c></row></sheetData><rowBreaks count="0"/></worksheet>`,
    });
    const rows = await all(readFirstSheet(buf, cellText)!);
    expect(rows).toEqual([
      { rowNumber: 2, cells: ['海南', '', '海口&', '行内文本'] },
      { rowNumber: 3, cells: [] },
      { rowNumber: 4, cells: ['', '42'] },
    ]);
  });

  it('a part that inflates past 256 MB (a crafted file) is refused with a clear error, not inflated', () => {
    const main = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
    const rel = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
    const bomb = Buffer.alloc(300 * 1024 * 1024, 0x20);
    const buf = storedZip(
      {
        '_rels/.rels': `<Relationships>${rel('rId1', 'officeDocument', 'xl/workbook.xml')}</Relationships>`,
        'xl/workbook.xml': `<workbook ${main}><sheets><sheet name="s" sheetId="1" r:id="rId1"/></sheets></workbook>`,
        'xl/_rels/workbook.xml.rels': `<Relationships>${rel('rId1', 'worksheet', 'worksheets/sheet1.xml')}${rel('rId3', 'sharedStrings', 'sharedStrings.xml')}</Relationships>`,
        'xl/worksheets/sheet1.xml': `<worksheet ${main}><sheetData/></worksheet>`,
      },
      { 'xl/sharedStrings.xml': { data: deflateRawSync(bomb), size: bomb.length, crc: 0 } },
    );
    expect(buf.length).toBeLessThan(1024 * 1024);
    expect(() => readFirstSheet(buf, cellText)).toThrow(/256 MB/);
  });

  it('a file the direct reader does not know is left to exceljs (no workbook part)', () => {
    expect(readFirstSheet(storedZip({ 'a.txt': 'x' }), cellText)).toBeNull();
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

  it('csvField quotes exactly the values COPY needs quoted, for any text or number', () => {
    // The rule as first written (a regex per value); csvField scans char codes for speed.
    const reference = (v: string | number | null) => {
      if (v === null) return '';
      const s = String(v);
      return /[",\n\r]/.test(s) || s === '' ? `"${s.replace(/"/g, '""')}"` : s;
    };
    const text = fc.string({ unit: fc.constantFrom('a', '中', ',', '"', '\n', '\r', ' ', '0', '\t') });
    fc.assert(fc.property(fc.oneof(text, fc.string(), fc.double(), fc.integer(), fc.constant(null)), (v) => csvField(v) === reference(v)));
  });
});
