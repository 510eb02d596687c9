/** Journey 8, MOT's side: import many town files at once, browse and filter the territories,
 * export the table as CSV, and send a town its feedback (round trip to a fresh device). */
import fs from 'node:fs';
import path from 'node:path';
import { Page } from '@playwright/test';
import { test, expect } from '../support/fixtures';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { readFrenchCsv } from '../support/csv';
import { storedDiagnostics } from '../support/idb';
import { downloadFrom, fold, MotPage, SampleBundles, TerritoryPage } from '../support/mot_page';
import { ROOT } from '../support/static_server';

const COUNT = 50;
const BAD = 3;
const GOOD = COUNT - BAD;

let bundles: SampleBundles;

test.beforeAll(() => {
  // The generator is a cargo example: the first run compiles it.
  test.setTimeout(300_000);
  bundles = SampleBundles.generate(COUNT, BAD);
});

test.afterAll(() => bundles?.remove());

/** Opens the workspace and imports every generated file (47 good, 3 bad). */
async function importAll(page: Page): Promise<MotPage> {
  const mot = new MotPage(page);
  await mot.goto();
  await mot.pick(bundles.allPaths());
  await mot.expectSummary({ new: GOOD, rejected: BAD });
  return mot;
}

test('50 files with 3 bad ones: 47 new territories, 3 refusals with their reasons, re-import changes nothing', async ({ page }) => {
  test.setTimeout(180_000);
  const mot = await importAll(page);
  await mot.expectSummary({ new: GOOD, updated: 0, identical: 0, conflict: 0, rejected: BAD });
  await expect(mot.summary).toContainText(`${COUNT} fichiers traités`);
  await expect(mot.summary).toContainText(`${GOOD} nouveaux`);
  await expect(mot.summary).toContainText(`${BAD} refusés`);
  // The refused files are listed at once with their reasons; every file is in the detail table.
  const problems = page.getByTestId('mot-import-problems').locator(':scope > li');
  await expect(problems).toHaveCount(BAD);
  for (const bad of bundles.bad) {
    await expect(problems.filter({ hasText: bad.file })).toContainText(bad.reason_fragment);
  }
  await mot.openReport();
  await expect(mot.reportRows).toHaveCount(COUNT);
  await expect(mot.reportRowsWith('new')).toHaveCount(GOOD);
  await expect(mot.reportRowsWith('rejected')).toHaveCount(BAD);
  for (const bad of bundles.bad) {
    const row = mot.reportRow(bad.file);
    await expect(row, bad.file).toHaveAttribute('data-outcome', 'rejected');
    await expect(row, bad.file).toContainText(bad.reason_fragment);
  }
  for (const good of bundles.good) {
    await expect(mot.reportRow(good.file), good.file).toHaveAttribute('data-outcome', 'new');
  }

  await expect(mot.rows).toHaveCount(GOOD);
  await expect(mot.rowCount).toHaveText(`${GOOD} territoires affichés sur ${GOOD}`);
  await expectNoSeriousA11yViolations(page);

  // The same 50 files again: nothing new, nothing duplicated.
  await mot.pick(bundles.allPaths());
  await mot.expectSummary({ identical: GOOD, new: 0, updated: 0, conflict: 0, rejected: BAD });
  await expect(mot.summary).toContainText(`${GOOD} déjà présents`);
  await expect(mot.summary).toContainText(`${BAD} refusés`);
  await mot.openReport();
  await expect(mot.reportRowsWith('identical')).toHaveCount(GOOD);
  await expect(mot.rows).toHaveCount(GOOD);
  await expect(mot.rowCount).toHaveText(`${GOOD} territoires affichés sur ${GOOD}`);
});

test('files dropped on the workspace are imported like picked ones', async ({ page }) => {
  const mot = new MotPage(page);
  await mot.goto();
  const files = [...bundles.good.slice(0, 2).map((g) => g.file), bundles.bad[0].file];
  const contents = files.map((file) => ({ file, text: fs.readFileSync(bundles.path(file), 'utf8') }));
  const transfer = await page.evaluateHandle((items) => {
    const data = new DataTransfer();
    for (const { file, text } of items) data.items.add(new File([text], file, { type: 'application/json' }));
    return data;
  }, contents);
  await page.getByTestId('mot-drop-zone').dispatchEvent('drop', { dataTransfer: transfer });
  await mot.expectSummary({ new: 2, rejected: 1 });
  await expect(mot.rows).toHaveCount(2);
});

