/** Journeys 7-8: export a bundle for MOT, back up, and import files safely. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { Browser, BrowserContext, Page } from '@playwright/test';
import { test, expect } from '../support/fixtures';
import { QuestionnairePage } from '../support/questionnaire_page';
import { dumpStorage, storedDiagnostics } from '../support/idb';
import { ReportPage } from '../support/report_page';
import { ROOT } from '../support/static_server';

const BAD = path.join(ROOT, 'tests/bundles/bad');
const GOOD = path.join(ROOT, 'tests/bundles/good');

/** Picks files in the import page and waits for the checks. */
async function importFiles(page: Page, files: string[]): Promise<void> {
  await page.goto('/importer');
  await page.getByLabel('Choisir des fichiers (.json)').setInputFiles(files);
  await expect(page.getByRole('heading', { name: 'Fichiers lus' })).toBeVisible();
}

/** Fills a few answers and returns the diagnostic's address. */
async function fillDiagnostic(page: Page, commune: string): Promise<string> {
  const { questionnaire: q, base } = await QuestionnairePage.create(page, commune);
  await q.gotoStep(base, 'profil');
  await q.input('profil_code_insee').fill('08190');
  await q.input('profil_departement').selectOption('08');
  await q.choice('profil_pays_voisins', 'Belgique').check();
  await q.gotoStep(base, 'gouvernance');
  await q.choice('gov_relations', '3 — Action en cours').check();
  await q.choice('gov_convention', 'Oui').check();
  await q.input('gov_convention_detail').fill('Convention avec Beauraing, 2019');
  await q.expectSaved();
  return base;
}

/** Exports the diagnostic at `base` for MOT and returns the downloaded file's path. */
async function exportForMot(page: Page, base: string): Promise<{ file: string; name: string }> {
  await page.goto(base);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exporter pour la MOT' }).click();
  const done = await download;
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'export-')), done.suggestedFilename());
  await done.saveAs(file);
  return { file, name: done.suggestedFilename() };
}

/** Exports a full backup from the home page and returns the downloaded file's path. */
async function exportBackup(page: Page): Promise<string> {
  await page.goto('/');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exporter une sauvegarde complète' }).click();
  const done = await download;
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'backup-')), done.suggestedFilename());
  await done.saveAs(file);
  return file;
}

/** A second device (a browser context) holding a copy of the diagnostic at `base`, imported from its export. */
async function secondDeviceWithCopy(
  page: Page,
  browser: Browser,
  base: string,
): Promise<{ device: BrowserContext; importer: Page }> {
  const exported = await exportForMot(page, base);
  const device = await browser.newContext({ baseURL: new URL(page.url()).origin });
  const importer = await device.newPage();
  await importFiles(importer, [exported.file]);
  await importer.getByRole('button', { name: 'Importer' }).click();
  await expect(importer.getByTestId('import-done')).toBeVisible();
  return { device, importer };
}

test('every bad bundle is refused with a clear message and the stored data stays identical', async ({ page }) => {
  test.setTimeout(180_000);
  await fillDiagnostic(page, 'Givet');
  const expected: Record<string, string> = JSON.parse(fs.readFileSync(path.join(BAD, 'expected.json'), 'utf8'));
  // 10 MB of junk is generated here rather than committed.
  const junk = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'junk-')), 'junk-10mb.json');
  fs.writeFileSync(junk, crypto.randomBytes(10 * 1024 * 1024));
  const before = await dumpStorage(page);
  for (const [name, fragment] of Object.entries(expected)) {
    const file = name === 'junk-10mb.json' ? junk : path.join(BAD, name);
    await importFiles(page, [file]);
    const rejected = page.getByTestId('file-rejected');
    await expect(rejected, name).toContainText(`« ${name} »`);
    await expect(rejected, name).toContainText(fragment);
    await expect(page.getByRole('button', { name: 'Importer' })).toHaveCount(0);
    expect(await dumpStorage(page), name).toEqual(before);
  }
});

