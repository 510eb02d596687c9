/** Page object of the home page: create, list, open and delete diagnostics. */
import { expect, Locator, Page } from '@playwright/test';

export class HomePage {
  readonly items: Locator;

  constructor(readonly page: Page) {
    this.items = page.getByTestId('diagnostic-item');
  }

  async goto(): Promise<void> {
    await this.page.goto('/');
    await expect(this.page.getByRole('heading', { level: 1 })).toHaveText('Diagnostic des opportunités transfrontalières');
    await expect(this.page.getByText('Chargement des diagnostics…')).toHaveCount(0);
  }

  /** Creates a diagnostic and waits for its page; returns its address. */
  async createDiagnostic(commune: string): Promise<string> {
    await this.page.getByLabel('Nom de la commune').fill(commune);
    await this.page.getByRole('button', { name: 'Créer le diagnostic' }).click();
    await expect(this.page.getByRole('heading', { level: 1 })).toHaveText(`Diagnostic de ${commune}`);
    return new URL(this.page.url()).pathname;
  }

  item(commune: string): Locator {
    return this.items.filter({ has: this.page.getByRole('link', { name: commune, exact: true }) });
  }

  async listedCommunes(): Promise<string[]> {
    return this.items.getByRole('link').allTextContents();
  }

  async deleteDiagnostic(commune: string): Promise<void> {
    const item = this.item(commune);
    await item.getByRole('button', { name: /^Supprimer/ }).click();
    await item.getByRole('button', { name: 'Confirmer la suppression' }).click();
    await expect(this.page.getByRole('status').filter({ hasText: 'a été supprimé' })).toContainText(`« ${commune} » a été supprimé`);
  }
}