test('a file over 5 MB is refused with its size, without stopping the others', async ({ page }) => {
  const mot = new MotPage(page);
  await mot.goto();
  const huge = path.join(bundles.dir, 'énorme.json');
  fs.writeFileSync(huge, Buffer.alloc(6 * 1024 * 1024, ' '));
  try {
    await mot.pick([...bundles.good.slice(0, 2).map((g) => bundles.path(g.file)), huge]);
    await mot.expectSummary({ new: 2, rejected: 1 });
    const problems = page.getByTestId('mot-import-problems').locator(':scope > li');
    await expect(problems).toHaveCount(1);
    await expect(problems).toContainText('énorme.json');
    await expect(problems).toContainText('le fichier est trop volumineux (6 Mo) : la limite est de 5 Mo par fichier.');
    await expect(mot.rows).toHaveCount(2);
  } finally {
    fs.rmSync(huge);
  }
});

test('the border filter and the search narrow the territories table', async ({ page }) => {
  test.setTimeout(120_000);
  const mot = await importAll(page);

  // The country most towns border.
  const frequency = new Map<string, number>();
  for (const code of bundles.good.flatMap((g) => g.country_codes)) frequency.set(code, (frequency.get(code) ?? 0) + 1);
  const [code, expected] = [...frequency].sort((a, b) => b[1] - a[1])[0];
  const country = mot.filter('Pays voisin');
  const name = ((await country.locator(`option[value="${code}"]`).textContent()) ?? '').trim();
  expect(name, `label of ${code}`).not.toBe('');
  await country.selectOption(code);
  await expect(mot.rowCount).toHaveText(`${expected} territoires affichés sur ${GOOD}`);
  await expect(mot.rows).toHaveCount(expected);
  for (const cell of await mot.column('Pays voisin')) expect(cell).toContain(name);

  // Back to every country, then search a commune by name (accents and case folded).
  await country.selectOption({ label: 'Tous' });
  await expect(mot.rows).toHaveCount(GOOD);
  const commune = bundles.good[0].commune.replace(/ \(\d+\)$/, '');
  const terms = fold(commune).split(' ');
  const matching = bundles.good.filter((g) => terms.every((t) => fold(g.commune).includes(t)));
  expect(matching.length).toBeLessThan(GOOD);
  await mot.search.fill(commune.toUpperCase());
  await expect(mot.rows).toHaveCount(matching.length);
  await expect(mot.rowCount).toHaveText(`${matching.length} territoires affichés sur ${GOOD}`);
  expect((await mot.column('Commune')).sort()).toEqual(matching.map((g) => g.commune).sort());
});

test('a column header sorts the table both ways; the date filter keeps recent changes', async ({ page }) => {
  test.setTimeout(120_000);
  const mot = await importAll(page);
  const header = mot.table.locator('thead th').filter({ hasText: 'Score global' });
  const scores = async () => (await mot.column('Score global')).map((cell) => (cell === '—' ? null : parseInt(cell, 10)));
  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  const up = (await scores()).filter((v): v is number => v !== null);
  expect(up).toEqual([...up].sort((a, b) => a - b));
  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  const down = (await scores()).filter((v): v is number => v !== null);
  expect(down).toEqual([...down].sort((a, b) => b - a));
  await expect(mot.table.locator('thead th').filter({ hasText: 'Commune' })).toHaveAttribute('aria-sort', 'none');

  const since = '2026-07-01';
  const recent = bundles.good.filter((g) => bundles.bundle(g.file).diagnostics[0].updated_at.slice(0, 10) >= since);
  expect(recent.length).toBeGreaterThan(0);
  expect(recent.length).toBeLessThan(GOOD);
  await page.getByLabel('Modifié depuis le').fill(since);
  await expect(mot.rows).toHaveCount(recent.length);
});

