import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { projectPath } from '../../src/paths.js';
import { startAppProcess } from './app-process.js';
import type { AppProcess } from './app-process.js';

/**
 * The whole product as a new user meets it: `node --import tsx src/main.ts` with no Webex token and no Azure
 * settings, driven in Debian's Chromium. Nothing is faked here: the bot, its Graph client, the checks, the
 * diagnosis and the cards all run for real against the Webex and Entra stand-ins.
 */

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = projectPath('test/artifacts/local');
const hasChromium = existsSync(CHROMIUM);

if (!hasChromium && process.env.CI) {
  throw new Error(`${CHROMIUM} is missing: the local-mode browser test must run in CI. Install it with: apt-get install -y chromium`);
}

/** The card's wording in a language, from the catalogs the renderer uses (so a reworded string does not break this). */
function strings(language: 'ja' | 'fr' | 'en'): Record<string, string> {
  const read = (file: string): Record<string, string> => JSON.parse(readFileSync(projectPath('cards/i18n', language, file), 'utf8')) as Record<string, string>;
  return { ...read('ui.json'), ...read('diagnosis.json') };
}

const CONSENT_PATH = '/adminconsent?client_id=90db942a-c1eb-4e8d-82e4-eebf64a7e2ae';

describe.skipIf(!hasChromium)('local mode in a browser (the real program, Debian Chromium)', () => {
  let app: AppProcess;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  /** Script errors in any page of the run: each test ends with none. */
  const pageErrors: string[] = [];

  const botCards = (): Locator => page.locator('.message.from-bot .adaptive-card');
  const shot = (name: string): Promise<Buffer> => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });

  async function paste(exampleId: string, prefix = ''): Promise<void> {
    const composer = page.locator('#composer-text');
    await composer.fill(prefix);
    await composer.press('End');
    await page.selectOption('#example-menu', exampleId);
    await composer.press('Control+Enter');
    await expect.poll(() => composer.inputValue()).toBe('');
  }

  /** The newest bot card once there are more than `before`, with the given text. */
  async function nextCard(before: number, text: string): Promise<Locator> {
    await expect.poll(() => botCards().count(), { timeout: 30_000 }).toBeGreaterThan(before);
    const card = botCards().last();
    await card.getByText(text, { exact: false }).first().waitFor({ timeout: 10_000 });
    return card;
  }

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    app = await startAppProcess({ readyTimeoutMs: 90_000 });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.on('page', (opened) => opened.on('pageerror', (error) => pageErrors.push(`${opened.url()}: ${error.message}`)));
    page = await context.newPage();
    await page.goto(app.url);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 20_000 });
  }, 120_000);

  afterEach(() => {
    expect(pageErrors).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  }, 60_000);

  it('diagnoses the Japanese seed in the 1:1 space, and the demo fix + Re-verify turns it green', async () => {
    const ja = strings('ja');
    await expect.poll(() => page.locator('#space-title').textContent()).toBe('Azure AD Doctor');
    await paste('seed-ja');

    const card = await nextCard(0, ja['ui.diagnosis.verdict.broken'] as string);
    await card.getByText(ja['diagnosis.cause.integration-app-deleted'] as string).first().waitFor();
    await card.getByText('admin@contoso.com', { exact: false }).first().waitFor();
    const consent = card.locator(`[data-ac-url*="${CONSENT_PATH}"]`);
    await expect.poll(() => consent.count()).toBe(1);
    expect(await consent.getAttribute('data-ac-url')).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/[0-9a-f-]{36}\/adminconsent\?/);
    const reverify = card.locator('[data-ac-action="reverify"]');
    expect(await reverify.textContent()).toBe(ja['ui.diagnosis.reverify']);
    // The bot answers in a thread under the paste, drawn indented.
    expect(await page.locator('.message.reply.from-bot .adaptive-card').count()).toBeGreaterThan(0);
    // Action.ShowCard is the renderer's own: "Technical details" unfolds the tracking id in place.
    const trackingId = card.getByText('ATLAS_497d70df-8811-4b6b-9b6a-ef4f438b57f6_136', { exact: false }).first();
    expect(await trackingId.isVisible()).toBe(false);
    await card.locator('[data-ac-type="Action.ShowCard"]', { hasText: ja['ui.diagnosis.technicalDetails'] as string }).click();
    await trackingId.waitFor({ state: 'visible' });
    await shot('01-ja-diagnosis');

    await page.getByRole('button', { name: 'Demo tenant: apply the admin consent' }).click();
    await page.locator('.tenant-banner.fixed').waitFor();
    expect(await page.locator('#tenant-status').textContent()).toMatch(/admin consent/);

    const before = await botCards().count();
    await reverify.click();
    const green = await nextCard(before, ja['ui.diagnosis.verdict.healthy'] as string);
    await green.getByText(ja['ui.diagnosis.whatChanged'] as string).first().waitFor();
    await green.scrollIntoViewIfNeeded();
    await shot('02-ja-reverified');
  }, 120_000);

  it('answers the French seed in IT Ops when @mentioned, and its consent link opens the demo consent page', async () => {
    const fr = strings('fr');
    await page.getByRole('button', { name: 'Reset demo tenant' }).click();
    await page.locator('.tenant-banner:not(.fixed)').waitFor();

    await page.locator('.space-item', { hasText: 'IT Ops' }).click();
    await expect.poll(() => page.locator('#space-title').textContent()).toBe('IT Ops');
    await page.locator('#mention-bot').click();
    const mention = await page.locator('#composer-text').inputValue();
    expect(mention).toBe('@Azure AD Doctor ');
    await paste('seed-fr', mention);
    // Ann's message shows the mention as Webex does.
    await page.locator('.message.mine .mention', { hasText: 'Azure AD Doctor' }).first().waitFor();

    const card = await nextCard(0, fr['ui.diagnosis.verdict.broken'] as string);
    await card.getByText(fr['diagnosis.cause.integration-app-deleted'] as string).first().waitFor();
    await shot('03-fr-diagnosis');

    const [consentPage] = await Promise.all([context.waitForEvent('page'), card.locator(`[data-ac-url*="${CONSENT_PATH}"]`).click()]);
    await consentPage.waitForLoadState();
    expect(new URL(consentPage.url()).pathname).toBe('/local/demo/consent');
    await consentPage.getByText('Contoso (demo)').waitFor();
    await consentPage.getByRole('button', { name: 'Accept' }).click();
    await consentPage.getByText('Admin consent granted', { exact: false }).waitFor();
    await consentPage.screenshot({ path: join(ARTIFACTS, '04-demo-consent.png') });
    // The page hears of the change through its event stream.
    await page.locator('.tenant-banner.fixed').waitFor();
  }, 120_000);

  it('shows every card in light and dark on /cards', async () => {
    const gallery = await context.newPage();
    await gallery.goto(`${app.url}/cards`);
    await gallery.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
    expect(await gallery.locator('#notes li').count()).toBe(0);
    expect(await gallery.locator('section .frame.light .adaptive-card').count()).toBeGreaterThanOrEqual(10);
    expect(await gallery.locator('section .frame.dark .adaptive-card.theme-dark').count()).toBe(await gallery.locator('section .frame.light .adaptive-card').count());
    await gallery.screenshot({ path: join(ARTIFACTS, '05-cards.png'), fullPage: false });
    await gallery.close();
  }, 90_000);
});
