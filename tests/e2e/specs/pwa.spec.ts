/** The installable app: manifest and icons, a strict Content-Security-Policy, safe updates. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { test, expect } from '../support/fixtures';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { QuestionnairePage } from '../support/questionnaire_page';
import { ROOT, StaticServer } from '../support/static_server';

test('the manifest declares the app, and its icons exist at their declared sizes', async ({ page }) => {
  await page.goto('/');
  const href = await page.locator('link[rel=manifest]').getAttribute('href');
  const manifestUrl = new URL(href!, page.url()).href;
  const manifest = await (await page.request.get(manifestUrl)).json();
  expect(manifest.name).toContain('Diagnostic transfrontalier');
  expect(manifest.short_name.length).toBeLessThanOrEqual(24);
  expect(manifest.description).toBeTruthy();
  expect(manifest.lang).toBe('fr');
  expect(manifest.display).toBe('standalone');
  expect(manifest.start_url).toBe('./');
  expect(manifest.scope).toBe('./');
  expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
  expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/i);
  const sizes = manifest.icons.map((icon: { sizes: string; purpose: string }) => `${icon.sizes} ${icon.purpose}`);
  expect(sizes).toEqual(expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']));
  for (const icon of manifest.icons) {
    const url = new URL(icon.src, manifestUrl).href;
    const [width, height] = icon.sizes.split('x').map(Number);
    const natural = await page.evaluate(async (src) => {
      const image = new Image();
      image.src = src;
      await image.decode();
      return [image.naturalWidth, image.naturalHeight];
    }, url);
    expect(natural, icon.src).toEqual([width, height]);
  }
});

test('the page runs under a strict Content-Security-Policy with no inline script', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) violations.push(message.text());
  });
  await page.goto('/');
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("default-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
  expect(await page.locator('script:not([src])').count()).toBe(0);
  await expect(page.getByRole('button', { name: 'Créer le diagnostic' })).toBeEnabled();
  expect(violations).toEqual([]);
});

/** Copies a built dist/ and makes it a different build (new contents, new version, new sw.js). */
function makeBuild(from: string, to: string, label: string): string {
  fs.cpSync(from, to, { recursive: true });
  const css = fs.readdirSync(to).find((name) => name.endsWith('.css'))!;
  fs.appendFileSync(path.join(to, css), `\n/* ${label} */\n`);
  execFileSync('python3', [path.join(ROOT, 'scripts/postbuild.py'), to]);
  const html = fs.readFileSync(path.join(to, 'index.html'), 'utf8');
  return /<meta name="app-build" content="([^"]+)">/.exec(html)![1];
}

/** Two builds of the app served in turn at one origin: version A first, then `deployB()`. */
async function twoVersions(browser: import('@playwright/test').Browser) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'builds-'));
  const versionA = makeBuild(path.join(ROOT, 'dist'), path.join(work, 'a'), 'build A');
  const versionB = makeBuild(path.join(ROOT, 'dist'), path.join(work, 'b'), 'build B');
  const current = path.join(work, 'current');
  fs.symlinkSync(path.join(work, 'a'), current);
  const server = await StaticServer.start(current);
  const context = await browser.newContext({ baseURL: server.origin });
  return {
    versionA,
    versionB,
    context,
    deployB: () => {
      fs.unlinkSync(current);
      fs.symlinkSync(path.join(work, 'b'), current);
    },
    close: async () => {
      await context.close();
      server.stop();
      fs.rmSync(work, { recursive: true, force: true });
    },
  };
}

test('a new version shows a banner; "Recharger" switches to it and no answer is lost', async ({ browser }) => {
  const { versionA, versionB, context, deployB, close } = await twoVersions(browser);
  expect(versionA).not.toEqual(versionB);
  try {
    const page = await context.newPage();
    const { questionnaire: q, base } = await QuestionnairePage.create(page, 'Givet');
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await q.gotoStep(base, 'gouvernance');
    await q.choice('gov_convention', 'Oui').check();
    await q.input('gov_convention_detail').fill('Texte tapé avant la mise à jour');
    await expect(page.locator('meta[name=app-build]')).toHaveAttribute('content', versionA);

    // Build B is deployed; the open app finds it on its next check (here: a reload).
    deployB();
    await page.reload();
    const banner = page.getByRole('status').filter({ hasText: 'Une nouvelle version est disponible' });
    await expect(banner).toBeVisible();
    await expect(page.locator('meta[name=app-build]')).toHaveAttribute('content', versionA);

    await page.getByRole('button', { name: 'Recharger' }).click();
    await expect(page.locator('meta[name=app-build]')).toHaveAttribute('content', versionB);
    await expect(banner).toHaveCount(0);
    await expect(q.choice('gov_convention', 'Oui')).toBeChecked();
    await expect(q.input('gov_convention_detail')).toHaveValue('Texte tapé avant la mise à jour');
  } finally {
    await close();
  }
});

test('a tab left on the old version once another switched to the new one says to reload, and then works', async ({ browser }) => {
  const { versionB, context, deployB, close } = await twoVersions(browser);
  try {
    const first = await context.newPage();
    const { base } = await QuestionnairePage.create(first, 'Givet');
    await first.waitForFunction(() => navigator.serviceWorker.controller !== null);
    const second = await context.newPage();
    await second.goto(base);
    await second.waitForFunction(() => navigator.serviceWorker.controller !== null);

    deployB();
    await first.reload();
    await first.getByRole('button', { name: 'Recharger' }).click();
    await expect(first.locator('meta[name=app-build]')).toHaveAttribute('content', versionB);

    const told = second.getByRole('alert').filter({ hasText: 'mise à jour dans un autre onglet' });
    await expect(told).toBeVisible();
    await told.getByRole('button', { name: 'Recharger' }).click();
    await expect(second.locator('meta[name=app-build]')).toHaveAttribute('content', versionB);
    await second.getByRole('link', { name: 'Espace MOT' }).click();
    await expect(second.getByRole('heading', { level: 1 })).toHaveText('Espace MOT');
  } finally {
    await close();
  }
});

