/**
 * The benchmark of the release build (issues 3 and 8). Run it with `scripts/bench`, which builds dist/,
 * serves it and passes --base-url; see docs/performance.md.
 *
 * Measures, in Debian's headless Chromium:
 *  1. first-visit download: every response the home page gets on a first visit, raw, gzip -9 and brotli 11;
 *  2. cold start with the CPU throttled 4x: navigation start to the home page interactive, and (fresh HTTP
 *     cache, diagnostic already stored) to the first questionnaire step interactive;
 *  3. autosave latency: a radio-button change to its IndexedDB commit (`diagnostic-committed` event);
 *  4. switching steps (table of contents link to the new heading focused), and rendering the largest step;
 *  5. TODO (issue 8): importing 1,000 MOT bundles, once the MOT workspace exists (see benchMotWorkspace).
 *
 * Options: --base-url URL (required), --runs N (cold starts, default 10), --changes N (default 200),
 *          --switches N (default 28), --quick (3/40/14, results to the temp folder), --out FILE,
 *          --dist DIR (the served folder, default dist/), --cold-only (download and cold start only).
 * Exit code 1 when a budget is exceeded (after printing everything), 2 when the benchmark itself fails.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import {
  ROOT, LAUNCH_OPTIONS, chromium, gzipSize, brotliSize, summarize, round, kb, machine, writeJson, markdownTable,
} from './lib.mjs';

/** Budgets checked here (issue 8). KB = 1000 bytes. */
const BUDGETS = { firstVisitGzipBytes: 300_000 };
const THROTTLE = 4;

// ---------------------------------------------------------------- options

function parseArgs(argv) {
  const options = {
    runs: 10, changes: 200, switches: 28, largestRuns: 10, quick: false, coldOnly: false, out: null, baseUrl: null,
    dist: path.join(ROOT, 'dist'),
  };
  for (let i = 0; i < argv.length; i++) {
    const value = () => argv[++i];
    switch (argv[i]) {
      case '--base-url': options.baseUrl = value().replace(/\/$/, ''); break;
      case '--runs': options.runs = Number(value()); break;
      case '--changes': options.changes = Number(value()); break;
      case '--switches': options.switches = Number(value()); break;
      case '--out': options.out = value(); break;
      case '--dist': options.dist = path.resolve(value()); break;
      case '--cold-only': options.coldOnly = true; break;
      case '--quick': Object.assign(options, { quick: true, runs: 3, changes: 40, switches: 14, largestRuns: 3 }); break;
      default: throw new Error(`unknown option ${argv[i]}`);
    }
  }
  if (!options.baseUrl) throw new Error('--base-url is required (scripts/bench passes it)');
  options.out ??= options.quick
    ? path.join(os.tmpdir(), 'bench-results.quick.json')
    : path.join(ROOT, 'docs/bench-results.json');
  return options;
}

// ---------------------------------------------------------------- the questionnaire, from the domain's data

/** Picks, from domain/data/questionnaire.json, the steps and questions the measurements use. */
function questionnaireFacts() {
  const questionnaire = JSON.parse(fs.readFileSync(path.join(ROOT, 'domain/data/questionnaire.json'), 'utf8'));
  const steps = questionnaire.steps;
  const referenced = new Set();
  JSON.stringify(steps, (key, value) => {
    if (key === 'condition') JSON.stringify(value, (k, v) => (k === 'question' && referenced.add(v), v));
    return value;
  });
  const unconditional = (step) => step.questions.filter((q) => !q.condition);
  const size = (step) => step.questions.length * 1000 + JSON.stringify(step).length / 1000;
  const largest = [...steps].sort((a, b) => size(b) - size(a))[0];
  const smallest = [...steps].sort((a, b) => size(a) - size(b))[0];
  // A yes/no question nothing depends on: its change re-renders only itself and the counts.
  const yesNo = steps
    .flatMap((step) => step.questions.map((question) => ({ step, question })))
    .filter(({ question }) => question.kind?.type === 'yes_no' && !question.condition);
  const autosave = yesNo.find(({ question }) => !referenced.has(question.id)) ?? yesNo[0];
  return {
    firstStep: { id: steps[0].id, lastQuestion: unconditional(steps[0]).at(-1).id },
    largestStep: {
      id: largest.id,
      questions: largest.questions.length,
      lastQuestion: unconditional(largest).at(-1).id,
    },
    smallestStep: { id: smallest.id },
    autosaveQuestion: { step: autosave.step.id, id: autosave.question.id },
    stepIds: steps.map((step) => step.id),
  };
}

