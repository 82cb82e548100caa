// A local HTTP server for the fetch tests: it records every request (path, arrival time,
// connection) and lets a test wait for the server side of a response to close.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface Hit {
  path: string;
  at: number;
  /** Which connection carried it (1, 2, … in order of accept). */
  connection: number;
  userAgent: string | undefined;
}

export type Handler = (req: IncomingMessage, res: ServerResponse, hit: Hit) => void;

export interface TestServer {
  base: string;
  hits: Hit[];
  /** Connections accepted so far. */
  connections(): number;
  /** Requests to `path` so far. */
  count(path: string): number;
  url(path: string): string;
  close(): Promise<void>;
}

export async function startServer(handler: Handler): Promise<TestServer> {
  const sockets = new Set<Socket>();
  const connectionIds = new WeakMap<Socket, number>();
  let accepted = 0;
  const hits: Hit[] = [];
  const server: Server = createServer((req, res) => {
    const hit: Hit = {
      path: new URL(req.url ?? '/', 'http://x').pathname,
      at: Date.now(),
      connection: connectionIds.get(req.socket) ?? 0,
      userAgent: req.headers['user-agent'],
    };
    hits.push(hit);
    handler(req, res, hit);
  });
  server.on('connection', (socket) => {
    connectionIds.set(socket, ++accepted);
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    hits,
    connections: () => accepted,
    count: (path) => hits.filter((h) => h.path === path).length,
    url: (path) => `${base}${path}`,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Resolves when the response's connection closes (the client hung up, or it ended). */
export function closed(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    if (res.destroyed) resolve();
    else res.on('close', () => resolve());
  });
}

/** Writes chunks for as long as the client keeps reading; returns the bytes written. */
export function pumpForever(res: ServerResponse, chunk: Buffer): { written: () => number } {
  let written = 0;
  const pump = (): void => {
    while (!res.destroyed) {
      written += chunk.length;
      if (!res.write(chunk)) {
        res.once('drain', pump);
        return;
      }
    }
  };
  pump();
  return { written: () => written };
}
