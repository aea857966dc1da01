// The HTTP floor of a rush on this machine: a bare node:http server in its own process that reads
// each POST body and answers SLOT_FULL at once — no framework, no auth, no database. Driven by the
// same load generator, connections and tokens as the BFF's rush, it shows how much of the rush's
// time any HTTP service would spend here before doing any work (the raw SQL loop has no HTTP).
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { freePort } from './bff';
import { load } from './http';

const SERVER = `
const http = require('node:http');
const answer = JSON.stringify({ code: 'SLOT_FULL', message: '该时段已约满' });
http
  .createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(409, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(answer) });
      res.end(answer);
    });
  })
  .listen(Number(process.env.PORT), '127.0.0.1', () => console.log('ready'));
`;

export interface FloorResult {
  totalMs: number;
  p99: number;
  answered: number;
}

/** One warm-up rush (excluded) and one measured rush of `tokens.length` POSTs at once. */
export async function httpFloor(tokens: string[], body: string): Promise<FloorResult> {
  const port = await freePort();
  const child = spawn(process.execPath, ['-e', SERVER], { env: { ...process.env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    await new Promise<void>((ok, fail) => {
      child.once('error', fail);
      child.once('exit', (code) => fail(new Error(`the floor server exited (${code})`)));
      child.stdout!.once('data', () => ok());
    });
    const rush = async () => {
      let last = 0;
      const t0 = performance.now();
      const r = await load({
        origin: `http://127.0.0.1:${port}`,
        path: '/api/v1/bookings',
        method: 'POST',
        body,
        connections: tokens.length,
        amount: tokens.length,
        tokens,
        onResponse: () => {
          last = performance.now();
        },
      });
      return { totalMs: last - t0, p99: r.p99, answered: r.total };
    };
    await rush();
    return await rush();
  } finally {
    child.removeAllListeners('exit');
    child.kill();
  }
}
