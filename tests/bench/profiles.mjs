/**
 * Release-profile comparison (issue 8), run by `scripts/bench --profiles`: builds the app once per
 * variant of the release profile, ONE BUILD AT A TIME, and compares what the browser downloads.
 *
 * - Builds from a snapshot of the sources (target/bench-profiles/source), so that edits made meanwhile
 *   in the working tree do not leak into some variants only, into its own target folder
 *   (target/bench-profiles/target), so that the main build's cache is left alone.
 * - A cargo variant changes one setting of the chosen profile through cargo's environment overrides
 *   (CARGO_PROFILE_RELEASE_*) and is built with `trunk build --release --dist <folder>`.
 * - A wasm-opt variant is the chosen profile built with another wasm-opt level (WASM_OPT_LEVEL, read by
 *   scripts/build_wasm.py, which runs wasm-opt on the main module and on every lazy chunk); cargo's
 *   output is reused from the chosen variant.
 * - Each variant's dist is served and measured by bench.mjs --cold-only (first-visit download and
 *   5 cold starts at 4x CPU throttling): indicative only, the spread on a shared 2-core machine is large.
 *
 * Options: --only name,name (rebuild only these variants; the others are kept from the last run),
 *          --runs N (cold starts per variant, default 5), --report-only (reprint the last results).
 * The results go in docs/bench-results.json under "profiles" and are printed as a Markdown table.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

import { ROOT, gzipSize, brotliSize, kb, round, writeJson, markdownTable } from './lib.mjs';

const WORK = path.join(ROOT, 'target/bench-profiles');
const SOURCE = path.join(WORK, 'source');
const TARGET = path.join(WORK, 'target');
const RESULTS = path.join(ROOT, 'docs/bench-results.json');

const CHOSEN = 'opt-level "z", lto true, codegen-units 1, panic "abort", wasm-opt -Oz';
/** Cargo variants: each changes one setting of the chosen profile (Cargo.toml [profile.release]). */
const CARGO_VARIANTS = [
  { name: 'chosen', change: `(chosen) ${CHOSEN}`, env: {} },
  { name: 'opt-level-s', change: 'opt-level "s"', env: { CARGO_PROFILE_RELEASE_OPT_LEVEL: 's' } },
  { name: 'opt-level-3', change: 'opt-level 3', env: { CARGO_PROFILE_RELEASE_OPT_LEVEL: '3' } },
  { name: 'lto-false', change: 'lto false', env: { CARGO_PROFILE_RELEASE_LTO: 'false' } },
  { name: 'codegen-units-16', change: 'codegen-units 16', env: { CARGO_PROFILE_RELEASE_CODEGEN_UNITS: '16' } },
  { name: 'panic-unwind', change: 'panic "unwind"', env: { CARGO_PROFILE_RELEASE_PANIC: 'unwind' } },
];
/** wasm-opt levels (scripts/build_wasm.py's WASM_OPT_LEVEL, default z), on the chosen cargo build. */
const WASM_OPT_VARIANTS = [
  { name: 'wasm-opt-s', change: 'wasm-opt -Os', env: { WASM_OPT_LEVEL: 's' } },
  { name: 'wasm-opt-3', change: 'wasm-opt -O3', env: { WASM_OPT_LEVEL: '3' } },
  { name: 'wasm-opt-0', change: 'no wasm-opt', env: { WASM_OPT_LEVEL: '0' } },
];

function parseArgs(argv) {
  const options = { only: null, runs: 5, reportOnly: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--only') options.only = new Set(argv[++i].split(','));
    else if (argv[i] === '--report-only') options.reportOnly = true;
    else if (argv[i] === '--runs') options.runs = Number(argv[++i]);
    else throw new Error(`unknown option ${argv[i]}`);
  }
  return options;
}

const log = (message) => process.stderr.write(`[bench --profiles] ${message}\n`);

/** Copies the sources (not target/, dist/, .git, node_modules) to SOURCE. */
function snapshotSources() {
  fs.rmSync(SOURCE, { recursive: true, force: true });
  fs.mkdirSync(SOURCE, { recursive: true });
  execFileSync('bash', ['-c',
    `tar -C "$1" --exclude=./target --exclude=./dist --exclude=./.git --exclude=node_modules --exclude=test-results -cf - . | tar -C "$2" -xf -`,
    'snapshot', ROOT, SOURCE]);
}

/** The `pkg-<hash>/` folder scripts/build_wasm.py writes: the wasm-bindgen glue, the main module, the chunks. */
function packageDir(dist) {
  const name = fs.readdirSync(dist).find((file) => file.startsWith('pkg-'));
  if (!name) throw new Error(`no pkg-* folder in ${dist}`);
  return path.join(dist, name);
}

