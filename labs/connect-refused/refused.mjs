// connect-refused: nothing listens on the port, so the kernel answers the SYN with RST.
import net from 'node:net';
import { done, failed, first, note, ok, port, ss } from '../support/lab.mjs';

await ss(`( sport = :${port} or dport = :${port} )`);
note(`nothing listens on 127.0.0.1:${port}`);
const started = performance.now();
const socket = net.connect({ host: '127.0.0.1', port });
const [event, err] = await first(socket, ['connect', 'error']);
const ms = (performance.now() - started).toFixed(1);
const text = `connect(fd, 127.0.0.1:${port}) by net.connect()`;
if (event === 'error') {
  failed('left', text, err);
  note(`after ${ms} ms: code ${err.code}, errno ${err.errno}, syscall ${err.syscall}`);
} else {
  ok('left', text);
  socket.destroy();
}
done();