// ---------------------------------------------------------------- in-page instrumentation

/**
 * Installed before any script of the page: timestamps (performance.now(), i.e. ms since navigation
 * start) of the first moment each condition holds, checked on every DOM mutation.
 */
function instrument({ lastQuestion }) {
  const bench = (window.__bench = { marks: {}, wasm: null });
  const mark = (name) => {
    if (name in bench.marks) return;
    bench.marks[name] = performance.now();
    // And when the frame showing it has been painted: the page is blank until the app renders, so a
    // person can use it from then on (a task queued from requestAnimationFrame runs after the paint).
    if (!name.endsWith('Painted')) requestAnimationFrame(() => setTimeout(() => mark(`${name}Painted`)));
  };
  addEventListener('TrunkApplicationStarted', (event) => {
    mark('trunkStarted');
    bench.wasm = event.detail && event.detail.wasm;
  });
  const check = () => {
    const create = [...document.querySelectorAll('button[type=submit]')].find(
      (button) => button.textContent.trim() === 'Créer le diagnostic',
    );
    if (create && !create.disabled) mark('homeInteractive');
    if (document.querySelector('.diagnostics__empty, .diagnostic-list')) mark('homeListLoaded');
    const field = document.querySelector(
      '[data-question] input:not([disabled]), [data-question] select:not([disabled]), [data-question] textarea:not([disabled])',
    );
    if (field) mark('stepInteractive');
    if (lastQuestion && document.querySelector(`[data-question="${lastQuestion}"]`)) mark('stepLastQuestion');
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, attributes: true });
  bench.stop = () => observer.disconnect();
  bench.wasmMemoryBytes = () => bench.wasm?.memory?.buffer?.byteLength ?? null;
}

async function newContext(browser, lastQuestion) {
  const context = await browser.newContext({ locale: 'fr-FR' });
  await context.addInitScript(instrument, { lastQuestion: lastQuestion ?? null });
  return context;
}

async function throttledPage(context, rate) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await cdp.send('Performance.enable');
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, cdp, errors };
}

async function jsHeapUsed(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? null;
}

async function waitForMarks(page, names, timeout = 60_000) {
  await page.waitForFunction((names) => names.every((name) => name in window.__bench.marks), names, { timeout });
  return page.evaluate(() => ({ ...window.__bench.marks }));
}

/** Creates a diagnostic from the home page (already loaded) and returns its id. */
async function createDiagnostic(page, commune) {
  await page.fill('#commune-name', commune);
  await page.click('button[type=submit]');
  await page.waitForURL(/\/diagnostic\/[^/]+/, { timeout: 60_000 });
  return new URL(page.url()).pathname.match(/\/diagnostic\/([^/]+)/)[1];
}

// ---------------------------------------------------------------- 1. first-visit download

function kindOf(url, contentType) {
  const pathname = new URL(url).pathname;
  if (pathname.endsWith('.wasm') || contentType.includes('wasm')) return 'wasm';
  if (pathname.endsWith('.js') || pathname.endsWith('.mjs') || contentType.includes('javascript')) return 'JS';
  if (pathname.endsWith('.css') || contentType.includes('css')) return 'CSS';
  if (pathname.endsWith('.html') || contentType.includes('html')) return 'HTML';
  return 'other';
}

