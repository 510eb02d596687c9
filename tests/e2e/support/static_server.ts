/** Starts scripts/serve_dist.py on a free port for tests that need their own server (updates, sub-path). */
import { ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../../..');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export class StaticServer {
  private constructor(private readonly process: ChildProcess, readonly origin: string) {}

  /** Serves `directory` (under `base`, e.g. "/outil/") and waits until it answers. */
  static async start(directory: string, base = '/'): Promise<StaticServer> {
    const port = await freePort();
    const child = spawn('python3', [path.join(ROOT, 'scripts/serve_dist.py'), '--port', String(port), '--base', base, directory], {
      stdio: 'ignore',
    });
    const origin = `http://127.0.0.1:${port}`;
    for (let attempt = 0; attempt < 50; attempt++) {
      try {
        const response = await fetch(`${origin}${base}`);
        if (response.ok) return new StaticServer(child, origin);
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    child.kill();
    throw new Error(`server for ${directory} did not start`);
  }

  stop(): void {
    this.process.kill();
  }
}
