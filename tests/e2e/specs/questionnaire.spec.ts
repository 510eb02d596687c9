/** Journeys 2-4: the guided questionnaire, its validation, skip logic, navigation and review. */
import { test, expect } from '../support/fixtures';
import { QuestionnairePage } from '../support/questionnaire_page';
import { expectNoSeriousA11yViolations } from '../support/axe';

test('profile answers survive a reload, which lands on the same step', async ({ page }) => {
  const { questionnaire: q, base } = await QuestionnairePage.create(page, 'Givet');
  await q.gotoStep(base, 'profil');
  await q.input('profil_code_insee').fill('08190');
  await q.input('profil_siren_epci').fill('200067213');
  await q.input('profil_departement').selectOption('08');
  await q.choice('profil_pays_voisins', 'Belgique').check();
  await q.input('profil_population').fill('6 500');
  await q.expectSaved();

  await page.reload();
  await expect(page).toHaveURL(new RegExp(`${base}/profil$`));
  await expect(q.heading()).toHaveText('Profil du territoire');
  await expect(q.input('profil_code_insee')).toHaveValue('08190');
  await expect(q.input('profil_siren_epci')).toHaveValue('200067213');
  await expect(q.input('profil_departement')).toHaveValue('08');
  await expect(q.choice('profil_pays_voisins', 'Belgique')).toBeChecked();
  await expect(q.input('profil_population')).toHaveValue('6500');
  await expect(q.tocEntry('Profil du territoire')).toContainText('6 /');
});

test('the Interreg programmes are suggested from the département', async ({ page }) => {
  const { questionnaire: q, base } = await QuestionnairePage.create(page, 'Givet');
  await q.gotoStep(base, 'profil');
  await q.input('profil_departement').selectOption('08');
  await expect(page.getByRole('note')).toContainText('France-Wallonie-Vlaanderen');
  // A programme the town ticked itself stays ticked: the suggestion only adds.
  await q.choice('profil_programmes_interreg', 'Interreg France-Suisse (VI)').check();
  await page.getByRole('button', { name: 'Cocher les programmes suggérés' }).click();
  await expect(q.choice('profil_programmes_interreg', 'Interreg France-Wallonie-Vlaanderen (VI)')).toBeChecked();
  await expect(q.choice('profil_programmes_interreg', 'Interreg France-Suisse (VI)')).toBeChecked();
  await q.expectSaved();
  await page.reload();
  await expect(q.choice('profil_programmes_interreg', 'Interreg France-Wallonie-Vlaanderen (VI)')).toBeChecked();
  await expect(q.choice('profil_programmes_interreg', 'Interreg France-Suisse (VI)')).toBeChecked();
});

test('INSEE code and SIREN get precise French messages, tied to their field', async ({ page }) => {
  const { questionnaire: q, base } = await QuestionnairePage.create(page, 'Givet');
  await q.gotoStep(base, 'profil');
  await q.input('profil_code_insee').fill('1234');
  await q.input('profil_code_insee').blur();
  await expect(q.error('profil_code_insee')).toContainText('doit comporter 5 caractères');
  await expect(q.input('profil_code_insee')).toHaveAttribute('aria-invalid', 'true');
  await expect(q.input('profil_code_insee')).toHaveAttribute('aria-describedby', /q-profil_code_insee-error/);

  await q.input('profil_code_insee').fill('20004');
  await q.input('profil_code_insee').blur();
  await expect(q.error('profil_code_insee')).toContainText('2A');

  await q.input('profil_code_insee').fill('2A004');
  await q.input('profil_code_insee').blur();
  await expect(q.error('profil_code_insee')).toBeEmpty();

  await q.input('profil_siren_epci').fill('123456789');
  await q.input('profil_siren_epci').blur();
  await expect(q.error('profil_siren_epci')).toContainText('clé de contrôle (Luhn)');
  await q.input('profil_siren_epci').fill('12345');
  await q.input('profil_siren_epci').blur();
  await expect(q.error('profil_siren_epci')).toContainText('9 chiffres');
});

test('a follow-up question shows only when it applies, and a hidden answer is kept', async ({ page }) => {
  const { questionnaire: q, base } = await QuestionnairePage.create(page, 'Modane');
  await q.gotoStep(base, 'gouvernance');
  await expect(q.question('gov_convention_detail')).toHaveCount(0);
  await q.choice('gov_convention', 'Oui').check();
  await q.input('gov_convention_detail').fill('Convention avec Bardonecchia depuis 2019');
  await q.expectSaved();
  const answeredWithDetail = await q.tocEntry('Gouvernance').textContent();

  await q.choice('gov_convention', 'Non').check();
  await expect(q.question('gov_convention_detail')).toHaveCount(0);
  await q.expectSaved();
  // The hidden question leaves the count of applicable questions.
  await expect(q.tocEntry('Gouvernance')).not.toHaveText(answeredWithDetail!);

  await q.choice('gov_convention', 'Oui').check();
  await expect(q.input('gov_convention_detail')).toHaveValue('Convention avec Bardonecchia depuis 2019');
});

