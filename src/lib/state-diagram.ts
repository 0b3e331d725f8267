import type { TcpState } from './schema';

/** Where a state's box sits in the diagram (centre, in SVG units). */
export const STATE_POSITIONS: Record<TcpState, { x: number; y: number }> = {
  CLOSED: { x: 340, y: 30 },
  LISTEN: { x: 340, y: 110 },
  SYN_RECEIVED: { x: 130, y: 190 },
  SYN_SENT: { x: 550, y: 190 },
  ESTABLISHED: { x: 340, y: 270 },
  FIN_WAIT_1: { x: 130, y: 350 },
  CLOSE_WAIT: { x: 550, y: 350 },
  FIN_WAIT_2: { x: 130, y: 430 },
  CLOSING: { x: 340, y: 430 },
  LAST_ACK: { x: 550, y: 430 },
  TIME_WAIT: { x: 240, y: 510 },
};

/** The transitions of RFC 9293's state diagram (Figure 5), with the event that causes each. */
export const TRANSITIONS: ReadonlyArray<{ from: TcpState; to: TcpState; label: string }> = [
  { from: 'CLOSED', to: 'LISTEN', label: 'listen()' },
  { from: 'CLOSED', to: 'SYN_SENT', label: 'connect(): send SYN' },
  { from: 'LISTEN', to: 'SYN_RECEIVED', label: 'rcv SYN, send SYN+ACK' },
  { from: 'SYN_SENT', to: 'SYN_RECEIVED', label: 'rcv SYN (simultaneous open)' },
  { from: 'SYN_SENT', to: 'ESTABLISHED', label: 'rcv SYN+ACK, send ACK' },
  { from: 'SYN_RECEIVED', to: 'ESTABLISHED', label: 'rcv ACK' },
  { from: 'ESTABLISHED', to: 'FIN_WAIT_1', label: 'close(): send FIN' },
  { from: 'ESTABLISHED', to: 'CLOSE_WAIT', label: 'rcv FIN, send ACK' },
  { from: 'FIN_WAIT_1', to: 'FIN_WAIT_2', label: 'rcv ACK' },
  { from: 'FIN_WAIT_1', to: 'CLOSING', label: 'rcv FIN' },
  { from: 'FIN_WAIT_2', to: 'TIME_WAIT', label: 'rcv FIN, send ACK' },
  { from: 'CLOSING', to: 'TIME_WAIT', label: 'rcv ACK' },
  { from: 'CLOSE_WAIT', to: 'LAST_ACK', label: 'close(): send FIN' },
  { from: 'LAST_ACK', to: 'CLOSED', label: 'rcv ACK' },
  { from: 'TIME_WAIT', to: 'CLOSED', label: '2 MSL timeout' },
];

/** Box size in SVG units. */
export const BOX = { width: 150, height: 34 };

/** A line from the edge of one box towards another, for an arrow between them. */
export function edgePath(from: TcpState, to: TcpState): string {
  const a = STATE_POSITIONS[from];
  const b = STATE_POSITIONS[to];
  // The two returns to CLOSED run up the sides so they do not cross the middle.
  if (to === 'CLOSED' && from === 'LAST_ACK')
    return `M ${a.x + BOX.width / 2} ${a.y} H 660 V ${b.y} H ${b.x + BOX.width / 2}`;
  if (to === 'CLOSED' && from === 'TIME_WAIT')
    return `M ${a.x - BOX.width / 2} ${a.y} H 20 V ${b.y} H ${b.x - BOX.width / 2}`;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  // Leave and enter each box through its border, not its centre.
  const clip = (dxs: number, dys: number) => {
    const sx = dxs === 0 ? Number.POSITIVE_INFINITY : BOX.width / 2 / Math.abs(dxs);
    const sy = dys === 0 ? Number.POSITIVE_INFINITY : BOX.height / 2 / Math.abs(dys);
    return Math.min(sx, sy);
  };
  const s = clip(dx, dy);
  const x1 = a.x + dx * s;
  const y1 = a.y + dy * s;
  const x2 = b.x - dx * s;
  const y2 = b.y - dy * s;
  return `M ${x1.toFixed(1)} ${y1.toFixed(1)} L ${x2.toFixed(1)} ${y2.toFixed(1)}`;
}
