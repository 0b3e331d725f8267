import { type ChildProcessWithoutNullStreams, execFileSync, spawn } from 'node:child_process';
import { accessSync, constants, existsSync, rmSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { compareWithErrnos, compareWithScenario } from '../src/lib/labs/compare';
import { LAB_NAME, type LabDefinition, labCommand, labNeeds, labSchema } from '../src/lib/labs/definition';
import { callName, parseEventLine } from '../src/lib/labs/events';
import {
  type CallEntry,
  type Comparison,
  type SsEntry,
  TRANSCRIPT_VERSION,
  type Transcript,
  type TranscriptEntry,
} from '../src/lib/labs/transcript';
import { formatProblem, validateCorpus } from '../src/lib/validate';
import { readContentFiles } from './content-files';

/*
 * Runs labs: checks tools, makes network namespaces, compiles and runs the programs,
 * answers their ss requests and compares the result with the content. Lifecycle of one
 * run: namespaces are held open by `unshare --net sh -c '…; exec cat'` holders whose stdin
 * is a pipe from this process, so they also end if this process dies; every child runs in
 * its own process group and is killed with the group in a finally block.
 */

/** A lab found under labs/. */
export interface LabInfo {
  name: string;
  dir: string;
  def: LabDefinition;
}

/** How namespaces are made for this run. */
type Mode = 'namespace' | 'user-namespace' | 'loopback';

/** Options of one run. */
export interface RunOptions {
  /** "off" makes no namespaces, as on a machine without root or user namespaces; default: SOCKERR_LAB_NAMESPACES=off or auto. */
  namespaces?: 'auto' | 'off';
}

const PATH_EXTRA = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];
const ENV_PATH = [...(process.env.PATH ?? '').split(':').filter(Boolean), ...PATH_EXTRA].join(':');
const HOLDER = 'ip link set lo up && echo ready && exec cat >/dev/null';

const live = new Set<ChildProcessWithoutNullStreams>();
const workDirs = new Set<string>();

function killGroup(child: ChildProcessWithoutNullStreams): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

// A runner that exits or is interrupted still takes its process groups with it (the
// children run in groups of their own, so a terminal's Ctrl-C does not reach them).
function cleanUp(): void {
  for (const child of live) killGroup(child);
  for (const dir of workDirs) rmSync(dir, { recursive: true, force: true });
}
process.once('exit', cleanUp);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    cleanUp();
    process.kill(process.pid, signal);
  });
}

/** Every lab under root/labs, sorted by name; throws when a lab.json is invalid. */
export async function listLabs(root: string): Promise<LabInfo[]> {
  const dir = path.join(root, 'labs');
  const labs: LabInfo[] = [];
  for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    const file = path.join(dir, entry.name, 'lab.json');
    if (!entry.isDirectory() || !existsSync(file)) continue;
    if (!LAB_NAME.test(entry.name)) throw new Error(`labs/${entry.name}: a lab folder is named by a lower-case slug`);
    const parsed = labSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `labs/${entry.name}/lab.json: ${i.path.join('.')}: ${i.message}`);
      throw new Error(issues.join('\n'));
    }
    labs.push({ name: entry.name, dir: path.join(dir, entry.name), def: parsed.data });
  }
  return labs;
}

function which(tool: string): string | null {
  for (const dir of ENV_PATH.split(':')) {
    const file = path.join(dir, tool);
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // Not in this directory.
    }
  }
  return null;
}

/** Whether `unshare <args> true` works here: a namespace is tried, not assumed from the uid. */
function canUnshare(args: string[]): boolean {
  try {
    execFileSync('unshare', [...args, 'true'], {
      stdio: 'ignore',
      timeout: 5000,
      env: { ...process.env, PATH: ENV_PATH },
    });
    return true;
  } catch {
    return false;
  }
}

function namespacesOff(options: RunOptions): boolean {
  return (options.namespaces ?? (process.env.SOCKERR_LAB_NAMESPACES === 'off' ? 'off' : 'auto')) === 'off';
}

let probed: { mode: Mode; why: string } | undefined;