test('the app deployed under a sub-path works, including deep links and offline', async ({ browser }) => {
  const server = await StaticServer.start(path.join(ROOT, 'dist-subpath'), '/outil/');
  const context = await browser.newContext({ baseURL: server.origin });
  try {
    const page = await context.newPage();
    await page.goto('/outil/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Diagnostic des opportunités transfrontalières');
    await page.getByLabel('Nom de la commune').fill('Modane');
    await page.getByRole('button', { name: 'Créer le diagnostic' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Diagnostic de Modane');
    expect(new URL(page.url()).pathname).toMatch(/^\/outil\/diagnostic\/[0-9a-f-]+$/);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Diagnostic de Modane');
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(scope).toBe(`${server.origin}/outil/`);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await context.setOffline(true);
    await page.goto('/outil/');
    await expect(page.getByRole('link', { name: 'Modane' })).toBeVisible();
  } finally {
    await context.close();
    server.stop();
  }
});

test("the town's pages load no chunk; MOT's workspace fetches its own chunk when first opened", async ({ browser }) => {
  // No service worker: its precache would fetch every chunk at once.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    const chunks: string[] = [];
    page.on('request', (request) => {
      const name = new URL(request.url()).pathname.split('/').pop()!;
      if (/^(split_|chunk_).*\.wasm$/.test(name)) chunks.push(name);
    });
    const { questionnaire: q, base } = await QuestionnairePage.create(page, 'Menton');
    await q.gotoStep(base, 'profil');
    await page.goto(`${base}/rapport`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Menton');
    expect(chunks).toEqual([]);
    await page.getByRole('link', { name: 'Espace MOT' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Espace MOT');
    expect(chunks.some((name) => name.startsWith('split___mot_workspace_route'))).toBe(true);
  } finally {
    await context.close();
  }
});

test('after a first visit, pages never opened before work offline (their chunks are precached)', async ({ browser }) => {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto('/');
    await expect(page.getByRole('button', { name: 'Créer le diagnostic' })).toBeEnabled();
    // The service worker controls the page once its install (the whole precache) is done.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await context.setOffline(true);
    await page.getByLabel('Nom de la commune').fill('Hendaye');
    await page.getByRole('button', { name: 'Créer le diagnostic' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Diagnostic de Hendaye');
    const base = new URL(page.url()).pathname;
    await page.goto(`${base}/profil`);
    await expect(page.getByLabel('Code INSEE de la commune')).toBeVisible();
    await page.goto(`${base}/rapport`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Hendaye');
    await page.goto('/mot');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Espace MOT');
    await page.goto('/importer');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Importer des fichiers');
  } finally {
    await context.close();
  }
});

test('a page whose code cannot be fetched shows a French notice; its reload link recovers once back online', async ({ browser }) => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    const { base } = await QuestionnairePage.create(page, 'Saint-Louis');
    // The connection drops before MOT's chunks were ever fetched.
    const chunk = /\/(split_|chunk_)[^/]*\.wasm$/;
    await context.route(chunk, (route) => route.abort('internetdisconnected'));
    await page.getByRole('link', { name: 'Espace MOT' }).click();
    const notice = page.getByRole('alert').filter({ hasText: "La page n'a pas pu s'afficher" });
    await expect(notice).toBeVisible();
    await expect(notice).toContainText('Vos réponses déjà enregistrées restent sur cet appareil');
    await expectNoSeriousA11yViolations(page);

    // Back online: the link opens the page the user asked for (not the one they were leaving,
    // whose address the router had not yet changed), and the app works again.
    await context.unroute(chunk);
    await notice.getByRole('link', { name: 'Recharger la page' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Espace MOT');
    expect(new URL(page.url()).pathname).toBe('/mot');
    await expect(page.getByRole('alert').filter({ hasText: "La page n'a pas pu s'afficher" })).toHaveCount(0);
    await page.goBack();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Diagnostic de Saint-Louis');
    expect(new URL(page.url()).pathname).toBe(base);
  } finally {
    await context.close();
  }
});

test('while the app downloads a loading message shows, and the app replaces it', async ({ browser }) => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    // The main wasm is held back, as on a slow line, until the message has been checked.
    let release = () => {};
    const held = new Promise<void>((resolve) => { release = resolve; });
    await context.route(/border-diagnostic_bg\.wasm$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto('/', { waitUntil: 'domcontentloaded' });
    await expect(page.getByRole('status').filter({ hasText: "Chargement de l'application…" })).toBeVisible();
    await expect(page.getByText('Diagnostic transfrontalier', { exact: false }).first()).toBeVisible();
    release();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Diagnostic des opportunités transfrontalières');
    await expect(page.locator('#app-loading')).toHaveCount(0);
    await expect(page.getByText("Chargement de l'application…")).toHaveCount(0);
  } finally {
    await context.close();
  }
});

test('when the app cannot load, the loading message turns into a French error', async ({ browser }) => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    await context.route(/border-diagnostic_bg\.wasm$/, (route) => route.abort('internetdisconnected'));
    await page.goto('/', { waitUntil: 'domcontentloaded' });
    const alert = page.getByRole('alert');
    await expect(alert).toHaveText(
      "L'application n'a pas pu se charger (connexion coupée ?). Les données déjà enregistrées restent sur cet appareil. "
      + 'Vérifiez la connexion, puis rechargez la page.',
    );
    await expect(page.getByText("Chargement de l'application…")).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);
  } finally {
    await context.close();
  }
});
