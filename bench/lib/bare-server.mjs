// The baseline for bench/receiver-throughput.mjs: a bare node:http server that reads the whole body and answers 200
// with the same body Hookbench's default inbox answers. Prints its URL as the first line, like `hookbench listen`.
import { createServer } from 'node:http';

const ANSWER = Buffer.from('{"received":true}');

const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    Buffer.concat(chunks); // the receiver joins the body the same way before storing it
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': ANSWER.length });
    res.end(ANSWER);
  });
});

server.listen(0, '127.0.0.1', () => {
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  process.stdout.write(`http://127.0.0.1:${port}\n`);
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    server.close();
    server.closeAllConnections();
  });
}
