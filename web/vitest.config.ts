// Unit tests of the web app's pure functions (validators, formatters): `cd web && npx vitest run`.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
