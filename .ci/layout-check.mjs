#!/usr/bin/env node
// Usage: node .ci/layout-check.mjs OUT/html
//
// Opens every .html file under the given directory in Debian's Chromium (playwright-core)
// at the widths a frontline employee reads the handbook at, 1280 px (a desktop) and 390 px
// (a phone), and measures what a reader would have to scroll sideways to see: every table
// wider than the box it sits in, any page wider than the window, and a current section
// scrolled out of the navigation's view. Prints each with its
// page, width and sizes. Exits 1 if anything overflows, 2 on a usage or setup error.
import { launch } from './axe-check.mjs';
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const WIDTHS = [1280, 390];
// Sub-pixel rounding of borders.
const SLACK = 1;

function htmlFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...htmlFiles(p));
    else if (/\.html?$/i.test(name)) out.push(p);
  }
  return out;
}

async function main() {
  const root = process.argv[2];
  if (!root) {
    console.error('usage: layout-check.mjs OUT/html');
    process.exit(2);
  }
  const dir = resolve(root);
  const files = htmlFiles(dir);
  if (files.length === 0) {
    console.error(`layout-check: no .html files under ${dir}`);
    process.exit(2);
  }
  const { context, close } = await launch();
  let problems = 0;
  let tables = 0;
  try {
    const page = await context.newPage();
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      for (const file of files) {
        await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
        const found = await page.evaluate((slack) => {
          const out = { tables: 0, overflows: [] };
          for (const table of document.querySelectorAll('main table')) {
            out.tables += 1;
            const box = table.parentElement;
            const inner = box.clientWidth;
            if (table.offsetWidth > inner + slack) {
              const caption = table.querySelector('caption')?.textContent?.trim() ?? '';
              out.overflows.push(`table ${table.offsetWidth} px in a ${inner} px box${caption ? ` ("${caption.slice(0, 40)}")` : ''}`);
            }
          }
          // The current section must be in view in the navigation, also where the phone's
          // row of sections scrolls sideways.
          const current = document.querySelector('.site-nav [aria-current="page"]');
          const row = current?.closest('ol');
          if (current && row) {
            const c = current.getBoundingClientRect();
            const r = row.getBoundingClientRect();
            if (c.left < r.left - slack || c.left >= r.right || c.left >= window.innerWidth) {
              out.overflows.push(`the current section "${current.textContent.trim().slice(0, 40)}" is scrolled out of the navigation's view`);
            }
          }
          const page = document.documentElement.scrollWidth;
          if (page > window.innerWidth + slack) {
            out.overflows.push(`page ${page} px wide in a ${window.innerWidth} px window`);
          }
          return out;
        }, SLACK);
        tables += found.tables;
        for (const overflow of found.overflows) {
          problems += 1;
          console.log(`${relative(dir, file)} at ${width} px: ${overflow}`);
        }
      }
    }
  } finally {
    await close();
  }
  console.log(`layout-check: ${files.length} pages at ${WIDTHS.join(' and ')} px, ${tables} tables measured, ${problems} overflowing`);
  process.exit(problems > 0 ? 1 : 0);
}

main().catch((e) => {
  console.error(`layout-check: ${e.stack || e}`);
  process.exit(2);
});
