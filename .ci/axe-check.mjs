#!/usr/bin/env node
// Usage: node .ci/axe-check.mjs OUT/html
//
// Opens every .html file under the given directory through file:// in
// Debian's Chromium (playwright-core), runs axe-core with the WCAG 2.0/2.1
// A and AA rule sets, and prints every violation with its page, rule id and
// the first few target selectors. Uncaught JavaScript errors on a page count
// as failures too. Exits 1 if anything failed, 2 on a usage/setup error.
import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');
const AXE_VERSION = require('axe-core/package.json').version;
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const MAX_TARGETS = 3;
const PAGE_TIMEOUT_MS = 30000;

export const CHROMIUM_PATH = process.env.SOK_CHROMIUM || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

// Launch Chromium with a fresh profile directory; returns {context, close}.
export async function launch() {
  const userDataDir = mkdtempSync(join(tmpdir(), 'sok-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
    // SOK_COLOR_SCHEME=dark checks the pages as a system set to dark mode shows them.
    colorScheme: process.env.SOK_COLOR_SCHEME === 'dark' ? 'dark' : 'light',
  });
  return {
    context,
    close: async () => {
      await context.close().catch(() => {});
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

function htmlFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) out.push(...htmlFiles(p));
    else if (/\.html?$/i.test(name)) out.push(p);
  }
  return out;
}

async function main() {
  const root = process.argv[2];
  if (!root) {
    console.error('usage: axe-check.mjs OUT/html');
    process.exit(2);
  }
  const dir = resolve(root);
  let files;
  try {
    files = htmlFiles(dir);
  } catch (e) {
    console.error(`axe-check: cannot read ${dir}: ${e.message}`);
    process.exit(2);
  }
  if (files.length === 0) {
    console.error(`axe-check: no .html files under ${dir}`);
    process.exit(2);
  }

  const { context, close } = await launch();
  let violationsTotal = 0;
  let badPages = 0;
  let incompleteTotal = 0;
  try {
    for (const file of files) {
      const rel = relative(dir, file);
      const page = await context.newPage();
      const pageErrors = [];
      page.on('pageerror', (err) => pageErrors.push(String(err.message || err)));
      let problems = 0;
      try {
        await page.goto(pathToFileURL(file).href, { waitUntil: 'load', timeout: PAGE_TIMEOUT_MS });
        await page.addScriptTag({ path: AXE_PATH });
        const result = await page.evaluate(
          (tags) => window.axe.run(document, {
            runOnly: { type: 'tag', values: tags },
            resultTypes: ['violations', 'incomplete'],
          }),
          TAGS,
        );
        incompleteTotal += result.incomplete.length;
        for (const v of result.violations) {
          problems++;
          violationsTotal++;
          const targets = v.nodes.slice(0, MAX_TARGETS)
            .map((n) => (Array.isArray(n.target) ? n.target.join(' >> ') : String(n.target)));
          const more = v.nodes.length > MAX_TARGETS ? ` (+${v.nodes.length - MAX_TARGETS} more)` : '';
          console.log(`  VIOLATION ${rel}: ${v.id} [${v.impact}] ${v.help}`);
          console.log(`      nodes: ${v.nodes.length}; targets: ${targets.join(' | ')}${more}`);
          const summary = v.nodes[0] && v.nodes[0].failureSummary;
          if (summary) console.log(`      first: ${summary.replace(/\s*\n\s*/g, ' ')}`);
        }
      } catch (e) {
        problems++;
        console.log(`  ERROR ${rel}: could not check page: ${e.message.split('\n')[0]}`);
      }
      for (const msg of pageErrors) {
        problems++;
        console.log(`  JS-ERROR ${rel}: uncaught ${msg}`);
      }
      if (problems) badPages++;
      await page.close();
    }
  } finally {
    await close();
  }
  console.log(`axe-core ${AXE_VERSION} (${TAGS.join(', ')}): ${files.length} pages, `
    + `${violationsTotal} violations, ${badPages} page(s) with problems `
    + `(${incompleteTotal} 'needs review' results not counted)`);
  process.exit(badPages ? 1 : 0);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e) => {
    console.error(`axe-check: ${e.stack || e}`);
    process.exit(2);
  });
}
