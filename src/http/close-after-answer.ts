/**
 * Ends a connection after its answer without losing the answer ("lingering close", RFC 9112 §9.6).
 *
 * A server that closes a socket while request bytes are still unread makes the kernel send RST
 * instead of FIN; the client's next write then fails and a client that has not parsed the answer
 * yet loses it (Node's http client reports `write ECONNRESET` instead of the 413 or 503). So the
 * answer is followed by a FIN, whatever the client still sends is read and dropped, and the socket
 * is destroyed when the client closes its side or after `lingerMs`, whichever comes first.
 */
import type { IncomingMessage, ServerResponse } from "node:http";

const LINGER_MS = 2_000;

/** Call before answering: marks the answer `Connection: close` and closes gracefully after it. */
export function closeAfterAnswer(request: IncomingMessage, response: ServerResponse, lingerMs = LINGER_MS): void {
  const socket = request.socket;
  response.setHeader("connection", "close");
  // Node's server ends a `Connection: close` answer with socket.destroySoon(), which destroys the
  // socket as soon as the answer is written: with unread bytes, that is the RST. Linger instead.
  socket.destroySoon = function lingeringClose() {
    request.resume(); // drop the rest of the body as it arrives, never buffer it
    if (socket.writable) socket.end();
    const timer = setTimeout(() => socket.destroy(), lingerMs);
    timer.unref();
    socket.once("close", () => clearTimeout(timer));
  };
}
