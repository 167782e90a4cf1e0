// SM4-CBC encryption (GB/T 32907-2016) and HMAC-SM3 (GB/T 32905-2016) in plain TypeScript,
// for the hot path of bulk imports and the generator: two ciphertexts and two blind indexes
// per person. Through node:crypto each call pays for a new OpenSSL context (createCipheriv
// ≈ 25 µs, createHmac ≈ 6 µs on this machine); here the SM4 round keys and the HMAC's inner
// and outer SM3 states are computed once per key, so a call is a few block operations
// (≈ 1–2 µs). The output is byte for byte what OpenSSL gives (index.test.ts compares them on
// random keys, IVs and inputs); decryption stays with OpenSSL.
//
// Like OpenSSL's own SM4 and most software AES, the cipher uses lookup tables, so its
// timing depends on the data through the cache; the keys never leave this process.

// ---- SM4 -----------------------------------------------------------------------------------

const SBOX = Uint8Array.from(
  Buffer.from(
    'd690e9fecce13db716b614c228fb2c052b679a762abe04c3aa441326498606999c4250f491ef987a33540b43edcfac62' +
      'e4b31ca9c908e89580df94fa758f3fa64707a7fcf37317ba83593c19e6854fa8686b81b27164da8bf8eb0f4b70569d35' +
      '1e240e5e6358d1a225227c3b01217887d40046579fd327524c3602e7a0c4c89eeabf8ad240c738b5a3f7f2cef96115a1' +
      'e0ae5da49b341a55ad933230f58cb1e31df6e22e8266ca60c02923ab0d534e6fd5db3745defd8e2f03ff6a726d6c5b51' +
      '8d1baf92bbddbc7f11d95c411f105ad80ac13188a5cd7bbd2d74d012b8e5b4b08969974a0c96777e65b9f109c56ec684' +
      '18f07dec3adc4d2079ee5f3ed7cb3948',
    'hex',
  ),
);
const FK = [0xa3b1bac6, 0x56aa3350, 0x677d9197, 0xb27022dc];

const rotl = (x: number, n: number) => (x << n) | (x >>> (32 - n));

/** The S-box applied to each byte of a word. */
function tau(a: number): number {
  return (SBOX[a >>> 24] << 24) | (SBOX[(a >>> 16) & 0xff] << 16) | (SBOX[(a >>> 8) & 0xff] << 8) | SBOX[a & 0xff];
}

// The round function T = L ∘ τ, tabulated per byte position (L is linear).
const T0 = new Int32Array(256);
const T1 = new Int32Array(256);
const T2 = new Int32Array(256);
const T3 = new Int32Array(256);
for (let i = 0; i < 256; i++) {
  const b = SBOX[i] << 24;
  const l = b ^ rotl(b, 2) ^ rotl(b, 10) ^ rotl(b, 18) ^ rotl(b, 24);
  T0[i] = l;
  T1[i] = rotl(l, 24);
  T2[i] = rotl(l, 16);
  T3[i] = rotl(l, 8);
}

/** The 32 round keys of a 16-byte SM4 key. */
export function sm4RoundKeys(key: Buffer): Int32Array {
  if (key.length !== 16) throw new Error('an SM4 key has 16 bytes');
  const k = [key.readInt32BE(0) ^ FK[0], key.readInt32BE(4) ^ FK[1], key.readInt32BE(8) ^ FK[2], key.readInt32BE(12) ^ FK[3]];
  const rk = new Int32Array(32);
  for (let i = 0; i < 32; i++) {
    const j = 4 * i;
    const ck = ((((j * 7) & 0xff) << 24) | ((((j + 1) * 7) & 0xff) << 16) | ((((j + 2) * 7) & 0xff) << 8) | (((j + 3) * 7) & 0xff)) | 0;
    const b = tau(k[1] ^ k[2] ^ k[3] ^ ck);
    const next = k[0] ^ b ^ rotl(b, 13) ^ rotl(b, 23);
    rk[i] = next;
    k[0] = k[1];
    k[1] = k[2];
    k[2] = k[3];
    k[3] = next;
  }
  return rk;
}

