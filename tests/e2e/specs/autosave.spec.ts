/** Nothing is ever lost: autosave, an abrupt close, two tabs on the same diagnostic. */
import { test, expect } from '../support/fixtures';
import { failEveryCommit, storedDiagnostics } from '../support/idb';
import { QuestionnairePage } from '../support/questionnaire_page';
import { ProjectSheetPage } from '../support/report_page';
import { BrowserContext, Locator, Page } from '@playwright/test';

/** A new blank project sheet, open in `page` (tab A) and in a second tab of `context` (tab B). */
async function blankSheetInTwoTabs(page: Page, context: BrowserContext) {
  const { base } = await QuestionnairePage.create(page, 'Hendaye');
  await page.goto(`${base}/projets`);
  await page.getByRole('button', { name: 'Créer une fiche projet vierge' }).click();
  const tabA = new ProjectSheetPage(page);
  await expect(tabA.heading()).toHaveText('Nouveau projet');
  const sheetUrl = page.url();
  const pageB = await context.newPage();
  await pageB.goto(sheetUrl);
  const tabB = new ProjectSheetPage(pageB);
  await expect(tabB.heading()).toHaveText('Nouveau projet');
  return { tabA, tabB, sheetUrl, pageB };
}

/** A diagnostic whose governance step is open in `page` (tab A, with one answer stored) and in a second tab (B). */
async function governanceInTwoTabs(page: Page, context: BrowserContext) {
  const { base } = await QuestionnairePage.create(page, 'Givet');
  const tabA = new QuestionnairePage(page);
  await tabA.gotoStep(base, 'gouvernance');
  await tabA.choice('gov_convention', 'Oui').check();
  await tabA.expectSaved();
  const pageB = await context.newPage();
  const tabB = new QuestionnairePage(pageB);
  await tabB.gotoStep(base, 'gouvernance');
  return { base, tabA, tabB, pageB };
}

/** Counts the commits to IndexedDB the page makes from now on (its `diagnostic-committed` events). */
async function countCommits(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    (window as any).commits = 0;
    window.addEventListener('diagnostic-committed', () => (window as any).commits++);
  });
  return () => page.evaluate(() => (window as any).commits);
}

/**
 * Stops the page writing or clearing its crash journal (localStorage), even as it closes: with
 * `failEveryCommit`, a tab the system kills once its text is journaled.
 */
async function stopWritingTheJournal(page: Page): Promise<void> {
  await page.evaluate(() => {
    Storage.prototype.setItem = () => {};
    Storage.prototype.removeItem = () => {};
  });
}

/**
 * Types into `field` of `page` with every commit failing, then stops its journal: the tab the
 * system kills once its text is journaled (close it to end it).
 */
async function typeThenFreeze(page: Page, field: Locator, text: string): Promise<void> {
  await failEveryCommit(page);
  await field.fill(text);
  await expect(page.getByTestId('save-status').getByRole('alert')).toBeVisible();
  await stopWritingTheJournal(page);
}

/** Types into `field` of `page`, leaves it and waits until the page has committed. */
async function typeAndStore(page: Page, field: Locator, text: string): Promise<void> {
  const commits = await countCommits(page);
  await field.fill(text);
  await field.blur();
  await expect.poll(commits).toBeGreaterThan(0);
}

test('text typed just before the tab is closed is there when the diagnostic is opened again', async ({ page, context }) => {
  const { questionnaire: q, base } = await QuestionnairePage.create(page, 'Givet');
  await q.gotoStep(base, 'profil');
  await q.input('profil_id_pvd').pressSequentially('pvd-08-01-1');
  await page.close();

  const again = await context.newPage();
  const reopened = new QuestionnairePage(again);
  await reopened.gotoStep(base, 'profil');
  await expect(reopened.input('profil_id_pvd')).toHaveValue('pvd-08-01-1');
});

