/** Helpers shared by the benchmark scripts: Playwright, statistics, compression, machine description. */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Playwright from the end-to-end tests' node_modules (installed by scripts/setup from their lock file). */
const requireFromE2e = createRequire(path.join(ROOT, 'tests/e2e/package.json'));
export const { chromium } = requireFromE2e('@playwright/test');

/** Debian's Chromium, with the same flags as the end-to-end tests (no browser download is possible here). */
export const LAUNCH_OPTIONS = {
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};

/** gzip at level 9 and brotli at quality 11: what a well-configured static host would send. */
export function gzipSize(buffer) {
  return zlib.gzipSync(buffer, { level: 9 }).length;
}
export function brotliSize(buffer) {
  return zlib.brotliCompressSync(buffer, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buffer.length },
  }).length;
}

/** Nearest-rank percentile of a list of numbers (p in 0..100). */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/** median (the mean of the two middle values for an even count), p95, min, max, count. */
export function summarize(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const median = n === 0 ? NaN : n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  return {
    n,
    median: round(median),
    p95: round(percentile(sorted, 95)),
    min: round(sorted[0]),
    max: round(sorted[n - 1]),
  };
}

export function round(value, digits = 1) {
  const f = 10 ** digits;
  return Number.isFinite(value) ? Math.round(value * f) / f : null;
}

export function kb(bytes) {
  return (bytes / 1000).toFixed(1);
}

function run(command, args) {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

/** The commit of the working tree, read from .git without running git (best effort). */
function gitCommit() {
  try {
    const head = fs.readFileSync(path.join(ROOT, '.git/HEAD'), 'utf8').trim();
    if (!head.startsWith('ref: ')) return head;
    const ref = head.slice(5);
    const loose = path.join(ROOT, '.git', ref);
    if (fs.existsSync(loose)) return fs.readFileSync(loose, 'utf8').trim();
    const packed = fs.readFileSync(path.join(ROOT, '.git/packed-refs'), 'utf8');
    return packed.split('\n').find((line) => line.endsWith(` ${ref}`))?.split(' ')[0] ?? null;
  } catch {
    return null;
  }
}

export function machine(browserVersion) {
  return {
    date: new Date().toISOString(),
    commit: gitCommit(),
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    ramGB: round(os.totalmem() / 1e9, 1),
    os: `${os.type()} ${os.release()}`,
    loadAverage1mAtStart: round(os.loadavg()[0], 2),
    node: process.version,
    chromium: browserVersion,
    rustc: process.env.BENCH_RUSTC ?? run('rustc', ['--version']),
    trunk: process.env.BENCH_TRUNK ?? run('trunk', ['--version']),
    wasmOpt: run('wasm-opt', ['--version']),
  };
}

/** Writes JSON with a trailing newline, creating the folder. */
export function writeJson(file, data) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(data, null, 2) + '\n');
}

/** A Markdown table from a header row and rows. */
export function markdownTable(header, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
