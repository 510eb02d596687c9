/**
 * App updates that raise the database's schema version: a tab of the older version hands the
 * database over (after storing what it had pending), and a tab of the newer version waiting
 * for an older one says so.
 */
import { test, expect } from '../support/fixtures';
import { HomePage } from '../support/home_page';
import { QuestionnairePage } from '../support/questionnaire_page';

/** A page of the app's origin that does not run the app (to act as another version would). */
async function plainPageOfTheOrigin(context: import('@playwright/test').BrowserContext) {
  const plain = await context.newPage();
  await plain.goto('/manifest.webmanifest');
  return plain;
}

test('a newer version opened in another tab gets the database at once, with the text this tab had just typed', async ({ page, context }) => {
  const { questionnaire: q, base } = await QuestionnairePage.create(page, 'Givet');
  await q.gotoStep(base, 'gouvernance');
  await q.choice('gov_convention', 'Oui').check();
  await q.expectSaved();
  const newer = await plainPageOfTheOrigin(context);

  await q.input('gov_convention_detail').pressSequentially('Tapé juste avant la mise à jour');
  // The newer version upgrades the schema (one above the app's, 3): it waits until every
  // other connection is closed.
  const upgraded = await newer.evaluate(async () => {
    const db: IDBDatabase | 'blocked' = await Promise.race([
      new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('diagnostic-transfrontalier', 4);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      }),
      new Promise<'blocked'>((resolve) => setTimeout(() => resolve('blocked'), 10_000)),
    ]);
    if (db === 'blocked') return 'blocked';
    const records = await new Promise((resolve, reject) => {
      const request = db.transaction('diagnostics').objectStore('diagnostics').getAll();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return JSON.stringify(records);
  });
  expect(upgraded).not.toEqual('blocked');
  expect(upgraded).toContain('Tapé juste avant la mise à jour');

  const notice = page.getByRole('alert').filter({ hasText: 'Une version plus récente de l\'application a été ouverte' });
  await expect(notice).toContainText('Rechargez-le pour continuer');
  await expect(notice.getByRole('button', { name: 'Recharger' })).toBeVisible();
  // What is typed from now on cannot be stored here: the save status says why, and what to do.
  await q.input('gov_convention_detail').pressSequentially(' encore');
  const status = page.getByTestId('save-status');
  await expect(status).toContainText('Rechargez la page pour continuer avec la nouvelle version');
  // Storing again would fail the same way: the way out offered is a reload.
  await expect(status.getByRole('button', { name: 'Recharger la page' })).toBeVisible();
  await expect(status.getByRole('button', { name: 'Réessayer l\'enregistrement' })).toHaveCount(0);
});

test('a tab of an older version holding the database back is named, and the app loads once it lets go', async ({ page, context }) => {
  // A tab of a version whose schema was 1, which does not hand its connection over.
  const older = await plainPageOfTheOrigin(context);
  await older.evaluate(async () => {
    (window as any).olderConnection = await new Promise((resolve, reject) => {
      const request = indexedDB.open('diagnostic-transfrontalier', 1);
      request.onupgradeneeded = () => {
        request.result.createObjectStore('diagnostics', { keyPath: 'id' });
        request.result.createObjectStore('meta');
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  });

  await page.goto('/');
  const banner = page.getByRole('status').filter({ hasText: 'version précédente de l\'application' });
  await expect(banner).toContainText('Fermez ou rechargez les autres onglets');
  await expect(page.getByText('Chargement des diagnostics…')).toBeVisible();

  await older.evaluate(() => (window as any).olderConnection.close());
  await expect(banner).toHaveCount(0);
  await expect(page.getByText('Chargement des diagnostics…')).toHaveCount(0);
  await new HomePage(page).createDiagnostic('Hendaye');
});