test('text typed in a project sheet is committed once after the pause, and kept if the tab is closed at once', async ({ page, context }) => {
  const { base } = await QuestionnairePage.create(page, 'Hendaye');
  await page.goto(`${base}/projets`);
  await page.getByRole('button', { name: 'Créer une fiche projet vierge' }).click();
  const sheet = new ProjectSheetPage(page);
  await expect(sheet.heading()).toHaveText('Nouveau projet');
  await expect(page.getByTestId('save-status')).toHaveText('Enregistré');
  const commits = await countCommits(page);

  // Typing is one write after the pause, not one per keystroke.
  await sheet.field('Besoin').pressSequentially('Relier les gares');
  await expect.poll(commits).toBe(1);
  await page.waitForTimeout(1_000);
  expect(await commits()).toBe(1);

  // Closed right after typing, before the pause ends: the crash journal keeps the text.
  await sheet.field('Objectifs').pressSequentially('Une navette par heure');
  const sheetUrl = page.url();
  await page.close();
  const again = await context.newPage();
  await again.goto(sheetUrl);
  const reopened = new ProjectSheetPage(again);
  await expect(reopened.field('Besoin')).toHaveValue('Relier les gares');
  await expect(reopened.field('Objectifs')).toHaveValue('Une navette par heure');
});

test('text typed in a project sheet just before leaving the diagnostic in the app is stored', async ({ page }) => {
  const { base } = await QuestionnairePage.create(page, 'Hendaye');
  await page.goto(`${base}/projets`);
  await page.getByRole('button', { name: 'Créer une fiche projet vierge' }).click();
  const sheet = new ProjectSheetPage(page);
  await expect(sheet.heading()).toHaveText('Nouveau projet');
  const sheetUrl = page.url();
  // Leaving the diagnostic's pages ends its session while the typed text is still pending.
  await sheet.field('Besoin').pressSequentially('Relier les gares');
  await page.getByRole('link', { name: 'Mes diagnostics' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // The commit ends after the pages are gone: it still reaches IndexedDB and clears the journal.
  const journaled = () =>
    page.evaluate(() =>
      Object.keys(localStorage)
        .filter((key) => key.startsWith('diagnostic-transfrontalier:journal:'))
        .map((key) => localStorage.getItem(key))
        .filter((edits) => edits !== '{}'),
    );
  await expect.poll(journaled).toEqual([]);
  await page.goto(sheetUrl);
  await expect(sheet.field('Besoin')).toHaveValue('Relier les gares');
});

test('text typed in two tabs into the same project sheet both survive', async ({ page, context }) => {
  const { tabA, tabB, sheetUrl, pageB: other } = await blankSheetInTwoTabs(page, context);

  await tabA.field('Besoin').fill('Besoin écrit dans A');
  await tabB.field('Objectifs').fill('Objectifs écrits dans B');
  await tabA.field('Titre du projet').fill('Navette Hendaye – Irun');
  await tabB.field('Calendrier').fill('2027');
  await expect(page.getByTestId('save-status')).toHaveText('Enregistré');
  await expect(other.getByTestId('save-status')).toHaveText('Enregistré');
  await expect.poll(() => page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes(':journal:')).length)).toBe(0);

  const fresh = await context.newPage();
  await fresh.goto(sheetUrl);
  const shown = new ProjectSheetPage(fresh);
  await expect(shown.field('Titre du projet')).toHaveValue('Navette Hendaye – Irun');
  await expect(shown.field('Besoin')).toHaveValue('Besoin écrit dans A');
  await expect(shown.field('Objectifs')).toHaveValue('Objectifs écrits dans B');
  await expect(shown.field('Calendrier')).toHaveValue('2027');
});

