/** Page object of « Ressources et contacts »: filters, results by kind, the question to the MOT. */
import { expect, Locator, Page } from '@playwright/test';

export class ResourcesPage {
  readonly summary: Locator;
  readonly programmes: Locator;
  readonly structures: Locator;
  readonly contacts: Locator;
  readonly mailto: Locator;

  constructor(readonly page: Page) {
    this.summary = page.getByTestId('directory-summary');
    this.programmes = page.getByTestId('programme');
    this.structures = page.getByTestId('structure');
    this.contacts = page.getByTestId('contact');
    this.mailto = page.getByTestId('mot-mailto');
  }

  /** Opens the page from the header's navigation, as a user would. */
  async openFromHeader(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Ressources et contacts' })
      .click();
    await expect(this.page.getByRole('heading', { level: 1 })).toHaveText('Ressources et contacts');
    await expect(this.summary).not.toBeEmpty();
  }

  async goto(): Promise<void> {
    await this.page.goto('/ressources');
    await expect(this.page.getByRole('heading', { level: 1 })).toHaveText('Ressources et contacts');
    await expect(this.summary).not.toBeEmpty();
  }

  country(): Locator {
    return this.page.getByLabel('Pays voisin');
  }

  departement(): Locator {
    return this.page.getByLabel('Département', { exact: true });
  }

  insee(): Locator {
    return this.page.getByLabel('Code INSEE de la commune');
  }

  siren(): Locator {
    return this.page.getByLabel("SIREN de l'intercommunalité");
  }

  theme(): Locator {
    return this.page.getByLabel('Thème');
  }

  search(): Locator {
    return this.page.getByLabel('Rechercher');
  }

  programmeNames(): Promise<string[]> {
    return this.programmes.locator('> strong').allTextContents();
  }

  structure(name: string): Locator {
    return this.structures.filter({ has: this.page.locator('strong', { hasText: name }) });
  }

  contact(label: string): Locator {
    return this.contacts.filter({ has: this.page.locator('strong', { hasText: label }) });
  }

  /** The e-mail the link opens: recipient, subject and body, decoded. */
  async mail(): Promise<{ to: string; subject: string; body: string }> {
    const href = (await this.mailto.getAttribute('href')) ?? '';
    const url = new URL(href);
    return {
      to: decodeURIComponent(url.pathname),
      subject: url.searchParams.get('subject') ?? '',
      body: url.searchParams.get('body') ?? '',
    };
  }
}
