import { z } from 'zod';
import { ACTORS, type Actor, type TcpState } from '../schema';

/*
 * What a lab program prints: one JSON object per stdout line (labs/support/lab.h and
 * lab.mjs write them). Any other line is kept as plain output.
 */

const errnoName = z.string().regex(/^E[A-Z0-9]+$/);
const text = z.string().min(1);

/** A call the program made and what it returned. */
const callEvent = z.strictObject({
  ev: z.literal('call'),
  /** Which side made it, as in the scenario's columns. */
  actor: z.enum(ACTORS),
  /** The call as written in C, e.g. "write(fd, \"again\", 5)"; the name before "(" is what is compared. */
  text,
  /** The return value; -1 with errno for a failure. */
  ret: z.number().int(),
  /** The errno name, when the call failed. */
  errno: errnoName.optional(),
  /** The error text the program got: strerror() in C, err.message in Node. */
  message: text.optional(),
  /** An errno delivered as a value, such as getsockopt(SO_ERROR)'s. */
  value: errnoName.optional(),
  /** Shown in the transcript but not compared: setup calls and extras the scenario does not list. */
  aside: z.boolean().optional(),
});

/** A request for an ss snapshot; the program waits for one line on stdin. */
const ssEvent = z.strictObject({
  ev: z.literal('ss'),
  proto: z.enum(['tcp', 'udp']).default('tcp'),
  /** ss filter expression, e.g. "( sport = :8080 or dport = :8080 )". */
  filter: text,
  /** The server's port: sockets bound to it are the right actor's, sockets connected to it the left's. */
  server: z.number().int().min(0).max(65535),
});

/** A request to run a shell command in the lab's namespace now (a filter that cuts the path); the program waits for one line on stdin. */
const runEvent = z.strictObject({ ev: z.literal('run'), command: text });

/** Free text for the transcript. */
const noteEvent = z.strictObject({ ev: z.literal('note'), text });

/** How a forked actor's process ended. */
const exitEvent = z.strictObject({
  ev: z.literal('exit'),
  actor: z.enum(ACTORS),
  code: z.number().int().optional(),
  signal: z
    .string()
    .regex(/^SIG[A-Z0-9]+$/)
    .optional(),
});

/** Any event a program prints. */
export const programEventSchema = z.discriminatedUnion('ev', [callEvent, ssEvent, runEvent, noteEvent, exitEvent]);
export type ProgramEvent = z.infer<typeof programEventSchema>;

/** Parse one stdout line: an event, or null for a line that is not one. */
export function parseEventLine(line: string): ProgramEvent | null {
  if (!line.startsWith('{')) return null;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  const parsed = programEventSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** The function a call text names: "write(fd, buf, 5)" gives "write". */
export function callName(call: string): string {
  return /^\s*([A-Za-z_][\w.]*)/.exec(call)?.[1] ?? call.trim();
}

/** One socket line of `ss -tanopH` or `ss -uanopH`. */
export interface SsSocket {
  /** As ss prints it: ESTAB, CLOSE-WAIT, UNCONN, … */
  state: string;
  recvQ: number;
  sendQ: number;
  local: string;
  peer: string;
  localPort: number | null;
  peerPort: number | null;
  /** Everything after the addresses: users:((…)) and timer:(…). */
  rest: string;
}

function port(address: string): number | null {
  const m = /:(\d+)$/.exec(address);
  return m ? Number(m[1]) : null;
}

/** Parse ss output without a header line (-H) into sockets; lines it cannot read are skipped. */
export function parseSs(output: string): SsSocket[] {
  const sockets: SsSocket[] = [];
  for (const line of output.split('\n')) {
    const m = /^(\S+)\s+(\d+)\s+(\d+)\s+(\S+)\s+(\S+)\s*(.*)$/.exec(line.trim());
    if (!m) continue;
    const [, state = '', recvQ = '0', sendQ = '0', local = '', peer = '', rest = ''] = m;
    sockets.push({
      state,
      recvQ: Number(recvQ),
      sendQ: Number(sendQ),
      local,
      peer,
      localPort: port(local),
      peerPort: port(peer),
      rest: rest.trim(),
    });
  }
  return sockets;
}

const SS_STATES: Record<string, TcpState> = {
  ESTAB: 'ESTABLISHED',
  'SYN-SENT': 'SYN_SENT',
  'SYN-RECV': 'SYN_RECEIVED',
  'FIN-WAIT-1': 'FIN_WAIT_1',
  'FIN-WAIT-2': 'FIN_WAIT_2',
  'TIME-WAIT': 'TIME_WAIT',
  UNCONN: 'CLOSED',
  'CLOSE-WAIT': 'CLOSE_WAIT',
  'LAST-ACK': 'LAST_ACK',
  LISTEN: 'LISTEN',
  CLOSING: 'CLOSING',
};

/** The RFC 9293 name of a TCP state as ss prints it, or null for a name ss uses for no TCP state. */
export function tcpState(ssState: string): TcpState | null {
  return SS_STATES[ssState] ?? null;
}

/** Whose socket it is: bound to the server port is the right actor's, connected to it the left's. */
export function socketActor(socket: SsSocket, serverPort: number): Actor | null {
  if (socket.localPort === serverPort) return 'right';
  if (socket.peerPort === serverPort) return 'left';
  return null;
}