test('a rejected file does not stop the valid ones picked with it', async ({ page }) => {
  await importFiles(page, [path.join(BAD, 'truncated.json'), path.join(GOOD, 'diagnostic-givet-08190-2026-03-01.json')]);
  await expect(page.getByTestId('file-rejected')).toContainText('fichier tronqué');
  await expect(page.getByTestId('import-status')).toHaveText(['Nouveau']);
  await page.getByRole('button', { name: 'Importer' }).click();
  await expect(page.getByTestId('import-done')).toContainText('1 diagnostic et');
});

test('text with HTML and script from a bundle is shown as text and never run', async ({ page }) => {
  await page.addInitScript(() => ((window as any).__executed = false));
  await importFiles(page, [path.join(GOOD, 'html-et-script-dans-chaque-texte.json')]);
  await page.getByRole('button', { name: 'Importer' }).click();
  await expect(page.getByTestId('import-done')).toBeVisible();
  await page.goto('/');
  const link = page.getByTestId('diagnostic-item').getByRole('link').first();
  await expect(link).toContainText('<');
  await link.click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('<');
  expect(await page.evaluate(() => (window as any).__executed)).toBe(false);
  expect(await page.locator('main script, main img[src="x"], main iframe').count()).toBe(0);
});

test('an export for MOT imports into a fresh browser with the same answers, report and project sheets, once', async ({ page, browser }) => {
  const base = await fillDiagnostic(page, 'Givet');
  await page.goto(`${base}/projets`);
  await page.getByRole('button', { name: 'Créer une fiche projet vierge' }).click();
  await page.getByLabel('Titre du projet').fill('Navette Givet – Beauraing');
  await expect(page.getByTestId('save-status')).toHaveText('Enregistré');
  const report = new ReportPage(page);
  await report.goto(base);
  const scores = await report.tableRows.allTextContents();
  const { file, name } = await exportForMot(page, base);
  expect(name).toMatch(/^diagnostic-givet-08190-\d{4}-\d{2}-\d{2}\.json$/);
  const original = (await storedDiagnostics(page))[0];

  const fresh = await browser.newContext({ baseURL: new URL(page.url()).origin });
  try {
    const other = await fresh.newPage();
    await importFiles(other, [file]);
    await expect(other.getByTestId('import-status')).toHaveText(['Nouveau']);
    await other.getByRole('button', { name: 'Importer' }).click();
    await expect(other.getByTestId('import-done')).toContainText('1 diagnostic et');
    const imported = (await storedDiagnostics(other))[0];
    expect(imported.id).toBe(original.id);
    expect(imported.answers).toEqual(original.answers);
    expect(imported.revision).toBe(original.revision);
    const q = new QuestionnairePage(other);
    await q.gotoStep(base, 'gouvernance');
    await expect(q.input('gov_convention_detail')).toHaveValue('Convention avec Beauraing, 2019');
    const importedReport = new ReportPage(other);
    await importedReport.goto(base);
    expect(await importedReport.tableRows.allTextContents()).toEqual(scores);
    await other.goto(`${base}/projets`);
    await expect(other.getByRole('link', { name: 'Navette Givet – Beauraing' })).toBeVisible();

    // The same file again: already there, nothing duplicated.
    await importFiles(other, [file]);
    await expect(other.getByTestId('import-status')).toHaveText(['Déjà présent (ignoré)']);
    expect(await storedDiagnostics(other)).toHaveLength(1);
  } finally {
    await fresh.close();
  }
});

