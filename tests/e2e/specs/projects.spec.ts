/** Journey 6: project sheets from an opportunity or blank, good practices, in the report. */
import { test, expect } from '../support/fixtures';
import { QuestionnairePage } from '../support/questionnaire_page';
import { fillSampleDiagnostic, ProjectSheetPage, ReportPage } from '../support/report_page';
import { expectNoSeriousA11yViolations } from '../support/axe';

test('an opportunity becomes a project sheet that survives a reload and shows in the report', async ({ page }) => {
  test.setTimeout(120_000);
  const { questionnaire: q, base } = await QuestionnairePage.create(page, 'Givet');
  await fillSampleDiagnostic(q, base);
  const report = new ReportPage(page);
  await report.goto(base);

  const opportunity = report.opportunity('gov_premier_contact');
  const title = (await opportunity.getByRole('heading', { level: 3 }).textContent())!.trim();
  await opportunity.getByRole('button', { name: 'Créer une fiche projet' }).click();
  await expect(page).toHaveURL(new RegExp(`${base}/projets/[0-9a-f-]{36}$`));
  const sheetUrl = page.url();
  const sheet = new ProjectSheetPage(page);
  await expect(sheet.heading()).toHaveText(title);
  await expect(sheet.heading()).toBeFocused();
  // Prefilled from the opportunity: title, need, objectives, actions, funding from the resources.
  await expect(sheet.field('Titre du projet')).toHaveValue(title);
  await expect(sheet.field('Besoin')).not.toHaveValue('');
  await expect(sheet.field('Objectifs')).not.toHaveValue('');
  await expect(sheet.field('Action 1')).not.toHaveValue('');
  await expect(sheet.field('Financement 1')).toHaveValue(/Interreg|micro|projet/i);
  await expect(sheet.field('Thème')).toHaveValue('gouvernance');

  // Edit: title, objectives, one partner across the border, budget, timeline, partnership step.
  await sheet.field('Titre du projet').fill('Rencontre des maires Givet – Beauraing');
  await sheet.field('Objectifs').fill('Signer une convention de coopération en 2027.');
  await page.getByRole('button', { name: 'Ajouter un partenaire' }).click();
  await expect(page.locator('#partenaire-1-nom')).toBeFocused();
  await page.keyboard.type('Commune de Beauraing');
  await sheet.partner(1).getByLabel('Pays').selectOption('BE');
  await sheet.partner(1).getByLabel('Type de structure').fill('Commune');
  await sheet.partner(1).getByLabel('État du contact').selectOption({ label: 'Contacté' });
  const actions = await page.locator('[id^="fiche-action-"]').count();
  await page.getByRole('button', { name: 'Ajouter une action' }).click();
  await expect(page.locator(`#fiche-action-${actions + 1}`)).toBeFocused();
  await page.keyboard.type('Visite de la mairie de Beauraing');
  await page.getByLabel('De 30 000 à 75 000 €').check();
  await sheet.field('Calendrier').fill('2027 : rencontre ; 2028 : convention');
  await page.getByLabel('2. Partenaires identifiés').check();
  await expect(page.getByTestId('save-status')).toHaveText('Enregistré');
  await expect(sheet.heading()).toHaveText('Rencontre des maires Givet – Beauraing');

  await page.reload();
  await expect(sheet.heading()).toHaveText('Rencontre des maires Givet – Beauraing');
  await expect(sheet.field('Objectifs')).toHaveValue('Signer une convention de coopération en 2027.');
  await expect(sheet.partner(1).getByLabel('Nom de la structure')).toHaveValue('Commune de Beauraing');
  await expect(sheet.partner(1).getByLabel('Pays')).toHaveValue('BE');
  await expect(sheet.partner(1).getByLabel('Type de structure')).toHaveValue('Commune');
  await expect(sheet.partner(1).getByLabel('État du contact')).toHaveValue('contacte');
  await expect(page.locator('[id^="fiche-action-"]')).toHaveCount(actions + 1);
  await expect(page.locator(`#fiche-action-${actions + 1}`)).toHaveValue('Visite de la mairie de Beauraing');
  await expect(page.getByLabel('De 30 000 à 75 000 €')).toBeChecked();
  await expect(sheet.field('Calendrier')).toHaveValue('2027 : rencontre ; 2028 : convention');
  await expect(page.getByLabel('2. Partenaires identifiés')).toBeChecked();
  await expectNoSeriousA11yViolations(page);

  // Listed in the report (and on the projects page), and the opportunity links to it.
  await report.goto(base);
  const summary = page.getByTestId('report-sheet');
  await expect(summary).toHaveCount(1);
  await expect(summary).toContainText('Rencontre des maires Givet – Beauraing');
  await expect(summary).toContainText('Commune de Beauraing (Belgique, Commune, Contacté)');
  await expect(summary).toContainText('Partenaires identifiés (2 sur 5)');
  await expect(summary).toContainText('De 30 000 à 75 000 €');
  await expect(report.opportunity('gov_premier_contact').getByRole('link', { name: 'Rencontre des maires Givet – Beauraing' })).toHaveAttribute(
    'href',
    new URL(sheetUrl).pathname,
  );
  await page.goto(`${base}/projets`);
  await expect(page.getByTestId('sheet-item')).toHaveCount(1);
  await expect(page.getByTestId('sheet-item')).toContainText('Étape : Partenaires identifiés');
});