async function benchDownload(browser, options) {
  const context = await newContext(browser, null);
  const responses = [];
  context.on('response', (response) => responses.push(response));
  const page = await context.newPage();
  await page.goto(`${options.baseUrl}/`, { waitUntil: 'networkidle' });
  await waitForMarks(page, ['homeInteractive', 'homeListLoaded']);
  await page.waitForTimeout(1000); // late requests (icons, manifest, service worker)
  const files = new Map();
  for (const response of responses) {
    const url = response.url();
    if (!url.startsWith(options.baseUrl) || response.status() !== 200 || files.has(url)) continue;
    let body = null;
    try {
      body = await response.body();
    } catch {
      // body no longer available
    }
    if (!body || body.length === 0) {
      // Playwright gets no body for the service worker's own fetches (its precache): read the file served.
      const pathname = new URL(url).pathname;
      const local = path.join(options.dist, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
      body = fs.existsSync(local) ? fs.readFileSync(local) : Buffer.alloc(0);
    }
    const name = new URL(url).pathname === '/' ? '/ (index.html)' : new URL(url).pathname;
    files.set(url, {
      file: name,
      kind: kindOf(url, response.headers()['content-type'] ?? ''),
      raw: body.length,
      gzip: gzipSize(body),
      brotli: brotliSize(body),
    });
  }
  await context.close();
  const list = [...files.values()].sort((a, b) => b.gzip - a.gzip);
  const sum = (items, key) => items.reduce((total, item) => total + item[key], 0);
  const byKind = {};
  for (const kind of ['wasm', 'JS', 'CSS', 'HTML', 'other']) {
    const items = list.filter((file) => file.kind === kind);
    byKind[kind] = { files: items.length, raw: sum(items, 'raw'), gzip: sum(items, 'gzip'), brotli: sum(items, 'brotli') };
  }
  const total = { files: list.length, raw: sum(list, 'raw'), gzip: sum(list, 'gzip'), brotli: sum(list, 'brotli') };
  return { files: list, byKind, total, budgetGzipBytes: BUDGETS.firstVisitGzipBytes, withinBudget: total.gzip <= BUDGETS.firstVisitGzipBytes };
}

// ---------------------------------------------------------------- 2. cold start

async function benchColdStart(browser, options, facts) {
  const runs = [];
  for (let run = 0; run < options.runs; run++) {
    const context = await newContext(browser, facts.firstStep.lastQuestion);
    const { page, cdp, errors } = await throttledPage(context, THROTTLE);
    await page.goto(`${options.baseUrl}/`);
    const home = await waitForMarks(page, ['homeInteractive', 'homeInteractivePainted', 'homeListLoaded']);
    const homeExtra = await page.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
      wasmMemoryBytes: window.__bench.wasmMemoryBytes(),
    }));
    const homeHeap = await jsHeapUsed(cdp);

    const id = await createDiagnostic(page, `Bench ${run + 1}`);
    // The next visit is cold too (no HTTP or compiled-code cache); IndexedDB keeps the diagnostic.
    await cdp.send('Network.clearBrowserCache');
    await page.goto(`${options.baseUrl}/diagnostic/${id}/${facts.firstStep.id}`);
    const step = await waitForMarks(page, ['stepInteractive', 'stepInteractivePainted', 'stepLastQuestion']);
    const stepHeap = await jsHeapUsed(cdp);
    const stepWasm = await page.evaluate(() => window.__bench.wasmMemoryBytes());
    await context.close();
    if (errors.length) throw new Error(`page errors during cold start: ${errors.join('; ')}`);
    runs.push({
      homeTrunkStarted: home.trunkStarted ?? null,
      homeInteractivePainted: home.homeInteractivePainted,
      stepInteractivePainted: step.stepInteractivePainted,
      homeFirstContentfulPaint: homeExtra.fcp,
      homeInteractive: home.homeInteractive,
      homeListLoaded: home.homeListLoaded,
      stepInteractive: step.stepInteractive,
      stepFullyRendered: step.stepLastQuestion,
      homeJsHeapBytes: homeHeap,
      homeWasmMemoryBytes: homeExtra.wasmMemoryBytes,
      stepJsHeapBytes: stepHeap,
      stepWasmMemoryBytes: stepWasm,
    });
    process.stderr.write(`[bench] cold start ${run + 1}/${options.runs}: home ${round(home.homeInteractivePainted)} ms, step ${round(step.stepInteractivePainted)} ms\n`);
  }
  const metric = (key) => summarize(runs.map((r) => r[key]).filter((v) => v !== null));
  return {
    cpuThrottling: THROTTLE,
    runs,
    homeTrunkStarted: metric('homeTrunkStarted'),
    homeFirstContentfulPaint: metric('homeFirstContentfulPaint'),
    homeInteractive: metric('homeInteractive'),
    homeInteractivePainted: metric('homeInteractivePainted'),
    homeListLoaded: metric('homeListLoaded'),
    stepInteractive: metric('stepInteractive'),
    stepInteractivePainted: metric('stepInteractivePainted'),
    stepFullyRendered: metric('stepFullyRendered'),
    memory: {
      homeJsHeapBytes: metric('homeJsHeapBytes').median,
      homeWasmMemoryBytes: metric('homeWasmMemoryBytes').median,
      stepJsHeapBytes: metric('stepJsHeapBytes').median,
      stepWasmMemoryBytes: metric('stepWasmMemoryBytes').median,
    },
  };
}

