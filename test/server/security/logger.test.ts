import { describe, expect, it } from 'vitest';
import { redactPaths } from '../../../src/server/security/log-redaction.ts';
import { createLogger, safeError } from '../../../src/server/security/logger.ts';

// Test personal data, in the forms it could reach a log line (JSON escapes pino might write included).
const NAME = 'José Núñez';
const A_NUMBER = 'A012345678';
const BIRTH_DATE = '1990-02-03';
const FORBIDDEN = ['José', 'Jos\\u00e9', 'Núñez', 'N\\u00fa', 'Nunez', '012345678', '12345678', '1990-02-03'];
const PERSON = { name: NAME, aNumber: A_NUMBER, birthDate: BIRTH_DATE, address: '5 Calle Ñandú' };

function capture() {
  const lines: string[] = [];
  const logger = createLogger({
    level: 'trace',
    destination: { write: (line: string) => void lines.push(line) },
  });
  return { logger, output: () => lines.join(''), records: () => lines.map((l) => JSON.parse(l)) };
}

function expectClean(output: string) {
  expect(output.length).toBeGreaterThan(0);
  for (const text of FORBIDDEN) expect(output).not.toContain(text);
  expect(output).not.toContain('Ñandú');
}

describe('the logger', () => {
  it('writes no personal data from the fields that carry it, at any depth', () => {
    const { logger, output, records } = capture();
    logger.info({ caseId: 'c-1', ...PERSON }, 'case created');
    logger.info({ person: PERSON, screening: { fearOfReturn: true }, narrative: 'They came at night.' });
    logger.info({ names: [NAME], a_number: A_NUMBER, dateOfBirth: BIRTH_DATE, notes: ['a note'] });
    logger.info({ people: [PERSON], case: { client: PERSON, data: { applicant: { name: NAME } } } });
    logger.info({ one: { two: { three: { four: { five: { six: { name: NAME, dob: BIRTH_DATE } } } } } } });
    logger.info({ Name: NAME, 'A-Number': A_NUMBER, date_of_birth: BIRTH_DATE, FirstName: 'José' });
    logger.warn({ email: 'jose@example.org', password: 'hunter2', token: 'abc', csrfToken: 'def' });
    expectClean(output());
    expect(output()).not.toContain('jose@example.org');
    expect(output()).not.toContain('hunter2');
    expect(output()).not.toContain('night');
    const [first] = records();
    expect(first).toMatchObject({
      caseId: 'c-1',
      name: '[redacted]',
      aNumber: '[redacted]',
      msg: 'case created',
    });
  });

  it('hides request bodies, parameters, query strings, credentials and cookies', () => {
    const { logger, output, records } = capture();
    logger.info({
      req: {
        method: 'POST',
        url: `/api/v1/cases?q=${encodeURIComponent(NAME)}&a=${A_NUMBER}`,
        params: { aNumber: A_NUMBER },
        query: { q: NAME },
        headers: {
          authorization: 'Bearer secret-token',
          cookie: 'sid=secret-session',
          host: 'refugio.local',
        },
        body: { person: PERSON, email: 'x@y.org' },
      },
      res: { statusCode: 201, headers: { 'set-cookie': 'sid=secret-session' } },
    });
    expectClean(output());
    expect(output()).not.toContain('secret-token');
    expect(output()).not.toContain('secret-session');
    expect(output()).not.toContain('Jos%C3%A9');
    const [line] = records();
    expect(line.req).toMatchObject({ method: 'POST', url: '/api/v1/cases?[redacted]' });
    expect(line.req.headers).toEqual({
      authorization: '[redacted]',
      cookie: '[redacted]',
      host: 'refugio.local',
    });
    expect(line.res.statusCode).toBe(201);
  });

  it('does not interpolate arguments into messages', () => {
    const { logger, output, records } = capture();
    logger.info('found case for %s born %s', NAME, BIRTH_DATE);
    logger.info({ caseId: 'c-2' }, 'searched for %s', A_NUMBER);
    expectClean(output());
    expect(records().map((r) => r.msg)).toEqual(['found case for %s born %s', 'searched for %s']);
  });

  it('redacts child logger bindings', () => {
    const { logger, output, records } = capture();
    logger.child({ component: 'cases', person: PERSON, name: NAME }).info('bound');
    expectClean(output());
    expect(records()[0]).toMatchObject({ component: 'cases', msg: 'bound' });
  });

  it('logs errors by name, code and frames only, never their message', () => {
    const { logger, output, records } = capture();
    const err = Object.assign(new Error(`invalid A-number ${A_NUMBER} for ${NAME}\nborn ${BIRTH_DATE}`), {
      code: 'ERR_INVALID_A_NUMBER',
      cause: new SyntaxError(`Unexpected token in "${NAME}"`),
    });
    logger.error(err);
    logger.error({ err, caseId: 'c-3' }, 'could not save');
    logger.error({ error: err, context: { failure: err } });
    expectClean(output());
    const [direct, wrapped] = records();
    expect(direct.msg).toBeUndefined();
    expect(direct.err).toMatchObject({
      type: 'Error',
      code: 'ERR_INVALID_A_NUMBER',
      cause: { type: 'SyntaxError' },
    });
    expect(direct.err.frames[0]).toMatch(/^at /);
    expect(wrapped).toMatchObject({ caseId: 'c-3', msg: 'could not save', err: { type: 'Error' } });
  });

  it('leaves the logged object as it was', () => {
    const { logger } = capture();
    const object = { person: { ...PERSON }, caseId: 'c-4' };
    logger.info(object);
    expect(object).toEqual({ person: PERSON, caseId: 'c-4' });
  });

  it('survives circular objects and class instances', () => {
    const { logger, output, records } = capture();
    const loop: Record<string, unknown> = { caseId: 'c-5' };
    loop.self = loop;
    logger.info({ loop, when: new Date(0), map: new Map([['name', NAME]]) });
    expectClean(output());
    expect(records()[0].loop).toEqual({ caseId: 'c-5', self: '[circular]' });
  });

  it('compiles its redact paths with wildcards at several depths', () => {
    const paths = redactPaths();
    for (const p of [
      'name',
      '*.name',
      '*.*.name',
      '*.*.*.aNumber',
      '*.*.*["set-cookie"]',
      '*.*.authorization',
    ])
      expect(paths).toContain(p);
  });
});

