/**
 * A backup written by the app of questionnaire version 1 (the fixture the domain tests read) is
 * imported into version 2: the import report says what moved and what was kept aside, the
 * merged question holds the answer, and what could not be carried is in the diagnostic's notes.
 */
import path from 'node:path';
import { test, expect } from '../support/fixtures';
import { QuestionnairePage } from '../support/questionnaire_page';
import { ROOT } from '../support/static_server';

const V1_EXPORT = path.join(ROOT, 'domain/tests/fixtures/questionnaire-v1-export.json');
const BREIL = '/diagnostic/0e4bae46-0a52-4563-8572-dc68ac08203b';
const LONGWY = '/diagnostic/9b8d2c3c-2abb-4f0f-9ff3-2c718efd353d';

test('a version-1 backup is imported into version 2 with its migration report, and nothing is lost', async ({ page }) => {
  await page.goto('/importer');
  await page.getByLabel('Choisir des fichiers (.json)').setInputFiles([V1_EXPORT]);
  await expect(page.getByRole('heading', { name: 'Fichiers lus' })).toBeVisible();
  await expect(page.getByText(
    'diagnostic de Breil-sur-Roya : Réponses reprises de la version 1 à la version 2 du questionnaire : 1 déplacée, 1 non reprise.',
  )).toBeVisible();
  await expect(page.getByText(
    'diagnostic de Longwy : Réponses reprises de la version 1 à la version 2 du questionnaire : 0 déplacée, 2 non reprises.',
  )).toBeVisible();
  await expect(page.getByText('réponse à « mob_navetteurs » non reprise : la question a été retirée en version 2'))
    .toHaveCount(2);
  await expect(page.getByText('réponse à « spu_point_info » non reprise : la question a été réunie avec « emp_information »'))
    .toBeVisible();
  await page.getByRole('button', { name: 'Importer' }).click();
  await expect(page.getByTestId('import-done')).toBeVisible();

  // Breil-sur-Roya answered the information point only in « Services publics »: it is now in « Emploi ».
  const q = new QuestionnairePage(page);
  await q.gotoStep(BREIL, 'emploi');
  await expect(q.choice('emp_information', 'Oui, mais à plus de 30 minutes')).toBeChecked();
  await page.goto(BREIL);
  await expect(page.getByTestId('unmapped-note')).toContainText('mob_navetteurs');
  await expect(page.getByTestId('unmapped-note')).toContainText('14000');

  // Longwy answered it in both: the « Emploi » answer is kept, the other is in the notes.
  await q.gotoStep(LONGWY, 'emploi');
  await expect(q.choice('emp_information', 'Non')).toBeChecked();
  await page.goto(LONGWY);
  await expect(page.getByTestId('unmapped-note')).toContainText('spu_point_info');
  await expect(page.getByTestId('unmapped-note')).toContainText('moins_30_min');
});
