/**
 * The connection's idle timer (server.ts SOCKET_IDLE_TIMEOUT_MS) is for clients that send nothing. While the server
 * itself works on an answer nothing crosses the socket either, and node cannot tell the two silences apart: a GraphQL
 * execution or an export build longer than the idle timeout lost its connection with no answer, before the execution
 * ceiling could send its EXECUTION_TIMEOUT (both are 10 s by default). So the timer is off from the start of the work
 * until the answer is written, and the work's own limits (the execution budget and ceiling, an export's stop when its
 * client goes) bound it instead.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Turns the connection's idle timer off until `res` is finished, then back to what it was. */
export function idleTimerOffUntilAnswered(req: IncomingMessage, res: ServerResponse): void {
  const socket = req.socket;
  const idle = socket.timeout;
  if (idle === undefined || idle === 0) return;
  socket.setTimeout(0);
  res.once('finish', () => {
    if (!socket.destroyed) socket.setTimeout(idle);
  });
}