test('an edited diagnostic imported over its older copy updates it', async ({ page, browser }) => {
  const base = await fillDiagnostic(page, 'Givet');
  const { device: fresh, importer: other } = await secondDeviceWithCopy(page, browser, base);
  try {
    const q = new QuestionnairePage(page);
    await q.gotoStep(base, 'gouvernance');
    await q.choice('gov_obstacle', 'Oui').check();
    await q.expectSaved();
    const second = await exportForMot(page, base);

    await importFiles(other, [second.file]);
    await expect(other.getByTestId('import-status')).toHaveText(['Version plus récente']);
    await other.getByRole('button', { name: 'Importer' }).click();
    await expect(other.getByTestId('import-done')).toBeVisible();
    const stored = await storedDiagnostics(other);
    expect(stored).toHaveLength(1);
    expect(stored[0].answers.gov_obstacle).toEqual({ kind: 'yes_no', value: true });
  } finally {
    await fresh.close();
  }
});

test('an import confirmed after another tab saved is previewed again, and never writes over that save', async ({ page, browser }) => {
  const base = await fillDiagnostic(page, 'Givet');
  const { device: fresh, importer } = await secondDeviceWithCopy(page, browser, base);
  try {
    // The town changes one answer on the first device: a newer version to import.
    const q = new QuestionnairePage(page);
    await q.gotoStep(base, 'gouvernance');
    await q.choice('gov_obstacle', 'Oui').check();
    await q.expectSaved();
    const second = await exportForMot(page, base);
    await importFiles(importer, [second.file]);
    await expect(importer.getByTestId('import-status')).toHaveText(['Version plus récente']);

    // Meanwhile, on the second device, another tab saves two answers: it is now the newer one.
    const editor = new QuestionnairePage(await fresh.newPage());
    await editor.gotoStep(base, 'gouvernance');
    await editor.choice('gov_obstacle', 'Non').check();
    await editor.expectSaved();
    await editor.input('gov_convention_detail').fill('Convention revue en 2026');
    await editor.input('gov_convention_detail').blur();
    await editor.expectSaved();

    await importer.getByRole('button', { name: 'Importer' }).click();
    await expect(importer.getByRole('alert')).toContainText('ont changé depuis l\'aperçu');
    await expect(importer.getByTestId('import-status')).toHaveText(['Version plus ancienne que celle de cet appareil']);
    const stored = await storedDiagnostics(importer);
    expect(stored).toHaveLength(1);
    expect(stored[0].answers.gov_obstacle).toEqual({ kind: 'yes_no', value: false });
    expect(stored[0].answers.gov_convention_detail).toEqual({ kind: 'text', value: 'Convention revue en 2026' });
  } finally {
    await fresh.close();
  }
});

test('a tab open on a diagnostic shows the version an import has just written', async ({ page, browser }) => {
  const base = await fillDiagnostic(page, 'Givet');
  const { device: fresh, importer } = await secondDeviceWithCopy(page, browser, base);
  try {
    const editor = new QuestionnairePage(await fresh.newPage());
    await editor.gotoStep(base, 'gouvernance');
    await expect(editor.input('gov_convention_detail')).toHaveValue('Convention avec Beauraing, 2019');

    const q = new QuestionnairePage(page);
    await q.gotoStep(base, 'gouvernance');
    await q.input('gov_convention_detail').fill('Convention avec Beauraing, renouvelée en 2026');
    await q.input('gov_convention_detail').blur();
    await q.expectSaved();
    const second = await exportForMot(page, base);
    await importFiles(importer, [second.file]);
    await importer.getByRole('button', { name: 'Importer' }).click();
    await expect(importer.getByTestId('import-done')).toBeVisible();

    // Without a reload: the open tab re-read the record, so its next edit starts from it.
    await expect(editor.input('gov_convention_detail')).toHaveValue('Convention avec Beauraing, renouvelée en 2026');
  } finally {
    await fresh.close();
  }
});

