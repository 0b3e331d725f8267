// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { serviceWorker } from './src/integrations/service-worker';
import { sockerrContent } from './src/integrations/sockerr-content';

// SOCKERR_BASE lets one checkout build for any base path, e.g. a team wiki at /wiki/sockerr/.
const base = process.env.SOCKERR_BASE ?? '/';

export default defineConfig({
  base,
  // The public address, when known, makes links in the Anki export absolute.
  ...(process.env.SOCKERR_SITE ? { site: process.env.SOCKERR_SITE } : {}),
  trailingSlash: 'always',
  build: { format: 'directory' },
  // The site is self-contained: no prefetching of other origins, no telemetry-driven extras.
  prefetch: false,
  devToolbar: { enabled: false },
  integrations: [sockerrContent(), mdx(), serviceWorker()],
  // The high-contrast theme keeps code comments readable (WCAG AA contrast).
  markdown: { shikiConfig: { theme: 'github-dark-high-contrast' } },
  vite: {
    build: {
      rolldownOptions: {
        onwarn(warning, warn) {
          // Astro 7 emits this for every MDX entry (withastro/astro#18087, open); it is harmless
          // and would bury real warnings under one line per content file.
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
});
