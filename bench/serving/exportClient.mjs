// What the export benchmarks (exportRepeat.mjs, exportStall.mjs) share: the server they start in a child process
// (exportServer.mjs) and a body counted as it comes, never gathered (a 400 MB arrayBuffer() would stall the
// client's own loop and show as question latency).
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/** Starts exportServer.mjs on `snapshot` with the server options `serverJson`; resolves with its url, base and focus. */
export async function startExportServer(snapshot, serverJson, nodeFlags = []) {
  const child = spawn(process.execPath, [...nodeFlags, '--max-old-space-size=6000', new URL('./exportServer.mjs', import.meta.url).pathname, snapshot, serverJson], { stdio: ['ignore', 'pipe', 'inherit'] });
  const { url, focus } = await new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited ${code}`)));
    // The first JSON line is the server's; anything else (--trace-gc) goes to stderr.
    createInterface({ input: child.stdout }).on('line', (line) => (line.startsWith('{') ? resolve(JSON.parse(line)) : process.stderr.write(`${line}\n`)));
  });
  return { child, url, focus, base: url.replace(/\/graphql$/, '') };
}

/** The bytes of a fetch response's body, read chunk by chunk. */
export async function countBody(res) {
  let bytes = 0;
  for await (const chunk of res.body) bytes += chunk.byteLength;
  return bytes;
}
