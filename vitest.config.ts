import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The site tests read dist/ and the build-failure test runs a real Astro build.
    testTimeout: 120_000,
    hookTimeout: 240_000,
  },
});
