// The body of a generator worker thread (started through worker.mjs by workers.ts): rebuilds
// the shard context, then makes the shards the main thread hands it, one at a time, posting
// their CSV in chunks (UTF-8 bytes, transferred, not copied) and each shard's result.
import { parentPort, workerData } from 'node:worker_threads';
import { fieldCrypto, keyRingFromJson } from '../crypto';
import { regionService } from '../regions/service';
import { csvChunks } from './copy';
import { loadMaker, shardContext, type FromWorker, type ToWorker, type WorkerInit } from './workers';

const port = parentPort!;
const init = workerData as WorkerInit;
const post = (m: FromWorker, transfer?: ArrayBuffer[]) => port.postMessage(m, transfer);

let inFlight = 0; // bytes posted and not yet acknowledged as written
let resume: (() => void) | null = null;
const queue: { index: number; shard: unknown }[] = [];
let kick: (() => void) | null = null;

port.on('message', (m: ToWorker) => {
  if (m.type === 'ack') {
    inFlight -= m.bytes;
    if (resume && inFlight < init.bufferBytes) {
      const r = resume;
      resume = null;
      r();
    }
  } else {
    queue.push({ index: m.index, shard: m.shard });
    const k = kick;
    kick = null;
    k?.();
  }
});

const encoder = new TextEncoder();

async function main(): Promise<void> {
  let maker;
  let ctx;
  try {
    maker = await loadMaker(init.module, init.export);
    ctx = shardContext(init.run, fieldCrypto(keyRingFromJson(init.keys)), regionService(init.regions), init.data);
  } catch (e) {
    post({ type: 'error', index: -1, message: e instanceof Error ? e.message : String(e), stack: e instanceof Error ? e.stack : undefined });
    return;
  }
  post({ type: 'ready' });
  for (;;) {
    const job = queue.shift();
    if (!job) {
      await new Promise<void>((r) => (kick = r));
      continue;
    }
    try {
      const out: { result?: unknown } = {};
      const it = maker(job.shard, ctx);
      function* rows(): Generator<unknown[]> {
        out.result = yield* it;
      }
      for await (const c of csvChunks(rows(), init.columns, init.limits)) {
        const bytes = encoder.encode(c.csv);
        inFlight += bytes.byteLength;
        post({ type: 'chunk', index: job.index, csv: bytes, rows: c.rows }, [bytes.buffer as ArrayBuffer]);
        if (inFlight >= init.bufferBytes) await new Promise<void>((r) => (resume = r));
      }
      post({ type: 'done', index: job.index, result: out.result });
    } catch (e) {
      post({ type: 'error', index: job.index, message: e instanceof Error ? e.message : String(e), stack: e instanceof Error ? e.stack : undefined });
      return;
    }
  }
}

void main();
