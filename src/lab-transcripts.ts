import { type Transcript, transcriptSchema } from './lib/labs/transcript';

// Written by `npm run lab:record`; parsed once per build (not once per page), and an
// invalid file stops the build with its name.
const files = import.meta.glob<unknown>('./data/labs/*.json', { eager: true, import: 'default' });

/** Every recorded lab transcript. */
export const TRANSCRIPTS: readonly Transcript[] = Object.entries(files).map(([file, data]) => {
  const parsed = transcriptSchema.safeParse(data);
  if (!parsed.success) throw new Error(`${file}: not a lab transcript: ${parsed.error.message}`);
  return parsed.data;
});
