#!/usr/bin/env node
// The CLI is TypeScript in src/cli/; tsx loads it, so the CLI and the site share src/lib as is.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.stdout.on('error', (error) => {
  // `sockerr scan big.log | head` closes the pipe early: that is not a failure.
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
process.exitCode = await main(process.argv.slice(2));
