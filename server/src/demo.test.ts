// The demo start: a small province from the generator parts, and portal codes that work, so a
// first visitor can try both the console and the portal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../test/app';
import { demoPortalCodes, seedDemoData } from './demo';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => t.close());

describe(`demo data (${process.env.DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
  it('fills an empty registry once, and its portal codes activate a 定安 citizen and employer', async () => {
    const lines: string[] = [];
    const report = await seedDemoData(t.platform, { scale: 0.0004, out: (l) => lines.push(l) });
    expect(report?.rows).toBeGreaterThan(3000);
    expect(await seedDemoData(t.platform, { scale: 0.0004, out: () => {} })).toBeNull();
    const codes = await demoPortalCodes(t.platform);
    expect(codes.map((c) => c.kind)).toEqual(['person', 'employer']);
    const person = codes[0];
    expect(person.identifier).toMatch(/^\d{17}[\dX]$/);
    const a = await t.activatePortal('person', person.identifier, person.code);
    const me = (await a.get('/api/v1/auth/me')).json();
    expect(me).toMatchObject({ kind: 'person', displayName: person.displayName });
    const e = await t.activatePortal('employer', codes[1].identifier, codes[1].code);
    expect((await e.get('/api/v1/auth/me')).json().kind).toBe('employer');
  });
});
