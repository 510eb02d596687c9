/** When the browser offers no IndexedDB (some private windows), the app explains instead of going blank. */
import { test, expect } from '../support/fixtures';

test('without IndexedDB the home page shows a clear French message', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { get: () => undefined, configurable: true });
  });
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText("Le stockage local de ce navigateur n'est pas disponible");
  await expect(page.getByRole('alert')).toContainText('navigation privée');
});
