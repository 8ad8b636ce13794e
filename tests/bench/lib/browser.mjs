import { chromium } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';

import flags from '../../chromium.json' with { type: 'json' };

/** The system Chromium and its flags, shared with playwright.config.ts. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? flags.executablePath;
const ARGS = flags.args;

export function launch() {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

/** The demo owner of Acme and Initech (mock backend only). */
const OLIVIA = {
  email: 'olivia@example.com',
  password: 'nimbus-demo',
  secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
};
/** An admin of Acme without MFA: his profile offers Set up application (mock backend only). */
export const ADAM = { email: 'adam@example.com', password: 'nimbus-demo', secret: null };

/** Codes are single-use per server: each sign-in against the same server takes a later step. */
const lastStep = new Map();
function nextCode(serverUrl, secret = OLIVIA.secret) {
  let step = Math.floor(Date.now() / 30_000);
  const used = lastStep.get(serverUrl) ?? 0;
  if (step <= used) step = used + 1;
  lastStep.set(serverUrl, step);
  return new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate({
    timestamp: step * 30_000,
  });
}

/** After POST /__mock/reset the server has forgotten which codes were used. */
export function forgetUsedCodes(serverUrl) {
  lastStep.delete(serverUrl);
}

/**
 * Sign Olivia in with her second factor through `origin` (the static server's `/api` proxy) and
 * return the storage state (the HttpOnly session cookie) for fresh, cold-cache contexts.
 */
export async function signedInState(browser, origin, mockUrl, who = OLIVIA) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await signIn(browser, origin, mockUrl, who);
    } catch (error) {
      if (attempt === 3) throw error;
      console.warn(`sign-in attempt ${attempt} failed (${error.message}); trying again`);
    }
  }
}

async function signIn(browser, origin, mockUrl, who) {
  const context = await browser.newContext();
  try {
    const first = await context.request.post(`${origin}/api/auth/sign-in`, {
      data: { email: who.email, password: who.password },
    });
    if (!first.ok()) throw new Error(`sign-in: ${first.status()} ${await first.text()}`);
    const body = await first.json();
    if (!who.secret && body.status === 'signed_in') return await context.storageState();
    if (body.status !== 'mfa_required') throw new Error(`sign-in: ${JSON.stringify(body)}`);
    const second = await context.request.post(`${origin}/api/auth/mfa`, {
      data: { challengeId: body.challenge.id, code: nextCode(mockUrl, who.secret) },
    });
    if (!second.ok()) throw new Error(`MFA: ${second.status()} ${await second.text()}`);
    return await context.storageState();
  } finally {
    await context.close();
  }
}

/** A fresh context (empty HTTP cache) with the CPU throttled through the DevTools protocol. */
export async function coldPage(browser, { storageState, cpuThrottle = 1, viewport }) {
  const context = await browser.newContext({
    storageState,
    viewport: viewport ?? { width: 1280, height: 800 },
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (cpuThrottle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuThrottle });
  return { context, page, cdp };
}

/** Used JS heap after a full garbage collection (bytes). */
export async function heapUsed(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

export async function chromiumVersion(browser) {
  return `Chromium ${browser.version()}`;
}

/**
 * An init script for the measured pages: `window.__when(test, timeout)` resolves with
 * performance.now() at the first DOM change (or at once) where `test()` holds, and rejects after
 * `timeout` ms. Shared by the time-to-usable and the interaction runs.
 */
export const WHEN = () => {
  window.__when = (test, timeout) =>
    new Promise((resolve, reject) => {
      let done = false;
      const check = () => {
        if (done || !test()) return;
        done = true;
        observer.disconnect();
        resolve(performance.now());
      };
      const observer = new MutationObserver(check);
      observer.observe(document, { subtree: true, childList: true, attributes: true });
      check();
      setTimeout(() => {
        if (!done) reject(new Error('timed out'));
      }, timeout);
    });
};