describe('safeError', () => {
  it('keeps no message, even one spread over several lines', () => {
    const err = new Error(`first ${NAME}\nsecond ${A_NUMBER}\n    third ${BIRTH_DATE}`);
    const safe = safeError(err);
    expectClean(JSON.stringify(safe));
    expect(safe.type).toBe('Error');
    expect(safe.frames.length).toBeGreaterThan(0);
    for (const frame of safe.frames) expect(frame).toMatch(/^at /);
  });

  it('keeps the message of JSON.parse out, which quotes its input', () => {
    let caught: unknown;
    try {
      JSON.parse(`${NAME} ${A_NUMBER}`);
    } catch (err) {
      caught = err;
    }
    expectClean(JSON.stringify(safeError(caught)));
    expect(safeError(caught).type).toBe('SyntaxError');
  });

  it('does not describe thrown values that are not errors', () => {
    expect(safeError(NAME)).toEqual({ type: 'NonError', frames: [] });
    expect(safeError({ name: NAME })).toEqual({ type: 'NonError', frames: [] });
  });

  it('drops codes and names that are not identifiers', () => {
    const err = Object.assign(new Error('x'), { code: `bad ${A_NUMBER} code with spaces` });
    err.name = NAME;
    expect(safeError(err)).toMatchObject({ type: 'Error' });
    expect(safeError(err).code).toBeUndefined();
  });
});
