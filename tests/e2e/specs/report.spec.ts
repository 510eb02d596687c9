/** Journey 5: the report (radar chart and its table, findings, annex) and its A4 print. */
import { test, expect } from '../support/fixtures';
import { QuestionnairePage } from '../support/questionnaire_page';
import { fillSampleDiagnostic, ReportPage } from '../support/report_page';
import { expectNoSeriousA11yViolations } from '../support/axe';

test('the chart has one axis per applicable theme, with the values of its table', async ({ page }) => {
  test.setTimeout(120_000);
  const { questionnaire: q, base } = await QuestionnairePage.create(page, 'Givet');
  await fillSampleDiagnostic(q, base);
  const report = new ReportPage(page);
  await report.goto(base);

  // 12 themes, "Mobilité" is "non concerné": 11 axes, 11 rows.
  await expect(report.axes).toHaveCount(11);
  await expect(report.tableRows).toHaveCount(11);
  await expect(report.chart.locator('[data-theme="mobilite"]')).toHaveCount(0);
  await expect(page.getByTestId('not-concerned-themes')).toContainText('Mobilité');
  await expect(report.chart).toHaveAttribute('role', 'img');
  await expect(report.chart).toHaveAttribute('aria-label', /Graphique radar/);

  const chart = await report.chartValues();
  const table = await report.tableValues();
  expect(Object.keys(chart)).toEqual(Object.keys(table));
  for (const [theme, value] of Object.entries(chart)) {
    // A theme with nothing answered has no score yet: no point on the chart, said in the table.
    expect(table[theme]).toBe(value === '' ? 'Pas encore de réponse' : `${value} %`);
  }
  // Answered themes score more than those with unanswered questions.
  expect(Number(chart['culture'])).toBeGreaterThan(Number(chart['gouvernance']));
  expect(Number(chart['gouvernance'])).toBeGreaterThan(0);
  // One polygon of values, four rings.
  await expect(report.chart.locator('polygon.radar__values')).toHaveCount(1);
  await expect(report.chart.locator('polygon.radar__ring')).toHaveCount(4);

  // The other sections.
  await expect(report.opportunity('gov_premier_contact')).toBeVisible();
  const priorities = await report.opportunities.locator('.badge').allTextContents();
  expect(priorities[0]).toBe('Prioritaire');
  await expect(page.getByTestId('territory')).toContainText('Ardennes');
  await expect(page.getByTestId('territory')).toContainText('Belgique');
  await expect(page.getByTestId('unknown')).toContainText('jeunesse');
  const expectations = page.getByRole('region', { name: 'Attentes vis-à-vis de la MOT' });
  await expect(expectations.getByText('Mobilité durable', { exact: true })).toBeVisible();
  await expect(expectations.getByText('Appui au montage de projet', { exact: true })).toBeVisible();
  await expect(page.getByTestId('contact').first()).toBeVisible();

  // The annex: collapsed on screen, only applicable questions (none of "Mobilité").
  const annex = page.getByTestId('annex');
  await expect(annex.locator('[data-question="gov_relations"]')).toBeHidden();
  await annex.getByRole('button', { name: 'Afficher les réponses' }).click();
  await expect(annex.locator('[data-question="gov_relations"]')).toContainText('1 — Enjeu identifié');
  await expect(annex.locator('[data-question^="mob_"]')).toHaveCount(0);
  // gov_convention_detail is asked only after "oui": hidden, so not in the annex.
  await expect(annex.locator('[data-question="gov_convention_detail"]')).toHaveCount(0);

  await expectNoSeriousA11yViolations(page);
});

test('the report prints to A4 with the chart and the annex, without navigation or buttons', async ({ page }) => {
  test.setTimeout(120_000);
  const { questionnaire: q, base } = await QuestionnairePage.create(page, 'Givet');
  await fillSampleDiagnostic(q, base);
  const report = new ReportPage(page);
  await report.goto(base);
  await expect(page.getByRole('button', { name: 'Imprimer / PDF' })).toBeVisible();

  await page.emulateMedia({ media: 'print' });
  await expect(report.chart).toBeVisible();
  await expect(page.getByTestId('score-table')).toBeVisible();
  await expect(page.locator('header.site-header')).toBeHidden();
  await expect(page.locator('footer.site-footer')).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Étapes du diagnostic' })).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Navigation principale' })).toBeHidden();
  const visibleButtons = await page
    .locator('button, a.button')
    .evaluateAll((elements) => elements.filter((e) => e.getClientRects().length > 0).length);
  expect(visibleButtons).toBe(0);
  // The annex prints even though it is collapsed on screen.
  await expect(page.getByTestId('annex').locator('[data-question="gov_relations"]')).toBeVisible();
  await expect(page.getByTestId('annex').locator('[data-question^="mob_"]')).toHaveCount(0);
  // Sections start on a new page.
  const breaks = await page.locator('.report-section').evaluateAll((sections) =>
    sections.map((s) => getComputedStyle(s).breakBefore),
  );
  expect(breaks.filter((b) => b === 'page').length).toBeGreaterThanOrEqual(5);
  await page.emulateMedia({ media: 'screen' });

  const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  const text = pdf.toString('latin1');
  expect(text.startsWith('%PDF-')).toBe(true);
  const pages = text.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? [];
  expect(pages.length).toBeGreaterThanOrEqual(5);
  const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/g)];
  expect(boxes.length).toBeGreaterThanOrEqual(1);
  for (const box of boxes) {
    const width = Number(box[3]) - Number(box[1]);
    const height = Number(box[4]) - Number(box[2]);
    // A4 is 595 × 842 points (210 × 297 mm).
    expect(Math.abs(width - 595)).toBeLessThan(2);
    expect(Math.abs(height - 842)).toBeLessThan(2);
  }
});

