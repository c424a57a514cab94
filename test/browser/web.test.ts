/// <reference lib="dom" />
/**
 * The web app in a real headless Chromium against the real server (built with Vite, embedded
 * database): a person on a phone completes the interview in Spanish and in French and gets the BIA
 * appeal deadline for a case an immigration judge denied; the results survive an offline reload;
 * the calendar file parses; a staff member adds an IJ denial and sees the deadline on the
 * dashboard, and another organisation's staff cannot open that case. axe-core checks each page.
 * Screenshots of every step are kept in test/artifacts/browser/.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import type { BrowserContext, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/server/config.ts';
import { openRuntime, type Runtime } from '../../src/server/runtime.ts';
import { type LaunchedChromium, launchChromium } from '../support/chromium.ts';

const TODAY = '2026-11-23';
const PASSWORD = 'correct horse battery staple';
const SHOTS = join(import.meta.dirname, '../artifacts/browser');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

// The IJ denied on Monday 2026-11-02. The notice of appeal is due 30 calendar days later
// (8 CFR 1003.38(b)): Wednesday 2026-12-02, not a federal holiday, so it does not move.
const IJ_DECISION = '2026-11-02';
const BIA_DUE = { es: '2 de diciembre de 2026', fr: '2 décembre 2026', en: 'December 2, 2026' };

let chromium: LaunchedChromium;
let rt: Runtime;
let server: ReturnType<typeof serve>;
let base: string;
let dataDir: string;

async function shot(page: Page, name: string) {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** axe-core's WCAG 2.x A/AA rules; evaluated through the debugger, so the page's CSP stays on. */
async function expectAccessible(page: Page, where: string) {
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is a global the script above defined
    const axe = (window as any).axe;
    const r = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return r.violations.map((v: { id: string; nodes: { target: string[] }[] }) => ({
      id: v.id,
      targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 3),
    }));
  });
  expect(violations, `accessibility of ${where}`).toEqual([]);
}

async function personContext(locale: string): Promise<BrowserContext> {
  const context = await chromium.newContext({ phone: true, locale });
  await context.clock.setFixedTime(new Date(`${TODAY}T10:00:00`));
  return context;
}

async function fillDate(page: Page, selector: string, iso: string) {
  await page.fill(selector, iso);
}