/** Encrypts the 16-byte block at `off` of `buf` in place. */
function sm4Block(rk: Int32Array, buf: Buffer, off: number): void {
  let x0 = buf.readInt32BE(off);
  let x1 = buf.readInt32BE(off + 4);
  let x2 = buf.readInt32BE(off + 8);
  let x3 = buf.readInt32BE(off + 12);
  for (let i = 0; i < 32; i += 4) {
    let t = x1 ^ x2 ^ x3 ^ rk[i];
    x0 ^= T0[t >>> 24] ^ T1[(t >>> 16) & 0xff] ^ T2[(t >>> 8) & 0xff] ^ T3[t & 0xff];
    t = x2 ^ x3 ^ x0 ^ rk[i + 1];
    x1 ^= T0[t >>> 24] ^ T1[(t >>> 16) & 0xff] ^ T2[(t >>> 8) & 0xff] ^ T3[t & 0xff];
    t = x3 ^ x0 ^ x1 ^ rk[i + 2];
    x2 ^= T0[t >>> 24] ^ T1[(t >>> 16) & 0xff] ^ T2[(t >>> 8) & 0xff] ^ T3[t & 0xff];
    t = x0 ^ x1 ^ x2 ^ rk[i + 3];
    x3 ^= T0[t >>> 24] ^ T1[(t >>> 16) & 0xff] ^ T2[(t >>> 8) & 0xff] ^ T3[t & 0xff];
  }
  buf.writeInt32BE(x3, off);
  buf.writeInt32BE(x2, off + 4);
  buf.writeInt32BE(x1, off + 8);
  buf.writeInt32BE(x0, off + 12);
}

/**
 * SM4-CBC with PKCS#7 padding, as `createCipheriv('sm4-cbc', key, iv)` gives it, returned
 * with the IV in front: `iv || ciphertext`.
 */
export function sm4CbcEncrypt(rk: Int32Array, iv: Buffer, plain: Buffer): Buffer {
  const n = plain.length;
  const padded = (n & ~15) + 16;
  const out = Buffer.allocUnsafe(16 + padded);
  iv.copy(out, 0, 0, 16);
  plain.copy(out, 16);
  out.fill(padded - n, 16 + n);
  for (let off = 16; off < 16 + padded; off += 16) {
    for (let i = 0; i < 16; i++) out[off + i] ^= out[off - 16 + i];
    sm4Block(rk, out, off);
  }
  return out;
}

// ---- SM3 -----------------------------------------------------------------------------------

const SM3_IV = [0x7380166f, 0x4914b2b9, 0x172442d7, 0xda8a0600, 0xa96f30bc, 0x163138aa, 0xe38dee4d, 0xb0fb0e4e];
const TJ = new Int32Array(64);
for (let j = 0; j < 64; j++) TJ[j] = rotl(j < 16 ? 0x79cc4519 : 0x7a879d8a, j % 32);
const W = new Int32Array(68);

/** One SM3 compression of the 64-byte block at `off` into the state `v` (8 words). */
function sm3Compress(v: Int32Array, block: Uint8Array, off: number): void {
  for (let j = 0; j < 16; j++) {
    const o = off + 4 * j;
    W[j] = (block[o] << 24) | (block[o + 1] << 16) | (block[o + 2] << 8) | block[o + 3];
  }
  for (let j = 16; j < 68; j++) {
    const x = W[j - 16] ^ W[j - 9] ^ rotl(W[j - 3], 15);
    W[j] = x ^ rotl(x, 15) ^ rotl(x, 23) ^ rotl(W[j - 13], 7) ^ W[j - 6];
  }
  let a = v[0], b = v[1], c = v[2], d = v[3], e = v[4], f = v[5], g = v[6], h = v[7];
  for (let j = 0; j < 16; j++) {
    const a12 = rotl(a, 12);
    const ss1 = rotl((a12 + e + TJ[j]) | 0, 7);
    const tt1 = ((a ^ b ^ c) + d + (ss1 ^ a12) + (W[j] ^ W[j + 4])) | 0;
    const tt2 = ((e ^ f ^ g) + h + ss1 + W[j]) | 0;
    d = c;
    c = rotl(b, 9);
    b = a;
    a = tt1;
    h = g;
    g = rotl(f, 19);
    f = e;
    e = tt2 ^ rotl(tt2, 9) ^ rotl(tt2, 17);
  }
  for (let j = 16; j < 64; j++) {
    const a12 = rotl(a, 12);
    const ss1 = rotl((a12 + e + TJ[j]) | 0, 7);
    const tt1 = (((a & b) | (a & c) | (b & c)) + d + (ss1 ^ a12) + (W[j] ^ W[j + 4])) | 0;
    const tt2 = (((e & f) | (~e & g)) + h + ss1 + W[j]) | 0;
    d = c;
    c = rotl(b, 9);
    b = a;
    a = tt1;
    h = g;
    g = rotl(f, 19);
    f = e;
    e = tt2 ^ rotl(tt2, 9) ^ rotl(tt2, 17);
  }
  v[0] ^= a; v[1] ^= b; v[2] ^= c; v[3] ^= d; v[4] ^= e; v[5] ^= f; v[6] ^= g; v[7] ^= h;
}

