import { ACTORS, type Actor, type ErrnoEntry, type Scenario, type TcpState } from '../schema';
import { callName, parseSs, socketActor, tcpState } from './events';
import { type CallEntry, type Comparison, type ComparisonRow, resultText, type SsEntry } from './transcript';

/** A call the scenario's timeline promises. */
export interface ExpectedCall {
  actor: Actor;
  /** 1-based step of the timeline. */
  step: number;
  call: string;
  fn: string;
  returns: string;
  errno: string | undefined;
}

/** Every call of a scenario's timeline, in order. */
export function expectedCalls(scenario: Scenario): ExpectedCall[] {
  return scenario.timeline.flatMap((step, i) =>
    step.calls.map((c) => ({
      actor: c.actor,
      step: i + 1,
      call: c.call,
      fn: callName(c.call),
      returns: c.returns,
      errno: c.errno,
    })),
  );
}

/** The number a returns text starts with: "5", "-1", and "1, revents = POLLOUT" all count. */
function integer(returns: string): number | null {
  const m = /^\s*(-?\d+)\s*(?:,|$)/.exec(returns);
  return m ? Number(m[1]) : null;
}

/** A call the timeline shows as still waiting ("(blocks)"): it returns at a later step, if at all. */
export function isPending(e: ExpectedCall): boolean {
  return e.errno === undefined && /\bblock/i.test(e.returns) && integer(e.returns) === null;
}

/** How an expectation reads in the table: "write(fd, buf, 5) = -1 EPIPE". */
export function expectedText(e: ExpectedCall): string {
  return `${e.call} = ${e.returns}${e.errno ? ` ${e.errno}` : ''}`;
}

/** How an observed call reads in the table. */
export function observedText(o: CallEntry): string {
  return `${o.text} = ${resultText(o)}`;
}

/**
 * Why an observed call does not do what the expectation says, or null when it does.
 * The errno is always compared (a value such as SO_ERROR's counts as the call's error);
 * the return value is compared when the scenario writes a number, and otherwise only
 * has to be a success (a "new fd" is any descriptor).
 */
export function outcomeProblem(e: ExpectedCall, o: CallEntry): string | null {
  const error = o.errno ?? o.value;
  const expectedReturn = integer(e.returns);
  if (e.errno !== undefined) {
    if (error !== e.errno) return `expected ${e.errno}, the kernel gave ${error ?? `no error (${o.ret})`}`;
    if (expectedReturn !== null && expectedReturn !== o.ret) return `expected ${expectedReturn}, got ${o.ret}`;
    return null;
  }
  if (error) return `expected ${e.returns} without an error, the kernel gave ${resultText(o)}`;
  if (expectedReturn !== null) return expectedReturn === o.ret ? null : `expected ${expectedReturn}, got ${o.ret}`;
  return o.ret >= 0 ? null : `expected success (${e.returns}), got ${o.ret}`;
}

function unexpectedRow(o: CallEntry): ComparisonRow {
  return {
    actor: o.actor,
    step: null,
    expected: null,
    observed: observedText(o),
    ok: false,
    problem: `the kernel gave ${o.errno ?? o.value}, which the timeline does not show here`,
  };
}

/**
 * Match the timeline's calls with the observed ones, per actor, in order. Each expected call
 * takes the next observed call of the same function; observed calls skipped over are fine
 * unless they carry an errno the scenario does not show. Aside calls are never matched, and
 * a call the timeline shows as still blocked is matched where it returns.
 */
export function compareCalls(expected: readonly ExpectedCall[], observed: readonly CallEntry[]): ComparisonRow[] {
  const rows: ComparisonRow[] = [];
  for (const actor of ACTORS) {
    const mine = observed.filter((o) => o.actor === actor && !o.aside);
    let next = 0;
    for (const e of expected.filter((x) => x.actor === actor && !isPending(x))) {
      const at = mine.findIndex((o, i) => i >= next && o.fn === e.fn);
      if (at < 0) {
        rows.push({
          actor,
          step: e.step,
          expected: expectedText(e),
          observed: null,
          ok: false,
          problem: `no ${e.fn}() by the ${actor} actor was observed after the previous match`,
        });
        continue;
      }
      for (const skipped of mine.slice(next, at)) if (skipped.errno || skipped.value) rows.push(unexpectedRow(skipped));
      const o = mine[at] as CallEntry;
      const problem = outcomeProblem(e, o);
      rows.push({ actor, step: e.step, expected: expectedText(e), observed: observedText(o), ok: !problem, problem });
      next = at + 1;
    }
    for (const rest of mine.slice(next)) if (rest.errno || rest.value) rows.push(unexpectedRow(rest));
  }
  return rows;
}

