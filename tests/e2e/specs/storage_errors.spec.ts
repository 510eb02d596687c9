/** When the browser offers no IndexedDB (some private windows), the app explains instead of going blank. */
import { test, expect } from '../support/fixtures';
import { failEveryCommit } from '../support/idb';
import { QuestionnairePage } from '../support/questionnaire_page';

test('without IndexedDB the home page shows a clear French message', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { get: () => undefined, configurable: true });
  });
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText("Le stockage local de ce navigateur n'est pas disponible");
  await expect(page.getByRole('alert')).toContainText('navigation privée');
});

test('a write refused by the browser shows a clear message, keeps the answer on screen and offers an export', async ({ page }) => {
  const { questionnaire: q, base } = await QuestionnairePage.create(page, 'Givet');
  await q.gotoStep(base, 'gouvernance');
  // From now on, every IndexedDB write fails as on a full disk.
  await failEveryCommit(page);
  await q.choice('gov_convention', 'Oui').check();
  const alert = page.getByTestId('save-status').getByRole('alert');
  await expect(alert).toContainText("L'espace de stockage de ce navigateur est plein");
  await expect(q.choice('gov_convention', 'Oui')).toBeChecked();
  const download = page.waitForEvent('download');
  await alert.getByRole('button', { name: 'Exporter mes réponses dans un fichier' }).click();
  expect((await download).suggestedFilename()).toMatch(/^sauvegarde-diagnostic-transfrontalier-/);
});

test('the storage panel shows persistence and usage, and reminds to back up after 7 days of changes', async ({ page }) => {
  await QuestionnairePage.create(page, 'Thionville');
  const { base } = await QuestionnairePage.create(page, 'Annemasse');
  await page.goto('/');
  await expect(page.getByTestId('storage-persisted')).not.toBeEmpty();
  await expect(page.getByTestId('backup-reminder')).toHaveCount(0);
  // Eight days later, with no backup exported: the reminder offers one.
  await page.clock.install({ time: Date.now() + 8 * 24 * 3600 * 1000 });
  await page.reload();
  const reminder = page.getByTestId('backup-reminder');
  await expect(reminder).toContainText('Pensez à faire une sauvegarde');
  // Sending one diagnostic to MOT is no backup of the device (nor of that diagnostic's notes).
  await page.goto(base);
  const sent = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exporter pour la MOT' }).click();
  await sent;
  await page.goto('/');
  await expect(reminder).toContainText('Pensez à faire une sauvegarde');
  await expect(page.getByTestId('last-backup')).toHaveText('Jamais');
  const download = page.waitForEvent('download');
  await reminder.getByRole('button', { name: 'Exporter une sauvegarde maintenant' }).click();
  await download;
  // The reminder goes with its button: the panel says the backup is done, and has the focus.
  await expect(page.getByTestId('backup-reminder')).toHaveCount(0);
  const done = page.getByText('Sauvegarde exportée : le fichier est dans vos téléchargements.');
  await expect(done).toBeFocused();
  await page.waitForTimeout(1000);
  await expect(done).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('backup-reminder')).toHaveCount(0);
});
