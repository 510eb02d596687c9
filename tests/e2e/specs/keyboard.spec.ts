/** The whole questionnaire, from the profile to "Terminer", completed with the keyboard alone. */
import { Page } from '@playwright/test';
import { test, expect } from '../support/fixtures';
import { QuestionnairePage } from '../support/questionnaire_page';

/** A valid value to type, by question kind. */
function valueFor(kind: string): string {
  switch (kind) {
    case 'insee_code':
      return '08190';
    case 'siren':
      return '200067213';
    case 'number':
      return '10';
    default:
      return 'Réponse saisie au clavier';
  }
}

/** What has the focus, and how the question around it stands. */
async function focused(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLInputElement | null;
    const question = element?.closest('[data-question]') as HTMLElement | null;
    const answered = question
      ? !!question.querySelector('input:checked') ||
        Array.from(question.querySelectorAll<HTMLInputElement>('input[type=text], textarea, select')).some((e) => e.value !== '')
      : false;
    return {
      tag: element?.tagName ?? '',
      type: element?.getAttribute('type') ?? '',
      value: element?.value ?? '',
      rel: element?.getAttribute('rel') ?? '',
      kind: question?.dataset.kind ?? '',
      inQuestion: !!question,
      answered,
    };
  });
}

/** Answers every question of the current step by tabbing through it, then follows "Étape suivante". */
async function answerStepWithKeyboard(page: Page): Promise<void> {
  const start = page.url();
  for (let presses = 0; presses < 500; presses++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (f.rel === 'next') {
      await page.keyboard.press('Enter');
      await expect(page).not.toHaveURL(start);
      return;
    }
    if (!f.inQuestion || f.answered) continue;
    if (f.type === 'radio' || f.type === 'checkbox') await page.keyboard.press('Space');
    else if (f.tag === 'SELECT') await page.keyboard.press('ArrowDown');
    else if (f.tag === 'INPUT' || f.tag === 'TEXTAREA') await page.keyboard.type(valueFor(f.kind));
  }
  throw new Error(`"Étape suivante" was never reached on ${start}`);
}

test('the whole questionnaire can be completed with the keyboard alone', async ({ page }) => {
  test.setTimeout(240_000);
  const { questionnaire: q, base } = await QuestionnairePage.create(page, 'Givet');
  await q.gotoStep(base, 'profil');
  while (!page.url().endsWith('/relecture')) {
    await answerStepWithKeyboard(page);
  }
  await expect(q.heading()).toBeFocused();
  await expect(page.getByText('Toutes les questions applicables ont une réponse valide.')).toBeVisible();
  await expect(page.getByTestId('review-progress')).toContainText('100 %');

  // "Terminer" is reached and pressed with the keyboard too.
  const finish = page.getByRole('button', { name: 'Terminer le diagnostic' });
  for (let presses = 0; presses < 20 && !(await finish.evaluate((e) => e === document.activeElement)); presses++) {
    await page.keyboard.press('Tab');
  }
  await expect(finish).toBeFocused();
  await page.keyboard.press('Enter');
  // The button gives way to the message: the focus goes to it, not back to the top of the page.
  await expect(page.getByRole('status').filter({ hasText: 'Diagnostic terminé' })).toBeFocused();
  await page.reload();
  await expect(page.getByText('Toutes les questions applicables ont une réponse valide.')).toBeVisible();
});

test('the skip link moves the focus to the content of the page, without leaving it', async ({ page }) => {
  for (const address of ['/importer', '/mot', '/']) {
    await page.goto(address);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Aller au contenu' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('main#contenu')).toBeFocused();
    expect(new URL(page.url()).pathname).toBe(address);
  }
});

