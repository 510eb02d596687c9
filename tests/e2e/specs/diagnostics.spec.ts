/** Journey 1: create diagnostics, keep them across reloads, open them by address, delete them. */
import { test, expect } from '../support/fixtures';
import { HomePage } from '../support/home_page';

test('two created diagnostics are both listed after a reload', async ({ page }) => {
  const home = new HomePage(page);
  await home.goto();
  await home.createDiagnostic('Givet');
  await home.goto();
  await home.createDiagnostic('Modane');
  await page.goto('/');
  await page.reload();
  await expect(home.items).toHaveCount(2);
  expect((await home.listedCommunes()).sort()).toEqual(['Givet', 'Modane']);
  await expect(home.item('Givet')).toContainText('Modifié le');
});

test('a deletion asks for confirmation, and what is deleted stays deleted after a reload', async ({ page }) => {
  const home = new HomePage(page);
  await home.goto();
  await home.createDiagnostic('Givet');
  await home.goto();
  await home.createDiagnostic('Modane');
  await home.goto();

  // Cancelling keeps the diagnostic.
  await home.item('Givet').getByRole('button', { name: /^Supprimer/ }).click();
  const cancel = home.item('Givet').getByRole('button', { name: 'Annuler' });
  await expect(cancel).toBeFocused();
  await cancel.click();
  await expect(home.items).toHaveCount(2);

  await home.deleteDiagnostic('Givet');
  await expect(home.items).toHaveCount(1);
  await page.reload();
  await expect(home.items).toHaveCount(1);
  expect(await home.listedCommunes()).toEqual(['Modane']);
});

test('a deep link to a diagnostic opens it after a reload', async ({ page }) => {
  const home = new HomePage(page);
  await home.goto();
  const address = await home.createDiagnostic('Saint-Louis');
  await page.goto(address);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Diagnostic de Saint-Louis');
});

test('a link to a diagnostic that is not on this device says so', async ({ page }) => {
  await page.goto('/diagnostic/00000000-0000-4000-8000-000000000000');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Diagnostic introuvable');
  await expect(page.getByRole('alert')).toContainText("n'existe pas");
});

test('an empty commune name is refused with a French message and nothing is created', async ({ page }) => {
  const home = new HomePage(page);
  await home.goto();
  await page.getByLabel('Nom de la commune').fill('   ');
  await page.getByRole('button', { name: 'Créer le diagnostic' }).click();
  await expect(page.getByRole('alert')).toHaveText('Indiquez le nom de la commune.');
  await expect(page.getByLabel('Nom de la commune')).toHaveAttribute('aria-invalid', 'true');
  await page.reload();
  await expect(page.getByText('Aucun diagnostic pour l\'instant')).toBeVisible();
});