/** The isolation this machine allows, and why when it is only the loopback. */
function chooseMode(options: RunOptions): { mode: Mode; why: string } {
  if (namespacesOff(options))
    return { mode: 'loopback', why: 'namespaces were turned off (SOCKERR_LAB_NAMESPACES=off)' };
  if (!which('unshare') || !which('nsenter') || !which('ip')) {
    return { mode: 'loopback', why: 'unshare, nsenter or ip is missing' };
  }
  // Root in a container without CAP_SYS_ADMIN cannot unshare either: try, once per process.
  probed ??= canUnshare(['--net'])
    ? { mode: 'namespace', why: '' }
    : canUnshare(['--user', '--map-root-user', '--net'])
      ? { mode: 'user-namespace', why: '' }
      : { mode: 'loopback', why: 'this machine allows this user neither network nor user namespaces' };
  return probed;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function start(cmd: string, args: string[], env: NodeJS.ProcessEnv): ChildProcessWithoutNullStreams {
  const child = spawn(cmd, args, { detached: true, stdio: 'pipe', env: { ...env, PATH: ENV_PATH } });
  live.add(child);
  child.once('close', () => live.delete(child));
  child.stdin.on('error', () => {
    // The program exited before reading our reply.
  });
  return child;
}

function stop(child: ChildProcessWithoutNullStreams): void {
  child.stdin.end();
  killGroup(child);
  live.delete(child);
}

/** Run a command to completion with a deadline; output is stdout and stderr together. */
function runCommand(
  argv: string[],
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const [cmd = 'true', ...args] = argv;
    const child = start(cmd, args, env);
    let output = '';
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      output += d.toString();
    });
    const timer = setTimeout(() => {
      output += `\n(killed after ${timeoutMs} ms)`;
      killGroup(child);
    }, timeoutMs);
    child.stdin.end();
    child.once('error', (error) => {
      clearTimeout(timer);
      resolve({ code: 127, output: `${output}${error.message}` });
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      killGroup(child);
      resolve({ code, output: output.trimEnd() });
    });
  });
}

/** One network namespace, kept open by a holder process. */
interface Namespace {
  name: string;
  holder: ChildProcessWithoutNullStreams;
  pid: number;
}

function holderArgs(mode: Mode, main: Namespace | undefined): string[] {
  if (mode === 'namespace') return ['unshare', '--net', '--', 'sh', '-c', HOLDER];
  if (!main) return ['unshare', '--user', '--map-root-user', '--net', '--', 'sh', '-c', HOLDER];
  // Extra namespaces belong to the main one's user namespace, so links can move between them.
  return [
    'nsenter',
    `--target=${main.pid}`,
    '--user',
    '--preserve-credentials',
    '--',
    'unshare',
    '--net',
    '--',
    'sh',
    '-c',
    HOLDER,
  ];
}

function makeNamespace(name: string, mode: Mode, main: Namespace | undefined): Promise<Namespace> {
  return new Promise((resolve, reject) => {
    const [cmd = 'unshare', ...args] = holderArgs(mode, main);
    const holder = start(cmd, args, process.env);
    let err = '';
    holder.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    const timer = setTimeout(() => {
      stop(holder);
      reject(new Error(`namespace ${name} not ready after 5 s: ${err}`));
    }, 5000);
    holder.once('error', (e) => reject(e));
    holder.once('exit', (code) => reject(new Error(`namespace ${name}: holder exited with ${code}: ${err.trim()}`)));
    holder.stdout.once('data', () => {
      clearTimeout(timer);
      resolve({ name, holder, pid: holder.pid as number });
    });
  });
}

function enter(mode: Mode, ns: Namespace | undefined): string[] {
  if (!ns || mode === 'loopback') return [];
  if (mode === 'namespace') return ['nsenter', `--net=/proc/${ns.pid}/ns/net`, '--'];
  // setgroups is denied in a user namespace made by --map-root-user; the mapping makes us root anyway.
  return ['nsenter', `--target=${ns.pid}`, '--user', '--net', '--preserve-credentials', '--'];
}

function quote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** Everything one run collects. */
class Run {
  readonly started = performance.now();
  readonly entries: TranscriptEntry[] = [];
  readonly failures: string[] = [];

  now(): number {
    return Math.round((performance.now() - this.started) * 10) / 10;
  }
}

async function takeSs(
  run: Run,
  proto: 'tcp' | 'udp',
  filter: string,
  server: number,
  prefix: string[],
  deadline: number,
): Promise<void> {
  const flags = proto === 'tcp' ? '-tanop' : '-uanop';
  const t = run.now();
  const result = await runCommand(
    [...prefix, 'ss', `${flags}H`, filter],
    process.env,
    Math.max(1000, deadline - performance.now()),
  );
  const lines = result.output
    .split('\n')
    .map((l) => l.trimEnd())
    .filter(Boolean);
  run.entries.push({ kind: 'ss', t, command: `ss ${flags} ${quote(filter)}`, proto, server, lines });
}