// ---------------------------------------------------------------- 3 and 4. interactions on a step page

/** Opens a new diagnostic on `stepId` at the given CPU rate; returns the page. */
async function openStep(browser, options, rate, stepId, lastQuestion = null) {
  const context = await newContext(browser, lastQuestion);
  const { page, cdp, errors } = await throttledPage(context, rate);
  await page.goto(`${options.baseUrl}/`);
  await waitForMarks(page, ['homeInteractive']);
  const id = await createDiagnostic(page, 'Banc d’essai');
  await page.goto(`${options.baseUrl}/diagnostic/${id}/${stepId}`);
  await waitForMarks(page, ['stepInteractive']);
  await page.evaluate(() => window.__bench.stop());
  await page.waitForTimeout(500); // let start-up work settle
  return { context, page, cdp, errors, id };
}

/** Time from a radio click to the `diagnostic-committed` event, `count` times (alternating two radios). */
async function benchAutosave(browser, options, facts, rate) {
  const { context, page, errors } = await openStep(browser, options, rate, facts.autosaveQuestion.step);
  const samples = await page.evaluate(
    async ({ questionId, count }) => {
      const results = [];
      for (let i = 0; i < count; i++) {
        const radios = document.querySelectorAll(`[data-question="${questionId}"] input[type=radio]`);
        const target = radios[i % 2];
        if (!target) throw new Error(`no radio button in question ${questionId}`);
        const committed = new Promise((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`no diagnostic-committed event after change ${i}`)), 10_000);
          addEventListener('diagnostic-committed', () => { clearTimeout(timer); resolve(performance.now()); }, { once: true });
        });
        const start = performance.now();
        target.click();
        results.push((await committed) - start);
        await new Promise((resolve) => setTimeout(resolve, 10)); // let the UI settle between changes
      }
      return results;
    },
    { questionId: facts.autosaveQuestion.id, count: options.changes },
  );
  await context.close();
  if (errors.length) throw new Error(`page errors during the autosave benchmark: ${errors.join('; ')}`);
  return { cpuThrottling: rate, question: facts.autosaveQuestion, changes: samples.length, ...summarize(samples), samples: samples.map((s) => round(s, 2)) };
}

/**
 * Clicks a table-of-contents link (client-side navigation) and returns the ms until `done` holds:
 * the new heading is focused, or a given question is in the DOM.
 */
async function clickTocLink(page, stepId, waitFor) {
  return page.evaluate(
    ({ stepId, waitFor }) => new Promise((resolve, reject) => {
      const links = [...document.querySelectorAll('nav[aria-label="Étapes du diagnostic"] a')];
      const link = links.find((a) => new URL(a.href).pathname.endsWith(`/${stepId}`));
      if (!link) return reject(new Error(`no table-of-contents link to ${stepId}`));
      const before = document.querySelector('h1')?.textContent;
      const done = () => {
        if (waitFor.question) return !!document.querySelector(`[data-question="${waitFor.question}"]`);
        const heading = document.querySelector('h1');
        return !!heading && heading.textContent !== before && document.activeElement === heading;
      };
      let finished = false;
      const finish = () => {
        if (finished || !done()) return;
        finished = true;
        const elapsed = performance.now() - start;
        observer.disconnect();
        document.removeEventListener('focusin', finish, true);
        clearTimeout(timer);
        resolve(elapsed);
      };
      const observer = new MutationObserver(finish);
      observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
      document.addEventListener('focusin', finish, true);
      const timer = setTimeout(() => reject(new Error(`step ${stepId} not shown within 10 s`)), 10_000);
      const start = performance.now();
      link.click();
      finish();
    }),
    { stepId, waitFor },
  );
}

