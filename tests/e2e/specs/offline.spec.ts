/** Journey 9: after one visit online, the app loads and works with no connection at all. */
import { test, expect } from '../support/fixtures';
import { HomePage } from '../support/home_page';
import { QuestionnairePage } from '../support/questionnaire_page';

test('after one online visit the app works offline: create and answer a diagnostic', async ({ page, context }) => {
  await page.goto('/');
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await context.setOffline(true);
  await page.reload();

  const home = new HomePage(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Diagnostic des opportunités transfrontalières');
  const base = await home.createDiagnostic('Givet');
  const q = new QuestionnairePage(page);
  await q.gotoStep(base, 'gouvernance');
  await q.choice('gov_convention', 'Oui').check();
  await q.expectSaved();
  await page.reload();
  await expect(q.choice('gov_convention', 'Oui')).toBeChecked();
  // A deep link to another step works offline too (answered by the cached app shell).
  await page.goto(`${base}/sante`);
  await expect(q.heading()).toHaveText('Santé et secours');

  // The report shows, chart included.
  await page.goto(`${base}/rapport`);
  await expect(q.heading()).toHaveText('Rapport du diagnostic de Givet');
  await expect(page.locator('svg[role=img]')).toBeVisible();

  // The export for MOT downloads with no connection.
  await page.goto(base);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exporter pour la MOT' }).click();
  expect((await download).suggestedFilename()).toMatch(/^diagnostic-givet-sans-insee-\d{4}-\d{2}-\d{2}\.json$/);
});

test('offline, a backup file can be imported', async ({ page, context }) => {
  await page.goto('/');
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await context.setOffline(true);
  await page.goto('/importer');
  await page
    .getByLabel('Choisir des fichiers (.json)')
    .setInputFiles(`${__dirname}/../../bundles/good/diagnostic-givet-08190-2026-03-01.json`);
  await page.getByRole('button', { name: 'Importer' }).click();
  await expect(page.getByTestId('import-done')).toContainText('1 diagnostic et');
});
