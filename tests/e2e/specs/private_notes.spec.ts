/** Journey 7: the town's private notes stay on its device (even with a full disk), leave with
 * the file for MOT only when the town ticks to join them, and MOT then reads them. */
import fs from 'node:fs';
import { test, expect } from '../support/fixtures';
import { downloadFrom, MotPage } from '../support/mot_page';
import { failEveryCommit } from '../support/idb';
import { QuestionnairePage } from '../support/questionnaire_page';

const NOTE = 'Voir avec le DGS avant le conseil de mars.';

test('a private note is kept, sent to MOT only when joined, and MOT reads it', async ({ page, browser }) => {
  const { questionnaire: q, base } = await QuestionnairePage.create(page, 'Givet');
  await q.gotoStep(base, 'gouvernance');
  await page.locator('summary', { hasText: 'Note privée sur cette étape' }).click();
  await page.getByLabel('Note privée', { exact: true }).fill(NOTE);
  await q.expectSaved();
  await page.reload();
  await expect(page.getByLabel('Note privée', { exact: true })).toHaveValue(NOTE);

  await page.goto(base);
  const withoutNotes = await downloadFrom(page.getByRole('button', { name: 'Exporter pour la MOT' }));
  expect(fs.readFileSync(withoutNotes.file, 'utf8')).not.toContain(NOTE);
  await page.getByLabel('Joindre mes notes privées (1 note) au fichier pour la MOT').check();
  const withNotes = await downloadFrom(page.getByRole('button', { name: 'Exporter pour la MOT' }));
  expect(JSON.parse(fs.readFileSync(withNotes.file, 'utf8')).diagnostics[0].private_notes).toEqual({ gouvernance: NOTE });

  const device = await browser.newContext({ baseURL: new URL(page.url()).origin });
  try {
    const mot = new MotPage(await device.newPage());
    await mot.goto();
    await mot.pick([withNotes.file]);
    await mot.expectSummary({ new: 1 });
    await mot.page.getByRole('link', { name: 'Givet' }).click();
    await expect(mot.page.getByTestId('town-notes')).toContainText(`Gouvernance et coopération : ${NOTE}`);
  } finally {
    await device.close();
  }
});

test('with a full disk, a private note typed is still there once reopened', async ({ page }) => {
  const { questionnaire: q, base } = await QuestionnairePage.create(page, 'Givet');
  await q.gotoStep(base, 'mobilite');
  await failEveryCommit(page);
  await page.locator('summary', { hasText: 'Note privée sur cette étape' }).click();
  await page.getByLabel('Note privée', { exact: true }).fill(NOTE);
  await expect(page.getByTestId('save-status').getByRole('alert')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Note privée', { exact: true })).toHaveValue(NOTE);
});
