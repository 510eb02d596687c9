/** MOT's workspace in tests: the sample bundles made by the domain's generator, and page objects
 * of the workspace (/mot) and of one territory (/mot/territoire/<id>). */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Download, expect, Locator, Page } from '@playwright/test';
import { ROOT } from './static_server';

/** A good file of the generator's manifest: one diagnostic, and what the table should show. */
export interface GoodBundle {
  file: string;
  diagnostic_id: string;
  commune: string;
  /** Neighbouring countries the territories table shows, e.g. ["BE", "LU"]. */
  country_codes: string[];
  /** Good practices of the diagnostic (rows of the good-practices CSV). */
  good_practices: number;
}

/** A bad file of the manifest, with a piece of the French message it is refused with. */
export interface BadBundle {
  file: string;
  reason_fragment: string;
}

/** Bundles written by `domain/examples/sample_bundles.rs` into a temporary folder. */
export class SampleBundles {
  private constructor(
    readonly dir: string,
    readonly good: GoodBundle[],
    readonly bad: BadBundle[],
  ) {}

  /** Runs the generator (a cargo example; slow the first time it compiles). */
  static generate(count: number, bad: number): SampleBundles {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mot-bundles-'));
    const args = ['run', '--locked', '-q', '-p', 'domain', '--example', 'sample_bundles', '--'];
    execFileSync('cargo', [...args, '--count', String(count), '--bad', String(bad), '--out', dir], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    return new SampleBundles(dir, manifest.good, manifest.bad);
  }

  /** Path of one file of the folder. */
  path(file: string): string {
    return path.join(this.dir, file);
  }

  /** Every bundle, good and bad, in file name order. */
  allPaths(): string[] {
    return [...this.good, ...this.bad].map((b) => b.file).sort().map((f) => this.path(f));
  }

  /** The parsed content of a good file (a bundle of kind "diagnostics"). */
  bundle(file: string): { diagnostics: Array<Record<string, any>> } {
    return JSON.parse(fs.readFileSync(this.path(file), 'utf8'));
  }

  remove(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Saves a download into a fresh temporary folder; returns its path and suggested name. */
export async function saveDownload(download: Download): Promise<{ file: string; name: string }> {
  const name = download.suggestedFilename();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'download-')), name);
  await download.saveAs(file);
  return { file, name };
}

/** Clicks a button and returns what it downloads. */
export async function downloadFrom(button: Locator): Promise<{ file: string; name: string }> {
  const download = button.page().waitForEvent('download');
  await button.click();
  return saveDownload(await download);
}

/** The workspace page: bulk import, territories table and its filters, dashboard. */
export class MotPage {
  readonly fileInput: Locator;
  readonly summary: Locator;
  readonly reportRows: Locator;
  readonly table: Locator;
  readonly rows: Locator;
  readonly rowCount: Locator;
  readonly search: Locator;

  constructor(readonly page: Page) {
    this.fileInput = page.getByLabel('Choisir des fichiers de diagnostic (.json)');
    this.summary = page.getByTestId('mot-import-summary');
    this.reportRows = page.getByTestId('mot-import-report').locator('tbody tr');
    this.table = page.getByTestId('territories-table');
    this.rows = this.table.locator('tbody tr');
    this.rowCount = page.getByTestId('mot-row-count');
    this.search = page.getByLabel('Rechercher (commune, code INSEE, département, programme)');
  }

  async goto(): Promise<void> {
    await this.page.goto('/mot');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Espace MOT' })).toBeVisible();
  }

  /** Picks files: the import starts at once. Wait on the summary's counts to know it ended. */
  async pick(files: string[]): Promise<void> {
    await this.fileInput.setInputFiles(files);
  }

  /** Waits until the summary shows these counts (attributes `data-new`, `data-rejected`…). */
  async expectSummary(counts: Partial<Record<'new' | 'updated' | 'identical' | 'conflict' | 'rejected', number>>): Promise<void> {
    for (const [outcome, count] of Object.entries(counts)) {
      await expect(this.summary, outcome).toHaveAttribute(`data-${outcome}`, String(count), { timeout: 60_000 });
    }
  }

  /** Opens the per-file table of the last import (it is built on opening). */
  async openReport(): Promise<void> {
    await this.page.locator('summary', { hasText: 'Détail par fichier' }).click();
    await expect(this.page.getByTestId('mot-import-report')).toBeVisible();
  }

  /** The report rows with one outcome (`new`, `identical`, `rejected`…). */
  reportRowsWith(outcome: string): Locator {
    return this.page.getByTestId('mot-import-report').locator(`tbody tr[data-outcome="${outcome}"]`);
  }

  /** The report row of one file. */
  reportRow(file: string): Locator {
    return this.reportRows.filter({ hasText: file });
  }

  /** A filter select ("Département", "Pays voisin", "Programme Interreg", "Statut MOT"). */
  filter(label: string): Locator {
    return this.page.getByTestId('mot-territories').getByLabel(label, { exact: true });
  }

  /** The link to a territory's page in the table. */
  territoryLink(diagnosticId: string): Locator {
    return this.table.locator(`tbody a[href*="territoire/${diagnosticId}"]`);
  }

  /** The trimmed text of one column (found by its header) in every shown row. */
  async column(header: string): Promise<string[]> {
    const headers = await this.table.locator('thead th').allTextContents();
    const index = headers.findIndex((h) => h.includes(header));
    expect(index, `column ${header}`).toBeGreaterThanOrEqual(0);
    return this.rows.evaluateAll(
      (rows, i) => rows.map((row) => (row.children[i]?.textContent ?? '').trim()),
      index,
    );
  }
}

/** One territory's page: MOT's follow-up and the feedback to the town. */
export class TerritoryPage {
  constructor(readonly page: Page) {}

  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  /** The textarea of the comment on one step, by its title. */
  /** Opens the folded list of the per-step comment fields. */
  async openStepComments(): Promise<void> {
    await this.page.locator('summary', { hasText: 'Commentaires par étape' }).click();
  }

  stepComment(stepTitle: string): Locator {
    return this.field(`Commentaire sur « ${stepTitle} »`);
  }
}

/** Folds a text as the workspace's search does: lower case, accents removed, punctuation as spaces. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
