// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { sockerrContent } from './src/integrations/sockerr-content';

// SOCKERR_BASE lets one checkout build for any base path, e.g. a team wiki at /wiki/sockerr/.
const base = process.env.SOCKERR_BASE ?? '/';

export default defineConfig({
  base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  // The site is self-contained: no prefetching of other origins, no telemetry-driven extras.
  prefetch: false,
  devToolbar: { enabled: false },
  integrations: [sockerrContent(), mdx()],
});
