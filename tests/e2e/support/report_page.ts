/** Page objects of the report (radar chart, table, opportunities, annex) and of project sheets. */
import { expect, Locator, Page } from '@playwright/test';
import { QuestionnairePage } from './questionnaire_page';

/** Fills a diagnostic through the UI: profile (Ardennes, Belgium), answers in four themes,
 * "Mobilité" marked "non concerné", one "ne sait pas", and the expectations of MOT. */
export async function fillSampleDiagnostic(q: QuestionnairePage, base: string): Promise<void> {
  const page = q.page;
  await q.gotoStep(base, 'profil');
  await q.input('profil_departement').selectOption('08');
  await q.choice('profil_pays_voisins', 'Belgique').check();
  await q.expectSaved();

  await q.gotoStep(base, 'gouvernance');
  await q.choice('gov_relations', '1 — Enjeu identifié').check();
  await q.choice('gov_convention', 'Non').check();
  await q.expectSaved();

  await q.gotoStep(base, 'mobilite');
  await page.getByLabel("Notre territoire n'est pas concerné par ce thème").check();
  await q.expectSaved();

  await q.gotoStep(base, 'economie');
  await q.choice('eco_entreprises', '2 — Contacts établis').check();
  await q.expectSaved();

  await q.gotoStep(base, 'education');
  await q.choice('edu_echanges', '1 — Enjeu identifié').check();
  await q.choice('edu_jeunesse', 'Ne sait pas').check();
  await q.expectSaved();

  await q.gotoStep(base, 'culture');
  await q.choice('cul_evenements', '3 — Action en cours').check();
  await q.choice('cul_tourisme', '4 — Coopération structurée').check();
  await q.expectSaved();

  await q.gotoStep(base, 'attentes');
  await q.choice('attentes_formations', 'Mobilité durable').check();
  await q.choice('attentes_appui', 'Appui au montage de projet').check();
  await q.expectSaved();
}

export class ReportPage {
  readonly chart: Locator;
  readonly axes: Locator;
  readonly tableRows: Locator;
  readonly opportunities: Locator;

  constructor(readonly page: Page) {
    this.chart = page.getByTestId('radar-chart');
    this.axes = this.chart.locator('g.radar__axis[data-theme]');
    this.tableRows = page.getByTestId('score-table').locator('tbody tr[data-theme]');
    this.opportunities = page.getByTestId('opportunity');
  }

  async goto(base: string): Promise<void> {
    await this.page.goto(`${base}/rapport`);
    await expect(this.page.getByRole('heading', { level: 1 })).toContainText('Rapport du diagnostic');
  }

  /** Theme id → value of the chart's axes (data-value, a whole percentage or ""). */
  async chartValues(): Promise<Record<string, string>> {
    return this.axes.evaluateAll((axes) =>
      Object.fromEntries(axes.map((a) => [a.getAttribute('data-theme')!, a.getAttribute('data-value') ?? ''])),
    );
  }

  /** Theme id → value as the table writes it ("45 %", "Pas encore de réponse", "Non évaluable"). */
  async tableValues(): Promise<Record<string, string>> {
    return this.tableRows.evaluateAll((rows) =>
      Object.fromEntries(
        rows.map((r) => [r.getAttribute('data-theme')!, (r.querySelector('[data-testid="score-value"]')?.textContent ?? '').trim()]),
      ),
    );
  }

  opportunity(ruleId: string): Locator {
    return this.page.locator(`[data-testid="opportunity"][data-rule="${ruleId}"]`);
  }
}

export class ProjectSheetPage {
  constructor(readonly page: Page) {}

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  partner(n: number): Locator {
    return this.page.getByTestId('partner').nth(n - 1);
  }
}
