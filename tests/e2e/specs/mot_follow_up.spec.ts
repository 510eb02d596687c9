/** MOT's follow-up of one territory: nothing written is lost (a page left, a reload, two tabs),
 * a comment on a question the town does not see still reaches it, and the workspace prints. */
import path from 'node:path';
import { BrowserContext, Page } from '@playwright/test';
import { test, expect } from '../support/fixtures';
import { failEveryCommit } from '../support/idb';
import { downloadFrom, MotPage, TerritoryPage } from '../support/mot_page';
import { ROOT } from '../support/static_server';

const GIVET = path.join(ROOT, 'tests/bundles/good/diagnostic-givet-08190-2026-03-01.json');
const GIVET_ID = '3f2b8c1e-7a4d-4e2b-9c1a-2b3c4d5e6f70';
const NOTES_LABEL = 'Notes internes (jamais envoyées à la commune)';

/** Imports Givet into the workspace and opens its follow-up page. */
async function givetFollowUp(page: Page): Promise<TerritoryPage> {
  const mot = new MotPage(page);
  await mot.goto();
  await mot.pick([GIVET]);
  await mot.expectSummary({ new: 1 });
  await page.goto(`/mot/territoire/${GIVET_ID}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('suivi MOT');
  return new TerritoryPage(page);
}

async function openTerritory(context: BrowserContext): Promise<TerritoryPage> {
  const page = await context.newPage();
  await page.goto(`/mot/territoire/${GIVET_ID}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('suivi MOT');
  return new TerritoryPage(page);
}

test('a feedback being written comes back after leaving the page or reloading, until it is saved', async ({ page }) => {
  const territory = await givetFollowUp(page);
  await territory.field('Auteur du retour').fill('Claire Martin, MOT');
  await territory.field('Commentaire général').fill('Brouillon à ne pas perdre.');
  await expect(page.getByTestId('feedback-unsaved')).toContainText('Modifications non enregistrées');

  await page.getByRole('link', { name: "← Retour à l'espace MOT" }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Espace MOT');
  await page.goBack();
  await expect(territory.field('Commentaire général')).toHaveValue('Brouillon à ne pas perdre.');
  await expect(page.getByTestId('feedback-resumed')).toContainText('Brouillon repris');
  await page.reload();
  await expect(territory.field('Auteur du retour')).toHaveValue('Claire Martin, MOT');

  await territory.button('Enregistrer le retour').click();
  await expect(page.getByRole('status').filter({ hasText: 'Retour enregistré.' })).toBeVisible();
  await expect(page.getByTestId('feedback-unsaved')).toBeEmpty();
  await page.reload();
  await expect(territory.field('Commentaire général')).toHaveValue('Brouillon à ne pas perdre.');
  await expect(page.getByTestId('feedback-resumed')).toHaveCount(0);
});

test('two tabs on one territory keep what each other saved: notes and status, and parts of the feedback', async ({ page, context }) => {
  await givetFollowUp(page);
  const first = await openTerritory(context);
  const second = await openTerritory(context);

  await first.field(NOTES_LABEL).fill('Relancer le DGS en avril.');
  await first.button('Enregistrer le suivi').click();
  await expect(first.page.getByRole('status').filter({ hasText: 'Suivi enregistré.' })).toBeVisible();
  await second.field('Statut MOT').selectOption({ label: 'En accompagnement' });
  await expect(second.page.getByRole('status').filter({ hasText: 'Suivi enregistré.' })).toBeVisible();

  await first.field('Auteur du retour').fill('Claire Martin, MOT');
  await first.field('Commentaire général').fill('Écrit dans le premier onglet.');
  await first.button('Enregistrer le retour').click();
  await expect(first.page.getByRole('status').filter({ hasText: 'Retour enregistré.' })).toBeVisible();
  await second.openStepComments();
  await second.stepComment('Mobilité').fill('Écrit dans le second onglet.');
  await second.button('Enregistrer le retour').click();
  await expect(second.page.getByRole('status').filter({ hasText: 'Retour enregistré.' })).toBeVisible();
  // The second tab now shows what the first one saved, beside its own.
  await expect(second.field('Commentaire général')).toHaveValue('Écrit dans le premier onglet.');

  const fresh = await openTerritory(context);
  await expect(fresh.field(NOTES_LABEL)).toHaveValue('Relancer le DGS en avril.');
  await expect(fresh.field('Statut MOT')).toHaveValue('En accompagnement');
  await expect(fresh.field('Commentaire général')).toHaveValue('Écrit dans le premier onglet.');
  await expect(fresh.field('Auteur du retour')).toHaveValue('Claire Martin, MOT');
  await fresh.openStepComments();
  await expect(fresh.stepComment('Mobilité')).toHaveValue('Écrit dans le second onglet.');
});

test('notes typed in one tab show in another tab open on the territory, and typing there builds on them', async ({ page, context }) => {
  await givetFollowUp(page);
  const first = await openTerritory(context);
  const second = await openTerritory(context);

  await first.field(NOTES_LABEL).fill('Appel du maire le 3.');
  await expect(first.page.getByRole('status').filter({ hasText: 'Suivi enregistré.' })).toBeVisible();
  await expect(second.field(NOTES_LABEL)).toHaveValue('Appel du maire le 3.');
  await first.field('Statut MOT').selectOption({ label: 'En accompagnement' });
  await expect(second.field('Statut MOT')).toHaveValue('En accompagnement');

  await second.field(NOTES_LABEL).press('End');
  await second.field(NOTES_LABEL).pressSequentially(' Relancer.');
  await expect(first.field(NOTES_LABEL)).toHaveValue('Appel du maire le 3. Relancer.');
  const fresh = await openTerritory(context);
  await expect(fresh.field(NOTES_LABEL)).toHaveValue('Appel du maire le 3. Relancer.');
  await expect(fresh.field('Statut MOT')).toHaveValue('En accompagnement');
});

test('notes typed while they cannot be stored (full disk), then the tab closed, are stored at the next opening', async ({ page, context }) => {
  await givetFollowUp(page);
  const first = await openTerritory(context);
  await failEveryCommit(first.page);
  await first.field(NOTES_LABEL).fill('Appel du maire le 3.');
  await expect(first.page.getByRole('alert')).toBeVisible();
  await first.page.close();

  const fresh = await openTerritory(context);
  await expect(fresh.field(NOTES_LABEL)).toHaveValue('Appel du maire le 3.');
  // Stored, not only shown: a page opened after shows them too, and the journal is cleared.
  const later = await openTerritory(context);
  await expect(later.field(NOTES_LABEL)).toHaveValue('Appel du maire le 3.');
  expect(await later.page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('notes-mot')))).toEqual([]);
});

