// A refusal sent before the body is read reaches the client intact: the server half-closes after
// the answer and drops what the client still sends (no RST while the client is writing), then
// closes the connection once the client stops or the linger time is over.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import { connect, type Socket } from "node:net";
import { closeAfterAnswer } from "../../src/http/close-after-answer.ts";

const MB = 1024 * 1024;

async function refusingServer(lingerMs: number): Promise<{ server: Server; port: number }> {
  const server = createServer((request, response) => {
    closeAfterAnswer(request, response, lingerMs);
    response.writeHead(413, { "content-type": "text/plain", "content-length": "9" }).end("too large");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, port: (server.address() as { port: number }).port };
}

/** Sends headers declaring `declared` bytes and 1 MB of body; resolves once the whole answer is read. */
function sendPartly(
  port: number,
  declared: number,
): Promise<{ socket: Socket; answer: string; ended: Promise<void>; errors: Error[] }> {
  return new Promise((resolve) => {
    // Half-open, as a client still sending its body is: it reads the FIN and keeps writing.
    const socket = connect({ port, host: "127.0.0.1", allowHalfOpen: true });
    const errors: Error[] = [];
    socket.on("error", (error) => errors.push(error));
    let ended!: () => void;
    const endedPromise = new Promise<void>((r) => (ended = r));
    socket.once("end", () => ended());
    let text = "";
    socket.on("data", (chunk) => {
      text += chunk;
      if (text.endsWith("too large")) resolve({ socket, answer: text, ended: endedPromise, errors });
    });
    socket.write(
      `POST /hook HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: ${declared}\r\n\r\n`,
    );
    socket.write(Buffer.alloc(MB, 0x20));
  });
}

function write(socket: Socket, bytes: number): Promise<Error | undefined> {
  return new Promise((resolve) => socket.write(Buffer.alloc(bytes, 0x20), (error) => resolve(error ?? undefined)));
}

test("the answer is read whole, the server sends FIN, and what the client still writes is dropped without a reset", async () => {
  const { server, port } = await refusingServer(60_000);
  try {
    const client = await sendPartly(port, 30 * MB);
    assert.match(client.answer, /^HTTP\/1\.1 413 /);
    assert.match(client.answer, /\r\nconnection: close\r\n/i);
    await client.ended; // the server's FIN
    // The client had more to send: it may, and the server reads and drops it.
    for (let i = 0; i < 4; i++) assert.equal(await write(client.socket, MB), undefined);
    const closed = new Promise<boolean>((resolve) => client.socket.once("close", resolve));
    client.socket.end();
    assert.equal(await closed, false, "closed without an error");
    assert.deepEqual(client.errors, []);
  } finally {
    server.closeAllConnections();
    server.close();
  }
});

test("a client that keeps writing is cut off once the linger time is over", async () => {
  const { server, port } = await refusingServer(200);
  try {
    const client = await sendPartly(port, 1024 * MB);
    assert.match(client.answer, /^HTTP\/1\.1 413 /);
    const closed = new Promise<void>((resolve) => client.socket.once("close", () => resolve()));
    let writing = true;
    void closed.then(() => (writing = false));
    while (writing) if ((await write(client.socket, 256 * 1024)) !== undefined) break;
    await closed;
    assert.equal(client.socket.destroyed, true);
  } finally {
    server.closeAllConnections();
    server.close();
  }
});
