/**
 * MOT's compilation of good practices: by border and theme, with the towns' names and contacts as
 * declared, filterable, printed to A4 without the controls.
 */
import { test, expect } from '../support/fixtures';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { QuestionnairePage } from '../support/questionnaire_page';

test('the declared good practices print as a compilation by border and theme', async ({ page }) => {
  const { questionnaire, base } = await QuestionnairePage.create(page, 'Givet');
  await questionnaire.gotoStep(base, 'profil');
  await questionnaire.input('profil_departement').selectOption('08');
  await questionnaire.choice('profil_pays_voisins', 'Belgique').check();
  await questionnaire.expectSaved();
  await page.goto(`${base}/projets`);
  await page.getByRole('button', { name: 'Déclarer une bonne pratique' }).click();
  const practice = page.getByTestId('good-practice');
  await practice.getByLabel('Titre').fill('Fête de la Meuse transfrontalière');
  await practice.getByLabel('Thème').selectOption('culture');
  await practice.getByLabel('Contact').fill('Service culture, mairie de Givet');
  await expect(page.getByTestId('save-status')).toHaveText('Enregistré');

  await page.goto('/mot');
  await page.getByRole('link', { name: 'recueil à imprimer' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Recueil des bonnes pratiques transfrontalières');
  const border = page.getByTestId('compilation-border');
  await expect(border).toHaveCount(1);
  await expect(border.getByRole('heading', { level: 2 })).toHaveText('Frontière : Belgique');
  await expect(border.getByRole('heading', { level: 3 })).toHaveText('Culture, tourisme et vie associative');
  const card = page.getByTestId('compiled-practice');
  await expect(card).toContainText('Fête de la Meuse transfrontalière');
  await expect(card).toContainText('Givet — Ardennes (08)');
  await expect(card).toContainText('Contact : Service culture, mairie de Givet');
  await expectNoSeriousA11yViolations(page);

  await page.getByLabel('Thème').selectOption({ label: 'Santé et secours' });
  await expect(page.getByTestId('compilation-empty')).toBeVisible();
  await page.getByLabel('Thème').selectOption({ label: '— Tous les thèmes —' });
  await expect(card).toHaveCount(1);

  await page.emulateMedia({ media: 'print' });
  await expect(card).toBeVisible();
  await expect(page.getByLabel('Frontière')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Imprimer le recueil' })).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  expect(pdf.toString('latin1').startsWith('%PDF-')).toBe(true);
});