test('a tab whose draft another tab saved follows it, and never saves its older text over the newer one', async ({ page, context }) => {
  await givetFollowUp(page);
  const first = await openTerritory(context);
  await first.field('Auteur du retour').fill('Claire Martin, MOT');
  await first.field('Commentaire général').fill('Premier jet.');
  // A second page takes the draft over and saves it, then rewrites the comment and saves.
  const second = await openTerritory(context);
  await expect(second.field('Commentaire général')).toHaveValue('Premier jet.');
  await second.button('Enregistrer le retour').click();
  await expect(second.page.getByRole('status').filter({ hasText: 'Retour enregistré.' })).toBeVisible();
  // The first page follows: nothing unsaved any more.
  await expect(first.page.getByTestId('feedback-unsaved')).toBeEmpty();
  await second.field('Commentaire général').fill('Version relue.');
  await second.button('Enregistrer le retour').click();
  await expect(first.field('Commentaire général')).toHaveValue('Version relue.');
  await first.button('Enregistrer le retour').click();
  const fresh = await openTerritory(context);
  await expect(fresh.field('Commentaire général')).toHaveValue('Version relue.');

  // Both pages change the same comment: the one still writing keeps its text and is told the other's.
  await first.field('Commentaire général').fill('Texte du premier onglet.');
  await second.field('Commentaire général').fill('Texte du second onglet.');
  await second.button('Enregistrer le retour').click();
  await expect(first.page.getByTestId('feedback-changed-elsewhere')).toContainText('« Texte du second onglet. »');
  await expect(first.field('Commentaire général')).toHaveValue('Texte du premier onglet.');
});

