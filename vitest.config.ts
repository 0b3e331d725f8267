import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // *.test.ts: Node-only; *.spec.ts: drive a real browser against the built site.
    include: ['tests/**/*.test.ts', 'tests/**/*.spec.ts'],
    // The site tests read dist/ and the build-failure test runs a real Astro build.
    testTimeout: 120_000,
    hookTimeout: 240_000,
  },
});