/** The states a scenario gives each actor, the initial ones included. */
export function statesOf(scenario: Scenario): Record<Actor, Set<TcpState>> {
  const states = { left: new Set<TcpState>([scenario.initial.left]), right: new Set([scenario.initial.right]) };
  for (const step of scenario.timeline) {
    states.left.add(step.states.left);
    states.right.add(step.states.right);
  }
  return states;
}

/** States ss showed on a connection's socket that the scenario never gives that side; listeners are not checked. */
export function stateProblems(scenario: Scenario, snapshots: readonly SsEntry[]): string[] {
  const states = statesOf(scenario);
  const problems: string[] = [];
  for (const snap of snapshots) {
    if (snap.proto !== 'tcp') continue;
    for (const socket of parseSs(snap.lines.join('\n'))) {
      const actor = socketActor(socket, snap.server);
      const state = tcpState(socket.state);
      if (!actor || !state || state === 'LISTEN') continue;
      if (!states[actor].has(state)) {
        problems.push(
          `ss at ${(snap.t / 1000).toFixed(3)} s: the ${actor} side's socket ${socket.local} is in ${socket.state}, ` +
            `a state the timeline never gives the ${actor} side (it has ${[...states[actor]].join(', ')})`,
        );
      }
    }
  }
  return problems;
}

/** Compare a run with a scenario: its calls per actor in order, and the states ss showed. */
export function compareWithScenario(
  scenario: Scenario,
  file: string,
  calls: readonly CallEntry[],
  snapshots: readonly SsEntry[],
): Comparison {
  const rows = compareCalls(expectedCalls(scenario), calls);
  const problems = stateProblems(scenario, snapshots);
  return {
    against: `${file}: the timeline's calls per actor, in order, and its states`,
    rows,
    problems,
    ok: rows.every((r) => r.ok) && problems.length === 0,
  };
}

/**
 * Compare a run with errno entries, for a lab without a scenario: every errno observed must be
 * one the lab names, its entry must list the call among those that return it, and every
 * named errno must be observed at least once.
 */
export function compareWithErrnos(
  names: readonly string[],
  entries: ReadonlyMap<string, { file: string; data: ErrnoEntry }>,
  calls: readonly CallEntry[],
): Comparison {
  const rows: ComparisonRow[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const o of calls) {
    const error = o.errno ?? o.value;
    if (o.aside || !error) continue;
    seen.add(error);
    const entry = entries.get(error);
    const listed = entry?.data.calls.flatMap((c) => c.calls as string[]) ?? [];
    const problem = !names.includes(error)
      ? `the lab expects ${names.join(' or ')}, the kernel gave ${error}`
      : !entry
        ? `there is no errno entry for ${error}`
        : !listed.includes(o.fn)
          ? `${entry.file} does not list ${o.fn}() among the calls that return ${error} (it lists ${listed.join(', ') || 'none'})`
          : null;
    const from = listed.includes(o.fn) ? `${o.fn}()` : listed.map((c) => `${c}()`).join(', ') || '(no call listed)';
    rows.push({
      actor: o.actor,
      step: null,
      expected: `${error} from ${from}`,
      observed: observedText(o),
      ok: !problem,
      problem,
    });
  }
  for (const name of names) if (!seen.has(name)) problems.push(`the lab expects ${name}, but no call returned it`);
  const files = names.map((n) => entries.get(n)?.file ?? `src/content/errno/${n.toLowerCase()}.mdx`);
  return {
    against: `the calls ${files.join(', ')} list${files.length === 1 ? 's' : ''} for ${names.join(', ')}`,
    rows,
    problems,
    ok: rows.every((r) => r.ok) && problems.length === 0,
  };
}
