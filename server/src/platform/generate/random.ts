// Seeded pseudo-random numbers for the synthetic-province generator. Math.random is never
// used: every stream is sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, 128-bit
// state, passes PractRand to 2^42 bytes) seeded from SHA-256 of `<seed>:<stream>`, so the
// same seed and stream name give the same sequence on every machine, and streams do not
// disturb one another (a part may add a stream without changing what the others draw).
import { createHash } from 'node:crypto';

/** A uniform number in [0, 1). */
export type RandomFn = () => number;

export function sfc32(a: number, b: number, c: number, d: number): RandomFn {
  return () => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

/** The stream `name` of the run seeded with `seed`. */
export function seededStream(seed: number | string, name: string): RandomFn {
  const h = createHash('sha256').update(`${seed}:${name}`).digest();
  const next = sfc32(h.readUInt32LE(0), h.readUInt32LE(4), h.readUInt32LE(8), h.readUInt32LE(12));
  for (let i = 0; i < 12; i++) next(); // sfc32's recommended warm-up
  return next;
}

/** Helpers over a RandomFn that the modules' generator parts share. */
export type Rng = {
  next: RandomFn;
  /** Integer in [min, max] (both inclusive). */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Standard normal (Box–Muller). */
  normal(mean?: number, sd?: number): number;
  /** Fisher–Yates, in place. */
  shuffle<T>(items: T[]): T[];
};

export function rngOf(next: RandomFn): Rng {
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)],
    normal(mean = 0, sd = 1) {
      const u = 1 - next(); // (0, 1]
      const v = next();
      return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    shuffle(items) {
      for (let i = items.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [items[i], items[j]] = [items[j], items[i]];
      }
      return items;
    },
  };
}

/**
 * Draws an index in proportion to `weights` in O(1) (Walker's alias method); build once per
 * distribution, draw millions of times.
 */
export function weightedIndex(weights: readonly number[]): (next: RandomFn) => number {
  const n = weights.length;
  const total = weights.reduce((s, w) => s + w, 0);
  if (n === 0 || !(total > 0)) throw new Error('weightedIndex: weights must have a positive sum');
  const prob = new Float64Array(n);
  const alias = new Int32Array(n);
  const scaled = weights.map((w) => (w * n) / total);
  const small: number[] = [];
  const large: number[] = [];
  scaled.forEach((p, i) => (p < 1 ? small : large).push(i));
  while (small.length && large.length) {
    const s = small.pop()!;
    const l = large.pop()!;
    prob[s] = scaled[s];
    alias[s] = l;
    scaled[l] = scaled[l] + scaled[s] - 1;
    (scaled[l] < 1 ? small : large).push(l);
  }
  for (const i of [...small, ...large]) prob[i] = 1;
  return (next) => {
    const u = next() * n;
    const i = Math.floor(u);
    return u - i < prob[i] ? i : alias[i];
  };
}

/** Picks items in proportion to their weights: `weighted([['a', 3], ['b', 1]])(next)`. */
export function weighted<T>(entries: readonly (readonly [T, number])[]): (next: RandomFn) => T {
  const draw = weightedIndex(entries.map((e) => e[1]));
  return (next) => entries[draw(next)][0];
}

/**
 * Splits `total` into integer parts proportional to `weights` that sum exactly to `total`
 * (largest remainder, ties by position): counts by region that match a census to the unit.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (total <= 0 || sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (w * total) / sum);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((s, v) => s + v, 0);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((x, y) => y[0] - x[0] || x[1] - y[1]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) out[order[k][1]]++;
  return out;
}