test('a project sheet field shows what another tab stored, and typing goes on from it', async ({ page, context }) => {
  const { tabA, tabB, sheetUrl, pageB } = await blankSheetInTwoTabs(page, context);
  await tabA.field('Besoin').fill('Relier');
  await tabA.field('Besoin').blur();
  await expect(tabB.field('Besoin')).toHaveValue('Relier');

  await tabB.field('Besoin').fill('Relier les gares');
  await tabB.field('Besoin').blur();
  await expect(pageB.getByTestId('save-status')).toHaveText('Enregistré');
  // Without a reload, A shows B's text; what A types next extends it instead of writing
  // A's old text back.
  await expect(tabA.field('Besoin')).toHaveValue('Relier les gares');
  await tabA.field('Besoin').press('End');
  await tabA.field('Besoin').pressSequentially(' de Hendaye et Irun');
  await tabA.field('Besoin').blur();
  await expect(page.getByTestId('save-status')).toHaveText('Enregistré');
  await expect(tabB.field('Besoin')).toHaveValue('Relier les gares de Hendaye et Irun');

  // The same for an entry of a list, which B sees added.
  await page.getByRole('button', { name: 'Ajouter une action' }).click();
  await tabA.field('Action 1').fill('Étude');
  await tabA.field('Action 1').blur();
  await expect(tabB.field('Action 1')).toHaveValue('Étude');
  await tabB.field('Action 1').fill('Étude de faisabilité');
  await tabB.field('Action 1').blur();
  await expect(tabA.field('Action 1')).toHaveValue('Étude de faisabilité');

  const fresh = new ProjectSheetPage(await context.newPage());
  await fresh.page.goto(sheetUrl);
  await expect(fresh.field('Besoin')).toHaveValue('Relier les gares de Hendaye et Irun');
  await expect(fresh.field('Action 1')).toHaveValue('Étude de faisabilité');
  // Removed in a tab that added nothing: the list is drawn again, here and in the others.
  await fresh.page.getByRole('button', { name: 'Retirer : Action 1' }).click();
  await expect(fresh.field('Action 1')).toHaveCount(0);
  await expect(tabA.field('Action 1')).toHaveCount(0);
});

test('the choices of a project sheet show what another tab stored', async ({ page, context }) => {
  const { tabA, tabB, pageB } = await blankSheetInTwoTabs(page, context);
  // B chooses first (its list is then "dirty" for the browser), then A, then B sees A's choice.
  await tabB.field('Thème').selectOption('mobilite');
  await expect(tabA.field('Thème')).toHaveValue('mobilite');
  await tabA.field('Thème').selectOption('gouvernance');
  await expect(tabB.field('Thème')).toHaveValue('gouvernance');

  await page.getByLabel('De 30 000 à 75 000 €').check();
  await expect(pageB.getByLabel('De 30 000 à 75 000 €')).toBeChecked();
  await pageB.getByLabel('Moins de 30 000 €').check();
  await expect(page.getByLabel('Moins de 30 000 €')).toBeChecked();
  await page.getByLabel('2. Partenaires identifiés').check();
  await expect(pageB.getByLabel('2. Partenaires identifiés')).toBeChecked();

  await page.getByRole('button', { name: 'Ajouter un partenaire' }).click();
  await tabA.partner(1).getByLabel('Pays').selectOption('BE');
  await expect(tabB.partner(1).getByLabel('Pays')).toHaveValue('BE');
  await tabB.partner(1).getByLabel('État du contact').selectOption({ label: 'Contacté' });
  await expect(tabA.partner(1).getByLabel('État du contact')).toHaveValue('contacte');
});

test('answers given in two tabs both survive, and each tab shows the other one\'s change', async ({ page, context }) => {
  const { base } = await QuestionnairePage.create(page, 'Givet');
  const tabA = new QuestionnairePage(page);
  await tabA.gotoStep(base, 'gouvernance');
  const tabB = new QuestionnairePage(await context.newPage());
  await tabB.gotoStep(base, 'gouvernance');

  await tabA.choice('gov_convention', 'Oui').check();
  await tabA.expectSaved();
  await tabB.choice('gov_obstacle', 'Oui').check();
  await tabB.expectSaved();

  // Each tab shows the other's answer without a reload.
  await expect(tabA.choice('gov_obstacle', 'Oui')).toBeChecked();
  await expect(tabB.choice('gov_convention', 'Oui')).toBeChecked();

  // Text typed in each tab at the same time survives too.
  await tabA.input('gov_convention_detail').fill('Convention A');
  await tabB.input('gov_obstacle_detail').fill('Obstacle B');
  await tabA.expectSaved();
  await tabB.expectSaved();

  const fresh = new QuestionnairePage(await context.newPage());
  await fresh.gotoStep(base, 'gouvernance');
  await expect(fresh.choice('gov_convention', 'Oui')).toBeChecked();
  await expect(fresh.choice('gov_obstacle', 'Oui')).toBeChecked();
  await expect(fresh.input('gov_convention_detail')).toHaveValue('Convention A');
  await expect(fresh.input('gov_obstacle_detail')).toHaveValue('Obstacle B');
});