test('a theme marked "non concerné" leaves the completion, and its answers are kept', async ({ page }) => {
  const { questionnaire: q, base } = await QuestionnairePage.create(page, 'Givet');
  await q.gotoStep(base, 'mobilite');
  await q.choice('mob_planification', 'Oui').check();
  await page.getByLabel("Notre territoire n'est pas concerné par ce thème").check();
  await expect(q.tocEntry('Mobilité')).toContainText('non concerné');
  await expect(q.question('mob_planification')).toHaveCount(0);
  await page.reload();
  await expect(q.tocEntry('Mobilité')).toContainText('non concerné');
  await page.getByLabel("Notre territoire n'est pas concerné par ce thème").uncheck();
  await expect(q.choice('mob_planification', 'Oui')).toBeChecked();
});

test('the table of contents jumps anywhere and focus moves to the step heading', async ({ page }) => {
  const { questionnaire: q, base } = await QuestionnairePage.create(page, 'Givet');
  await q.gotoStep(base, 'profil');
  await q.toc().getByRole('link', { name: /Santé et secours/ }).click();
  await expect(page).toHaveURL(`${base}/sante`);
  await expect(q.heading()).toHaveText('Santé et secours');
  await expect(q.heading()).toBeFocused();
  await expect(q.toc().getByRole('link', { name: /Santé et secours/ })).toHaveAttribute('aria-current', 'step');
  await page.getByRole('link', { name: /Étape suivante/ }).click();
  await expect(page).toHaveURL(`${base}/emploi`);
  await expect(q.heading()).toBeFocused();
  await page.getByRole('link', { name: /Étape précédente/ }).click();
  await expect(page).toHaveURL(`${base}/sante`);
});

test('the review lists what is missing with links, and "Terminer" completes the diagnostic', async ({ page }) => {
  const { questionnaire: q, base } = await QuestionnairePage.create(page, 'Givet');
  await q.gotoStep(base, 'profil');
  await q.input('profil_code_insee').fill('123');
  await q.input('profil_code_insee').blur();
  await q.expectSaved();
  await q.gotoStep(base, 'relecture');
  const items = page.getByTestId('review-item');
  await expect(items.first()).toBeVisible();
  const insee = items.filter({ hasText: 'Code INSEE' });
  await expect(insee).toContainText('doit comporter 5 caractères');
  await insee.getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`${base}/profil#question-profil_code_insee$`));
  await expect(q.input('profil_code_insee')).toBeFocused();

  await q.gotoStep(base, 'relecture');
  await page.getByRole('button', { name: 'Terminer le diagnostic' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Diagnostic terminé' })).toBeVisible();
  await page.goto('/');
  await expect(page.getByTestId('diagnostic-progress')).toContainText('Terminé');
});

test('a step can be answered with the keyboard alone', async ({ page }) => {
  const { questionnaire: q, base } = await QuestionnairePage.create(page, 'Givet');
  await q.gotoStep(base, 'gouvernance');
  await expect(q.heading()).toBeFocused();
  // Tab from the heading to the first maturity level, then choose with the arrow keys.
  for (let i = 0; i < 10 && !(await q.choice('gov_relations', '0 — Aucun').evaluate((e) => e === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(q.choice('gov_relations', '0 — Aucun')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(q.choice('gov_relations', '2 — Contacts établis')).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(q.choice('gov_convention', 'Oui')).toBeFocused();
  await page.keyboard.press('Space');
  await expect(q.choice('gov_convention', 'Oui')).toBeChecked();
  await page.keyboard.press('Tab');
  await page.keyboard.type('Convention signée en 2019');
  await expect(q.input('gov_convention_detail')).toHaveValue('Convention signée en 2019');
  await q.expectSaved();
  await page.reload();
  await expect(q.choice('gov_relations', '2 — Contacts établis')).toBeChecked();
  await expect(q.input('gov_convention_detail')).toHaveValue('Convention signée en 2019');
});

test('no step, nor the review, has a serious accessibility violation', async ({ page }) => {
  test.setTimeout(120_000);
  const { questionnaire: q, base } = await QuestionnairePage.create(page, 'Givet');
  await q.gotoStep(base, 'profil');
  // An invalid answer shows its message: the error state is checked too.
  await q.input('profil_code_insee').fill('12');
  await q.input('profil_code_insee').blur();
  await expect(q.error('profil_code_insee')).not.toBeEmpty();
  const steps = await q.toc().getByRole('link').evaluateAll((links) => links.map((l) => l.getAttribute('href')!));
  expect(steps.length).toBeGreaterThanOrEqual(14);
  for (const href of steps) {
    await page.goto(href);
    await expect(q.heading()).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  }
});