test('the table and the good practices download as CSV files French spreadsheets read', async ({ page }) => {
  test.setTimeout(120_000);
  const mot = await importAll(page);

  const table = await downloadFrom(page.getByRole('button', { name: 'Télécharger le tableau (CSV)' }));
  expect(table.name).toMatch(/^territoires-\d{4}-\d{2}-\d{2}\.csv$/);
  const { header, rows } = readFrenchCsv(fs.readFileSync(table.file));
  expect(header[0]).toBe('Commune');
  expect(header.slice(1, 3)).toEqual(['Code INSEE', 'Département']);
  expect(rows).toHaveLength(GOOD);
  for (const row of rows) expect(row).toHaveLength(header.length);
  expect(rows.map((r) => r[0]).sort()).toEqual(bundles.good.map((g) => g.commune).sort());
  expect(new Set(rows.map((r) => r[0]))).toEqual(new Set(bundles.good.map((g) => g.commune)));

  const practices = await downloadFrom(page.getByRole('button', { name: 'Télécharger les bonnes pratiques (CSV)' }));
  expect(practices.name).toMatch(/^bonnes-pratiques-\d{4}-\d{2}-\d{2}\.csv$/);
  const good = readFrenchCsv(fs.readFileSync(practices.file));
  expect(good.header[0]).toBe('Commune');
  expect(good.header).toContain('Titre');
  expect(good.rows).toHaveLength(bundles.good.reduce((sum, g) => sum + g.good_practices, 0));
  for (const row of good.rows) expect(row).toHaveLength(good.header.length);

  // Only the shown rows are exported.
  await mot.search.fill(bundles.good[0].commune);
  await expect(mot.rows).not.toHaveCount(GOOD);
  const shown = await mot.rows.count();
  const filtered = await downloadFrom(page.getByRole('button', { name: 'Télécharger le tableau (CSV)' }));
  expect(readFrenchCsv(fs.readFileSync(filtered.file)).rows).toHaveLength(shown);
});

