#!/usr/bin/env node
// Usage: node .ci/search-check.mjs OUT/html WORD EXPECTED_HREF_SUBSTRING
//        node .ci/search-check.mjs OUT/html --superset WORD OTHER
//
// With --superset: open search.html?q=WORD and search.html?q=OTHER and check that WORD
// has results and finds every result OTHER finds (`reklamacja` and `reklamac`: a word
// finds what the prefix of its forms finds).
//
// Checks sok's search page contract in Debian's Chromium, through file://:
//  1. open search.html, type WORD into #search-input key by key (each key
//     fires an `input` event), and wait until some
//     `#search-results li a` has an href containing EXPECTED_HREF_SUBSTRING;
//  2. open search.html?q=WORD and check that #search-input is pre-filled with
//     WORD and that the results again hold such a link.
// Both the raw href attribute and the resolved URL are matched.
// Uncaught JavaScript errors on the page fail the check.
// Exits 0 on success, 1 on failure, 2 on a usage/setup error.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch } from './axe-check.mjs';

const WAIT_MS = 10000;

async function resultLinks(page) {
  return page.$$eval('#search-results li a', (as) => as.map((a) => ({
    attr: a.getAttribute('href') || '',
    url: a.href || '',
    text: (a.textContent || '').trim(),
  })));
}

function describe(links) {
  if (!links.length) return '(no result links)';
  return links.slice(0, 10).map((l) => `${l.attr} "${l.text}"`).join('; ')
    + (links.length > 10 ? ` (+${links.length - 10} more)` : '');
}

async function waitForMatch(page, expected) {
  try {
    await page.waitForFunction(
      (exp) => [...document.querySelectorAll('#search-results li a')]
        .some((a) => (a.getAttribute('href') || '').includes(exp) || a.href.includes(exp)),
      expected,
      { timeout: WAIT_MS },
    );
    return true;
  } catch {
    return false;
  }
}

/** The result hrefs of search.html?q=QUERY, once they have settled. */
async function resultsOf(context, baseUrl, query, errors) {
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(`?q=${query}: uncaught JS error: ${e.message || e}`));
  const url = new URL(baseUrl.href);
  url.searchParams.set('q', query);
  await page.goto(url.href, { waitUntil: 'load' });
  try {
    await page.waitForFunction(
      () => document.querySelectorAll('#search-results li a').length > 0,
      null,
      { timeout: WAIT_MS },
    );
  } catch {
    // no results: an empty list
  }
  const links = (await resultLinks(page)).map((l) => l.attr);
  await page.close();
  return links;
}

async function superset(root, word, other) {
  const searchFile = join(resolve(root), 'search.html');
  if (!existsSync(searchFile)) {
    console.log(`  FAIL: ${searchFile} does not exist`);
    process.exit(1);
  }
  const baseUrl = pathToFileURL(searchFile);
  const failures = [];
  const { context, close } = await launch();
  try {
    const wide = await resultsOf(context, baseUrl, word, failures);
    const narrow = await resultsOf(context, baseUrl, other, failures);
    if (!wide.length) failures.push(`"${word}" finds nothing`);
    const missing = narrow.filter((href) => !wide.includes(href));
    if (missing.length) {
      failures.push(`"${word}" misses ${missing.length} of the ${narrow.length} results of "${other}": `
        + missing.slice(0, 10).join(', '));
    } else {
      console.log(`  "${word}": ${wide.length} results, every one of the ${narrow.length} of "${other}" among them`);
    }
  } finally {
    await close();
  }
  for (const f of failures) console.log(`  FAIL: ${f}`);
  process.exit(failures.length ? 1 : 0);
}

async function main() {
  if (process.argv[3] === '--superset') {
    const [root, , word, other] = process.argv.slice(2);
    if (!root || !word || !other) {
      console.error('usage: search-check.mjs OUT/html --superset WORD OTHER');
      process.exit(2);
    }
    return superset(root, word, other);
  }
  const [root, word, expected] = process.argv.slice(2);
  if (!root || !word || expected === undefined) {
    console.error('usage: search-check.mjs OUT/html WORD EXPECTED_HREF_SUBSTRING');
    process.exit(2);
  }
  const searchFile = join(resolve(root), 'search.html');
  if (!existsSync(searchFile)) {
    console.log(`  FAIL: ${searchFile} does not exist`);
    process.exit(1);
  }
  const baseUrl = pathToFileURL(searchFile);
  const failures = [];
  const { context, close } = await launch();
  try {
    // 1. typing into the input
    {
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(String(e.message || e)));
      await page.goto(baseUrl.href, { waitUntil: 'load' });
      const input = page.locator('input#search-input');
      if ((await input.count()) !== 1) {
        failures.push('search.html has no <input id="search-input">');
      } else {
        const type = await input.getAttribute('type');
        if (type !== 'search') failures.push(`#search-input has type="${type}", expected "search"`);
        if ((await page.locator('ul#search-results').count()) !== 1) {
          failures.push('search.html has no <ul id="search-results">');
        }
        await input.click();
        await input.fill('');
        await input.pressSequentially(word, { delay: 20 });
        if (await waitForMatch(page, expected)) {
          console.log(`  typed "${word}": a result links to *${expected}*`);
        } else {
          failures.push(`typed "${word}": no result href contains "${expected}"; results: `
            + describe(await resultLinks(page)));
        }
      }
      for (const e of errors) failures.push(`typed "${word}": uncaught JS error: ${e}`);
      await page.close();
    }
    // 2. search.html?q=WORD
    {
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(String(e.message || e)));
      const url = new URL(baseUrl.href);
      url.searchParams.set('q', word);
      await page.goto(url.href, { waitUntil: 'load' });
      const input = page.locator('input#search-input');
      if ((await input.count()) === 1) {
        const value = await input.inputValue();
        if (value !== word) failures.push(`?q=${word}: #search-input holds "${value}", expected "${word}"`);
        if (await waitForMatch(page, expected)) {
          console.log(`  search.html?q=${word}: input pre-filled, a result links to *${expected}*`);
        } else {
          failures.push(`?q=${word}: no result href contains "${expected}"; results: `
            + describe(await resultLinks(page)));
        }
      }
      for (const e of errors) failures.push(`?q=${word}: uncaught JS error: ${e}`);
      await page.close();
    }
  } finally {
    await close();
  }
  for (const f of failures) console.log(`  FAIL: ${f}`);
  process.exit(failures.length ? 1 : 0);
}

main().catch((e) => {
  console.error(`search-check: ${e.stack || e}`);
  process.exit(2);
});