/** Walks the interview for a case the IJ denied, answering "I don't know" to every screening question. */
async function interviewDeniedCase(page: Page, lang: string) {
  await page.goto(`${base}/`);
  await page.waitForSelector('a.button.primary[href="#/q"]');
  await shot(page, `${lang}-1-home`);
  await expectAccessible(page, `${lang} home`);
  await page.click('a.button.primary[href="#/q"]');

  await page.waitForSelector('[data-question="timeline.arrival"]');
  await fillDate(page, '#event-date', '2024-03-01');
  await page.selectOption('#detail-manner', 'entry_without_inspection');
  await shot(page, `${lang}-2-arrival`);
  await expectAccessible(page, `${lang} arrival question`);
  await page.click('form button[type="submit"]');

  const report = async (event: string, date: string, details: Record<string, string> = {}) => {
    await page.waitForSelector(`[data-question="timeline.next"] >> xpath=..//button[@data-value="${event}"]`);
    await page.click(`button[data-value="${event}"]`);
    await fillDate(page, '#event-date', date);
    for (const [name, value] of Object.entries(details)) await page.selectOption(`#detail-${name}`, value);
    await page.click('form button[type="submit"]');
  };
  await report('nta_filed', '2024-04-15');
  await report('asylum_filed', '2024-06-01', { forum: 'immigration_court' });
  await report('ij_decision', IJ_DECISION, { outcome: 'denied' });
  await page.waitForSelector('button[data-value="bia_appeal_filed"]');
  await shot(page, `${lang}-3-what-next`);
  await page.click('button[data-value="none"]');

  // Every screening question the engine still asks: "I don't know" (unknown is never "no").
  for (let i = 0; i < 80; i++) {
    const done = await page
      .waitForSelector('[data-question], .answers, h1', { timeout: 10_000 })
      .then(async () => page.evaluate(() => location.hash === '#/summary'));
    if (done) break;
    if (i === 2) await shot(page, `${lang}-4-screening`);
    const unknown = page.locator('button[data-value="unknown"]');
    await unknown.first().click();
    await page.waitForTimeout(20);
  }
  await page.waitForFunction(() => location.hash === '#/summary');
  await shot(page, `${lang}-5-summary`);
  await expectAccessible(page, `${lang} summary`);
  await page.click('a.button.primary[href="#/results"]');
  await page.waitForSelector('[data-deadline="bia_appeal"]');
  await shot(page, `${lang}-6-results`);
  await expectAccessible(page, `${lang} results`);
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  await build({ configFile: join(import.meta.dirname, '../../vite.config.ts'), logLevel: 'warn' });
  dataDir = mkdtempSync(join(tmpdir(), 'refugio-web-'));
  rt = await openRuntime(readConfig({ DATA_DIR: dataDir }), { env: {}, today: () => TODAY });
  server = serve({ fetch: rt.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  chromium = await launchChromium();
}, 180_000);

afterAll(async () => {
  await chromium?.close();
  await new Promise((r) => server?.close(r));
  await rt?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('a person seeking asylum, on a phone', () => {
  it('completes the interview in Spanish and sees the BIA appeal deadline; offline reload and .ics work', async () => {
    const context = await personContext('es-MX');
    const page = await context.newPage();
    await interviewDeniedCase(page, 'es');
    expect(await page.getAttribute('html', 'lang')).toBe('es');
    const deadline = page.locator('[data-deadline="bia_appeal"]');
    expect(await deadline.textContent()).toContain(BIA_DUE.es);
    expect(await deadline.textContent()).toMatch(/9 días/);

    // The calendar file: an all-day event on the due date, in the person's language.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('.actions button.primary'),
    ]);
    const ics = readFileSync((await download.path())!, 'utf8').replace(/\r\n[ \t]/g, '');
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics).toMatch(/\r\nEND:VCALENDAR\r\n$/);
    const events = ics.split('BEGIN:VEVENT').slice(1);
    const appeal = events.find((e) => e.includes('DTSTART;VALUE=DATE:20261202'));
    expect(appeal, 'an event on 2026-12-02').toBeDefined();
    expect(appeal).toMatch(/SUMMARY:[^\r\n]*(Junta|BIA)/);
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(2000);

    // Offline: the service worker serves the app; the answers are still on this device.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await context.setOffline(true);
    await page.reload();
    await page.waitForSelector('[data-deadline="bia_appeal"]');
    expect(await page.locator('[data-deadline="bia_appeal"]').textContent()).toContain(BIA_DUE.es);
    await shot(page, 'es-7-offline-results');
    await context.close();
  });

  it('completes the same interview in French, and can switch language without losing answers', async () => {
    const context = await personContext('fr-FR');
    const page = await context.newPage();
    await interviewDeniedCase(page, 'fr');
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    expect(await page.locator('[data-deadline="bia_appeal"]').textContent()).toContain(BIA_DUE.fr);
    await page.selectOption('.lang select', 'en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await page.locator('[data-deadline="bia_appeal"]').textContent()).toContain(BIA_DUE.en);
    await context.close();
  });

  it('quick exit clears the answers at once', async () => {
    const context = await personContext('en-US');
    const page = await context.newPage();
    await page.route('https://www.weather.gov/**', (r) => r.fulfill({ body: '<title>Weather</title>' }));
    await page.goto(`${base}/#/q`);
    await fillDate(page, '#event-date', '2025-01-10');
    await page.click('form button[type="submit"]');
    await page.waitForSelector('[data-question="timeline.next"]');
    expect(await page.evaluate(() => sessionStorage.getItem('refugio.answers'))).toContain('2025-01-10');
    await page.click('button.exit');
    await page.waitForURL(/weather\.gov/);
    await page.goto(`${base}/#/summary`);
    expect(await page.evaluate(() => sessionStorage.getItem('refugio.answers'))).toBeNull();
    await context.close();
  });
  it('saves the answers on the device locked with a passphrase, and opens them only with it', async () => {
    const context = await personContext('en-US');
    const page = await context.newPage();
    await page.goto(`${base}/#/q`);
    await fillDate(page, '#event-date', '2025-02-20');
    await page.click('form button[type="submit"]');
    await page.waitForSelector('[data-question="timeline.next"]');
    await page.goto(`${base}/#/save`);
    await page.fill('#pass', 'seven blue herons');
    await page.click('button:has-text("Save on this device")');
    await page.waitForSelector('p.ok[role="status"]');
    const stored = await page.evaluate(() => localStorage.getItem('refugio.saved'));
    expect(stored).not.toBeNull();
    expect(stored).not.toContain('2025-02-20');

    await page.evaluate(() => sessionStorage.clear());
    await page.reload();
    await page.fill('#pass', 'not the passphrase');
    await page.click('button:has-text("Open")');
    await page.waitForSelector('p.error[role="alert"]');
    await page.fill('#pass', 'seven blue herons');
    await page.click('button:has-text("Open")');
    await page.waitForFunction(() => location.hash === '#/summary');
    expect(await page.locator('.answers').textContent()).toContain('February 20, 2025');
    await context.close();
  });
});

describe('every page, in every language', () => {
  const PAGES = [
    '',
    'q',
    'summary',
    'results',
    'lawyer',
    'save',
    'learn',
    'learn/appeal-to-bia',
    'help',
    'team',
  ];
  for (const lang of ['en', 'es', 'fr']) {
    it(`has no axe-core violations in ${lang}`, async () => {
      const context = await personContext(lang);
      const page = await context.newPage();
      for (const route of PAGES) {
        await page.goto(`${base}/#/${route}`);
        await page.waitForFunction((l) => document.documentElement.lang === l, lang);
        await page.waitForSelector('main :is(h1, form, [data-question])');
        await page.waitForFunction(() => !document.querySelector('main .loading'));
        await expectAccessible(page, `${lang} #/${route}`);
      }
      await context.close();
    });
  }

  it('finds a Learn topic by a word in Spanish, accents or not', async () => {
    const context = await personContext('es');
    const page = await context.newPage();
    await page.goto(`${base}/#/learn`);
    await page.waitForSelector('#learn-search');
    const all = await page.locator('main a[href^="#/learn/"]').count();
    await page.fill('#learn-search', 'apelacion');
    await page.waitForFunction((n) => document.querySelectorAll('main a[href^="#/learn/"]').length < n, all);
    expect(await page.locator('main a[href="#/learn/appeal-to-bia"]').count()).toBe(1);
    await page.click('main a[href="#/learn/appeal-to-bia"]');
    await page.waitForSelector('article.topic h1');
    expect(await page.locator('article.topic .law').textContent()).toContain('8 CFR 1003.38');
    await shot(page, 'es-learn-topic');
    await context.close();
  });

  it('filters the legal-help directory by language and state', async () => {
    const context = await personContext('en');
    const page = await context.newPage();
    await page.goto(`${base}/#/help`);
    await page.waitForSelector('#f-lang option[value="fr"]', { state: 'attached' });
    const directory = JSON.parse(
      readFileSync(join(import.meta.dirname, '../../src/content/help/providers.json'), 'utf8'),
    ) as { providers: { languages: string[]; state: string }[] };
    await page.selectOption('#f-lang', 'fr');
    await page.selectOption('#f-state', 'NY');
    const expected = directory.providers.filter(
      (p) => p.languages.includes('fr') && (p.state === 'NY' || p.state === 'national'),
    ).length;
    expect(expected).toBeGreaterThan(0);
    await page.waitForFunction((n) => document.querySelectorAll('.providers > li').length === n, expected);
    await shot(page, 'en-help-filtered');
    await context.close();
  });

  it('takes a person through the interview with the keyboard alone', async () => {
    const context = await personContext('en-US');
    const page = await context.newPage();
    /** Presses Tab until the focused element matches, as a keyboard user would. */
    const tabTo = async (selector: string) => {
      for (let i = 0; i < 60; i++) {
        if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
        await page.keyboard.press('Tab');
      }
      throw new Error(`Tab never reached ${selector}`);
    };
    const focusVisible = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const style = getComputedStyle(el);
        return style.outlineStyle !== 'none' || style.boxShadow !== 'none';
      });
    await page.goto(`${base}/`);
    await page.waitForSelector('a.button.primary[href="#/q"]');
    await tabTo('a.button.primary[href="#/q"]');
    expect(await focusVisible(), 'visible focus on the start link').toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-question="timeline.arrival"]');
    await tabTo('#event-date');
    await page.keyboard.type('03012024');
    await tabTo('#detail-manner');
    await page.keyboard.press('ArrowDown');
    await tabTo('form button[type="submit"]');
    await page.keyboard.press('Enter');
    // Then "nothing else has happened", and every screening question answered "I don't know".
    await page.waitForSelector('[data-question="timeline.next"]');
    await tabTo('button[data-value="none"]');
    await page.keyboard.press('Enter');
    for (let i = 0; i < 80; i++) {
      await page.waitForSelector('[data-question], .answers');
      if (await page.evaluate(() => location.hash === '#/summary')) break;
      await tabTo('button[data-value="unknown"]');
      await page.keyboard.press('Enter');
      await page.waitForTimeout(20);
    }
    await page.waitForFunction(() => location.hash === '#/summary');
    expect(await page.locator('.answers').first().textContent()).toContain('March 1, 2024');
    await tabTo('a.button.primary[href="#/results"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-deadline="one_year_filing"]');
    await shot(page, 'en-keyboard-results');
    await context.close();
  });
});