test('a full disk stops the bulk import with a clear message; what was stored stays and is shown', async ({ page }) => {
  test.setTimeout(120_000);
  const mot = new MotPage(page);
  await mot.goto();
  // After 30 records, every IndexedDB write fails as on a full disk.
  await page.evaluate(() => {
    const put = IDBObjectStore.prototype.put;
    let writes = 0;
    IDBObjectStore.prototype.put = function (...args: Parameters<IDBObjectStore['put']>) {
      writes += 1;
      if (writes > 30) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
  });
  await mot.pick(bundles.allPaths());
  const alert = page.getByRole('alert').filter({ hasText: "l'import s'est arrêté" });
  await expect(alert).toContainText("L'espace de stockage de ce navigateur est plein", { timeout: 60_000 });
  const written = Number(await mot.summary.getAttribute('data-new'));
  expect(written).toBeGreaterThan(0);
  expect(written).toBeLessThan(GOOD);
  // The table shows exactly what is stored: whole batches, nothing half-written.
  await expect(mot.rows).toHaveCount(written);
  expect(await storedDiagnostics(page)).toHaveLength(written);
  await mot.openReport();
  await expect(mot.reportRowsWith('rejected').filter({ hasText: 'non enregistré' }).first()).toBeVisible();
});

/** A question the diagnostic answered in a theme, with its step. */
function answeredThemeQuestion(answers: Record<string, unknown>): { stepId: string; stepTitle: string; questionId: string } {
  const questionnaire = JSON.parse(fs.readFileSync(path.join(ROOT, 'domain/data/questionnaire.json'), 'utf8'));
  for (const step of questionnaire.steps) {
    if (step.kind !== 'theme') continue;
    const question = step.questions.find((q: { id: string }) => q.id in answers);
    if (question) return { stepId: step.id, stepTitle: step.title, questionId: question.id };
  }
  throw new Error('the diagnostic answered no theme question');
}

/** Imports one file on the town's import page and confirms; `status` is the preview's only row. */
async function importOnDevice(page: Page, file: string, status: string): Promise<void> {
  await page.goto('/importer');
  await page.getByLabel('Choisir des fichiers (.json)').setInputFiles(file);
  await expect(page.getByRole('heading', { name: 'Fichiers lus' })).toBeVisible();
  await expect(page.getByTestId('import-status')).toHaveText([status]);
  await page.getByRole('button', { name: 'Importer', exact: true }).click();
  await expect(page.getByTestId('import-done')).toBeVisible();
}

test('MOT writes a feedback; the town imports it and sees it beside unchanged answers', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const mot = await importAll(page);
  const target = bundles.good[0];
  const item = bundles.bundle(target.file).diagnostics[0];
  const { stepId, stepTitle, questionId } = answeredThemeQuestion(item.answers);
  const NOTES = 'Note interne : relancer le DGS après les élections.';
  const AUTHOR = 'Claire Martin, chargée de mission MOT';
  const GENERAL = 'Merci pour ce diagnostic très complet ; nous vous proposons un atelier.';
  const THEME = 'Pensez à associer la commune voisine à la gouvernance du projet.';
  const QUESTION = 'Précisez les partenaires concernés par cette réponse.';

  // MOT: follow-up (internal) then feedback (sent to the town).
  await mot.territoryLink(target.diagnostic_id).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${target.commune} — suivi MOT`);
  const territory = new TerritoryPage(page);
  await territory.field('Statut MOT').selectOption({ label: 'En accompagnement' });
  await territory.field('Notes internes (jamais envoyées à la commune)').fill(NOTES);
  await territory.button('Enregistrer le suivi').click();
  await expect(page.getByRole('status').filter({ hasText: 'Suivi enregistré.' })).toBeVisible();

  await territory.field('Auteur du retour').fill(AUTHOR);
  await territory.field('Commentaire général').fill(GENERAL);
  await territory.openStepComments();
  await territory.stepComment(stepTitle).fill(THEME);
  await territory.field('Question à commenter').selectOption(questionId);
  await territory.field('Commentaire sur la question').fill(QUESTION);
  await territory.button('Ajouter le commentaire').click();
  await expect(page.getByRole('button', { name: /^Retirer/ })).toHaveCount(1);
  await expect(page.getByRole('main')).toContainText(QUESTION);
  await expectNoSeriousA11yViolations(page);
  const feedback = await downloadFrom(territory.button('Exporter le retour pour la commune'));
  const communeSlug = target.file.replace(/^diagnostic-\d+-/, '').replace(/\.json$/, '');
  expect(feedback.name).toMatch(new RegExp(`^retour-mot-${communeSlug}-.*\\d{4}-\\d{2}-\\d{2}\\.json$`));
  const sent = fs.readFileSync(feedback.file, 'utf8');
  expect(sent, 'internal notes never leave MOT').not.toContain(NOTES);
  const written = JSON.parse(sent);
  expect(written.kind).toBe('mot_feedback');
  expect(written.feedback).toHaveLength(1);
  expect(written.feedback[0].feedback).toMatchObject({
    diagnostic_id: target.diagnostic_id,
    status: 'en_accompagnement',
    author: AUTHOR,
    general_comment: GENERAL,
    theme_comments: { [stepId]: THEME },
    question_comments: { [questionId]: QUESTION },
  });

  // The town, on its own device: its diagnostic, then MOT's feedback.
  const fresh = await browser.newContext({ baseURL: new URL(page.url()).origin });
  try {
    const town = await fresh.newPage();
    const errors: string[] = [];
    town.on('pageerror', (error) => errors.push(error.message));
    await importOnDevice(town, bundles.path(target.file), 'Nouveau');
    const before = await storedDiagnostics(town);
    expect(before).toHaveLength(1);
    expect(before[0].answers).toEqual(item.answers);
    await importOnDevice(town, feedback.file, 'Nouveau retour');
    await expect(town.getByTestId('import-done')).toContainText('1 retour de la MOT enregistrés');

    await town.goto(`/diagnostic/${target.diagnostic_id}`);
    const section = town.getByTestId('mot-feedback');
    await expect(section.getByRole('heading', { level: 2, name: 'Retour de la MOT' })).toBeVisible();
    await expect(section).toContainText(GENERAL);
    await expect(section).toContainText('En accompagnement');
    await expect(section).toContainText(AUTHOR);
    await expect(section).toContainText(THEME);
    await expect(section).not.toContainText(NOTES);
    await expect(town.locator('body')).not.toContainText(NOTES);
    await expectNoSeriousA11yViolations(town);

    await town.goto(`/diagnostic/${target.diagnostic_id}/${stepId}`);
    await expect(town.getByTestId('mot-theme-comment')).toContainText(THEME);
    const comment = town.getByTestId('mot-question-comment');
    await expect(comment).toHaveCount(1);
    await expect(comment).toHaveText(/^\s*Commentaire de la MOT/);
    await expect(comment).toContainText(QUESTION);
    // Right under its question: the nearest question at or before the comment is the one commented.
    const owner = await comment.evaluate((el) => {
      const inside = el.closest('[data-question]');
      if (inside) return inside.getAttribute('data-question');
      const before = Array.from(document.querySelectorAll('[data-question]')).filter(
        (q) => q.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING,
      );
      return before.at(-1)?.getAttribute('data-question') ?? null;
    });
    expect(owner).toBe(questionId);

    expect(await storedDiagnostics(town), 'the town’s answers are unchanged').toEqual(before);
    expect(errors, 'uncaught errors on the town’s device').toEqual([]);
  } finally {
    await fresh.close();
  }
});