/** Run one program to its end, turning its output into transcript entries. */
function runProgram(
  run: Run,
  argv: string[],
  env: NodeJS.ProcessEnv,
  nsPrefix: string[],
  deadline: number,
): Promise<void> {
  return new Promise((resolve) => {
    const [cmd = 'true', ...args] = argv;
    const child = start(cmd, args, env);
    let queue = Promise.resolve();
    const stdout = createInterface({ input: child.stdout });
    stdout.on('line', (line) => {
      const t = run.now();
      // One line at a time: an ss snapshot must land before the lines printed after it.
      queue = queue.then(async () => {
        const event = parseEventLine(line);
        if (!event) {
          if (line.trim()) run.entries.push({ kind: 'output', t, stream: 'stdout', text: line });
          return;
        }
        if (event.ev === 'call') {
          run.entries.push({
            kind: 'call',
            t,
            actor: event.actor,
            text: event.text,
            fn: callName(event.text),
            ret: event.ret,
            errno: event.errno ?? null,
            message: event.message ?? null,
            value: event.value ?? null,
            aside: event.aside ?? false,
          });
        } else if (event.ev === 'note') {
          run.entries.push({ kind: 'note', t, text: event.text });
        } else if (event.ev === 'exit') {
          run.entries.push({
            kind: 'exit',
            t,
            actor: event.actor,
            code: event.code ?? null,
            signal: event.signal ?? null,
          });
        } else if (event.ev === 'run') {
          if (nsPrefix.length === 0) {
            // Without a namespace the command would change the host itself.
            run.failures.push(`refused to run "${event.command}" outside a namespace`);
            run.entries.push({ kind: 'command', t, ns: 'host', command: event.command, ok: false, output: 'refused' });
          } else {
            const result = await runCommand(
              [...nsPrefix, 'sh', '-c', event.command],
              process.env,
              Math.max(1000, deadline - performance.now()),
            );
            run.entries.push({
              kind: 'command',
              t,
              ns: 'main',
              command: event.command,
              ok: result.code === 0,
              output: result.output,
            });
            if (result.code !== 0) run.failures.push(`command failed: ${event.command}`);
          }
          child.stdin.write('\n');
        } else {
          await takeSs(run, event.proto, event.filter, event.server, nsPrefix, deadline);
          child.stdin.write('\n');
        }
      });
    });
    createInterface({ input: child.stderr }).on('line', (line) => {
      run.entries.push({ kind: 'output', t: run.now(), stream: 'stderr', text: line });
    });
    const timer = setTimeout(
      () => {
        run.failures.push(`${argv.at(-1)} was still running at the lab's time limit and was killed`);
        killGroup(child);
      },
      Math.max(0, deadline - performance.now()),
    );
    child.once('error', (error) => {
      run.failures.push(`could not start ${cmd}: ${error.message}`);
    });
    child.once('close', async (code, signal) => {
      clearTimeout(timer);
      await queue;
      // Forked helpers of the program go with it.
      stop(child);
      if (signal) run.failures.push(`${path.basename(argv.at(-1) ?? cmd)} was killed by ${signal}`);
      else if (code !== 0) run.failures.push(`${path.basename(argv.at(-1) ?? cmd)} exited with status ${code}`);
      resolve();
    });
  });
}