async function benchSteps(browser, options, facts, rate) {
  const { context, page, errors } = await openStep(browser, options, rate, facts.stepIds[0], facts.largestStep.lastQuestion);
  // Switches: round the questionnaire's steps (each to the next one, the last back to the first).
  const switches = [];
  for (let i = 0; i < options.switches; i++) {
    const to = facts.stepIds[(i + 1) % facts.stepIds.length];
    const ms = await clickTocLink(page, to, {});
    switches.push({ to, ms });
    await page.waitForTimeout(50);
  }
  // Largest step: from the smallest step, click its link until its last question is in the DOM.
  const largest = [];
  for (let i = 0; i < options.largestRuns; i++) {
    await clickTocLink(page, facts.smallestStep.id, {});
    await page.waitForTimeout(50);
    largest.push(await clickTocLink(page, facts.largestStep.id, { question: facts.largestStep.lastQuestion }));
    await page.waitForTimeout(50);
  }
  // Largest step again, as a full page load (warm HTTP cache): navigation start to its last question.
  const largestLoad = [];
  const url = page.url().replace(/\/[^/]+$/, `/${facts.largestStep.id}`);
  for (let i = 0; i < options.largestRuns; i++) {
    await page.goto(url);
    const marks = await waitForMarks(page, ['stepLastQuestion']);
    largestLoad.push(marks.stepLastQuestion);
  }
  await context.close();
  if (errors.length) throw new Error(`page errors during the step benchmark: ${errors.join('; ')}`);
  const perStep = {};
  for (const { to, ms } of switches) (perStep[to] ??= []).push(ms);
  return {
    cpuThrottling: rate,
    stepSwitch: { ...summarize(switches.map((s) => s.ms)), perStepMedian: Object.fromEntries(Object.entries(perStep).map(([k, v]) => [k, summarize(v).median])) },
    largestStep: { ...facts.largestStep, inAppNavigation: summarize(largest), fullPageLoad: summarize(largestLoad) },
  };
}

// ---------------------------------------------------------------- 5. MOT workspace (not yet)

/**
 * TODO (issue 8): once the MOT workspace exists, import 1,000 bundles and time the import, the
 * rendering of the table and of the dashboard, and record memory (CDP Performance.getMetrics
 * JSHeapUsedSize and window.__bench.wasmMemoryBytes()). Generate the bundles with the domain's
 * bundle format (domain/src/bundle), feed them through the workspace's file input
 * (page.setInputFiles), and add the figures to the results and the table below.
 */
async function benchMotWorkspace() {
  return { measured: false, reason: 'the MOT workspace does not exist yet (issue 8 TODO)' };
}

// ---------------------------------------------------------------- report

function ms(value) {
  return value === null || value === undefined ? '—' : `${Math.round(value)}`;
}

