/** MOT's territories table with more territories than one page: 100 rows are drawn at first,
 * "Afficher … de plus" draws the next ones, and the status line, the dashboard and the CSV download
 * still cover every matching territory. */
import fs from 'node:fs';
import { test, expect } from '../support/fixtures';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { readFrenchCsv } from '../support/csv';
import { downloadFrom, MotPage, SampleBundles } from '../support/mot_page';

const COUNT = 230;
const PAGE = 100;

let bundles: SampleBundles;

test.beforeAll(() => {
  // The generator is a cargo example: the first run compiles it.
  test.setTimeout(300_000);
  bundles = SampleBundles.generate(COUNT, 0);
});

test.afterAll(() => bundles?.remove());

test('230 territories: a page of 100 rows, more on demand, dashboard and CSV over all 230', async ({ page }) => {
  test.setTimeout(180_000);
  const mot = new MotPage(page);
  await mot.goto();
  await mot.pick(bundles.allPaths());
  await mot.expectSummary({ new: COUNT, rejected: 0 });

  await expect(mot.rows).toHaveCount(PAGE);
  await expect(mot.rowCount).toHaveText(
    `${COUNT} territoires correspondent sur ${COUNT} ; les ${PAGE} premiers sont affichés. `
    + `Le tableau de bord et les fichiers CSV portent sur les ${COUNT}.`,
  );
  await expect(page.getByTestId('dashboard-overall')).toContainText(`${COUNT} territoires`);

  // The download holds every territory, in the table's order: the rows drawn are its first 100.
  const table = await downloadFrom(page.getByRole('button', { name: 'Télécharger le tableau (CSV)' }));
  const { rows } = readFrenchCsv(fs.readFileSync(table.file));
  expect(rows).toHaveLength(COUNT);
  expect(await mot.column('Commune')).toEqual(rows.slice(0, PAGE).map((row) => row[0]));

  // The next page; the focus lands on the first row added.
  await page.getByRole('button', { name: `Afficher ${PAGE} territoires de plus` }).click();
  await expect(mot.rows).toHaveCount(2 * PAGE);
  await expect(mot.rows.nth(PAGE).getByRole('link')).toBeFocused();
  await expect(page.getByRole('button', { name: `Afficher ${COUNT - 2 * PAGE} territoires de plus` })).toBeVisible();
  await page.getByRole('button', { name: `Afficher ${COUNT - 2 * PAGE} territoires de plus` }).click();
  await expect(mot.rows).toHaveCount(COUNT);
  await expect(mot.rowCount).toHaveText(`${COUNT} territoires affichés sur ${COUNT}`);
  await expect(page.getByRole('button', { name: /territoires? de plus/ })).toHaveCount(0);
  expect(await mot.column('Commune')).toEqual(rows.map((row) => row[0]));
  await expectNoSeriousA11yViolations(page);

  // A new sort starts again from the first page, in the new order. The dashboard's figures do
  // not depend on the order: they stay as they were, not even drawn again.
  const overall = page.getByTestId('dashboard-overall');
  const overallText = await overall.textContent();
  const overallNode = await overall.elementHandle();
  const header = mot.table.locator('thead th').filter({ hasText: 'Score global' });
  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  await expect(mot.rows).toHaveCount(PAGE);
  expect(await overallNode!.evaluate((node) => node.isConnected)).toBe(true);
  await expect(overall).toHaveText(overallText!);
  const scores = (await mot.column('Score global')).filter((cell) => cell !== '—').map((cell) => parseInt(cell, 10));
  expect(scores).toEqual([...scores].sort((a, b) => a - b));

  // A search that keeps fewer than a page draws them all, with no button.
  const commune = bundles.good[0].commune.replace(/ \(\d+\)$/, '');
  await mot.search.fill(commune);
  await expect(mot.rowCount).toHaveText(/^\d+ territoires? affichés? sur 230$/);
  const matching = parseInt((await mot.rowCount.textContent()) ?? '', 10);
  expect(matching).toBeLessThan(PAGE);
  await expect(mot.rows).toHaveCount(matching);
  await expect(page.getByRole('button', { name: /territoires? de plus/ })).toHaveCount(0);
});
