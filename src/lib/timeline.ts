import type { Actor, Scenario, TcpState } from './schema';

/** One application call shown beside a lifeline. */
export interface CallView {
  text: string;
  errno: string | undefined;
  note: string | undefined;
}

/** Everything the diagram draws for one side at one step. */
export interface SideView {
  state: TcpState;
  /** True when the step moved this side to a new state. */
  changed: boolean;
  calls: CallView[];
}

/** A timeline step prepared for drawing. */
export interface StepView {
  index: number;
  label: string;
  after: string | undefined;
  /** Direction of the packet, or null for a step with no packet. */
  direction: 'right' | 'left' | null;
  /** Flags and label as drawn on the arrow, e.g. "SYN, ACK · seq=y ack=x+1". */
  packetText: string;
  lost: boolean;
  protocol: 'tcp' | 'icmp' | 'udp' | null;
  left: SideView;
  right: SideView;
  /** The step in one sentence, for screen readers and the text fallback. */
  sentence: string;
}

function packetText(packet: NonNullable<Scenario['timeline'][number]['packet']>): string {
  const head = packet.protocol === 'tcp' ? packet.flags.join(', ') : packet.protocol.toUpperCase();
  return packet.label ? `${head} · ${packet.label}` : head;
}

/** Prepare a scenario's timeline for the ladder diagram: directions, state changes, sentences. */
export function timelineView(scenario: Scenario): StepView[] {
  let previous = scenario.initial;
  return scenario.timeline.map((step, index) => {
    const side = (actor: Actor): SideView => ({
      state: step.states[actor],
      changed: step.states[actor] !== previous[actor],
      calls: step.calls
        .filter((c) => c.actor === actor)
        .map((c) => ({
          text: `${c.call} → ${c.returns}${c.errno ? ` ${c.errno}` : ''}`,
          errno: c.errno,
          note: c.note,
        })),
    });
    const left = side('left');
    const right = side('right');
    const text = step.packet ? packetText(step.packet) : '';
    const parts = [/[.!?]$/.test(step.label) ? step.label : `${step.label}.`];
    if (step.packet && step.from) {
      const sender = scenario.actors[step.from];
      const receiver = scenario.actors[step.from === 'left' ? 'right' : 'left'];
      parts.push(`${sender} sends ${text} to ${receiver}${step.packet.lost ? ', which never arrives' : ''}.`);
    }
    parts.push(`${scenario.actors.left}: ${left.state}; ${scenario.actors.right}: ${right.state}.`);
    for (const call of step.calls) {
      parts.push(
        `${scenario.actors[call.actor]}: ${call.call} returns ${call.returns}${call.errno ? ` with ${call.errno}` : ''}.`,
      );
    }
    previous = step.states;
    return {
      index: index + 1,
      label: step.label,
      after: step.after,
      direction: step.from === undefined ? null : step.from === 'left' ? 'right' : 'left',
      packetText: text,
      lost: step.packet?.lost ?? false,
      protocol: step.packet?.protocol ?? null,
      left,
      right,
      sentence: parts.join(' '),
    };
  });
}

/** Every TCP state a scenario passes through, on either side, in order of first appearance. */
export function statesVisited(scenario: Scenario): TcpState[] {
  const seen = new Set<TcpState>([scenario.initial.left, scenario.initial.right]);
  for (const step of scenario.timeline) {
    seen.add(step.states.left);
    seen.add(step.states.right);
  }
  return [...seen];
}
