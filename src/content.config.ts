import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { errnoSchema, glossarySchema, scenarioSchema } from './lib/schema';

// The schemas are the same objects the build script validates with (src/lib/schema.ts);
// cross-entry checks run in the sockerr-content integration before Astro loads anything.
export const collections = {
  errno: defineCollection({
    loader: glob({ pattern: '*.mdx', base: './src/content/errno' }),
    schema: errnoSchema,
  }),
  scenarios: defineCollection({
    loader: glob({ pattern: '*.mdx', base: './src/content/scenarios' }),
    schema: scenarioSchema,
  }),
  glossary: defineCollection({
    loader: glob({ pattern: '*.mdx', base: './src/content/glossary' }),
    schema: glossarySchema,
  }),
};
