// The HTTP baseline, in its own process: a bare node:http server that reads each request's body and writes
// stored response bytes (the same bytes newsgraph answers with), as fast as node:http can. /q/N answers
// question N of RESPONSES_FILE (a JSON list of { contentType, body }). Prints its URL as one JSON line.
// Usage: node bench/serving/bare.mjs RESPONSES_FILE
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const responses = JSON.parse(readFileSync(process.argv[2], 'utf8')).map((r) => ({ contentType: r.contentType, body: Buffer.from(r.body, 'utf8') }));
const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    const response = responses[Number(req.url?.split('/').at(-1))];
    if (response === undefined) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': response.contentType, 'content-length': response.body.length });
    res.end(response.body);
  });
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${server.address().port}` })}\n`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
