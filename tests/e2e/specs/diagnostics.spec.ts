/** Journey 1: create diagnostics, keep them across reloads, open them by address, delete them. */
import { test, expect } from '../support/fixtures';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { HomePage } from '../support/home_page';
import { fold, MotPage, SampleBundles } from '../support/mot_page';

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

test('a stored diagnostic this version cannot read is still listed and says so; the others are listed as usual and it can be deleted', async ({ page }) => {
  const home = new HomePage(page);
  await home.goto();
  await home.createDiagnostic('Givet');
  // A record with a name and a date but not the rest of a diagnostic (written by another version, say).
  await page.evaluate(async () => {
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const request = indexedDB.open('diagnostic-transfrontalier');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('diagnostics', 'readwrite');
      tx.objectStore('diagnostics').put({
        id: '00000000-0000-4000-8000-00000000abcd',
        updated_at: '2020-01-01T00:00:00.000Z',
        answers: { profil_commune_nom: { kind: 'text', value: 'Lauterbourg' } },
      });
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  });
  await home.goto();
  await expect(home.items).toHaveCount(2);
  expect(await home.listedCommunes()).toEqual(['Givet', 'Lauterbourg']);
  await expect(home.item('Givet').getByTestId('diagnostic-progress')).toContainText('% des réponses · En cours');
  await expect(home.item('Lauterbourg').getByTestId('diagnostic-progress')).toHaveText('Réponses illisibles dans ce navigateur');
  await home.deleteDiagnostic('Lauterbourg');
  await page.reload();
  await expect(home.items).toHaveCount(1);
  expect(await home.listedCommunes()).toEqual(['Givet']);
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

test("with many diagnostics on the device (MOT's), the home page shows 20 at a time, the most recent first, and searches by commune", async ({ page }) => {
  test.setTimeout(180_000);
  const bundles = SampleBundles.generate(25, 0);
  try {
    const mot = new MotPage(page);
    await mot.goto();
    await mot.pick(bundles.allPaths());
    await mot.expectSummary({ new: 25 });
    const byRecency = bundles.good
      .map((good) => ({ commune: good.commune, id: good.diagnostic_id, updated: bundles.bundle(good.file).diagnostics[0].updated_at as string }))
      // As stored: newest first; equal times in the order of their ids (IndexedDB's key order).
      .sort((a, b) => b.updated.localeCompare(a.updated) || (a.id < b.id ? -1 : 1))
      .map((entry) => entry.commune);

    const home = new HomePage(page);
    await home.goto();
    const count = page.getByTestId('diagnostic-count');
    await expect(count).toHaveText('20 affichés sur 25 diagnostics, du plus récemment modifié au plus ancien.');
    await expect(home.items).toHaveCount(20);
    expect(await home.listedCommunes()).toEqual(byRecency.slice(0, 20));
    await expectNoSeriousA11yViolations(page);

    // "Show more" adds the rest and takes the keyboard focus to the first one added.
    await page.getByRole('button', { name: 'Afficher 5 diagnostics de plus' }).click();
    await expect(home.items).toHaveCount(25);
    expect(await home.listedCommunes()).toEqual(byRecency);
    await expect(home.items.nth(20).getByRole('link')).toBeFocused();
    await expect(page.getByRole('button', { name: /^Afficher .* de plus$/ })).toHaveCount(0);

    // The search folds accents and case, like MOT's table.
    const search = page.getByRole('searchbox', { name: 'Rechercher une commune' });
    const commune = bundles.good[0].commune.replace(/ \(\d+\)$/, '');
    const terms = fold(commune).split(' ');
    const matching = byRecency.filter((name) => terms.every((term) => fold(name).includes(term)));
    expect(matching.length).toBeLessThan(25);
    await search.fill(commune.toUpperCase());
    await expect(home.items).toHaveCount(matching.length);
    expect(await home.listedCommunes()).toEqual(matching);
    await search.fill('Zzyzx');
    await expect(count).toHaveText('Aucun diagnostic ne correspond à « Zzyzx ».');
    await expect(home.items).toHaveCount(0);
    await search.fill('');
    await expect(home.items).toHaveCount(20);
  } finally {
    bundles.remove();
  }
});