test('an empty diagnostic still has a report, with nothing invented', async ({ page }) => {
  const { base } = await QuestionnairePage.create(page, 'Modane');
  const report = new ReportPage(page);
  await report.goto(base);
  await expect(report.axes).toHaveCount(12);
  const chart = await report.chartValues();
  // Nothing answered: no theme has a score yet (not 0 %, which would read as the lowest maturity).
  expect(Object.values(chart).every((v) => v === '')).toBe(true);
  expect(Object.values(await report.tableValues()).every((v) => v === 'Pas encore de réponse')).toBe(true);
  await expect(page.getByTestId('report-overall')).toHaveText('Pas encore évaluable : aucune question notée n\'a de réponse.');
  await expect(page.getByTestId('opportunity')).toHaveCount(0);
  await expect(page.getByTestId('report-completion')).toContainText('%');
  // The table of contents leads to the report and marks it as the current page.
  const toc = page.getByRole('navigation', { name: 'Étapes du diagnostic' });
  await expect(toc.getByRole('link', { name: 'Rapport' })).toHaveAttribute('aria-current', 'page');
  await expectNoSeriousA11yViolations(page);
});

test('a value the review flags is shown in the report as typed, said to be corrected', async ({ page }) => {
  const { questionnaire: q, base } = await QuestionnairePage.create(page, 'Givet');
  await q.gotoStep(base, 'profil');
  await q.input('profil_population').fill('100001');
  await q.input('profil_code_insee').fill('08190');
  await q.expectSaved();
  const report = new ReportPage(page);
  await report.goto(base);
  const facts = page.getByTestId('territory');
  await expect(facts).toContainText('100 001 habitants (à corriger : voir la relecture)');
  await expect(facts).toContainText('08190');
  await expect(facts).not.toContainText('08190 (à corriger');
});

test('a report open in one tab follows an answer another tab changes, and never prints an answer now hidden', async ({ page, context }) => {
  const { questionnaire: q, base } = await QuestionnairePage.create(page, 'Givet');
  await q.gotoStep(base, 'amenagement');
  await q.choice('ame_logement', 'Pression modérée').check();
  await q.input('ame_logement_detail').fill('Les loyers montent avec les salaires du Luxembourg.');
  await q.expectSaved();
  const report = new ReportPage(page);
  await report.goto(base);
  const annex = page.getByTestId('annex');
  await page.emulateMedia({ media: 'print' });
  await expect(annex.locator('[data-question="ame_logement_detail"]')).toContainText('Les loyers montent');

  // In another tab, « Aucune pression »: the detail question is hidden (its answer is kept,
  // not shown), and no score changes.
  const other = new QuestionnairePage(await context.newPage());
  await other.gotoStep(base, 'amenagement');
  await other.choice('ame_logement', 'Aucune pression').check();
  await other.expectSaved();
  await expect(annex.locator('[data-question="ame_logement_detail"]')).toHaveCount(0);
  await expect(annex.locator('[data-question="ame_logement"]')).toContainText('Aucune pression');
});

test('a project sheet prints as the report shows it, every text in full, without its form', async ({ page }) => {
  const { base } = await QuestionnairePage.create(page, 'Givet');
  await page.goto(`${base}/projets`);
  await page.getByRole('button', { name: 'Créer une fiche projet vierge' }).click();
  const need = 'Relier la gare de Givet à Dinant. '.repeat(60).trim();
  await page.getByLabel('Titre du projet', { exact: true }).fill('Navette transfrontalière Givet – Dinant, le samedi et pendant les vacances scolaires');
  await page.getByLabel('Besoin', { exact: true }).fill(need);
  await expect(page.locator('#fiche-besoin ~ .field-counter, .form-field:has(#fiche-besoin) .field-counter')).toContainText(`${need.length} / `);
  await page.emulateMedia({ media: 'print' });
  const printed = page.getByTestId('sheet-print');
  await expect(printed).toBeVisible();
  await expect(printed).toContainText('Navette transfrontalière Givet – Dinant, le samedi et pendant les vacances scolaires');
  await expect(printed).toContainText(need);
  await expect(page.locator('form.sheet-form')).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
  await expect(printed).toBeHidden();
  await expect(page.locator('form.sheet-form')).toBeVisible();
});
