// A row maker for the tests of copyRowsFromWorkers (platform/generate/workers.test.ts): rows
// from the shard's own stream, the field crypto and the region index rebuilt in the worker.
import type { ShardRowMaker } from '../src/platform/module';

export type ProbeShard = { from: number; to: number; failAt?: number };

export const probeRows: ShardRowMaker<ProbeShard, { rows: number; sum: number }, { word: string }> = function* (shard, ctx) {
  const rng = ctx.rng(`probe/${shard.from}`);
  let sum = 0;
  for (let n = shard.from; n < shard.to; n++) {
    if (n === shard.failAt) throw new Error(`row ${n} could not be made`);
    const v = rng.int(1, 1000);
    sum += v;
    yield [n, `${ctx.regions.name('469021')} "${ctx.data.word}", ${v}`, ctx.crypto.encrypt(String(n)), ctx.crypto.blindIndex(String(n)), `${ctx.part}:${ctx.seed}:${ctx.toYear}`];
  }
  return { rows: shard.to - shard.from, sum };
};