const TAIL = new Uint8Array(128);

/**
 * Hashes `data` into the state `v`, which has already absorbed `prefixBytes` bytes (a
 * multiple of 64): the blocks, then the padding and the bit length.
 */
function sm3Finish(v: Int32Array, prefixBytes: number, data: Uint8Array): void {
  const n = data.length;
  let off = 0;
  for (; off + 64 <= n; off += 64) sm3Compress(v, data, off);
  const rest = n - off;
  const len = rest < 56 ? 64 : 128;
  TAIL.fill(0);
  for (let i = 0; i < rest; i++) TAIL[i] = data[off + i];
  TAIL[rest] = 0x80;
  const bits = (prefixBytes + n) * 8;
  putWord(TAIL, len - 8, Math.floor(bits / 2 ** 32));
  putWord(TAIL, len - 4, bits >>> 0);
  sm3Compress(v, TAIL, 0);
  if (len === 128) sm3Compress(v, TAIL, 64);
}

function putWord(buf: Uint8Array, off: number, w: number): void {
  buf[off] = w >>> 24;
  buf[off + 1] = (w >>> 16) & 0xff;
  buf[off + 2] = (w >>> 8) & 0xff;
  buf[off + 3] = w & 0xff;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** HMAC-SM3 with a fixed key: the inner and outer states after the padded key are kept. */
export function hmacSm3(key: Uint8Array): (data: Uint8Array) => string {
  let k = key;
  if (k.length > 64) {
    const v = Int32Array.from(SM3_IV);
    sm3Finish(v, 0, key);
    k = new Uint8Array(32);
    for (let i = 0; i < 8; i++) putWord(k, 4 * i, v[i]);
  }
  const ipad = new Uint8Array(64).fill(0x36);
  const opad = new Uint8Array(64).fill(0x5c);
  for (let i = 0; i < k.length; i++) {
    ipad[i] ^= k[i];
    opad[i] ^= k[i];
  }
  const inner = Int32Array.from(SM3_IV);
  sm3Compress(inner, ipad, 0);
  const outer = Int32Array.from(SM3_IV);
  sm3Compress(outer, opad, 0);
  const v = new Int32Array(8);
  const mid = new Uint8Array(32);
  return (data) => {
    v.set(inner);
    sm3Finish(v, 64, data);
    for (let i = 0; i < 8; i++) putWord(mid, 4 * i, v[i]);
    v.set(outer);
    sm3Finish(v, 64, mid);
    let s = '';
    for (let i = 0; i < 8; i++) {
      const w = v[i];
      s += HEX[w >>> 24] + HEX[(w >>> 16) & 0xff] + HEX[(w >>> 8) & 0xff] + HEX[w & 0xff];
    }
    return s;
  };
}

/** UTF-8 bytes of a string; identifiers are ASCII, which skips the encoder. */
export function utf8(s: string): Buffer {
  const n = s.length;
  const out = Buffer.allocUnsafe(n);
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x7f) return Buffer.from(s, 'utf8');
    out[i] = c;
  }
  return out;
}
