import { z } from 'zod';

/*
 * The content model. Every reader of src/content (Astro's collections, the build
 * script, the tests) validates through these schemas; cross-entry rules (references,
 * uniqueness) live in validate.ts because they need the whole corpus.
 */

/** Platform keys, in display order; see DESIGN.md "Platform keys". */
export const PLATFORMS = ['linux', 'alpha', 'mips', 'sparc', 'parisc', 'freebsd', 'macos', 'winsock'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** Human labels for the platform keys. */
export const PLATFORM_LABELS: Record<Platform, string> = {
  linux: 'Linux (x86, arm, arm64, riscv, … asm-generic)',
  alpha: 'Linux on Alpha',
  mips: 'Linux on MIPS',
  sparc: 'Linux on SPARC',
  parisc: 'Linux on PA-RISC',
  freebsd: 'FreeBSD',
  macos: 'macOS (XNU)',
  winsock: 'Windows (Winsock)',
};

/** Errno categories: the topics quizzes and indexes group by. */
export const CATEGORIES = [
  'connection-setup',
  'data-transfer',
  'teardown',
  'resources-and-limits',
  'addressing',
  'protocol-and-options',
  'general-io',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** Human labels for the categories. */
export const CATEGORY_LABELS: Record<Category, string> = {
  'connection-setup': 'Connection setup',
  'data-transfer': 'Data transfer',
  teardown: 'Teardown',
  'resources-and-limits': 'Resources and limits',
  addressing: 'Addressing',
  'protocol-and-options': 'Protocol and options',
  'general-io': 'General I/O',
};

/** System calls an errno can come back from. */
export const CALLS = [
  'socket',
  'bind',
  'listen',
  'accept',
  'connect',
  'read',
  'recv',
  'recvfrom',
  'recvmsg',
  'write',
  'send',
  'sendto',
  'sendmsg',
  'getsockopt',
  'setsockopt',
  'shutdown',
  'close',
  'poll',
  'select',
  'epoll_wait',
  'getsockname',
  'getpeername',
] as const;

/** Which end of a connection sees the error. */
export const SIDES = ['client', 'server', 'either'] as const;

/** What an application should do about an errno. */
export const ACTIONS = ['retry-now', 'retry-later', 'reconnect', 'fix-code', 'fix-config', 'ignore'] as const;
export type Action = (typeof ACTIONS)[number];

/** Human labels for the handling actions. */
export const ACTION_LABELS: Record<Action, string> = {
  'retry-now': 'Retry now',
  'retry-later': 'Retry later',
  reconnect: 'Reconnect',
  'fix-code': 'Fix the code',
  'fix-config': 'Fix the configuration',
  ignore: 'Ignore and carry on',
};

/** The eleven TCP states of RFC 9293 §3.3.2. */
export const TCP_STATES = [
  'CLOSED',
  'LISTEN',
  'SYN_SENT',
  'SYN_RECEIVED',
  'ESTABLISHED',
  'FIN_WAIT_1',
  'FIN_WAIT_2',
  'CLOSE_WAIT',
  'CLOSING',
  'LAST_ACK',
  'TIME_WAIT',
] as const;
export type TcpState = (typeof TCP_STATES)[number];

/** TCP header flags a timeline segment can carry. */
export const TCP_FLAGS = ['SYN', 'ACK', 'FIN', 'RST', 'PSH', 'URG'] as const;

/** Kinds of source a fact can cite. */
export const SOURCE_KINDS = ['man', 'rfc', 'header', 'source', 'doc', 'lab'] as const;

const ERRNO_NAME = /^E[A-Z0-9]+$/;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const errnoName = z.string().regex(ERRNO_NAME, 'must be an errno name in capitals, like ECONNRESET');
const slug = z.string().regex(SLUG, 'must be a lower-case slug like server-process-killed');
const text = z.string().trim().min(1, 'must not be empty');
const number = z.number().int().positive();

/** A Winsock code with its WSA name, e.g. 10054 WSAECONNRESET. */
const winsockNumber = z.strictObject({
  /** The WSA code as WSAGetLastError() returns it. */
  code: z.number().int().min(10000).max(11999),
  /** The constant's name in winsock2.h / winerror.h. */
  name: z.string().regex(/^WSA[A-Z0-9_]+$/, 'must be a WSA constant name'),
});

/** Numbers per platform; every key present, null where the platform lacks the name. */
export const platformNumbersSchema = z.strictObject({
  /** asm-generic/errno*.h: x86, arm, arm64, riscv, powerpc, s390 and most others. */
  linux: number.nullable(),
  /** arch/alpha/include/uapi/asm/errno.h */
  alpha: number.nullable(),
  /** arch/mips/include/uapi/asm/errno.h */
  mips: number.nullable(),
  /** arch/sparc/include/uapi/asm/errno.h */
  sparc: number.nullable(),
  /** arch/parisc/include/uapi/asm/errno.h */
  parisc: number.nullable(),
  /** FreeBSD sys/sys/errno.h */
  freebsd: number.nullable(),
  /** XNU bsd/sys/errno.h */
  macos: number.nullable(),
  /** winsock2.h / winerror.h WSA code and name. */
  winsock: winsockNumber.nullable(),
});
export type PlatformNumbers = z.infer<typeof platformNumbersSchema>;

/** A citation backing a fact on the page. */
export const sourceSchema = z.strictObject({
  /** What kind of source it is. */
  kind: z.enum(SOURCE_KINDS),
  /** Short reference as printed, e.g. "accept(2)", "RFC 9293 §3.10.7.4", "asm-generic/errno.h". */
  ref: text,
  /** Where to read it, when it has a stable public address. */
  url: z.url().optional(),
  /** Which fact on the page this backs. */
  note: text.optional(),
});

/** A wrong belief, usually one the seeds repeat, with the correction. */
export const mythSchema = z.strictObject({
  /** The belief as people state it. */
  claim: text,
  /** What is actually true. */
  truth: text,
  /** Whether one of the project's seed notes states the myth. */
  fromSeed: z.boolean().default(false),
  /** Evidence for the correction. */
  sources: z.array(sourceSchema).min(1, 'a corrected myth needs at least one source'),
});

/** A hand-written quiz question; the answer must be one of the choices. */
export const quizQuestionSchema = z
  .strictObject({
    /** The question text. */
    question: text,
    /** Two to four distinct answer choices. */
    choices: z.array(text).min(2).max(4),
    /** The right choice, copied exactly. */
    answer: text,
    /** Why the answer is right, shown after answering. */
    explanation: text,
  })
  .superRefine((q, ctx) => {
    if (new Set(q.choices).size !== q.choices.length) {
      ctx.addIssue({ code: 'custom', path: ['choices'], message: 'choices must be distinct' });
    }
    if (!q.choices.includes(q.answer)) {
      ctx.addIssue({ code: 'custom', path: ['answer'], message: 'must be one of the choices' });
    }
  });

/** Another name for the same error. */
const aliasSchema = z.strictObject({
  /** The alias, e.g. EWOULDBLOCK. */
  name: errnoName,
  /** The alias's own numbers, only where it is not simply equal to the entry's everywhere. */
  numbers: platformNumbersSchema.optional(),
  /** Where the alias exists or differs, in one line. */
  note: text.optional(),
});

/** Chinese vocabulary for an entry, so Chinese queries find it. */
const zhSchema = z.strictObject({
  /** glibc's zh_CN translation of the strerror message (libc.mo), or null if untranslated. */
  glibc: text.nullable(),
  /** Other Chinese names people use: seed vocabulary, textbook terms, Windows' zh-CN message. */
  terms: z.array(text).default([]),
});

/** An errno entry: frontmatter of src/content/errno/<name>.mdx. */
export const errnoSchema = z.strictObject({
  /** The POSIX/Linux name, e.g. ECONNRESET; the file must be named after it in lower case. */
  name: errnoName,
  /** Full entries have a page of explanation; reference entries a short meaning only. */
  kind: z.enum(['full', 'reference']).default('full'),
  /** Other names for the same error (EWOULDBLOCK, ENOTSUP, EDEADLOCK). */
  aliases: z.array(aliasSchema).default([]),
  /** Messages as each C library or Windows prints them. */
  messages: z.strictObject({
    /** glibc strerror() text, e.g. "Connection reset by peer". */
    glibc: text,
    /** FreeBSD libc strerror() text, or null where FreeBSD lacks the name. */
    freebsd: text.nullable(),
    /** macOS libc strerror() text, or null where macOS lacks the name. */
    macos: text.nullable(),
    /** Windows' FormatMessage text for the WSA code, or null without one. */
    winsock: text.nullable(),
  }),
  /** The numeric value per platform. */
  numbers: platformNumbersSchema,
  /** One line: what the error means. */
  summary: text.max(200, 'a summary is one line: at most 200 characters'),
  /** The topic the entry belongs to. */
  category: z.enum(CATEGORIES),
  /** Calls that return it, and on which side. */
  calls: z
    .array(
      z.strictObject({
        /** The calls, e.g. [read, recv]. */
        calls: z.array(z.enum(CALLS)).min(1),
        /** Which end sees it. */
        side: z.enum(SIDES),
        /** In what situation, in one line. */
        when: text,
      }),
    )
    .default([]),
  /** How to handle it; the first item is the usual answer. */
  handling: z
    .array(
      z.strictObject({
        /** What to do. */
        action: z.enum(ACTIONS),
        /** In which situation this advice applies, if not always. */
        when: text.optional(),
        /** Why this is the right reaction. */
        why: text,
      }),
    )
    .min(1, 'say how to handle it'),
  /** What produces it; each cause names the scenario that shows it, where one exists. */
  causes: z
    .array(
      z.strictObject({
        /** The cause in one or two sentences. */
        text: text,
        /** Slug of the scenario that walks through it. */
        scenario: slug.optional(),
      }),
    )
    .default([]),
  /** Errnos people confuse it with or that come in the same situations. */
  related: z
    .array(
      z.strictObject({
        /** Name of another errno entry. */
        name: errnoName,
        /** How the two differ or connect, in one line. */
        why: text,
      }),
    )
    .default([]),
  /** Chinese names and translations. */
  zh: zhSchema,
  /** Extra search terms: runtime wordings, log fragments, other languages. */
  searchAliases: z.array(text).default([]),
  /** Wrong beliefs the page corrects. */
  myths: z.array(mythSchema).default([]),
  /** Hand-written quiz questions. */
  quiz: z.array(quizQuestionSchema).default([]),
  /** Citations for the facts in this entry. */
  sources: z.array(sourceSchema).min(1, 'cite at least one source'),
});
export type ErrnoEntry = z.infer<typeof errnoSchema>;

/** Which actor of a scenario; "left" and "right" are the diagram's columns. */
export const ACTORS = ['left', 'right'] as const;
export type Actor = (typeof ACTORS)[number];

/** What an application call returned at a step. */
const callResultSchema = z.strictObject({
  /** Which actor made the call. */
  actor: z.enum(ACTORS),
  /** The call, written as in C, e.g. "connect()", "write(fd, buf, 100)". */
  call: text,
  /** What it returned, e.g. "0", "-1", "100". */
  returns: text,
  /** The errno set, if the call failed. */
  errno: errnoName.optional(),
  /** What else happened: a signal, a blocked call waking. */
  note: text.optional(),
});

/** What crossed the wire at a step. */
const packetSchema = z.strictObject({
  /** tcp for a TCP segment, icmp for an ICMP error. */
  protocol: z.enum(['tcp', 'icmp', 'udp']).default('tcp'),
  /** TCP flags set on the segment. */
  flags: z.array(z.enum(TCP_FLAGS)).default([]),
  /** Label drawn on the arrow beyond the flags, e.g. "seq=x", "port unreachable", "100 bytes". */
  label: text.optional(),
  /** The packet never arrives (dropped, host down). */
  lost: z.boolean().default(false),
});

/** One step of a scenario's timeline. */
const stepSchema = z
  .strictObject({
    /** What happens, in a few words; the caption of the step. */
    label: text,
    /** The actor that sends a packet at this step, if any. */
    from: z.enum(ACTORS).optional(),
    /** The packet sent, required with "from". */
    packet: packetSchema.optional(),
    /** Time since the previous step when it matters, e.g. "~75 s later". */
    after: text.optional(),
    /** Each side's TCP state after the step. */
    states: z.strictObject({ left: z.enum(TCP_STATES), right: z.enum(TCP_STATES) }),
    /** Application calls that return at this step. */
    calls: z.array(callResultSchema).default([]),
  })
  .superRefine((step, ctx) => {
    if (step.from && !step.packet) {
      ctx.addIssue({ code: 'custom', path: ['packet'], message: 'a step with "from" needs a packet' });
    }
    if (step.packet && !step.from) {
      ctx.addIssue({ code: 'custom', path: ['from'], message: 'a step with a packet needs "from"' });
    }
    if (step.packet?.protocol === 'tcp' && step.packet.flags.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['packet', 'flags'], message: 'a TCP segment needs at least one flag' });
    }
    if (step.packet && step.packet.protocol !== 'tcp' && step.packet.flags.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['packet', 'flags'], message: 'only TCP segments carry flags' });
    }
  });