function report(results) {
  const out = [];
  const { download, coldStart, interactions } = results;
  out.push(`## First-visit download (${download.total.files} files; gzip -9 and brotli 11 computed with node zlib)\n`);
  out.push(markdownTable(
    ['File', 'Kind', 'Raw (KB)', 'gzip (KB)', 'brotli (KB)'],
    download.files.map((f) => [f.file, f.kind, kb(f.raw), kb(f.gzip), kb(f.brotli)]),
  ));
  out.push('');
  out.push(markdownTable(
    ['Kind', 'Files', 'Raw (KB)', 'gzip (KB)', 'brotli (KB)'],
    [
      ...Object.entries(download.byKind).map(([kind, t]) => [kind, t.files, kb(t.raw), kb(t.gzip), kb(t.brotli)]),
      ['**Total**', download.total.files, `**${kb(download.total.raw)}**`, `**${kb(download.total.gzip)}**`, `**${kb(download.total.brotli)}**`],
    ],
  ));
  out.push(`\nBudget: first-visit download ≤ ${kb(download.budgetGzipBytes)} KB gzip — ${download.withinBudget ? 'PASS' : `**FAIL** (${kb(download.total.gzip)} KB, ${kb(download.total.gzip - download.budgetGzipBytes)} KB over)`}\n`);

  out.push(`## Timings (ms; median, p95, min–max; CPU throttled ${THROTTLE}x where marked)\n`);
  const row = (label, cpu, s) => [label, `${cpu}x`, s.n, ms(s.median), ms(s.p95), `${ms(s.min)}–${ms(s.max)}`];
  const rows = [
    row('Cold start → home page interactive (create button enabled, painted)', THROTTLE, coldStart.homeInteractivePainted),
    row('… of which: create button enabled in the DOM', THROTTLE, coldStart.homeInteractive),
    row('… first contentful paint', THROTTLE, coldStart.homeFirstContentfulPaint),
    row('Cold start → home page list loaded from IndexedDB', THROTTLE, coldStart.homeListLoaded),
    row(`Cold start → first step (${results.facts.firstStep.id}) interactive (first field enabled, painted)`, THROTTLE, coldStart.stepInteractivePainted),
    row('… of which: first field enabled in the DOM', THROTTLE, coldStart.stepInteractive),
    row(`… last question of the step in the DOM`, THROTTLE, coldStart.stepFullyRendered),
  ];
  for (const i of interactions) {
    rows.push(row('Autosave: radio change → IndexedDB commit', i.cpuThrottling, i.autosave));
    rows.push(row('Step switch (TOC link → new heading focused)', i.cpuThrottling, i.steps.stepSwitch));
    rows.push(row(`Largest step (${i.steps.largestStep.id}, ${i.steps.largestStep.questions} questions): in-app navigation → last question in DOM`, i.cpuThrottling, i.steps.largestStep.inAppNavigation));
    rows.push(row(`Largest step: full page load (warm cache) → last question in DOM`, i.cpuThrottling, i.steps.largestStep.fullPageLoad));
  }
  out.push(markdownTable(['Measure', 'CPU', 'Runs', 'Median', 'p95', 'Min–max'], rows));
  const m = coldStart.memory;
  out.push(`\nMemory after cold start (median): home ${kb(m.homeJsHeapBytes)} KB JS heap, ${kb(m.homeWasmMemoryBytes)} KB wasm memory; first step ${kb(m.stepJsHeapBytes)} KB JS heap, ${kb(m.stepWasmMemoryBytes)} KB wasm memory.`);
  out.push(`\nMOT workspace (1,000 bundles: import, table, dashboard, memory): not measured — ${results.motWorkspace.reason}.`);
  const mc = results.machine;
  out.push(`\nMachine: ${mc.cpu}, ${mc.cores} cores, ${mc.ramGB} GB RAM; ${mc.chromium}; ${mc.rustc}; load average ${mc.loadAverage1mAtStart} at start, ${mc.loadAverage1mAtEnd} at end.`);
  return out.join('\n');
}

// ---------------------------------------------------------------- main

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const facts = questionnaireFacts();
  const browser = await chromium.launch(LAUNCH_OPTIONS);
  const results = { options: { ...options, out: undefined }, facts };
  try {
    results.machine = machine(`Chromium ${browser.version()}`);
    process.stderr.write('[bench] first-visit download\n');
    results.download = await benchDownload(browser, options);
    process.stderr.write(`[bench] cold start, ${options.runs} runs, CPU ${THROTTLE}x\n`);
    results.coldStart = await benchColdStart(browser, options, facts);
    results.interactions = [];
    for (const rate of options.coldOnly ? [] : [1, THROTTLE]) {
      process.stderr.write(`[bench] autosave (${options.changes} changes) and steps, CPU ${rate}x\n`);
      const autosave = await benchAutosave(browser, options, facts, rate);
      const steps = await benchSteps(browser, options, facts, rate);
      results.interactions.push({ cpuThrottling: rate, autosave, steps });
    }
    results.motWorkspace = await benchMotWorkspace();
  } finally {
    await browser.close();
  }
  results.machine.loadAverage1mAtEnd = round(os.loadavg()[0], 2);
  results.budgets = { firstVisitGzip: { limitBytes: BUDGETS.firstVisitGzipBytes, measuredBytes: results.download.total.gzip, pass: results.download.withinBudget } };
  // The release-profile comparison (scripts/bench --profiles) lives in the same file: keep it.
  try {
    const previous = JSON.parse(fs.readFileSync(options.out, 'utf8'));
    if (previous.profiles) results.profiles = previous.profiles;
  } catch {
    // no previous results
  }
  writeJson(options.out, results);
  console.log(report(results));
  process.stderr.write(`[bench] raw figures written to ${options.out}\n`);
  if (!results.download.withinBudget) {
    process.stderr.write(`[bench] BUDGET EXCEEDED: first-visit download is ${kb(results.download.total.gzip)} KB gzip, the budget is ${kb(BUDGETS.firstVisitGzipBytes)} KB\n`);
    process.exitCode = 1;
  }
}

main().catch((error) => {
  process.stderr.write(`[bench] failed: ${error.stack ?? error}\n`);
  process.exit(2);
});
