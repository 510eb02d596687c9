/** axe-core finds no serious or critical accessibility violation on the main pages. */
import { test, expect } from '../support/fixtures';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { failEveryCommit } from '../support/idb';
import { HomePage } from '../support/home_page';
import { QuestionnairePage } from '../support/questionnaire_page';
import { fillSampleDiagnostic } from '../support/report_page';

test('home page (empty and with a diagnostic) has no serious accessibility violation', async ({ page }) => {
  const home = new HomePage(page);
  await home.goto();
  await expectNoSeriousA11yViolations(page);
  await home.createDiagnostic('Givet');
  await home.goto();
  await expect(home.items).toHaveCount(1);
  await expectNoSeriousA11yViolations(page);
});

test('diagnostic page has no serious accessibility violation', async ({ page }) => {
  const home = new HomePage(page);
  await home.goto();
  await home.createDiagnostic('Givet');
  await expectNoSeriousA11yViolations(page);
});

test('the shell has a French language, one main landmark, a header and a footer', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('main')).toHaveCount(1);
  await expect(page.getByRole('banner')).toBeVisible();
  await expect(page.getByRole('contentinfo')).toContainText('Vos données restent sur cet appareil');
  await expect(page.getByRole('navigation', { name: 'Navigation principale' })).toBeVisible();
});

test('the import page, with its preview and a rejected file, has no serious accessibility violation', async ({ page }) => {
  await page.goto('/importer');
  await expectNoSeriousA11yViolations(page);
  const bundles = `${__dirname}/../../bundles`;
  await page
    .getByLabel('Choisir des fichiers (.json)')
    .setInputFiles([`${bundles}/good/diagnostic-givet-08190-2026-03-01.json`, `${bundles}/bad/truncated.json`]);
  await expect(page.getByTestId('import-status')).toHaveText(['Nouveau']);
  await expectNoSeriousA11yViolations(page);
});

test('every page fits a phone screen (375 px) without scrolling sideways', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  const { questionnaire, base } = await QuestionnairePage.create(page, 'Saint-Julien-en-Genevois');
  await fillSampleDiagnostic(questionnaire, base);
  const pages = ['/', base, `${base}/profil`, `${base}/gouvernance`, `${base}/relecture`, `${base}/rapport`, `${base}/projets`, '/importer', '/mot'];
  for (const address of pages) {
    await page.goto(address);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByText('Chargement')).toHaveCount(0);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, address).toBeLessThanOrEqual(375);
  }
});

test('autosave is announced once, not at every pause in typing; an error and the recovery are announced', async ({ page }) => {
  const { questionnaire: q, base } = await QuestionnairePage.create(page, 'Givet');
  await q.gotoStep(base, 'gouvernance');
  // What a screen reader would read out: each new text of a polite live region.
  await page.evaluate(() => {
    const said: string[] = [];
    (window as unknown as { said: string[] }).said = said;
    const regions = () => [...document.querySelectorAll('[role="status"]')].map((r) => r.textContent ?? '').join(' | ');
    let last = regions();
    new MutationObserver(() => {
      const now = regions();
      if (now !== last) said.push(now);
      last = now;
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  const said = () => page.evaluate(() => (window as unknown as { said: string[] }).said.join(' / '));

  await q.choice('gov_convention', 'Oui').check();
  await q.expectSaved();
  for (const text of ['Convention', 'Convention avec Beauraing', 'Convention avec Beauraing, 2019']) {
    await q.input('gov_convention_detail').fill(text);
    await q.expectSaved();
  }
  await q.choice('gov_relations', '3 — Action en cours').check();
  await q.expectSaved();
  expect(await said()).toBe('Vos réponses sont enregistrées automatiquement sur cet appareil.');

  // The disk fills up: the error is an alert. Room again, « Réessayer »: the recovery is said.
  await page.evaluate(() => {
    (window as unknown as { put: unknown }).put = IDBObjectStore.prototype.put;
  });
  await failEveryCommit(page);
  await q.choice('gov_obstacle', 'Oui').check();
  const alert = page.getByTestId('save-status').getByRole('alert');
  await expect(alert).toBeVisible();
  await page.evaluate(() => {
    IDBObjectStore.prototype.put = (window as unknown as { put: typeof IDBObjectStore.prototype.put }).put;
  });
  await alert.getByRole('button', { name: "Réessayer l'enregistrement" }).click();
  await q.expectSaved();
  await expect(page.getByTestId('save-announcement'))
    .toHaveText("L'enregistrement fonctionne de nouveau : vos réponses sont enregistrées.");
  expect(await said()).toBe(
    'Vos réponses sont enregistrées automatiquement sur cet appareil. / '
      + "L'enregistrement fonctionne de nouveau : vos réponses sont enregistrées.",
  );
});

test('a field\'s error is read out when the field is left, not rewritten at each keystroke, and goes once the answer is right', async ({ page }) => {
  const { questionnaire: q, base } = await QuestionnairePage.create(page, 'Givet');
  await q.gotoStep(base, 'profil');
  const insee = q.input('profil_code_insee');
  const error = page.locator('#q-profil_code_insee-error');
  await insee.fill('12');
  await insee.blur();
  await expect(error).toContainText('« 12 »');
  await insee.focus();
  await insee.press('End');
  await insee.pressSequentially('3');
  await page.waitForTimeout(400);
  await expect(error).toContainText('« 12 »');
  await insee.blur();
  await expect(error).toContainText('« 123 »');
  await insee.focus();
  await insee.press('End');
  await insee.pressSequentially('45');
  await expect(error).toBeEmpty();
});

test('the import preview, with a choice to make, fits a 320 px screen without scrolling sideways', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  const { base } = await QuestionnairePage.create(page, 'Givet');
  await page.goto('/');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exporter une sauvegarde complète' }).click();
  const backup = await (await download).path();
  const q = new QuestionnairePage(page);
  await q.gotoStep(base, 'gouvernance');
  await q.choice('gov_obstacle', 'Oui').check();
  await q.expectSaved();
  await page.goto('/importer');
  await page.getByLabel('Choisir des fichiers (.json)').setInputFiles(backup);
  await expect(page.getByLabel('Garder ma version, plus récente')).toBeChecked();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
});
