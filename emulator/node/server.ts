/** The emulator as a standalone HTTP server (node:http around the fetch-style core handler). */

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Emulator } from '../core/emulator.ts';
import { createHttpHandler } from '../core/http.ts';

const MAX_BODY_BYTES = 1024 * 1024;

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Converts a Node request to a Fetch API Request, refusing bodies over the limit. */
export async function toFetchRequest(
  req: IncomingMessage,
  origin: string,
): Promise<Request | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers.set(name, value);
    else if (Array.isArray(value)) headers.set(name, value.join(', '));
  }
  const method = req.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD' && chunks.length > 0;
  return new Request(new URL(req.url ?? '/', origin), {
    method,
    headers,
    body: hasBody ? Buffer.concat(chunks) : null,
  });
}

/** Writes a Fetch API Response to a Node response. */
export async function sendFetchResponse(response: Response, res: ServerResponse): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(body);
}

/** Serves the emulator on host:port (port 0 picks a free one) until closed. */
export function startServer(
  emulator: Emulator,
  options: { port: number; host?: string },
): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  let origin = '';
  const handle = createHttpHandler(emulator);
  const server = createServer((req, res) => {
    toFetchRequest(req, origin)
      .then(async (request) => {
        if (!request) {
          res.writeHead(413, { 'Content-Type': 'application/json' });
          res.end(
            JSON.stringify({
              __type: 'InvalidParameterException',
              message: 'Request body is too large.',
            }),
          );
          return;
        }
        await sendFetchResponse(await handle(request), res);
      })
      .catch((error: unknown) => {
        console.error('emulator: request failed', error);
        if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' });
        res.end(
          JSON.stringify({
            __type: 'InternalErrorException',
            message: 'Internal error in the local emulator.',
          }),
        );
      });
  });
  server.keepAliveTimeout = 30_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      const { port } = server.address() as AddressInfo;
      origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
      resolve({
        url: origin,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