function toolsMissing(lab: LabInfo, mode: Mode): string[] {
  const needed = ['ss', ...lab.def.tools];
  if (lab.def.programs.some((p) => p.file.endsWith('.c'))) needed.push('gcc');
  if (mode !== 'loopback') needed.push('ip', 'unshare', 'nsenter');
  return needed.filter((tool) => !which(tool));
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Run one lab and compare it with the content; never throws for what the lab observed. */
export async function runLab(root: string, lab: LabInfo, options: RunOptions = {}): Promise<Transcript> {
  const run = new Run();
  const deadline = run.started + lab.def.timeoutMs;
  const content = validateCorpus((await readContentFiles(root)).docs);
  const scenario = lab.def.scenario ? content.scenarios.find((s) => s.id === lab.def.scenario) : undefined;
  const transcript: Transcript = {
    version: TRANSCRIPT_VERSION,
    lab: lab.name,
    title: lab.def.title,
    scenario: lab.def.scenario ?? null,
    errnos: lab.def.errnos,
    shownOn: lab.def.shownOn,
    actors: scenario?.data.actors ?? lab.def.actors ?? { left: 'Client', right: 'Server' },
    command: labCommand(lab.name),
    needs: labNeeds(lab.def),
    status: 'skipped',
    reason: null,
    kernel: `${os.type()} ${os.release()}`,
    date: today(),
    isolation: null,
    durationMs: 0,
    entries: run.entries,
    comparison: null,
  };
  const finish = (status: Transcript['status'], reason: string | null): Transcript => {
    transcript.status = status;
    transcript.reason = reason;
    transcript.durationMs = Math.round(performance.now() - run.started);
    return transcript;
  };

  const { mode, why } = chooseMode(options);
  const missing = toolsMissing(lab, mode);
  if (missing.length > 0) return finish('skipped', `needs ${missing.join(', ')}, not found on PATH`);
  if (mode === 'loopback' && lab.def.isolation === 'namespace') {
    return finish('skipped', `needs its own network namespace (routes, sysctls or filters), and ${why}`);
  }
  transcript.isolation = mode;

  const work = await mkdtemp(path.join(os.tmpdir(), `sockerr-lab-${lab.name}-`));
  workDirs.add(work);
  const namespaces: Namespace[] = [];
  let ran = false;
  try {
    // Compile first: a C error is the lab's bug, found before anything is set up.
    const programs: Array<{ argv: string[]; file: string; command: string }> = [];
    for (const program of lab.def.programs) {
      const source = path.join(lab.dir, program.file);
      const rel = path.relative(root, source);
      if (program.file.endsWith('.c')) {
        const exe = path.join(work, program.file.slice(0, -2));
        const gcc = await runCommand(
          [
            'gcc',
            '-std=gnu11',
            '-D_GNU_SOURCE',
            '-O1',
            '-Wall',
            '-Wextra',
            '-Werror',
            '-I',
            path.join(root, 'labs/support'),
            '-o',
            exe,
            source,
          ],
          process.env,
          20_000,
        );
        if (gcc.code !== 0) return finish('failed', `${rel} does not compile:\n${gcc.output}`);
        programs.push({
          argv: [exe],
          file: rel,
          command: `cc ${rel} -o ${path.basename(exe)} && ./${path.basename(exe)}`,
        });
      } else {
        programs.push({ argv: [process.execPath, source], file: rel, command: `node ${rel}` });
      }
    }

    let main: Namespace | undefined;
    if (mode !== 'loopback') {
      for (const name of ['main', ...lab.def.namespaces]) {
        const ns = await makeNamespace(name, mode, main);
        namespaces.push(ns);
        main ??= ns;
      }
    }
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      LAB_PORT: String(mode === 'loopback' ? await freePort() : lab.def.port),
    };
    for (const ns of namespaces) env[`LAB_NS_${ns.name.toUpperCase()}`] = String(ns.pid);

    const shell = async (step: LabDefinition['setup'][number]): Promise<boolean> => {
      const ns = namespaces.find((n) => n.name === step.ns);
      const t = run.now();
      const result = await runCommand(
        [...enter(mode, ns), 'sh', '-c', step.run],
        env,
        Math.max(1000, deadline - performance.now()),
      );
      const ok = result.code === 0;
      run.entries.push({ kind: 'command', t, ns: step.ns, command: step.run, ok, output: result.output });
      return ok || step.optional;
    };
    for (const step of lab.def.setup) {
      if (!(await shell(step))) return finish('failed', `setup failed: ${step.run}`);
    }
    for (const program of programs) {
      ran = true;
      run.entries.push({ kind: 'program', file: program.file, command: program.command });
      await runProgram(run, [...enter(mode, main), ...program.argv], env, enter(mode, main), deadline);
      if (run.failures.length > 0) break;
    }
    for (const step of lab.def.after) {
      if (!(await shell(step))) run.failures.push(`command failed: ${step.run}`);
    }
  } catch (error) {
    run.failures.push(error instanceof Error ? error.message : String(error));
  } finally {
    for (const ns of namespaces.reverse()) stop(ns.holder);
    await rm(work, { recursive: true, force: true });
    workDirs.delete(work);
  }

  const calls = run.entries.filter((e): e is CallEntry => e.kind === 'call');
  const snapshots = run.entries.filter((e): e is SsEntry => e.kind === 'ss');
  let comparison: Comparison | null = null;
  let missingContent: string | null = null;
  if (!ran) {
    // Nothing ran, so there is nothing to compare.
  } else if (lab.def.scenario) {
    const file = `src/content/scenarios/${lab.def.scenario}.mdx`;
    if (scenario) comparison = compareWithScenario(scenario.data, file, calls, snapshots);
    else {
      const problems = content.problems.filter((p) => p.file === file).map(formatProblem);
      missingContent = existsSync(path.join(root, file))
        ? `${file} is not valid content, so there is nothing to compare with:\n${problems.join('\n')}`
        : `${file} does not exist (yet), so there is nothing to compare with`;
    }
  } else {
    const entries = new Map(content.errnos.map((e) => [e.data.name, { file: e.path, data: e.data }]));
    comparison = compareWithErrnos(lab.def.errnos, entries, calls);
  }
  transcript.comparison = comparison;

  if (run.failures.length > 0) return finish('failed', run.failures.join('; '));
  if (missingContent) return finish('failed', missingContent);
  if (comparison && !comparison.ok) {
    const n = comparison.rows.filter((r) => !r.ok).length + comparison.problems.length;
    return finish('failed', `${n} difference${n === 1 ? '' : 's'} between the kernel and ${comparison.against}`);
  }
  return finish('passed', null);
}
