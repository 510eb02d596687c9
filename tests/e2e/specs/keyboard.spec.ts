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
  await expect(page.getByRole('status').filter({ hasText: 'Diagnostic terminé' })).toBeVisible();
  await page.reload();
  await expect(page.getByText('Toutes les questions applicables ont une réponse valide.')).toBeVisible();
});