test('a full backup downloads and records the date of the last backup', async ({ page }) => {
  await fillDiagnostic(page, 'Givet');
  await page.goto('/');
  await expect(page.getByTestId('last-backup')).toHaveText('Jamais');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exporter une sauvegarde complète' }).click();
  expect((await download).suggestedFilename()).toMatch(/^sauvegarde-diagnostic-transfrontalier-.*\.json$/);
  await page.reload();
  await expect(page.getByTestId('last-backup')).not.toHaveText('Jamais');
});

test('a backup holding an answer to correct (a number over its maximum) restores, and the answer stays flagged', async ({ page, browser }) => {
  const base = await fillDiagnostic(page, 'Givet');
  const q = new QuestionnairePage(page);
  await q.gotoStep(base, 'sante');
  await q.input('san_temps_france').fill('301');
  await q.expectSaved();
  const backup = await exportBackup(page);

  const device = await browser.newContext({ baseURL: new URL(page.url()).origin });
  try {
    const restorer = await device.newPage();
    await importFiles(restorer, [backup]);
    await expect(restorer.getByTestId('file-rejected')).toHaveCount(0);
    await expect(restorer.getByTestId('import-status')).toHaveText(['Nouveau']);
    await expect(restorer.getByText('1 réponse à corriger, importée telle quelle et signalée dans la relecture'))
      .toContainText("Temps d'accès en voiture à l'hôpital");
    await restorer.getByRole('button', { name: 'Importer' }).click();
    await expect(restorer.getByTestId('import-done')).toBeVisible();

    const restored = new QuestionnairePage(restorer);
    await restored.gotoStep(base, 'sante');
    await expect(restored.input('san_temps_france')).toHaveValue('301');
    await restored.gotoStep(base, 'relecture');
    await expect(restorer.getByTestId('review-item').filter({ hasText: '301' }))
      .toContainText('supérieure au maximum accepté (300 minutes)');
  } finally {
    await device.close();
  }
});

test('a conflict asks what to do; "Garder les deux" keeps both versions', async ({ page, browser }) => {
  const base = await fillDiagnostic(page, 'Givet');
  const { device: fresh, importer: other } = await secondDeviceWithCopy(page, browser, base);
  try {
    // Both sides change the same diagnostic differently, as often as each other.
    const theirs = new QuestionnairePage(other);
    await theirs.gotoStep(base, 'gouvernance');
    await theirs.choice('gov_obstacle', 'Non').check();
    await theirs.expectSaved();
    const mine = new QuestionnairePage(page);
    await mine.gotoStep(base, 'gouvernance');
    await mine.choice('gov_obstacle', 'Oui').check();
    await mine.expectSaved();
    const diverged = await exportForMot(page, base);

    await importFiles(other, [diverged.file]);
    await expect(other.getByTestId('import-status')).toHaveText(['Conflit : à arbitrer']);
    const importButton = other.getByRole('button', { name: 'Importer' });
    await expect(importButton).toBeDisabled();
    await other.getByLabel('Garder les deux').check();
    await importButton.click();
    await expect(other.getByTestId('import-done')).toBeVisible();
    const stored = await storedDiagnostics(other);
    expect(stored).toHaveLength(2);
    expect(stored.map((d) => d.answers.gov_obstacle.value).sort()).toEqual([false, true]);
  } finally {
    await fresh.close();
  }
});