function sizes(files) {
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const file of files) {
    const buffer = fs.readFileSync(file);
    total.raw += buffer.length;
    total.gzip += gzipSize(buffer);
    total.brotli += brotliSize(buffer);
  }
  return total;
}

function runLogged(command, args, options, logFile) {
  return new Promise((resolve) => {
    const out = fs.openSync(logFile, 'w');
    const child = spawn(command, args, { ...options, stdio: ['ignore', out, out] });
    child.on('exit', (code) => { fs.closeSync(out); resolve(code); });
  });
}

function tail(file, lines = 15) {
  return fs.readFileSync(file, 'utf8').trim().split('\n').slice(-lines).join('\n');
}

async function buildCargoVariant(variant) {
  const dist = path.join(WORK, `dist-${variant.name}`);
  fs.rmSync(dist, { recursive: true, force: true });
  const logFile = path.join(WORK, `build-${variant.name}.log`);
  log(`building ${variant.name} (${variant.change}); log in ${path.relative(ROOT, logFile)}`);
  const started = Date.now();
  const code = await runLogged('trunk', ['build', '--release', '--dist', dist], {
    cwd: SOURCE,
    env: { ...process.env, CARGO_TARGET_DIR: TARGET, ...variant.env },
  }, logFile);
  const buildSeconds = round((Date.now() - started) / 1000, 0);
  if (code !== 0) {
    const error = tail(logFile).split('\n').filter((line) => /error/i.test(line)).slice(0, 4).join(' / ') || tail(logFile, 3);
    log(`${variant.name} failed to build: ${error}`);
    return { ...variant, built: false, error, buildSeconds };
  }
  const pkg = packageDir(dist);
  const wasmFiles = fs.readdirSync(pkg).filter((file) => file.endsWith('.wasm')).map((file) => path.join(pkg, file));
  return {
    ...variant,
    built: true,
    buildSeconds,
    dist,
    wasmMain: sizes([path.join(pkg, 'border-diagnostic_bg.wasm')]),
    wasm: sizes(wasmFiles),
    js: sizes([path.join(pkg, 'border-diagnostic.js')]),
  };
}

function freePort(from = 4300) {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', () => (from < 4400 ? resolve(freePort(from + 1)) : reject(new Error('no free port'))));
    server.listen(from, '127.0.0.1', () => server.close(() => resolve(from)));
  });
}

/** Serves the variant's dist and runs bench.mjs --cold-only against it. */
async function measureRuntime(variant, runs) {
  const port = await freePort();
  const server = spawn('python3', [path.join(ROOT, 'scripts/serve_dist.py'), '--port', String(port), variant.dist], { stdio: 'ignore' });
  try {
    for (let i = 0; i < 50; i++) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/`)).ok) break;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    const out = path.join(WORK, `bench-${variant.name}.json`);
    const code = await runLogged('node', [
      path.join(ROOT, 'tests/bench/bench.mjs'), '--base-url', `http://127.0.0.1:${port}`, '--cold-only',
      '--runs', String(runs), '--dist', variant.dist, '--out', out,
    ], {}, path.join(WORK, `bench-${variant.name}.log`));
    if (code === 2 || !fs.existsSync(out)) return { error: tail(path.join(WORK, `bench-${variant.name}.log`), 3) };
    const results = JSON.parse(fs.readFileSync(out, 'utf8'));
    return {
      firstVisitGzip: results.download.total.gzip,
      homeInteractiveMedian: results.coldStart.homeInteractivePainted.median,
      stepInteractiveMedian: results.coldStart.stepInteractivePainted.median,
      runs,
      loadAverage1m: results.machine.loadAverage1mAtStart,
    };
  } finally {
    server.kill();
  }
}

