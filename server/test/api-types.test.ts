// The web app's response types are generated from the server's OpenAPI document
// (web/src/api/openapi.ts), so the two sides cannot drift apart: a route whose schema
// changes without regenerating fails here. `npm run api:types` regenerates the file.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from './app';

const target = join(new URL('.', import.meta.url).pathname, '../../web/src/api/openapi.ts');
const header = `// GENERATED from the server's OpenAPI document by \`npm run api:types\`; do not edit.
// server/test/api-types.test.ts fails when this file and the server's route schemas differ.
/* eslint-disable */
`;

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
  await t.app.ready();
});
afterAll(() => t.close());

describe('web API types', () => {
  it('web/src/api/openapi.ts is what the server’s route schemas generate today', async () => {
    const doc = t.app.swagger() as Parameters<typeof openapiTS>[0];
    const generated = header + astToString(await openapiTS(doc, { alphabetize: true }));
    if (process.env.RENSHE_WRITE_API_TYPES === '1') writeFileSync(target, generated);
    const committed = (() => {
      try {
        return readFileSync(target, 'utf8');
      } catch {
        return '(missing)';
      }
    })();
    // Not a deep diff: a changed schema shows here; run `npm run api:types` and commit.
    expect(committed === generated, 'web/src/api/openapi.ts is out of date: run `npm run api:types`').toBe(true);
    // The document covers the routes the web app calls.
    expect(generated).toContain('"/api/v1/plans/{planId}/evaluation"');
    expect(generated).toContain('"/api/v1/registry/persons"');
  });
});
