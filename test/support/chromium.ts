/**
 * A real headless Chromium for browser tests: the machine's own when it has one (Debian's
 * /usr/bin/chromium, or CHROMIUM_PATH), else the one shipped inside the `@sparticuz/chromium` npm
 * package, so `npm test` works on a fresh machine with only Node. Never skips: no browser is an error.
 */
import { existsSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';

// Without the background-networking flags Chromium keeps dialling hosts this closed network refuses.
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

const SYSTEM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export interface FoundChromium {
  readonly executablePath: string;
  readonly source: 'environment' | 'system' | 'npm';
  readonly args: readonly string[];
}

export async function findChromium(env: NodeJS.ProcessEnv = process.env): Promise<FoundChromium> {
  const fromEnv = env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH names ${fromEnv}, which does not exist`);
    return { executablePath: fromEnv, source: 'environment', args: FLAGS };
  }
  const system = SYSTEM_CANDIDATES.find((p) => existsSync(p));
  if (system) return { executablePath: system, source: 'system', args: FLAGS };
  // The npm-shipped build unpacks itself (and the libraries it needs) into the temp folder once.
  const sparticuz = (await import('@sparticuz/chromium')).default;
  const executablePath = await sparticuz.executablePath();
  return {
    executablePath,
    source: 'npm',
    // Its own flag list is tuned for AWS Lambda (--single-process, --disable-web-security...): not ours.
    args: FLAGS,
  };
}

export interface LaunchedChromium {
  readonly browser: Browser;
  readonly found: FoundChromium;
  /** A fresh context with its own storage; phone-sized when asked. */
  newContext(options?: { phone?: boolean; locale?: string; offline?: boolean }): Promise<BrowserContext>;
  close(): Promise<void>;
}

export async function launchChromium(): Promise<LaunchedChromium> {
  const found = await findChromium();
  const browser = await chromium.launch({
    executablePath: found.executablePath,
    headless: true,
    // Playwright gives every launch a fresh, empty profile of its own.
    args: [...found.args],
  });
  return {
    browser,
    found,
    newContext: (options = {}) =>
      browser.newContext({
        ...(options.phone ? { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true } : {}),
        ...(options.locale ? { locale: options.locale } : {}),
        acceptDownloads: true,
      }),
    close: () => browser.close(),
  };
}
