// Field encryption (SM4-CBC, GB/T 32907), blind index (HMAC-SM3, GB/T 32905) and masking.
//
// A ciphertext is text: `<keyId>:<base64(iv || ciphertext)>`. The key id lets old rows be
// read after a key rotation: the key ring keeps retired keys for decryption only, and
// `renshe keys rotate` re-encrypts rows under the current key (see README, "Key rotation").
// The blind-index key is separate and stable, so exact lookups keep working during and after
// a rotation of the field key.
import { createDecipheriv, createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { hmacSm3, sm4CbcEncrypt, sm4RoundKeys, utf8 } from './sm';

export type KeyRing = {
  currentKeyId: string;
  keys: Map<string, Buffer>; // 16-byte SM4 keys by id
  indexKey: Buffer; // 32-byte HMAC-SM3 key for blind indexes
};

type KeyFile = { currentKeyId: string; keys: Record<string, string>; indexKey: string };

export function sm3(data: string | Buffer): string {
  return createHash('sm3').update(data).digest('hex');
}

function keyIdOf(key: Buffer): string {
  return sm3(key).slice(0, 8);
}

export function newKeyRing(): KeyRing {
  const key = randomBytes(16);
  return { currentKeyId: keyIdOf(key), keys: new Map([[keyIdOf(key), key]]), indexKey: randomBytes(32) };
}

function parseHexKey(hex: string, bytes: number, name: string): Buffer {
  if (!new RegExp(`^[0-9a-fA-F]{${bytes * 2}}$`).test(hex)) {
    throw new Error(`${name} must be ${bytes * 2} hex characters (${bytes} bytes)`);
  }
  return Buffer.from(hex, 'hex');
}

/**
 * Loads the key ring. `RENSHE_FIELD_KEY` (32 hex) and `RENSHE_INDEX_KEY` (64 hex) take
 * precedence; `RENSHE_FIELD_KEYS_OLD` (comma-separated 32-hex keys) keeps retired keys
 * readable. Otherwise the ring lives in `<dataDir>/keys.json`, created with mode 0600 on
 * first start. Keys are never logged.
 */
export function loadKeyRing(opts: { keyFile: string; env?: NodeJS.ProcessEnv }): KeyRing {
  const env = opts.env ?? process.env;
  if (env.RENSHE_FIELD_KEY) {
    const current = parseHexKey(env.RENSHE_FIELD_KEY, 16, 'RENSHE_FIELD_KEY');
    if (!env.RENSHE_INDEX_KEY) throw new Error('RENSHE_INDEX_KEY must be set together with RENSHE_FIELD_KEY');
    const keys = new Map([[keyIdOf(current), current]]);
    for (const old of (env.RENSHE_FIELD_KEYS_OLD ?? '').split(',').filter(Boolean)) {
      const k = parseHexKey(old.trim(), 16, 'RENSHE_FIELD_KEYS_OLD');
      keys.set(keyIdOf(k), k);
    }
    return { currentKeyId: keyIdOf(current), keys, indexKey: parseHexKey(env.RENSHE_INDEX_KEY, 32, 'RENSHE_INDEX_KEY') };
  }
  if (existsSync(opts.keyFile)) return keyRingFromJson(readFileSync(opts.keyFile, 'utf8'));
  const ring = newKeyRing();
  saveKeyRing(opts.keyFile, ring);
  return ring;
}

export function keyRingFromJson(text: string): KeyRing {
  const f = JSON.parse(text) as KeyFile;
  const keys = new Map(Object.entries(f.keys).map(([id, hex]) => [id, parseHexKey(hex, 16, `key ${id}`)]));
  if (!keys.has(f.currentKeyId)) throw new Error('key file: current key missing');
  return { currentKeyId: f.currentKeyId, keys, indexKey: parseHexKey(f.indexKey, 32, 'indexKey') };
}

/** The key file's text (what `keyRingFromJson` reads back). */
export function keyRingJson(ring: KeyRing): string {
  const f: KeyFile = {
    currentKeyId: ring.currentKeyId,
    keys: Object.fromEntries([...ring.keys].map(([id, k]) => [id, k.toString('hex')])),
    indexKey: ring.indexKey.toString('hex'),
  };
  return JSON.stringify(f, null, 2);
}

export function saveKeyRing(keyFile: string, ring: KeyRing): void {
  mkdirSync(dirname(keyFile), { recursive: true });
  writeFileSync(keyFile, keyRingJson(ring), { mode: 0o600 });
  chmodSync(keyFile, 0o600);
}

/** Adds a fresh current key; the old ones stay for decryption until rows are re-encrypted. */
export function rotateKeyRing(ring: KeyRing): KeyRing {
  const key = randomBytes(16);
  const keys = new Map(ring.keys);
  keys.set(keyIdOf(key), key);
  return { ...ring, currentKeyId: keyIdOf(key), keys };
}

export type FieldCrypto = {
  encrypt(plain: string): string;
  decrypt(cipher: string): string;
  /** Deterministic keyed hash for exact lookup; never reversible. */
  blindIndex(plain: string): string;
  needsReencrypt(cipher: string): boolean;
  currentKeyId: string;
};

// IVs come from a pool refilled 64 KiB at a time: one CSPRNG call per 4,096 values instead of
// one per value (a third of the encryption cost in bulk imports). Still a fresh random IV each.
let ivPool = Buffer.alloc(0);
let ivOffset = 0;
function nextIv(): Buffer {
  if (ivOffset + 16 > ivPool.length) {
    ivPool = randomBytes(65536);
    ivOffset = 0;
  }
  const iv = ivPool.subarray(ivOffset, ivOffset + 16);
  ivOffset += 16;
  return iv;
}

// The ring behind each FieldCrypto, for one purpose: the generator's worker threads build the
// same FieldCrypto from it (handed over in their workerData, never logged or stored).
const rings = new WeakMap<FieldCrypto, KeyRing>();

/** The key ring a FieldCrypto was built from (undefined for one not made by fieldCrypto). */
export function keyRingOf(crypto: FieldCrypto): KeyRing | undefined {
  return rings.get(crypto);
}

export function fieldCrypto(ring: KeyRing): FieldCrypto {
  // SM4 and HMAC-SM3 in TypeScript (./sm): the same bytes as OpenSSL, without a new OpenSSL
  // context per value (which cost ≈ 25 µs a ciphertext in bulk imports).
  const roundKeys = sm4RoundKeys(ring.keys.get(ring.currentKeyId)!);
  const mac = hmacSm3(ring.indexKey);
  const prefix = `${ring.currentKeyId}:`;
  const crypto: FieldCrypto = {
    currentKeyId: ring.currentKeyId,
    encrypt(plain) {
      return prefix + sm4CbcEncrypt(roundKeys, nextIv(), utf8(plain)).toString('base64');
    },
    decrypt(cipher) {
      const i = cipher.indexOf(':');
      const key = ring.keys.get(cipher.slice(0, i));
      if (!key) throw new Error(`no key ${cipher.slice(0, i)} in the key ring`);
      const body = Buffer.from(cipher.slice(i + 1), 'base64');
      const d = createDecipheriv('sm4-cbc', key, body.subarray(0, 16));
      return Buffer.concat([d.update(body.subarray(16)), d.final()]).toString('utf8');
    },
    blindIndex(plain) {
      return mac(utf8(plain));
    },
    needsReencrypt(cipher) {
      return !cipher.startsWith(`${ring.currentKeyId}:`);
    },
  };
  rings.set(crypto, ring);
  return crypto;
}

export function safeEqualHex(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

// Masking (DOMAIN.md "Identifiers and masking") ----------------------------------------

export function maskName(name: string): string {
  const chars = [...name];
  return chars.length <= 1 ? name : chars[0] + '*'.repeat(Math.min(chars.length - 1, 2));
}

/** Staff lists: first 3 and last 4; public notices: first 6 and last 4. */
export function maskResidentId(id: string, audience: 'staff' | 'public' = 'staff'): string {
  const head = audience === 'public' ? 6 : 3;
  if (id.length < head + 4) return '*'.repeat(id.length);
  return id.slice(0, head) + '*'.repeat(id.length - head - 4) + id.slice(-4);
}

export function maskMobile(n: string): string {
  return n.length < 7 ? '*'.repeat(n.length) : n.slice(0, 3) + '****' + n.slice(-4);
}

export function maskBankCard(n: string): string {
  return n.length < 10 ? '*'.repeat(n.length) : n.slice(0, 6) + '*'.repeat(n.length - 10) + n.slice(-4);
}