test('a town can go back to an older backup on purpose; an open tab shows it and later edits build on it', async ({ page, context }) => {
  const base = await fillDiagnostic(page, 'Givet');
  const backup = await exportBackup(page);

  // Later, a colleague overwrites the convention's details: the town wants last week's answers back.
  const editor = new QuestionnairePage(await context.newPage());
  await editor.gotoStep(base, 'gouvernance');
  await editor.input('gov_convention_detail').fill('Texte effacé par erreur');
  await editor.input('gov_convention_detail').blur();
  await editor.expectSaved();
  const [before] = await storedDiagnostics(page);

  await importFiles(page, [backup]);
  await expect(page.getByTestId('import-status')).toHaveText(['Version plus ancienne que celle de cet appareil']);
  // By default the device keeps its own, later version: nothing to import.
  await expect(page.getByLabel('Garder ma version, plus récente')).toBeChecked();
  const importButton = page.getByRole('button', { name: 'Importer' });
  await expect(importButton).toHaveCount(0);
  await page.getByLabel('Revenir à la version du fichier (elle remplace la mienne)').check();
  await importButton.click();
  await expect(page.getByTestId('import-done')).toHaveText('Import terminé : 1 diagnostic et 0 retour de la MOT enregistrés.');
  // The button is gone with the preview: the focus is on what was done.
  await expect(page.getByTestId('import-done')).toBeFocused();

  const [restored] = await storedDiagnostics(page);
  expect(restored.answers.gov_convention_detail).toEqual({ kind: 'text', value: 'Convention avec Beauraing, 2019' });
  expect(restored.revision).toBe(before.revision + 1);
  // Dated now: the device's latest change (the lists show it first).
  expect(Date.parse(restored.updated_at)).toBeGreaterThan(Date.parse(before.updated_at));
  // The tab left open on the step shows the restored text, and its next edit builds on it.
  await expect(editor.input('gov_convention_detail')).toHaveValue('Convention avec Beauraing, 2019');
  await editor.choice('gov_obstacle', 'Oui').check();
  await editor.expectSaved();
  const [edited] = await storedDiagnostics(page);
  expect(edited.answers.gov_convention_detail).toEqual({ kind: 'text', value: 'Convention avec Beauraing, 2019' });
  expect(edited.answers.gov_obstacle).toEqual({ kind: 'yes_no', value: true });
  expect(edited.revision).toBe(before.revision + 2);
});

test('a choice made before another tab saved stays on the new preview when the item is still the same kind', async ({ page, context }) => {
  const base = await fillDiagnostic(page, 'Givet');
  const backup = await exportBackup(page);
  const q = new QuestionnairePage(page);
  await q.gotoStep(base, 'gouvernance');
  await q.choice('gov_obstacle', 'Oui').check();
  await q.expectSaved();

  await importFiles(page, [backup]);
  const goBack = page.getByLabel('Revenir à la version du fichier (elle remplace la mienne)');
  await goBack.check();
  // Meanwhile another tab saves: the device's version is newer still, the file still older.
  const editor = new QuestionnairePage(await context.newPage());
  await editor.gotoStep(base, 'gouvernance');
  await editor.choice('gov_obstacle', 'Non').check();
  await editor.expectSaved();

  await page.getByRole('button', { name: 'Importer' }).click();
  await expect(page.getByRole('alert')).toContainText('ont changé depuis l\'aperçu');
  // The button is rebuilt with the preview: the focus is on the message, not lost.
  await expect(page.locator('#import-message')).toBeFocused();
  await expect(goBack).toBeChecked();
  await page.getByRole('button', { name: 'Importer' }).click();
  await expect(page.getByTestId('import-done')).toBeVisible();
  const [restored] = await storedDiagnostics(page);
  expect(restored.answers.gov_obstacle).toBeUndefined();
});

test('files dropped on the import zone are checked like picked ones', async ({ page }) => {
  await page.goto('/importer');
  const content = fs.readFileSync(path.join(GOOD, 'diagnostic-givet-08190-2026-03-01.json'), 'utf8');
  const transfer = await page.evaluateHandle((json) => {
    const data = new DataTransfer();
    data.items.add(new File([json], 'depose.json', { type: 'application/json' }));
    data.items.add(new File(['{"pas": "un export"'], 'casse.json', { type: 'application/json' }));
    return data;
  }, content);
  await page.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer: transfer });
  await expect(page.getByTestId('file-accepted')).toContainText('« depose.json » : fichier valide');
  await expect(page.getByTestId('file-rejected')).toContainText('« casse.json »');
  await expect(page.getByTestId('import-status')).toHaveText(['Nouveau']);
});
