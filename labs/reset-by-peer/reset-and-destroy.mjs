// reset-by-peer, Node: socket.resetAndDestroy() closes with SO_LINGER {1, 0}, so the peer gets RST.
import net from 'node:net';
import { done, failed, first, note, ok, port, ss } from '../support/lab.mjs';

const server = net.createServer((socket) => {
  socket.once('data', (request) => {
    ok('right', "read(fd, buf, 65536) by Node's socket", request.length);
    socket.resetAndDestroy();
    ok('right', 'socket.resetAndDestroy()');
  });
});
await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
const client = net.connect({ host: '127.0.0.1', port });
await first(client, ['connect']);
client.write('GET /\n');
ok('left', 'write(fd, "GET /\\n", 6) by client.write()', 6);
const [event, err] = await first(client, ['error', 'end', 'close']);
if (event === 'error') {
  failed('left', `${err.syscall}(fd, buf, 65536) by Node's socket`, err);
  note(`client 'error' event: code ${err.code}, errno ${err.errno}, syscall ${err.syscall}`);
} else {
  note(`the client saw '${event}' instead of an error`);
}
await ss(`( sport = :${port} or dport = :${port} )`);
server.close();
done();
