/**
 * « Ressources et contacts »: reachable from the header with no diagnostic, filtered by border,
 * département, commune, theme and words; structures suggested only to their members; dated facts
 * that say when they were checked, or who to ask once old; a question to the MOT prepared as an
 * e-mail with its context.
 */
import { test, expect } from '../support/fixtures';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { HomePage } from '../support/home_page';
import { QuestionnairePage } from '../support/questionnaire_page';
import { ResourcesPage } from '../support/resources_page';

test('the page opens from the header with no diagnostic and filters by border, theme and words', async ({ page }) => {
  const home = new HomePage(page);
  await home.goto();
  const resources = new ResourcesPage(page);
  await resources.openFromHeader();
  expect((await resources.programmeNames()).length).toBeGreaterThanOrEqual(11);
  await expectNoSeriousA11yViolations(page);

  await resources.country().selectOption({ label: 'Suisse' });
  await expect(resources.programmes).toHaveCount(2);
  expect(await resources.programmeNames()).toEqual([
    'Interreg Rhin Supérieur / Oberrhein (VI)',
    'Interreg France-Suisse (VI)',
  ]);
  await expect(resources.structure('Grand Genève')).toBeVisible();
  await expect(resources.structure('Eurométropole')).toHaveCount(0);

  await resources.country().selectOption({ label: '— Toutes les frontières —' });
  await resources.theme().selectOption({ label: 'Santé et secours' });
  await resources.search().fill('agence regionale');
  await expect(resources.contact('Agence régionale de santé')).toBeVisible();
  await expect(resources.contact('Rectorat')).toHaveCount(0);

  await resources.search().fill('xyzzy');
  await expect(resources.summary).toContainText('Aucun résultat');
  await expect(page.getByRole('heading', { name: 'Contacts', exact: true })).toHaveCount(0);
});

test('a structure is the commune\'s own only when the commune is inside it', async ({ page }) => {
  const resources = new ResourcesPage(page);
  await resources.goto();
  await resources.departement().selectOption('59');
  const eurometropole = resources.structure('Eurométropole Lille-Kortrijk-Tournai');
  await expect(eurometropole).toBeVisible();
  await expect(eurometropole).not.toContainText('votre commune en fait partie');

  // Roubaix, in the Métropole européenne de Lille.
  await resources.insee().fill('59512');
  await resources.siren().fill('200093201');
  await expect(eurometropole).toContainText('votre commune en fait partie');
  // Maubeuge, outside the metropole; the Flandre-Dunkerque GECT's list of members is partial.
  await resources.insee().fill('59392');
  await resources.siren().fill('200043396');
  await expect(eurometropole).toContainText("votre commune n'en fait pas partie");
  await expect(resources.structure('West-Vlaanderen')).toContainText('demandez-lui si votre commune y adhère');
  // Hendaye: the consorcio with Irun and Hondarribia, not the Lille metropole.
  await resources.departement().selectOption('64');
  await resources.siren().fill('');
  await resources.insee().fill('64260');
  await expect(resources.structure('Bidasoa-Txingudi')).toContainText('votre commune en fait partie');
  await expect(eurometropole).toHaveCount(0);
  await expect(page.getByText(/à vérifier/i)).toHaveCount(0);
});

test('codes typed key by key stay in their fields, and a wrong one says what is wrong', async ({ page }) => {
  const resources = new ResourcesPage(page);
  await resources.goto();
  await resources.departement().selectOption('59');
  await resources.insee().pressSequentially('59512');
  await expect(resources.insee()).toHaveValue('59512');
  await resources.siren().pressSequentially('200093202');
  await expect(resources.siren()).toHaveValue('200093202');
  await expect(page.getByText('Le SIREN 200093202 n\'est pas valide : la clé de contrôle (Luhn) ne correspond pas.'))
    .toBeVisible();
  await expect(resources.siren()).toHaveAttribute('aria-invalid', 'true');
  const eurometropole = resources.structure('Eurométropole Lille-Kortrijk-Tournai');
  await expect(eurometropole).not.toContainText('votre commune en fait partie');

  await resources.siren().press('Backspace');
  await resources.siren().press('1');
  await expect(resources.siren()).not.toHaveAttribute('aria-invalid', 'true');
  await expect(eurometropole).toContainText('votre commune en fait partie');
  // A question asked without naming the commune names it by the code typed.
  await page.getByLabel('Votre question').fill('Qui finance une navette vers Mouscron ?');
  const mail = await resources.mail();
  expect(mail.subject).toBe('Question transfrontalière — code INSEE 59512');
  expect(mail.body).toContain('Commune : code INSEE 59512\r\nFrontière : Belgique\r\nThème : non précisé');
});

test('dated facts say when they were checked, and who to ask once old or over', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2027-01-15T10:00:00'));
  const resources = new ResourcesPage(page);
  await resources.goto();
  const facts = page.getByTestId('dated-fact');
  await expect(facts.filter({ hasText: 'vérifié le 6 décembre 2026' }).first()).toBeVisible();
  // A call that closed in 2025 is not shown as open.
  await expect(facts.filter({ hasText: /date passée depuis le .* 2025 : à confirmer auprès d/ }).first()).toBeVisible();

  await page.clock.setFixedTime(new Date('2028-06-01T10:00:00'));
  await resources.goto();
  await expect(facts.first()).toBeVisible();
  await expect(facts.filter({ hasText: 'vérifié le' })).toHaveCount(0);
  await expect(facts.filter({ hasText: 'information de décembre 2026, à confirmer auprès d' }).first()).toBeVisible();
});

test('the question to the MOT is prepared with the commune, the border and the theme', async ({ page }) => {
  const { questionnaire, base } = await QuestionnairePage.create(page, 'Givet');
  await questionnaire.gotoStep(base, 'profil');
  await questionnaire.input('profil_departement').selectOption('08');
  await questionnaire.choice('profil_pays_voisins', 'Belgique').check();
  await questionnaire.expectSaved();

  const resources = new ResourcesPage(page);
  await resources.openFromHeader();
  await page.getByLabel("Remplir avec le territoire d'un diagnostic").selectOption({ label: 'Givet' });
  await expect(resources.departement()).toHaveValue('08');
  expect(await resources.programmeNames()).toEqual(['Interreg France-Wallonie-Vlaanderen (VI)']);
  await resources.theme().selectOption({ label: 'Mobilité' });
  await expect(page.getByLabel('Commune ou intercommunalité')).toHaveValue('Givet');
  await page.getByLabel('Votre question').fill('Qui peut financer une navette vers Dinant ?\nMerci.');

  const mail = await resources.mail();
  // No e-mail address of the MOT is in a public source the data cites: none is made up.
  expect(mail.to).toBe('');
  await expect(page.getByTestId('mot-no-recipient')).toContainText('sans destinataire');
  expect(mail.subject).toBe('Question transfrontalière — Givet — Mobilité');
  expect(mail.body).toContain('Commune : Givet\r\nFrontière : Belgique\r\nThème : Mobilité');
  expect(mail.body).toContain('Qui peut financer une navette vers Dinant ?\r\nMerci.');
  await expectNoSeriousA11yViolations(page);
});