test('text a tab has not committed yet survives its abrupt end, whatever another tab commits meanwhile', async ({ page, context }) => {
  const { base, tabA, tabB, pageB } = await governanceInTwoTabs(page, context);
  await tabB.choice('gov_obstacle', 'Oui').check();
  await tabB.expectSaved();

  // B's commits fail from now on, as if B were killed before committing: only its crash
  // journal keeps the text typed next. Once it is journaled B writes nothing more, not even
  // as it closes, like a tab the system kills.
  await typeThenFreeze(pageB, tabB.input('gov_obstacle_detail'), 'Obstacle B');
  // A commits its own text meanwhile: that must not clear B's journal.
  await typeAndStore(page, tabA.input('gov_convention_detail'), 'Convention A');
  await pageB.close();

  const fresh = new QuestionnairePage(await context.newPage());
  await fresh.gotoStep(base, 'gouvernance');
  await expect(fresh.input('gov_convention_detail')).toHaveValue('Convention A');
  await expect(fresh.input('gov_obstacle_detail')).toHaveValue('Obstacle B');
});

test('an answer a killed tab had journaled does not come back over the one another tab stored after', async ({ page, context }) => {
  const { base, tabA, tabB, pageB } = await governanceInTwoTabs(page, context);

  // B types, cannot commit, and is killed once its text is journaled.
  await typeThenFreeze(pageB, tabB.input('gov_convention_detail'), 'Texte de B, perdu avec son onglet');
  await pageB.close();
  // Then A stores the same answer.
  await typeAndStore(page, tabA.input('gov_convention_detail'), 'Texte de A, enregistré après');

  // Opened again, B's journal is replayed, but not over A's later answer.
  const fresh = new QuestionnairePage(await context.newPage());
  await fresh.gotoStep(base, 'gouvernance');
  await expect(fresh.input('gov_convention_detail')).toHaveValue('Texte de A, enregistré après');
});

test('a project sheet field a killed tab had journaled does not come back over the one another tab stored after', async ({ page, context }) => {
  const { tabA, tabB, sheetUrl, pageB } = await blankSheetInTwoTabs(page, context);

  // B types, cannot commit, and is killed once its text is journaled.
  await typeThenFreeze(pageB, tabB.field('Besoin'), 'Besoin de B, perdu avec son onglet');
  await pageB.close();
  // Then A stores the same field.
  await typeAndStore(page, tabA.field('Besoin'), 'Besoin de A, enregistré après');

  // Opened again, B's journal is replayed, but not over A's later text.
  const fresh = await context.newPage();
  await fresh.goto(sheetUrl);
  await expect(new ProjectSheetPage(fresh).field('Besoin')).toHaveValue('Besoin de A, enregistré après');
});

test('a project sheet journaled by a tab that ends abruptly keeps the fields another tab stored meanwhile', async ({ page, context }) => {
  const { tabA, tabB, sheetUrl, pageB } = await blankSheetInTwoTabs(page, context);

  // B's commits fail from now on and, once its text is journaled, B writes nothing more.
  await typeThenFreeze(pageB, tabB.field('Besoin'), 'Besoin écrit dans B');
  // A stores another field of the same sheet; then B ends.
  await typeAndStore(page, tabA.field('Objectifs'), 'Objectifs écrits dans A');
  await pageB.close();

  // B's journal is replayed when the sheet is opened again: its field, not over A's.
  const fresh = await context.newPage();
  await fresh.goto(sheetUrl);
  const shown = new ProjectSheetPage(fresh);
  await expect(shown.field('Besoin')).toHaveValue('Besoin écrit dans B');
  await expect(shown.field('Objectifs')).toHaveValue('Objectifs écrits dans A');
});

/** Adds the actions to the sheet open in `page`, waits until they are stored and shown in `other`. */
async function addActions(page: Page, other: Page, actions: string[]): Promise<void> {
  for (const [position, text] of actions.entries()) {
    await page.getByRole('button', { name: 'Ajouter une action' }).click();
    await page.locator(`#fiche-action-${position + 1}`).fill(text);
  }
  await page.locator(`#fiche-action-${actions.length}`).blur();
  await expect(page.getByTestId('save-status')).toHaveText('Enregistré');
  await expect(other.locator(`#fiche-action-${actions.length}`)).toHaveValue(actions[actions.length - 1]);
}

