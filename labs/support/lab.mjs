// Helpers for the Node lab programs: the same JSON lines as lab.h (shapes in src/lib/labs/events.ts).
import { createInterface } from 'node:readline';

const replies = createInterface({ input: process.stdin });
const waiting = [];
replies.on('line', () => waiting.shift()?.());

function emit(event) {
  process.stdout.write(`${JSON.stringify(event)}\n`);
}

/** The server port: LAB_PORT from the runner, 8080 when unset. */
export const port = Number(process.env.LAB_PORT || 8080);

/** Report a call that succeeded; ret is what the syscall returned (0 unless told). */
export function ok(actor, text, ret = 0, extra = {}) {
  emit({ ev: 'call', actor, text, ret, ...extra });
}

/** Report a call that failed with a Node system error (err.code is the errno name). */
export function failed(actor, text, err, extra = {}) {
  emit({ ev: 'call', actor, text, ret: -1, errno: err.code, message: `${err.name}: ${err.message}`, ...extra });
}

/** Print a note into the transcript. */
export function note(text) {
  emit({ ev: 'note', text });
}

/** Ask the runner for an ss snapshot and wait until it has been taken. */
export function ss(filter, server = port, proto = 'tcp') {
  return new Promise((resolve) => {
    waiting.push(resolve);
    emit({ ev: 'ss', proto, filter, server });
  });
}

/** Ask the runner to run a shell command in the lab's namespace (namespace labs only) and wait. */
export function run(command) {
  return new Promise((resolve) => {
    waiting.push(resolve);
    emit({ ev: 'run', command });
  });
}

/** Let the process exit: stop listening for the runner's replies. */
export function done() {
  replies.close();
  process.stdin.destroy();
}

/** Resolve after ms milliseconds. */
export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Wait for the first of the named events on an emitter; resolves [name, ...args]. */
export function first(emitter, names, timeoutMs = 10_000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`none of ${names.join(', ')} within ${timeoutMs} ms`)), timeoutMs);
    for (const name of names) {
      emitter.once(name, (...args) => {
        clearTimeout(timer);
        resolve([name, ...args]);
      });
    }
  });
}
