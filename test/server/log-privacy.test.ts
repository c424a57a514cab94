/**
 * Asylum information is confidential (8 CFR 208.6): nothing a person told us may reach a log.
 * The real server process is taken through a case's whole life — and through bad requests that
 * carry the person's details in the wrong places — and everything it wrote (standard output and
 * error) is searched for each name, A-number (and its digits), birth date, address and note.
 * The CLI's error messages are held to the same rule.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.ts';
import { type OrgServer, signIn, startOrgServer } from './server-process.ts';

const PEOPLE = [
  { name: 'Ngozi Ọkọnkwọ', aNumber: 'A201555444', birthDate: '1987-04-19', address: '12 Quillfeather Lane' },
  { name: 'Şükrü Yılmaz', aNumber: 'A202666333', birthDate: '1979-12-03', address: '88 Marrowbend Court' },
];
const NOTE = 'Fled after the Tamberline raid';

/** Every way a secret could show: as given, the A-number's digits alone, the birth date. */
const secrets = PEOPLE.flatMap((p) => [p.name, p.aNumber, p.aNumber.slice(1), p.birthDate, p.address]).concat(
  NOTE,
);

function leaks(text: string): string[] {
  return secrets.filter((s) => text.includes(s));
}

describe('logs hold no personal data', () => {
  let server: OrgServer | undefined;
  afterAll(async () => server?.close(), 60_000);

  it('from the server, through a case’s life and bad requests', async () => {
    server = await startOrgServer();
    const s = await signIn(server.url);
    const cases = `${server.url}/api/v1/orgs/${s.orgId}/cases`;
    const send = (method: string, url: string, body?: unknown) =>
      fetch(url, {
        method,
        headers: s.headers,
        ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      });

    const statuses: number[] = [];
    for (const person of PEOPLE) {
      const created = await send('POST', cases, { person });
      statuses.push(created.status);
      const { id, version } = (await created.json()) as { id: string; version: number };
      const added = await send('POST', `${cases}/${id}/events`, {
        version,
        event: { type: 'arrival', date: '2025-06-02', manner: 'entry_without_inspection' },
      });
      statuses.push(added.status);
      statuses.push((await send('POST', `${cases}/${id}/notes`, { body: NOTE })).status);
      statuses.push((await send('GET', `${cases}/${id}`)).status);
      statuses.push((await send('GET', `${cases}/${id}/assessment`)).status);
      statuses.push((await send('GET', `${cases}?q=${encodeURIComponent(person.name)}`)).status);
      statuses.push((await send('GET', `${cases}?q=${person.aNumber}`)).status);
      // Bad requests carrying the details where they do not belong.
      statuses.push(
        (await send('POST', cases, { person: { ...person, birthDate: `${person.birthDate}x` } })).status,
      );
      statuses.push((await send('POST', cases, { person, [person.name]: person.address })).status);
      statuses.push((await send('POST', cases, `{"person": {"name": "${person.name}"`)).status);
      statuses.push(
        (
          await send('POST', `${cases}/${id}/events`, {
            version: 99,
            event: { type: 'arrival', date: person.birthDate, note: person.name },
          })
        ).status,
      );
      statuses.push((await send('GET', `${cases}/${person.aNumber}`)).status);
      statuses.push(
        (
          await send('POST', `${server.url}/api/v1/auth/login`, {
            email: person.name,
            password: person.aNumber,
          })
        ).status,
      );
    }
    // The happy path worked and every bad request was refused, none with a 500.
    expect(statuses.filter((x) => x >= 500)).toEqual([]);
    expect(statuses.filter((x) => x >= 400).length).toBeGreaterThanOrEqual(PEOPLE.length * 6);
    await server.stop();
    expect(server.output().length).toBeGreaterThan(0);
    expect(leaks(server.output())).toEqual([]);
  }, 120_000);

  it('from the command line, whose errors name the place, never the value', () => {
    const [p] = PEOPLE;
    const inputs = [
      { asOf: '2026-11-30', person: { name: p!.name, aNumber: 'A12', birthDate: p!.birthDate }, events: [] },
      { asOf: p!.birthDate, events: [{ type: 'arrival', date: '2030-01-01', manner: p!.name }] },
      {
        asOf: '2026-11-30',
        events: [{ type: 'arrival', date: p!.birthDate, manner: p!.aNumber, [p!.address]: 1 }],
      },
    ];
    for (const input of inputs) {
      for (const command of ['deadlines', 'assess']) {
        const r = runCli([command, '-', '--format', 'json'], { input: JSON.stringify(input) });
        expect(r.stderr).toMatch(/"error"/);
        expect(r.code).toBe(2);
        expect(leaks(r.stderr)).toEqual([]);
      }
    }
  });
});