describe('a legal team', () => {
  beforeAll(async () => {
    // Two organisations, each with an admin who invites one staff member.
    for (const org of ['a', 'b']) {
      const { orgId } = await rt.accounts.createOrganisation({
        name: `Org ${org.toUpperCase()}`,
        adminEmail: `admin@${org}.test`,
        adminPassword: PASSWORD,
      });
      const session = await rt.accounts.login(`admin@${org}.test`, PASSWORD);
      const admin = await rt.accounts.actorIn(
        (await rt.accounts.principalFromSession(session.token))!,
        orgId,
      );
      await rt.accounts.invite(admin, { email: `staff@${org}.test`, role: 'staff', password: PASSWORD });
    }
  });

  it('staff adds an IJ denial and sees the BIA appeal on the dashboard; another organisation cannot open the case', async () => {
    const context = await chromium.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    const signIn = async (email: string) => {
      await page.goto(`${base}/#/team`);
      await page.fill('#email', email);
      await page.fill('#password', PASSWORD);
      await page.click('form.login button[type="submit"]');
      await page.waitForSelector('.team-nav');
    };
    await signIn('staff@a.test');
    await shot(page, 'team-1-caseload');
    await expectAccessible(page, 'caseload');
    await page.fill('#new-name', 'José Núñez');
    await page.fill('#new-a', 'A012345678');
    await page.click('text=Create case');
    await page.waitForSelector('article.case');
    const caseUrl = page.url();

    const addEvent = async (type: string, date: string, details: Record<string, string> = {}) => {
      await page.selectOption('#ev-type', type);
      await page.fill('#ev-date', date);
      for (const [k, v] of Object.entries(details)) await page.selectOption(`#ev-${k}`, v);
      const before = await page.locator('.timeline li').count();
      await page.click('form.add-event button[type="submit"]');
      await page.waitForFunction((n) => document.querySelectorAll('.timeline li').length > n, before);
    };
    await addEvent('nta_filed', '2024-04-15');
    await addEvent('ij_decision', IJ_DECISION, { outcome: 'denied' });
    await page.waitForSelector('article.case [data-deadline="bia_appeal"]');
    expect(await page.locator('article.case [data-deadline="bia_appeal"]').textContent()).toContain(
      BIA_DUE.en,
    );
    // Correcting the decision's date moves the deadline at once: a decision on Monday 2026-11-09
    // makes the appeal due 30 days later, Wednesday 2026-12-09 (8 CFR 1003.38(b)); then back.
    const correctDecision = async (date: string, due: string) => {
      await page.click('.timeline li:has-text("Immigration judge") button:has-text("Correct")');
      await page.fill('#ev-date', date);
      await page.click('form.add-event button[type="submit"]');
      await page.waitForFunction(
        (d) => document.querySelector('article.case [data-deadline="bia_appeal"]')?.textContent?.includes(d),
        due,
      );
    };
    await correctDecision('2026-11-09', 'December 9, 2026');
    expect(await page.locator('.timeline li').count()).toBe(2);
    await correctDecision(IJ_DECISION, BIA_DUE.en);
    await page.setInputFiles('#case-file', {
      name: 'Decisión del juez.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n%%EOF\n'),
    });
    await page.waitForSelector('ul.files a:has-text("Decisión del juez.pdf")');
    await shot(page, 'team-2-case');
    await expectAccessible(page, 'case page');

    await page.click('a[href="#/team/deadlines"]');
    await page.waitForSelector('.dashboard [data-deadline="bia_appeal"]');
    const row = await page.locator('.dashboard [data-deadline="bia_appeal"]').textContent();
    expect(row).toContain('José Núñez');
    expect(row).toContain(BIA_DUE.en);
    await shot(page, 'team-3-dashboard');
    await expectAccessible(page, 'dashboard');
    await page.click('.team-nav button');
    await page.waitForSelector('form.login');

    // Another organisation's staff, with the case's own address, sees nothing of it.
    await signIn('staff@b.test');
    await page.goto(caseUrl);
    await page.reload();
    await page.waitForSelector('main .error');
    expect(await page.locator('main').textContent()).not.toContain('José');
    await shot(page, 'team-4-other-organisation');
    await context.close();
  });

  it('prepares documents from the case page, and says which detail is missing', async () => {
    const context = await chromium.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(`${base}/#/team`);
    await page.fill('#email', 'staff@a.test');
    await page.fill('#password', PASSWORD);
    await page.click('form.login button[type="submit"]');
    await page.waitForSelector('.team-nav');
    await page.click('a:has-text("José Núñez")');
    await page.waitForSelector('section.documents #doc-kind');

    // The BIA appeal checklist needs nothing the case does not know.
    await page.selectOption('#doc-kind', 'notice-of-appeal-checklist');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('section.documents button[type="submit"]'),
    ]);
    expect(download.suggestedFilename()).toBe('notice-of-appeal-checklist.pdf');
    const { pdfPages, flat } = await import('../documents/read-back.ts');
    const text = flat((await pdfPages(new Uint8Array(readFileSync((await download.path())!)))).join(' '));
    expect(text).toContain('José Núñez');
    expect(text).toContain(BIA_DUE.en);
    await page.waitForSelector('section.documents p.ok[role="status"]');

    // A motion needs the court: the server names the detail, and nothing typed is lost.
    await page.selectOption('#doc-kind', 'motion-to-reopen');
    await page.fill('#doc-document-court-judge', 'Judge Ruth Alvarez');
    await page.click('section.documents button[type="submit"]');
    await page.waitForSelector('section.documents p.error[role="alert"]');
    expect(await page.locator('section.documents p.error').textContent()).toContain('document.court');
    expect(await page.inputValue('#doc-document-court-judge')).toBe('Judge Ruth Alvarez');

    // An exhibit packet from the case's files: a file that is not a readable PDF is named.
    await page.selectOption('#doc-kind', 'exhibit-packet');
    await page.check('section.documents .exhibit input[type="checkbox"]');
    await page.fill('section.documents .exhibit input[type="text"]', 'Decision of the immigration judge');
    await page.click('section.documents button[type="submit"]');
    await page.waitForSelector('section.documents p.error[role="alert"]');
    await shot(page, 'team-8-documents');
    await expectAccessible(page, 'case page documents');
    await context.close();
  });

  it('shows deadlines a change in the law moved, until someone marks them reviewed', async () => {
    const found = await rt.store.db.selectFrom('cases').select(['id', 'org_id']).execute();
    const target = found[0]!;
    await rt.store.db
      .insertInto('deadline_changes')
      .values({
        case_id: target.id,
        org_id: target.org_id,
        deadline_id: 'bia_appeal',
        old_due: '2026-12-02',
        new_due: '2026-12-03',
        rules_version: 'test-rules-2',
        authority: ['8 CFR 1003.38(b)'],
      })
      .execute();
    const staffEmail = (
      await rt.store.db
        .selectFrom('memberships as m')
        .innerJoin('users as u', 'u.id', 'm.user_id')
        .select('u.email')
        .where('m.org_id', '=', target.org_id)
        .where('m.role', '=', 'staff')
        .executeTakeFirstOrThrow()
    ).email;
    const context = await chromium.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(`${base}/#/team/deadlines`);
    await page.fill('#email', staffEmail);
    await page.fill('#password', PASSWORD);
    await page.click('form.login button[type="submit"]');
    await page.waitForSelector('.dashboard .notice a');
    await page.click('.dashboard .notice a');
    await page.waitForSelector('section.changes');
    const text = await page.locator('section.changes').textContent();
    expect(text).toContain('December 2, 2026');
    expect(text).toContain('December 3, 2026');
    await shot(page, 'team-7-law-change');
    await expectAccessible(page, 'case page with changes');
    await page.click('section.changes button');
    await page.waitForSelector('section.changes', { state: 'detached' });
    const left = await rt.store.db
      .selectFrom('deadline_changes')
      .select('reviewed_at')
      .where('case_id', '=', target.id)
      .execute();
    expect(left.every((r) => r.reviewed_at !== null)).toBe(true);
    await context.close();
  });

  it("imports a person's exported interview into a new case", async () => {
    // The person: arrival only, then "I don't know" is not needed; the export is locked.
    const person = await personContext('en-US');
    const page = await person.newPage();
    await page.goto(`${base}/#/q`);
    await fillDate(page, '#event-date', '2025-09-15');
    await page.click('form button[type="submit"]');
    await page.waitForSelector('[data-question="timeline.next"]');
    await page.goto(`${base}/#/save`);
    await page.fill('#pass', 'river stone lantern');
    await page.fill('#export-name', 'Аня Петрова');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('button:has-text("Export for my lawyer")'),
    ]);
    const file = join(dataDir, 'refugio-case.json');
    await download.saveAs(file);
    const sealed = readFileSync(file, 'utf8');
    expect(sealed).not.toContain('Петрова');
    expect(sealed).not.toContain('2025-09-15');
    await person.close();

    const team = await chromium.newContext({ locale: 'en-US' });
    const staff = await team.newPage();
    await staff.goto(`${base}/#/team`);
    await staff.fill('#email', 'staff@a.test');
    await staff.fill('#password', PASSWORD);
    await staff.click('form.login button[type="submit"]');
    await staff.waitForSelector('#import-file');
    await staff.setInputFiles('#import-file', file);
    await staff.fill('#import-pass', 'river stone lantern');
    await staff.click('form:has(#import-file) button[type="submit"]');
    await staff.waitForSelector('article.case');
    expect(await staff.locator('article.case h1').textContent()).toBe('Аня Петрова');
    // The one-year filing deadline runs from the arrival the person gave: 2026-09-15, a Tuesday.
    expect(await staff.locator('article.case [data-deadline="one_year_filing"]').textContent()).toContain(
      'September 15, 2026',
    );
    await shot(staff, 'team-5-imported');
    await team.close();
  });

  for (const lang of ['es', 'fr']) {
    it(`has no axe-core violations in the workspace in ${lang}`, async () => {
      const context = await chromium.newContext({ locale: lang });
      const page = await context.newPage();
      await page.goto(`${base}/#/team`);
      await page.waitForFunction((l) => document.documentElement.lang === l, lang);
      await page.fill('#email', 'admin@a.test');
      await page.fill('#password', PASSWORD);
      await page.click('form.login button[type="submit"]');
      await page.waitForSelector('.team-nav');
      await expectAccessible(page, `${lang} caseload`);
      await page.click('main a[href^="#/team/case/"]');
      await page.waitForSelector('section.documents #doc-kind');
      await expectAccessible(page, `${lang} case page`);
      await shot(page, `team-${lang}-case`);
      for (const route of ['deadlines', 'settings']) {
        await page.click(`a[href="#/team/${route}"]`);
        await page.waitForSelector(`a[href="#/team/${route}"][aria-current="page"]`);
        await page.waitForFunction(() => !document.querySelector('main .loading'));
        await expectAccessible(page, `${lang} ${route}`);
      }
      await context.close();
    });
  }

  it('an admin invites a member and changes their role in the settings', async () => {
    const context = await chromium.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(`${base}/#/team/settings`);
    await page.fill('#email', 'admin@a.test');
    await page.fill('#password', PASSWORD);
    await page.click('form.login button[type="submit"]');
    await page.waitForSelector('#inv-email');
    await page.fill('#inv-email', 'attorney@a.test');
    await page.selectOption('#inv-role', 'attorney');
    await page.fill('#inv-pass', 'another long passphrase');
    await page.click('form:has(#inv-email) button[type="submit"]');
    const row = page.locator('tr', { hasText: 'attorney@a.test' });
    await row.waitFor();
    expect(await row.locator('select').inputValue()).toBe('attorney');
    await row.locator('select').selectOption('staff');
    await page.waitForSelector('p.ok[role="status"]');
    const members = await rt.accounts.listMembers(
      await rt.accounts.actorIn(
        (await rt.accounts.principalFromSession((await rt.accounts.login('admin@a.test', PASSWORD)).token))!,
        (await rt.accounts.memberships((await rt.accounts.login('admin@a.test', PASSWORD)).userId))[0]!.orgId,
      ),
    );
    expect(members.find((m) => m.email === 'attorney@a.test')?.role).toBe('staff');
    await shot(page, 'team-6-settings');
    await expectAccessible(page, 'settings');
    await context.close();
  });
});