/** A scenario: frontmatter of src/content/scenarios/<slug>.mdx. */
export const scenarioSchema = z.strictObject({
  /** Title in English. */
  title: text,
  /** Title in Chinese. */
  titleZh: text,
  /** One line: what the scenario shows. */
  summary: text.max(240, 'a summary is one line: at most 240 characters'),
  /** The two sides, as labelled on the diagram's columns. */
  actors: z.strictObject({
    /** Usually the client. */
    left: text,
    /** Usually the server. */
    right: text,
  }),
  /** Each side's TCP state before the first step. */
  initial: z.strictObject({ left: z.enum(TCP_STATES), right: z.enum(TCP_STATES) }),
  /** The steps in order. */
  timeline: z.array(stepSchema).min(1, 'a scenario needs at least one step'),
  /** Every errno the scenario produces; each must be an errno entry. */
  errnos: z.array(errnoName).default([]),
  /** Commands that let a reader watch it happen. */
  observe: z
    .array(
      z.strictObject({
        /** The command line. */
        command: text,
        /** What to look for in its output. */
        shows: text,
      }),
    )
    .default([]),
  /** Extra Chinese search terms. */
  zhTerms: z.array(text).default([]),
  /** Extra search terms in English. */
  searchAliases: z.array(text).default([]),
  /** Wrong beliefs the page corrects. */
  myths: z.array(mythSchema).default([]),
  /** Hand-written quiz questions. */
  quiz: z.array(quizQuestionSchema).default([]),
  /** Citations for the facts in this scenario. */
  sources: z.array(sourceSchema).min(1, 'cite at least one source'),
});
export type Scenario = z.infer<typeof scenarioSchema>;

/** What kind of thing a glossary term names. */
export const GLOSSARY_KINDS = [
  'tcp-state',
  'tcp-flag',
  'timer',
  'icmp',
  'socket-option',
  'signal',
  'kernel-setting',
  'concept',
] as const;

/** A glossary term: frontmatter of src/content/glossary/<slug>.mdx. */
export const glossarySchema = z.strictObject({
  /** The term as written in code and logs, e.g. TIME_WAIT, SO_LINGER. */
  term: text,
  /** The usual Chinese term. */
  termZh: text,
  /** What kind of thing it is. */
  kind: z.enum(GLOSSARY_KINDS),
  /** One line: what it means. */
  summary: text.max(240, 'a summary is one line: at most 240 characters'),
  /** Other spellings and search terms (TIME-WAIT, 2MSL, tcp_fin_timeout). */
  aliases: z.array(text).default([]),
  /** Errnos the term helps explain; each must be an errno entry. */
  errnos: z.array(errnoName).default([]),
  /** Scenarios where the term matters; each must be a scenario slug. */
  scenarios: z.array(slug).default([]),
  /** Citations for the definition. */
  sources: z.array(sourceSchema).min(1, 'cite at least one source'),
});
export type GlossaryTerm = z.infer<typeof glossarySchema>;
