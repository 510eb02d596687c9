/** Page object of a diagnostic's questionnaire: steps, questions, table of contents, save status. */
import { expect, Locator, Page } from '@playwright/test';
import { HomePage } from './home_page';

export class QuestionnairePage {
  constructor(readonly page: Page) {}

  /** Creates a diagnostic from the home page and returns its base address (/diagnostic/<id>). */
  static async create(page: Page, commune: string): Promise<{ questionnaire: QuestionnairePage; base: string }> {
    const home = new HomePage(page);
    await home.goto();
    const base = await home.createDiagnostic(commune);
    return { questionnaire: new QuestionnairePage(page), base };
  }

  async gotoStep(base: string, step: string): Promise<void> {
    await this.page.goto(`${base}/${step}`);
    await expect(this.heading()).toBeVisible();
  }

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  question(id: string): Locator {
    return this.page.locator(`[data-question="${id}"]`);
  }

  input(id: string): Locator {
    return this.page.locator(`#q-${id}`);
  }

  /** The radio button or checkbox labelled `label` in question `id`. */
  choice(id: string, label: string): Locator {
    return this.question(id).getByLabel(label, { exact: true });
  }

  error(id: string): Locator {
    return this.page.locator(`#q-${id}-error`);
  }

  toc(): Locator {
    return this.page.getByRole('navigation', { name: 'Étapes du diagnostic' });
  }

  tocEntry(title: string): Locator {
    return this.toc().getByRole('listitem').filter({ hasText: title });
  }

  async expectSaved(): Promise<void> {
    await expect(this.page.getByTestId('save-status')).toHaveText('Enregistré');
  }
}
