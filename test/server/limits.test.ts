/**
 * Limits of the real server process: a slowloris-style crowd of clients that trickle their
 * headers neither blocks other people nor keeps its connections, and one person cannot run the
 * expensive endpoints without bound.
 */
import { connect, type Socket } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { type OrgServer, signIn, startOrgServer } from './server-process.ts';

const SLOW_CLIENTS = 200;
const HEADERS_TIMEOUT_MS = 1_500;

describe('server limits', () => {
  let server: OrgServer | undefined;
  afterAll(async () => server?.close(), 60_000);

  it('cuts off clients that trickle their headers, and keeps answering everyone else', async () => {
    server = await startOrgServer({
      HTTP_HEADERS_TIMEOUT_MS: String(HEADERS_TIMEOUT_MS),
      EXPENSIVE_REQUESTS_PER_MINUTE: '5',
    });
    const { hostname, port } = new URL(server.url);

    const closedAt: number[] = [];
    const sockets: Socket[] = [];
    const start = Date.now();
    const trickle: NodeJS.Timeout[] = [];
    for (let i = 0; i < SLOW_CLIENTS; i++) {
      const s = connect(Number(port), hostname);
      s.on('error', () => {});
      s.on('close', () => closedAt.push(Date.now() - start));
      s.write(`GET /api/health HTTP/1.1\r\nHost: ${hostname}\r\n`);
      // One more header line every 300 ms, never the blank line that ends them.
      trickle.push(setInterval(() => s.writable && s.write(`X-Slow-${i}: y\r\n`), 300));
      sockets.push(s);
    }
    try {
      // While they hold their connections, a normal request is answered at once.
      for (let i = 0; i < 5; i++) {
        const t0 = Date.now();
        const res = await fetch(`${server.url}/api/health`);
        expect(res.status).toBe(200);
        expect(Date.now() - t0).toBeLessThan(1_000);
      }
      // Within the headers timeout plus Node's check interval, every slow client is cut off.
      const deadline = Date.now() + HEADERS_TIMEOUT_MS + 5_000;
      while (closedAt.length < SLOW_CLIENTS && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 100));
      expect(closedAt.length, 'slow connections closed by the server').toBe(SLOW_CLIENTS);
      expect(Math.min(...closedAt)).toBeGreaterThanOrEqual(HEADERS_TIMEOUT_MS - 200);
    } finally {
      for (const t of trickle) clearInterval(t);
      for (const s of sockets) s.destroy();
    }
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  }, 60_000);

  it('limits how often one person runs an expensive request, with a Retry-After', async () => {
    const session = await signIn(server!.url);
    const cases = `${server!.url}/api/v1/orgs/${session.orgId}/cases`;
    const created = (await (
      await fetch(cases, {
        method: 'POST',
        headers: session.headers,
        body: JSON.stringify({ person: { name: 'Ana Díaz' } }),
      })
    ).json()) as { id: string };
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    let body: unknown;
    for (let i = 0; i < 7; i++) {
      const res = await fetch(`${cases}/${created.id}/assessment`, { headers: session.headers });
      statuses.push(res.status);
      if (res.status === 429) {
        retryAfter = res.headers.get('retry-after');
        body = await res.json();
      } else await res.arrayBuffer();
    }
    // EXPENSIVE_REQUESTS_PER_MINUTE=5: five answered, then refused for the rest of the minute.
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    expect(Number(retryAfter)).toBeLessThanOrEqual(60);
    expect(body).toMatchObject({ error: { code: 'rate_limited' } });
    // Cheap reads are not counted.
    expect((await fetch(`${cases}/${created.id}`, { headers: session.headers })).status).toBe(200);
  }, 60_000);
});
