import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LaunchedChromium, launchChromium } from '../support/chromium.ts';

describe('the browser-test harness', () => {
  let chromium: LaunchedChromium;
  beforeAll(async () => {
    chromium = await launchChromium();
  });
  afterAll(() => chromium?.close());

  it('starts a real Chromium that lays out text and runs script', async () => {
    const context = await chromium.newContext({ phone: true });
    const page = await context.newPage();
    await page.setContent('<p id="p">José Núñez</p><script>document.title = String(6 * 7)</script>');
    expect(await page.textContent('#p')).toBe('José Núñez');
    expect(await page.title()).toBe('42');
    expect(page.viewportSize()?.width).toBe(360);
    process.stdout.write(`Browser: ${chromium.found.source} ${chromium.browser.version()}\n`);
    await context.close();
  });
});
