// Rule: PGlite does not lock its folder, so Renshe does: a second process (or a second
// open in the same process) on the same data folder is refused with a clear message; a
// lock left by a dead process is taken over.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { takeLock } from './index';

describe('data folder lock', () => {
  it('refuses a folder locked by a live process, naming the folder and the pid', () => {
    const dir = mkdtempSync(join(tmpdir(), 'renshe-lock-'));
    const child = spawn('sleep', ['30']);
    try {
      writeFileSync(join(dir, 'renshe.lock'), String(child.pid));
      expect(() => takeLock(dir)).toThrow(expect.objectContaining({ code: 'DB_LOCKED', zh: expect.stringContaining(String(child.pid)) }));
    } finally {
      child.kill();
    }
  });

  it('takes over a lock whose process is gone, and refuses a second open in this process', () => {
    const dir = mkdtempSync(join(tmpdir(), 'renshe-lock-'));
    writeFileSync(join(dir, 'renshe.lock'), '999999');
    const release = takeLock(dir);
    expect(() => takeLock(dir)).toThrow(expect.objectContaining({ code: 'DB_LOCKED' }));
    release();
    const again = takeLock(dir);
    again();
  });
});