function report(profiles) {
  const chosen = profiles.variants.find((v) => v.name === 'chosen');
  const delta = (v) => {
    if (!v.built || !chosen?.built) return '—';
    const d = v.wasm.gzip - chosen.wasm.gzip;
    return `${d >= 0 ? '+' : ''}${kb(d)} (${d >= 0 ? '+' : ''}${((d / chosen.wasm.gzip) * 100).toFixed(1)} %)`;
  };
  const rows = profiles.variants.map((v) => v.built
    // Results stored before the code splitting have no main-module sizes: their one module was all the wasm.
    ? [v.name, v.change, kb((v.wasmMain ?? v.wasm).raw), kb((v.wasmMain ?? v.wasm).gzip), kb(v.wasm.raw), kb(v.wasm.gzip), kb(v.wasm.brotli), delta(v),
      v.runtime?.homeInteractiveMedian != null ? Math.round(v.runtime.homeInteractiveMedian) : '—',
      v.runtime?.stepInteractiveMedian != null ? Math.round(v.runtime.stepInteractiveMedian) : '—',
      v.buildSeconds]
    : [v.name, v.change, '—', '—', '—', '—', '—', `build failed: ${v.error}`, '—', '—', v.buildSeconds ?? '—']);
  return [
    '## Release-profile variants (one setting changed from the chosen profile; sizes in KB, times in ms)\n',
    markdownTable(
      ['Variant', 'Change', 'main wasm', 'main wasm gzip -9', 'all wasm (main + chunks)', 'all wasm gzip -9', 'all wasm brotli', 'Δ all gzip vs chosen',
        `home interactive (4x, median of ${profiles.runs})`, 'first step interactive', 'build (s)'],
      rows,
    ),
  ].join('\n');
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  let previous = {};
  try {
    previous = JSON.parse(fs.readFileSync(RESULTS, 'utf8'));
  } catch {
    // first run
  }
  if (options.reportOnly) {
    // Reprint the last comparison, with the cold-start figures re-read from each variant's bench output.
    const profiles = previous.profiles;
    if (!profiles) throw new Error('no previous results: run scripts/bench --profiles first');
    for (const variant of profiles.variants) {
      const file = path.join(WORK, `bench-${variant.name}.json`);
      if (!variant.built || !fs.existsSync(file)) continue;
      const results = JSON.parse(fs.readFileSync(file, 'utf8'));
      variant.runtime = {
        ...variant.runtime,
        firstVisitGzip: results.download.total.gzip,
        homeInteractiveMedian: results.coldStart.homeInteractivePainted?.median ?? null,
        stepInteractiveMedian: results.coldStart.stepInteractivePainted?.median ?? null,
      };
    }
    writeJson(RESULTS, { ...previous, profiles });
    console.log(report(profiles));
    return;
  }
  const kept = new Map((previous.profiles?.variants ?? []).map((v) => [v.name, v]));
  const wanted = (name) => !options.only || options.only.has(name);
  fs.mkdirSync(WORK, { recursive: true });
  log('snapshot of the sources');
  snapshotSources();

  const variants = [];
  for (const variant of CARGO_VARIANTS) {
    // One build at a time: 2 cores, and every variant recompiles all the crates.
    let result = wanted(variant.name)
      ? await buildCargoVariant(variant)
      : kept.has(variant.name) && { ...kept.get(variant.name), dist: path.join(WORK, `dist-${variant.name}`) };
    // Others edit the working tree meanwhile: a snapshot taken mid-edit may not compile. Then the
    // chosen variant fails with a Rust error: take a new snapshot a minute later (three tries).
    for (let attempt = 1; variant.name === 'chosen' && result && !result.built && attempt <= 3; attempt++) {
      if (!/error\[E\d+\]/.test(fs.readFileSync(path.join(WORK, 'build-chosen.log'), 'utf8'))) break;
      log(`the snapshot does not compile (edited meanwhile?): new snapshot in 60 s, attempt ${attempt}/3`);
      await new Promise((resolve) => setTimeout(resolve, 60_000));
      snapshotSources();
      result = await buildCargoVariant(variant);
    }
    if (variant.name === 'chosen' && wanted('chosen') && !result?.built) {
      throw new Error(`the chosen profile does not build: ${result?.error}; see ${path.join(WORK, 'build-chosen.log')}`);
    }
    if (result?.built && wanted(variant.name)) {
      log(`measuring ${variant.name}`);
      result.runtime = await measureRuntime(result, options.runs);
    }
    if (result) variants.push(result);
  }
  const chosen = variants.find((v) => v.name === 'chosen' && v.built);
  for (const variant of WASM_OPT_VARIANTS) {
    if (!wanted(variant.name) && kept.has(variant.name)) {
      variants.push(kept.get(variant.name));
      continue;
    }
    if (!chosen) {
      log(`skipping ${variant.name}: the chosen variant has not been built`);
      continue;
    }
    const result = await buildCargoVariant(variant);
    if (result.built) {
      log(`measuring ${variant.name}`);
      result.runtime = await measureRuntime(result, options.runs);
    }
    variants.push(result);
  }

  const profiles = {
    date: new Date().toISOString(),
    chosen: CHOSEN,
    runs: options.runs,
    compression: 'node zlib: gzip level 9, brotli quality 11',
    variants: variants.map(({ dist, ...rest }) => rest),
  };
  writeJson(RESULTS, { ...previous, profiles });
  console.log(report({ ...profiles, variants }));
  log(`results written to ${RESULTS} ("profiles")`);
}

main().catch((error) => {
  process.stderr.write(`[bench --profiles] failed: ${error.stack ?? error}\n`);
  process.exit(2);
});
