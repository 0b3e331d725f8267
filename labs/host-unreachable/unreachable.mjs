// host-unreachable: runs in the client namespace, whose default route points at a router namespace.
// The router has an unreachable route for 10.7.0.0/16 and no route at all for 10.9.0.0/16.
import net from 'node:net';
import { done, failed, first, note, ok } from '../support/lab.mjs';

async function attempt(host, port, fd) {
  const started = performance.now();
  const socket = net.connect({ host, port });
  const [event, err] = await first(socket, ['connect', 'error'], 8000);
  const ms = (performance.now() - started).toFixed(1);
  const where = host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
  if (event === 'error') {
    failed('left', `connect(${fd}, ${where}) by net.connect()`, err);
    note(`after ${ms} ms: code ${err.code}, errno ${err.errno}, syscall ${err.syscall}`);
  } else {
    ok('left', `connect(${fd}, ${where}) by net.connect()`);
    socket.destroy();
  }
}

await attempt('10.7.0.1', 8080, 'fd');
await attempt('10.9.0.1', 8080, 'fd');
await attempt('2001:db8::1', 443, 'fd6');
done();
