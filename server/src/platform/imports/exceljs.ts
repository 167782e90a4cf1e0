// The one way to load exceljs in Renshe. exceljs 4.4's streaming reader decodes each zlib
// chunk to text on its own, so a Chinese character split across two chunks turns into
// U+FFFD (exceljs issues #2063, #2084, PR #1665 — unmerged). We replace its parse-sax helper
// with one that decodes through a StringDecoder (which carries partial characters over)
// before exceljs is loaded. A lint rule forbids importing 'exceljs' anywhere else, so the
// patch is always in place. The test in parse.test.ts fails if the upstream bug comes back.
import { createRequire } from 'node:module';
import { StringDecoder } from 'node:string_decoder';
import type ExcelJSNamespace from 'exceljs';

const require = createRequire(import.meta.url);
const parseSaxPath = require.resolve('exceljs/lib/utils/parse-sax.js');
const { SaxesParser } = require('saxes') as { SaxesParser: new () => { on(ev: string, fn: (v: unknown) => void): void; write(s: string): void } };

type SaxEvent = { eventType: 'opentag' | 'text' | 'closetag'; value: unknown };

async function* parseSax(iterable: AsyncIterable<Buffer | string>): AsyncGenerator<SaxEvent[]> {
  const parser = new SaxesParser();
  const decoder = new StringDecoder('utf8');
  let error: unknown;
  let events: SaxEvent[] = [];
  parser.on('error', (err) => {
    error = err;
  });
  parser.on('opentag', (value) => events.push({ eventType: 'opentag', value }));
  parser.on('text', (value) => events.push({ eventType: 'text', value }));
  parser.on('closetag', (value) => events.push({ eventType: 'closetag', value }));
  for await (const chunk of iterable) {
    parser.write(typeof chunk === 'string' ? chunk : decoder.write(Buffer.from(chunk)));
    if (error) throw error;
    yield events;
    events = [];
  }
  const rest = decoder.end();
  if (rest) {
    parser.write(rest);
    if (error) throw error;
    yield events;
  }
}

if (!require.cache[parseSaxPath]) {
  const Module = require('node:module') as { Module: new (id: string) => NodeJS.Module };
  const m = new Module.Module(parseSaxPath);
  m.filename = parseSaxPath;
  m.loaded = true;
  m.exports = parseSax;
  require.cache[parseSaxPath] = m;
}

const ExcelJS = require('exceljs') as typeof ExcelJSNamespace;
export default ExcelJS;
export type { CellValue, Workbook, Worksheet } from 'exceljs';
