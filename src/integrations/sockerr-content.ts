import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { buildData, ContentError } from '../../scripts/build-data';
import { COLLECTION_DIRS } from '../../scripts/content-files';

/** Validate all content and write the open data files before Astro builds or serves anything. */
export function sockerrContent(): AstroIntegration {
  let root = '';
  let base = '/';
  let site: string | undefined;
  const run = async () => {
    await buildData({ root, base, site, outDir: path.join(root, 'public', 'data') });
  };
  return {
    name: 'sockerr-content',
    hooks: {
      'astro:config:setup': async ({ config, logger }) => {
        root = fileURLToPath(config.root);
        base = config.base;
        site = config.site;
        try {
          await run();
        } catch (error) {
          if (error instanceof ContentError) {
            logger.error(error.message);
            // Astro prints this and exits non-zero; nothing has been written. The stack would
            // only point into this integration, so it is replaced by the message.
            const stop = new Error('invalid content: see the problems listed above');
            stop.stack = stop.message;
            throw stop;
          }
          throw error;
        }
        logger.info('content valid; data files written to public/data/');
      },
      'astro:server:setup': ({ server, logger }) => {
        const dirs = Object.values(COLLECTION_DIRS).map((d) => path.join(root, d));
        server.watcher.on('all', (_event, file) => {
          if (!dirs.some((d) => file.startsWith(d))) return;
          run().catch((error: unknown) => {
            logger.error(error instanceof Error ? error.message : String(error));
          });
        });
      },
    },
  };
}
