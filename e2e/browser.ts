// Debian's Chromium driven by playwright-core (never a downloaded browser). Screenshots of
// failing tests are kept under e2e/artifacts/.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';

export const artifacts = join(new URL('.', import.meta.url).pathname, 'artifacts');

/**
 * Picks an option of an antd Select by typing into it, as a user does: opens it, types, waits
 * for the search to settle (no loading icon), clicks the option, and goes on once the field
 * shows the choice and its list is closed. A click that did not take — its list was still
 * moving in, or re-rendered under the pointer as the search answered — is made again, as a
 * user would. Escape closes a multiple select's list (it stays open after a choice); a single
 * select closes by itself, and an Escape then would reach the modal around it and close the
 * form (it did, under load, once the list's closing motion had ended).
 */
export async function chooseOption(page: Page, field: Locator, typed: string, option: string): Promise<void> {
  const select = field.locator('xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]');
  const classes = async () => (await select.getAttribute('class')) ?? '';
  const multiple = (await classes()).includes('ant-select-multiple');
  const shown = async () => (await select.innerText()).includes(option);
  for (let attempt = 1; ; attempt++) {
    if (attempt > 1 && (await shown())) break; // it took after all: another click would undo a multiple choice
    if (!(await classes()).includes('ant-select-open')) await field.click();
    if (typed && (await field.inputValue()) !== typed) await field.fill(typed); // a select without search is read-only
    await expect.poll(() => select.locator('.anticon-loading').count(), { timeout: 10_000 }).toBe(0);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
    try {
      await expect.poll(shown, { timeout: 3_000 }).toBe(true);
      break;
    } catch (e) {
      if (attempt === 3) throw e;
    }
  }
  if (multiple) await page.keyboard.press('Escape');
  await expect.poll(async () => (await classes()).includes('ant-select-open'), { timeout: 10_000 }).toBe(false);
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
  });
}

export async function screenshotOnFailure(page: Page, name: string, fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (e) {
    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, `${name.replace(/[^\w-]+/g, '_')}.png`), fullPage: true }).catch(() => {});
    // CI keeps only its log: say where the page was and what it showed.
    const text = await page.locator('body').innerText({ timeout: 2000 }).catch(() => '(no body)');
    if (e instanceof Error) e.message += `\n  page: ${page.url()}\n  showing: ${text.replace(/\s+/g, ' ').slice(0, 1500)}`;
    throw e;
  }
}

const base = () => inject('baseUrl');

/** Staff sign-in through the form; the caller waits for what should follow. */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto(`${base()}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

/** A JSON call with the page's session cookie and CSRF header, as the web app makes it. */
export async function apiFetch(page: Page, method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, data?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const csrf = (await page.context().cookies()).find((c) => c.name === 'renshe_csrf')?.value ?? '';
  const r = await page.request.fetch(`${base()}/api/v1${path}`, { method, data, headers: { 'x-csrf-token': csrf } });
  return { status: r.status(), body: (await r.json().catch(() => ({}))) as Record<string, unknown> };
}

/** The same, failing the test unless the call succeeds. */
export async function apiCall<T = Record<string, unknown>>(page: Page, method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, data?: unknown): Promise<T> {
  const r = await apiFetch(page, method, path, data);
  expect(r.status, `${method} ${path}: ${JSON.stringify(r.body)}`).toBeLessThan(300);
  return r.body as T;
}