test('the focus stays where the user works: a new diagnostic, removed entries, deleted sheets and practices', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Nom de la commune').fill('Givet');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  const base = new URL(page.url()).pathname;

  await page.goto(`${base}/projets`);
  await page.getByRole('button', { name: 'Créer une fiche projet vierge' }).click();
  await page.getByRole('button', { name: 'Ajouter une action' }).click();
  await page.keyboard.type('Première action');
  await page.getByRole('button', { name: 'Ajouter une action' }).click();
  await page.keyboard.type('Seconde action');
  // The last entry removed: the focus goes to the one before; the only one: to "Ajouter".
  await page.getByRole('button', { name: 'Retirer : Action 2' }).click();
  await expect(page.locator('#fiche-action-1')).toBeFocused();
  await page.getByRole('button', { name: 'Retirer : Action 1' }).click();
  await expect(page.getByRole('button', { name: 'Ajouter une action' })).toBeFocused();

  // Deleting asks first, with the focus on « Annuler »; Escape withdraws the question.
  await page.getByLabel('Titre du projet').fill('Navette Givet – Dinant');
  const remove = page.getByRole('button', { name: 'Supprimer cette fiche projet' });
  await remove.click();
  await expect(page.getByRole('button', { name: 'Annuler' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(remove).toBeFocused();
  await remove.click();
  await page.getByRole('button', { name: 'Confirmer la suppression' }).click();
  await expect(page).toHaveURL(new RegExp(`${base}/projets$`));
  await expect(page.getByTestId('deletion-notice')).toHaveText('La fiche projet « Navette Givet – Dinant » a été supprimée.');
  await expect(page.getByTestId('deletion-notice')).toBeFocused();
  await expect(page.getByTestId('sheet-item')).toHaveCount(0);

  await page.getByRole('button', { name: 'Déclarer une bonne pratique' }).click();
  await page.keyboard.type('Fête de la Meuse');
  await page.getByRole('button', { name: 'Supprimer la bonne pratique 1' }).click();
  await page.getByRole('button', { name: 'Confirmer la suppression' }).click();
  await expect(page.getByRole('button', { name: 'Déclarer une bonne pratique' })).toBeFocused();
  await expect(page.getByTestId('practice-status')).toHaveText('La bonne pratique 1 a été supprimée.');
  await expect(page.getByTestId('good-practice')).toHaveCount(0);
});

test('after a change of page from the header or a link that goes with its page, the focus is on the new page\'s heading', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Nom de la commune').fill('Givet');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();

  const header = page.getByRole('banner');
  for (const [link, heading] of [
    ['Importer', 'Importer des fichiers'],
    ['Espace MOT', 'Espace MOT'],
    ['Mes diagnostics', 'Diagnostic des opportunités transfrontalières'],
  ]) {
    await header.getByRole('link', { name: link }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  }
  // The next Tab starts from the page's content, not from the top of the document.
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(true);
});

test('on the home page, a deletion gives the focus back to « Supprimer » when withdrawn, and to its message once done', async ({ page }) => {
  await page.goto('/');
  for (const commune of ['Givet', 'Modane']) {
    await page.getByLabel('Nom de la commune').fill(commune);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
    await page.goto('/');
  }
  const givet = page.getByTestId('diagnostic-item').filter({ hasText: 'Givet' });
  const remove = givet.getByRole('button', { name: 'Supprimer le diagnostic de Givet' });
  await remove.click();
  await expect(givet.getByRole('button', { name: 'Annuler' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(remove).toBeFocused();
  await remove.click();
  await givet.getByRole('button', { name: 'Annuler' }).click();
  await expect(remove).toBeFocused();
  await remove.click();
  await givet.getByRole('button', { name: 'Confirmer la suppression' }).click();
  const status = page.getByText('Le diagnostic « Givet » a été supprimé.');
  await expect(status).toBeFocused();
  await expect(page.getByTestId('diagnostic-item')).toHaveCount(1);
});

test('a click in the page just after arriving is not undone by the focus moving to the heading', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('banner').getByRole('link', { name: 'Importer' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  // A click on text outside the content (the footer's) leaves the focus on the body.
  await page.getByText('Vos données restent sur cet appareil : rien').click();
  await page.waitForTimeout(500);
  await expect(page.getByRole('heading', { level: 1 })).not.toBeFocused();
});
