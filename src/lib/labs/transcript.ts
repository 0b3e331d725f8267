import { z } from 'zod';
import { ACTORS } from '../schema';

/*
 * A lab transcript: what one run printed, as `npm run lab <name>` shows it and as
 * `npm run lab:record` stores it in src/data/labs/<lab>.json for the pages.
 * Stored shape, version 1. Times are milliseconds since the lab started.
 */

/** Version of the stored transcript shape; bump on any breaking change. */
export const TRANSCRIPT_VERSION = 1;

const text = z.string().min(1);
const t = z.number().nonnegative();
const actor = z.enum(ACTORS);

/** One line of a transcript, in the order it happened. */
export const transcriptEntrySchema = z.discriminatedUnion('kind', [
  /** A setup or after command, the namespace it ran in and what it printed. */
  z.strictObject({ kind: z.literal('command'), t, ns: text, command: text, ok: z.boolean(), output: z.string() }),
  /** A program starts. */
  z.strictObject({ kind: z.literal('program'), file: text, command: text }),
  /** A call and its result. */
  z.strictObject({
    kind: z.literal('call'),
    t,
    actor,
    text,
    /** The function name compared with the scenario. */
    fn: text,
    ret: z.number().int(),
    errno: text.nullable(),
    message: text.nullable(),
    value: text.nullable(),
    aside: z.boolean(),
  }),
  /** An ss snapshot. */
  z.strictObject({
    kind: z.literal('ss'),
    t,
    command: text,
    proto: z.enum(['tcp', 'udp']),
    server: z.number().int(),
    lines: z.array(z.string()),
  }),
  z.strictObject({ kind: z.literal('note'), t, text }),
  /** How a forked actor's process ended. */
  z.strictObject({ kind: z.literal('exit'), t, actor, code: z.number().int().nullable(), signal: text.nullable() }),
  /** A line a program printed that is not an event (stderr, or stdout that is not JSON). */
  z.strictObject({ kind: z.literal('output'), t, stream: z.enum(['stdout', 'stderr']), text: z.string() }),
]);
export type TranscriptEntry = z.infer<typeof transcriptEntrySchema>;
export type CallEntry = Extract<TranscriptEntry, { kind: 'call' }>;
export type SsEntry = Extract<TranscriptEntry, { kind: 'ss' }>;

/** One line of the expected-versus-observed table. */
export const comparisonRowSchema = z.strictObject({
  actor,
  /** The scenario step (1-based) the expectation comes from, if any. */
  step: z.number().int().positive().nullable(),
  /** What the content says, e.g. "write(fd, \"again\", 5) = -1 EPIPE". */
  expected: text.nullable(),
  /** What the kernel did, in the same form. */
  observed: text.nullable(),
  ok: z.boolean(),
  /** Why a row differs. */
  problem: text.nullable(),
});
export type ComparisonRow = z.infer<typeof comparisonRowSchema>;

/** The verdict of comparing a run with the content. */
export const comparisonSchema = z.strictObject({
  /** What the run was compared with, e.g. "src/content/scenarios/connect-refused.mdx timeline". */
  against: text,
  rows: z.array(comparisonRowSchema),
  /** Differences that are not about one call: states ss showed, errnos never seen. */
  problems: z.array(text),
  ok: z.boolean(),
});
export type Comparison = z.infer<typeof comparisonSchema>;

/** How the run was isolated. */
export const ISOLATIONS = ['namespace', 'user-namespace', 'loopback'] as const;

/** A stored transcript: src/data/labs/<lab>.json. */
export const transcriptSchema = z.strictObject({
  version: z.literal(TRANSCRIPT_VERSION),
  lab: text,
  title: text,
  /** The scenario compared with, or null for a lab checked against errno entries. */
  scenario: text.nullable(),
  /** Errno entries checked, for a lab without a scenario. */
  errnos: z.array(text),
  /** Other scenario pages that show this transcript. */
  shownOn: z.array(text),
  actors: z.strictObject({ left: text, right: text }),
  /** The command that reproduces it. */
  command: text,
  /** What a machine needs to run it, in one sentence. */
  needs: text,
  status: z.enum(['passed', 'failed', 'skipped']),
  /** Why it was skipped or failed. */
  reason: text.nullable(),
  /** uname -s and -r of the machine it ran on, e.g. "Linux 6.18.44". */
  kernel: text,
  /** Day of the run, YYYY-MM-DD. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  isolation: z.enum(ISOLATIONS).nullable(),
  durationMs: z.number().int().nonnegative(),
  entries: z.array(transcriptEntrySchema),
  comparison: comparisonSchema.nullable(),
});
export type Transcript = z.infer<typeof transcriptSchema>;

/** A call's result as printed: "5", "-1 EPIPE", "0, err = ECONNREFUSED" (an error returned as a value). */
export function resultText(call: Pick<CallEntry, 'ret' | 'errno' | 'value'>): string {
  if (call.errno) return `${call.ret} ${call.errno}`;
  if (call.value) return `${call.ret}, err = ${call.value}`;
  return String(call.ret);
}

/** Transcripts a scenario page shows: its own lab's first, then labs that list it in shownOn; by lab name. */
export function transcriptsFor(slug: string, transcripts: readonly Transcript[]): Transcript[] {
  const own = transcripts.filter((t) => t.scenario === slug);
  const shown = transcripts.filter((t) => t.scenario !== slug && t.shownOn.includes(slug));
  const byName = (a: Transcript, b: Transcript) => a.lab.localeCompare(b.lab, 'en');
  return [...own.sort(byName), ...shown.sort(byName)];
}

/** Transcripts an errno page could show: labs checked against that errno entry, by lab name. */
export function transcriptsForErrno(name: string, transcripts: readonly Transcript[]): Transcript[] {
  return transcripts.filter((t) => t.errnos.includes(name)).sort((a, b) => a.lab.localeCompare(b.lab, 'en'));
}