/** The actions of the diagnostic's only project sheet, as stored. */
async function storedActions(page: Page): Promise<string[]> {
  const [diagnostic] = await storedDiagnostics(page);
  return diagnostic.project_sheets[0].actions;
}

test('an action typed in one tab while another tab removes the one above keeps its text, and no action is lost', async ({ page, context }) => {
  const { pageB } = await blankSheetInTwoTabs(page, context);
  await addActions(page, pageB, ['Étude', 'Travaux', 'Inauguration']);

  // A types in action 2; before its typing pause ends, B removes action 1.
  await page.locator('#fiche-action-2').fill('Travaux 2028');
  await pageB.getByRole('button', { name: 'Retirer : Action 1' }).click();
  await expect(page.getByTestId('save-status')).toHaveText('Enregistré');

  await expect.poll(() => storedActions(page)).toEqual(['Travaux 2028', 'Inauguration']);
  for (const tab of [page, pageB]) {
    await expect(tab.locator('#fiche-action-1')).toHaveValue('Travaux 2028');
    await expect(tab.locator('#fiche-action-2')).toHaveValue('Inauguration');
    await expect(tab.locator('#fiche-action-3')).toHaveCount(0);
  }
});

test('an action a killed tab had journaled is replayed onto its own entry after another tab removed the one above', async ({ page, context }) => {
  const { tabB, sheetUrl, pageB } = await blankSheetInTwoTabs(page, context);
  await addActions(page, pageB, ['Étude', 'Travaux', 'Inauguration']);

  // B types in action 2, cannot commit, and is killed once its text is journaled.
  await typeThenFreeze(pageB, tabB.page.locator('#fiche-action-2'), 'Travaux 2028');
  await pageB.close();
  // Then A removes action 1.
  await page.getByRole('button', { name: 'Retirer : Action 1' }).click();
  await expect(page.getByTestId('save-status')).toHaveText('Enregistré');

  // Opened again, B's journal is replayed: its text on « Travaux », « Inauguration » kept.
  const fresh = await context.newPage();
  await fresh.goto(sheetUrl);
  await expect(fresh.locator('#fiche-action-1')).toHaveValue('Travaux 2028');
  await expect(fresh.locator('#fiche-action-2')).toHaveValue('Inauguration');
  await expect.poll(() => storedActions(fresh)).toEqual(['Travaux 2028', 'Inauguration']);
});

test('with a full disk, a project sheet created and filled, and another one deleted, are so once reopened', async ({ page }) => {
  const { base } = await QuestionnairePage.create(page, 'Hendaye');
  await page.goto(`${base}/projets`);
  await page.getByRole('button', { name: 'Créer une fiche projet vierge' }).click();
  const sheet = new ProjectSheetPage(page);
  await sheet.field('Titre du projet').fill('Fiche à supprimer');
  await expect(page.getByTestId('save-status')).toHaveText('Enregistré');

  // The disk is full from now on: nothing more reaches IndexedDB, everything is journaled.
  await failEveryCommit(page);
  await page.getByRole('button', { name: 'Supprimer cette fiche projet' }).click();
  await page.getByRole('button', { name: 'Confirmer la suppression' }).click();
  await expect(page.getByTestId('sheet-item')).toHaveCount(0);
  await page.getByRole('button', { name: 'Créer une fiche projet vierge' }).click();
  await expect(sheet.heading()).toHaveText('Nouveau projet');
  await sheet.field('Titre du projet').fill('Navette Hendaye – Irun');
  await sheet.field('Besoin').fill('Les frontaliers vont à Irun en voiture.');
  await page.getByLabel('De 30 000 à 75 000 €').check();
  await page.getByLabel('2. Partenaires identifiés').check();
  await expect(page.getByTestId('save-status').getByRole('alert')).toBeVisible();

  // Reopened with room on the disk again: the journal is replayed.
  await page.reload();
  await expect(sheet.heading()).toHaveText('Navette Hendaye – Irun');
  await expect(sheet.field('Besoin')).toHaveValue('Les frontaliers vont à Irun en voiture.');
  await expect(page.getByLabel('De 30 000 à 75 000 €')).toBeChecked();
  await expect(page.getByLabel('2. Partenaires identifiés')).toBeChecked();
  await page.goto(`${base}/projets`);
  await expect(page.getByTestId('sheet-item')).toHaveCount(1);
  await expect(page.getByTestId('sheet-item')).toContainText('Navette Hendaye – Irun');
});