test('following a link inside MOT\'s pages puts the focus on the new page\'s heading', async ({ page }) => {
  await givetFollowUp(page);
  await page.getByRole('link', { name: "← Retour à l'espace MOT" }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Espace MOT' })).toBeFocused();
  await page.getByTestId('territories-table').getByRole('link', { name: 'Givet' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('suivi MOT');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
});

test('two tabs writing parts of a feedback, both closed before saving, lose neither part', async ({ page, context }) => {
  await givetFollowUp(page);
  const first = await openTerritory(context);
  const second = await openTerritory(context);
  await first.field('Commentaire général').fill('Écrit dans le premier onglet, pas enregistré.');
  await second.field('Auteur du retour').fill('Jeanne, MOT');
  await expect(second.page.getByTestId('feedback-unsaved')).toContainText('Modifications non enregistrées');
  await first.page.close();
  await second.page.close();

  const fresh = await openTerritory(context);
  await expect(fresh.page.getByTestId('feedback-resumed')).toContainText('Brouillon repris');
  await expect(fresh.field('Commentaire général')).toHaveValue('Écrit dans le premier onglet, pas enregistré.');
  await expect(fresh.field('Auteur du retour')).toHaveValue('Jeanne, MOT');
  await fresh.button('Enregistrer le retour').click();
  await expect(fresh.page.getByRole('status').filter({ hasText: 'Retour enregistré.' })).toBeVisible();
  // Saved: nothing comes back as a draft any more.
  const later = await openTerritory(context);
  await expect(later.field('Auteur du retour')).toHaveValue('Jeanne, MOT');
  await expect(later.page.getByTestId('feedback-resumed')).toHaveCount(0);
});

test('the feedback form says at the field what is missing, and the focus stays where MOT works', async ({ page }) => {
  await page.goto('/mot');
  await new MotPage(page).pick([GIVET]);
  // The file input is disabled while importing: the focus goes to the summary.
  await expect(page.getByTestId('mot-import-summary')).toBeFocused();
  await page.goto(`/mot/territoire/${GIVET_ID}`);
  const territory = new TerritoryPage(page);

  const save = territory.button('Enregistrer le retour');
  await save.click();
  const author = territory.field('Auteur du retour');
  await expect(author).toBeFocused();
  await expect(author).toHaveAttribute('aria-invalid', 'true');
  await expect(author).toHaveAccessibleDescription(/Indiquez l'auteur du retour/);
  await author.fill('Claire Martin, MOT');
  await expect(author).not.toHaveAttribute('aria-invalid', 'true');
  await save.click();
  await expect(page.getByRole('status').filter({ hasText: 'Retour enregistré.' })).toBeVisible();
  await expect(save).toBeFocused();

  // A question comment: what is missing is said at its field, which takes the focus.
  const add = territory.button('Ajouter le commentaire');
  await add.click();
  const question = territory.field('Question à commenter');
  await expect(question).toBeFocused();
  await expect(question).toHaveAccessibleDescription('Choisissez la question à commenter.');
  await question.selectOption('gov_relations');
  await add.click();
  const comment = territory.field('Commentaire sur la question');
  await expect(comment).toBeFocused();
  await expect(comment).toHaveAccessibleDescription('Écrivez le commentaire.');
  await comment.fill('Niveau 3 possible en 2027.');
  await add.click();
  await expect(page.getByTestId('question-comment')).toHaveCount(1);
  await expect(page.getByRole('status').filter({ hasText: 'Commentaire ajouté sur' })).toBeVisible();
  await page.getByTestId('question-comment').getByRole('button', { name: /^Retirer/ }).click();
  await expect(page.getByTestId('question-comment')).toHaveCount(0);
  await expect(add).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: 'retiré' })).toBeVisible();
});

test('the town\'s report on a territory page sits under its heading: no heading level skipped or repeated', async ({ page }) => {
  await givetFollowUp(page);
  await expect(page.getByRole('heading', { level: 2, name: 'Rapport de la commune' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'Le territoire' })).toBeVisible();
  const levels = await page.locator('main :is(h1, h2, h3, h4, h5, h6)').evaluateAll((headings) =>
    headings.map((h) => Number(h.tagName[1])),
  );
  expect(levels[0]).toBe(1);
  for (let i = 1; i < levels.length; i++) expect(levels[i]).toBeLessThanOrEqual(levels[i - 1] + 1);
});

test('a comment on a question the town does not see (hidden, or in a theme « non concerné ») is listed for it', async ({ page, browser }) => {
  const territory = await givetFollowUp(page);
  await territory.field('Auteur du retour').fill('Claire Martin, MOT');
  await territory.field('Question à commenter').selectOption('gov_obstacle_detail');
  await territory.field('Commentaire sur la question').fill('Quels obstacles juridiques ?');
  await territory.button('Ajouter le commentaire').click();
  await territory.field('Question à commenter').selectOption('cul_evenements');
  await territory.field('Commentaire sur la question').fill('Et la fête de la Meuse ?');
  await territory.button('Ajouter le commentaire').click();
  // Each « Retirer » says which comment it removes.
  await expect(page.getByRole('button', { name: /^Retirer le commentaire sur « .+ »$/ })).toHaveCount(2);
  const feedback = await downloadFrom(territory.button('Exporter le retour pour la commune'));

  const device = await browser.newContext({ baseURL: new URL(page.url()).origin });
  try {
    const town = await device.newPage();
    for (const file of [GIVET, feedback.file]) {
      await town.goto('/importer');
      await town.getByLabel('Choisir des fichiers (.json)').setInputFiles(file);
      await town.getByRole('button', { name: 'Importer', exact: true }).click();
      await expect(town.getByTestId('import-done')).toBeVisible();
    }
    await town.goto(`/diagnostic/${GIVET_ID}`);
    const listed = town.getByTestId('mot-feedback-questions').locator('li');
    await expect(listed).toHaveCount(2);
    await expect(listed.filter({ hasText: 'Quels obstacles juridiques ?' })).toContainText('question non affichée');
    await expect(listed.filter({ hasText: 'Et la fête de la Meuse ?' })).toContainText('question non affichée');
  } finally {
    await device.close();
  }
});

test('the workspace prints on A4 with every column of the territories table, without the import and filters', async ({ page }) => {
  await givetFollowUp(page);
  await page.goto('/mot');
  await expect(page.getByTestId('territories-table')).toBeVisible();
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.emulateMedia({ media: 'print' });
  const table = page.getByTestId('territories-table');
  const width = await table.evaluate((t) => t.getBoundingClientRect().right);
  expect(width).toBeLessThanOrEqual(794);
  await expect(page.getByRole('search')).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Importer des diagnostics' })).toBeHidden();
});

test('two tabs saving their parts of a feedback at the same moment both keep them', async ({ page, context }) => {
  await givetFollowUp(page);
  const first = await openTerritory(context);
  const second = await openTerritory(context);
  await first.field('Auteur du retour').fill('Claire Martin, MOT');
  await first.field('Commentaire général').fill('Premier onglet.');
  await second.field('Auteur du retour').fill('Claire Martin, MOT');
  await second.openStepComments();
  await second.stepComment('Mobilité').fill('Second onglet.');
  await Promise.all([
    first.button('Enregistrer le retour').click(),
    second.button('Enregistrer le retour').click(),
  ]);
  for (const tab of [first, second]) {
    await expect(tab.page.getByRole('status').filter({ hasText: 'Retour enregistré.' })).toBeVisible();
  }
  const fresh = await openTerritory(context);
  await expect(fresh.field('Commentaire général')).toHaveValue('Premier onglet.');
  await fresh.openStepComments();
  await expect(fresh.stepComment('Mobilité')).toHaveValue('Second onglet.');
});

test('leaving the page while the notes are being written is no crash', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const territory = await givetFollowUp(page);
  await territory.field(NOTES_LABEL).pressSequentially('Relancer', { delay: 5 });
  await page.getByRole('link', { name: "← Retour à l'espace MOT" }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Espace MOT');
  await page.getByTestId('territories-table').getByRole('link', { name: 'Givet' }).click();
  await expect(territory.field(NOTES_LABEL)).toHaveValue('Relancer');
  expect(errors).toEqual([]);
});
