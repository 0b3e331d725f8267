import { z } from 'zod';

/*
 * A lab: labs/<name>/lab.json plus the programs it names. The runner (scripts/lab-runtime.ts)
 * makes the namespaces, runs setup and programs, and compares what the kernel did with
 * the scenario's frontmatter (compare.ts), or, for a lab without a scenario, with the
 * errno entries it names.
 */

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const slug = z.string().regex(SLUG, 'must be a lower-case slug like server-process-killed');
const text = z.string().trim().min(1, 'must not be empty');

/** Names of the extra namespaces a lab can ask for; the programs always run in "main". */
const nsName = z.string().regex(/^[a-z][a-z0-9]*$/, 'must be a short lower-case word like router');

/** Labs are named like scenarios: lower-case slugs. */
export const LAB_NAME = SLUG;

/** Longest a lab may run, setup included. */
export const MAX_LAB_MS = 25_000;

/** One shell command run before or after the programs. */
const setupSchema = z.strictObject({
  /** The command, run with sh -c as root inside the namespace; $LAB_NS_<NAME> holds each namespace's holder pid. */
  run: text,
  /** The namespace it runs in. */
  ns: nsName.default('main'),
  /** A failure is recorded but does not stop the lab (a sysctl older kernels lack). */
  optional: z.boolean().default(false),
});

/** One program the lab runs. */
const programSchema = z.strictObject({
  /** File in the lab's folder: .c is compiled with gcc, .mjs runs with this Node. */
  file: z.string().regex(/^[a-z0-9-]+\.(?:c|mjs)$/, 'must be a .c or .mjs file name in the lab folder'),
  /** What this program shows, when the lab has more than one. */
  shows: text.optional(),
});

/** labs/<name>/lab.json. */
export const labSchema = z
  .strictObject({
    /** What the lab shows, in one line. */
    title: text,
    /** The scenario whose timeline the observed calls are compared with. */
    scenario: slug.optional(),
    /** For a lab without a scenario: the errnos it must observe; each entry's `calls` must list the call. */
    errnos: z.array(z.string().regex(/^E[A-Z0-9]+$/)).default([]),
    /** Other scenario pages that show this lab's transcript. */
    shownOn: z.array(slug).default([]),
    /** Column labels when there is no scenario to take them from. */
    actors: z.strictObject({ left: text, right: text }).optional(),
    /** namespace: needs its own network namespace; loopback: runs on the host's loopback when none can be made. */
    isolation: z.enum(['namespace', 'loopback']),
    /** Extra network namespaces besides "main", e.g. a router. */
    namespaces: z.array(nsName).default([]),
    /** Commands the lab needs besides gcc, node, ss, ip, unshare and nsenter, e.g. nft. */
    tools: z.array(z.string().regex(/^[a-z0-9_-]+$/)).default([]),
    /** Commands run before the programs. */
    setup: z.array(setupSchema).default([]),
    /** Commands run after the programs, to show what they left behind (counters, routes). */
    after: z.array(setupSchema).default([]),
    /** Programs run one after another in the main namespace. */
    programs: z.array(programSchema).min(1, 'a lab runs at least one program'),
    /** The server port inside the namespace, passed to the programs as LAB_PORT; on the host loopback the kernel picks one. */
    port: z.number().int().min(1024).max(65535).default(8080),
    /** Upper bound for the whole run, in milliseconds. */
    timeoutMs: z.number().int().positive().max(MAX_LAB_MS).default(15_000),
  })
  .superRefine((lab, ctx) => {
    if (!lab.scenario && lab.errnos.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['scenario'], message: 'name a scenario, or errnos to check against' });
    }
    if (lab.scenario && lab.errnos.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['errnos'],
        message: 'a lab with a scenario is compared with its timeline',
      });
    }
    if (!lab.scenario && !lab.actors) {
      ctx.addIssue({ code: 'custom', path: ['actors'], message: 'a lab without a scenario labels its actors' });
    }
    const known = new Set(['main', ...lab.namespaces]);
    for (const list of ['setup', 'after'] as const) {
      lab[list].forEach((step, i) => {
        if (!known.has(step.ns)) {
          ctx.addIssue({ code: 'custom', path: [list, i, 'ns'], message: `no namespace "${step.ns}" in namespaces` });
        }
      });
    }
    if (lab.isolation === 'loopback' && lab.setup.length + lab.after.length > 0) {
      // Without a namespace these would run on the host itself.
      ctx.addIssue({ code: 'custom', path: ['setup'], message: 'commands need isolation "namespace"' });
    }
    if (lab.namespaces.length > 0 && lab.isolation !== 'namespace') {
      ctx.addIssue({ code: 'custom', path: ['isolation'], message: 'extra namespaces need isolation "namespace"' });
    }
  });
export type LabDefinition = z.infer<typeof labSchema>;

/** The command that runs a lab, as the README and the pages print it. */
export function labCommand(name: string): string {
  return `npm run lab ${name}`;
}

/** What a machine needs to run a lab, in one sentence for the "Try it" block. */
export function labNeeds(def: LabDefinition): string {
  const tools = [
    ...(def.programs.some((p) => p.file.endsWith('.c')) ? ['gcc'] : []),
    'iproute2 (ss, ip)',
    'util-linux (unshare, nsenter)',
    ...def.tools,
  ];
  const list = tools.length > 1 ? `${tools.slice(0, -1).join(', ')} and ${tools.at(-1)}` : (tools[0] ?? '');
  const where =
    def.isolation === 'namespace'
      ? 'root, or unprivileged user namespaces, for its own network namespace'
      : 'its own network namespace when root or user namespaces allow, otherwise the loopback interface';
  return `Linux with ${list}; ${where}.`;
}