test('with a full disk, a theme marked « non concerné » is still marked once reopened', async ({ page }) => {
  const { questionnaire: q, base } = await QuestionnairePage.create(page, 'Givet');
  await q.gotoStep(base, 'mobilite');
  await failEveryCommit(page);
  const notConcerned = page.getByLabel("Notre territoire n'est pas concerné par ce thème");
  await notConcerned.check();
  await expect(page.getByTestId('save-status').getByRole('alert')).toBeVisible();

  await page.reload();
  await expect(notConcerned).toBeChecked();
  await expect(q.tocEntry('Mobilité')).toContainText('non concerné');
});

test('with a full disk, a diagnostic marked as completed is still completed once reopened', async ({ page }) => {
  const { questionnaire: q, base } = await QuestionnairePage.create(page, 'Givet');
  await q.gotoStep(base, 'relecture');
  await failEveryCommit(page);
  await page.getByRole('button', { name: 'Terminer le diagnostic' }).click();
  await expect(page.getByTestId('save-status').getByRole('alert')).toBeVisible();

  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'Diagnostic terminé' })).toBeVisible();
  await page.goto('/');
  await expect(page.getByTestId('diagnostic-progress')).toContainText('Terminé');
});

test('a diagnostic whose recovered text cannot be stored (full disk) still opens, with that text and the rescue export', async ({ page, context }) => {
  const { questionnaire: q, base } = await QuestionnairePage.create(page, 'Givet');
  await q.gotoStep(base, 'gouvernance');
  await q.choice('gov_convention', 'Oui').check();
  await q.expectSaved();
  // The disk is full: the text typed is journaled, not stored.
  await failEveryCommit(page);
  await q.input('gov_convention_detail').fill('Convention à ne pas perdre');
  await expect(page.getByTestId('save-status').getByRole('alert')).toBeVisible();

  // Opened again with the disk still full: the journal cannot be stored, the diagnostic opens.
  await page.addInitScript(() => {
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await page.reload();
  await expect(q.heading()).toHaveText('Gouvernance et coopération');
  await expect(q.input('gov_convention_detail')).toHaveValue('Convention à ne pas perdre');
  const alert = page.getByTestId('save-status').getByRole('alert');
  await expect(alert).toContainText("L'espace de stockage de ce navigateur est plein");
  await expect(alert.getByRole('button', { name: 'Exporter mes réponses dans un fichier' })).toBeVisible();

  // Once there is room again, opening it stores the text.
  await page.close();
  const fresh = new QuestionnairePage(await context.newPage());
  await fresh.gotoStep(base, 'gouvernance');
  await expect(fresh.input('gov_convention_detail')).toHaveValue('Convention à ne pas perdre');
  await expect(fresh.page.getByTestId('save-status').getByRole('alert')).toHaveCount(0);
  const journaled = () =>
    fresh.page.evaluate(() => Object.keys(localStorage).filter((key) => key.includes(':journal:')).length);
  await expect.poll(journaled).toBe(0);
});

test('the save status says "Enregistrement…" while typed text waits for the pause, then "Enregistré"', async ({ page }) => {
  const { questionnaire: q, base } = await QuestionnairePage.create(page, 'Givet');
  await q.gotoStep(base, 'gouvernance');
  await q.choice('gov_convention', 'Oui').check();
  await q.expectSaved();
  await q.input('gov_convention_detail').pressSequentially('Convention');
  await expect(page.getByTestId('save-status')).toHaveText('Enregistrement…');
  await q.expectSaved();
});

test('the save status says "Enregistré" once a change is stored', async ({ page }) => {
  const { questionnaire: q, base } = await QuestionnairePage.create(page, 'Givet');
  await q.gotoStep(base, 'mobilite');
  await expect(page.getByTestId('save-status')).toContainText('Enregistrement automatique');
  await q.choice('mob_planification', 'Non').check();
  await q.expectSaved();
});
