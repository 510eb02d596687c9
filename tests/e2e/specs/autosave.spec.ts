/** Nothing is ever lost: autosave, an abrupt close, two tabs on the same diagnostic. */
import { test, expect } from '../support/fixtures';
import { QuestionnairePage } from '../support/questionnaire_page';

test('text typed just before the tab is closed is there when the diagnostic is opened again', async ({ page, context }) => {
  const { questionnaire: q, base } = await QuestionnairePage.create(page, 'Givet');
  await q.gotoStep(base, 'profil');
  await q.input('profil_id_pvd').pressSequentially('pvd-08-01-1');
  await page.close();

  const again = await context.newPage();
  const reopened = new QuestionnairePage(again);
  await reopened.gotoStep(base, 'profil');
  await expect(reopened.input('profil_id_pvd')).toHaveValue('pvd-08-01-1');
});

test('answers given in two tabs both survive, and each tab shows the other one\'s change', async ({ page, context }) => {
  const { base } = await QuestionnairePage.create(page, 'Givet');
  const tabA = new QuestionnairePage(page);
  await tabA.gotoStep(base, 'gouvernance');
  const tabB = new QuestionnairePage(await context.newPage());
  await tabB.gotoStep(base, 'gouvernance');

  await tabA.choice('gov_convention', 'Oui').check();
  await tabA.expectSaved();
  await tabB.choice('gov_obstacle', 'Oui').check();
  await tabB.expectSaved();

  // Each tab shows the other's answer without a reload.
  await expect(tabA.choice('gov_obstacle', 'Oui')).toBeChecked();
  await expect(tabB.choice('gov_convention', 'Oui')).toBeChecked();

  // Text typed in each tab at the same time survives too.
  await tabA.input('gov_convention_detail').fill('Convention A');
  await tabB.input('gov_obstacle_detail').fill('Obstacle B');
  await tabA.expectSaved();
  await tabB.expectSaved();

  const fresh = new QuestionnairePage(await context.newPage());
  await fresh.gotoStep(base, 'gouvernance');
  await expect(fresh.choice('gov_convention', 'Oui')).toBeChecked();
  await expect(fresh.choice('gov_obstacle', 'Oui')).toBeChecked();
  await expect(fresh.input('gov_convention_detail')).toHaveValue('Convention A');
  await expect(fresh.input('gov_obstacle_detail')).toHaveValue('Obstacle B');
});

test('the save status says "Enregistré" once a change is stored', async ({ page }) => {
  const { questionnaire: q, base } = await QuestionnairePage.create(page, 'Givet');
  await q.gotoStep(base, 'mobilite');
  await expect(page.getByTestId('save-status')).toContainText('Enregistrement automatique');
  await q.choice('mob_planification', 'Non').check();
  await q.expectSaved();
});