test('a blank sheet can be created, edited and deleted', async ({ page }) => {
  const { base } = await QuestionnairePage.create(page, 'Hendaye');
  await page.goto(base);
  await page.getByRole('link', { name: 'Fiches projet et bonnes pratiques' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Projets et bonnes pratiques');
  await page.getByRole('button', { name: 'Créer une fiche projet vierge' }).click();
  const sheet = new ProjectSheetPage(page);
  await expect(sheet.heading()).toHaveText('Nouveau projet');
  await sheet.field('Titre du projet').fill('Navette Hendaye – Irun');
  await sheet.field('Besoin').fill('Les frontaliers vont à Irun en voiture.');
  await expect(page.getByTestId('save-status')).toHaveText('Enregistré');
  await page.reload();
  await expect(sheet.field('Besoin')).toHaveValue('Les frontaliers vont à Irun en voiture.');

  await page.getByRole('button', { name: 'Supprimer cette fiche projet' }).click();
  await page.getByRole('button', { name: 'Confirmer la suppression' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Projets et bonnes pratiques');
  await expect(page.getByTestId('sheet-item')).toHaveCount(0);
  await page.reload();
  await expect(page.getByText('Aucune fiche projet pour l\'instant.')).toBeVisible();
});

test('a good practice is declared, kept across a reload, and shown in the report', async ({ page }) => {
  const { base } = await QuestionnairePage.create(page, 'Givet');
  await page.goto(`${base}/projets`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Projets et bonnes pratiques');
  await page.getByRole('button', { name: 'Déclarer une bonne pratique' }).click();
  const practice = page.getByTestId('good-practice');
  await expect(practice).toHaveCount(1);
  await expect(practice.getByLabel('Titre')).toBeFocused();
  await page.keyboard.type('Fête de la Meuse transfrontalière');
  await practice.getByLabel('Thème').selectOption('culture');
  await practice.getByLabel('Partenaires').fill('Ville de Givet, commune de Beauraing');
  await practice.getByLabel('Description').fill('Une fête commune chaque été depuis 2015.');
  await practice.getByLabel('Résultats').fill('3 000 visiteurs des deux côtés.');
  await practice.getByLabel('Contact').fill('Service culture, mairie de Givet');
  await expect(page.getByTestId('save-status')).toHaveText('Enregistré');
  await expectNoSeriousA11yViolations(page);

  await page.reload();
  await expect(practice.getByLabel('Titre')).toHaveValue('Fête de la Meuse transfrontalière');
  await expect(practice.getByLabel('Thème')).toHaveValue('culture');
  await expect(practice.getByLabel('Résultats')).toHaveValue('3 000 visiteurs des deux côtés.');

  await page.goto(`${base}/rapport`);
  const shown = page.getByTestId('report-practice');
  await expect(shown).toContainText('Fête de la Meuse transfrontalière');
  await expect(shown).toContainText('Culture, tourisme et vie associative');
  await expect(shown).toContainText('Service culture, mairie de Givet');
});
