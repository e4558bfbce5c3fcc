/* Client-side search of a sok handbook. Works from file:// with no network: the index is
   a plain script (search-index.js) that sets window.SOK_SEARCH_INDEX, one row per entry:
   [title, id, kind, url, measure, excerpt, tags, title terms, body terms], the terms as
   numbers into window.SOK_SEARCH_TERMS.

   How words are folded, split and matched is written once, in sok's
   src/render/site/search_words.rs; norm, words and matches below are the twins of its fold,
   words and matches, held to the same cases (tests/fixtures/search/words.json). In short:
   case and diacritics are folded ("swiadomosc" finds "Świadomość"), typographic quotes and
   the ellipsis fold to ASCII, and a query word finds the other forms of a word
   ("reklamacja" finds "reklamacji", "звонок" finds "звонка"). Every query word must be
   found in the entry; title and tag matches rank above matches in the text. */
(function () {
  'use strict';
  var input = document.getElementById('search-input');
  var list = document.getElementById('search-results');
  var status = document.getElementById('search-status');
  if (!input || !list) return;
  var index = window.SOK_SEARCH_INDEX || [];
  var terms = window.SOK_SEARCH_TERMS || [];
  var stemmed = !!window.SOK_SEARCH_STEMMED;
  var kinds = window.SOK_SEARCH_KINDS || {};
  var LIMIT = 100;

  function norm(text) {
    return String(text || '')
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/ł/g, 'l')
      .replace(/đ/g, 'd')
      .replace(/ø/g, 'o')
      .replace(/ß/g, 'ss')
      .replace(/æ/g, 'ae')
      .replace(/[\u2018\u2019\u201a\u02bc]/g, "'")
      .replace(/[\u201c\u201d\u201e\u00ab\u00bb]/g, '"')
      .replace(/\u2026/g, '...');
  }

  function words(text) {
    return text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }

  function slack(letters, stemmed) {
    if (letters <= 3) return 0;
    if (stemmed) return letters <= 5 ? 1 : letters <= 7 ? 2 : 3;
    return letters <= 8 ? 1 : letters <= 10 ? 2 : 3;
  }

  /* 2: the query word is a prefix of the term; 1: another form of the word; 0: no match. */
  function matches(query, term, stemmed) {
    var q = Array.from(query);
    var t = Array.from(term);
    var shared = 0;
    while (shared < q.length && shared < t.length && q[shared] === t[shared]) shared++;
    if (shared === q.length) return 2;
    var allowed = slack(q.length, stemmed);
    if (shared === t.length && stemmed) allowed = Math.max(allowed, 4);
    return shared > 0 && (shared < t.length || t.length >= 3) && shared + allowed >= q.length
      ? 1 : 0;
  }

  /* Term numbers written by sok as gaps in base 32 (search.rs, encode_numbers): the last
     digit of each gap from LAST, the others from MORE. */
  var LAST = '0123456789abcdefghijklmnopqrstuv';
  var MORE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ!#$%&(';
  function decodeTerms(text) {
    var out = [], value = 0, last = 0;
    for (var i = 0; i < text.length; i++) {
      var d = LAST.indexOf(text[i]);
      if (d >= 0) {
        last += value * 32 + d;
        out.push(last);
        value = 0;
      } else {
        value = value * 32 + MORE.indexOf(text[i]);
      }
    }
    return out;
  }

  var prepared = index.map(function (row, position) {
    var entry = {
      title: row[0], id: row[1], kind: row[2], url: row[3], measure: row[4], excerpt: row[5],
      tags: row[6] || []
    };
    return {
      entry: entry,
      position: position,
      title: norm(entry.title),
      tags: norm(entry.tags.join(' ')),
      hay: norm([entry.title, entry.id, entry.measure, entry.excerpt, entry.tags.join(' '),
        kinds[entry.kind]].join(' ')),
      titleTerms: decodeTerms(row[7] || ''),
      bodyTerms: decodeTerms(row[8] || '')
    };
  });

  /* The terms each query word matches: term number → 2 or 1. */
  function termMatches(word) {
    var found = {};
    for (var i = 0; i < terms.length; i++) {
      var m = matches(word, terms[i], stemmed);
      if (m) found[i] = m;
    }
    return found;
  }

  function best(numbers, found) {
    var m = 0;
    for (var i = 0; i < numbers.length && m < 2; i++) {
      var f = found[numbers[i]];
      if (f > m) m = f;
    }
    return m;
  }

  function search(query) {
    var qs = words(norm(query));
    if (!qs.length) return [];
    var found = qs.map(termMatches);
    var hits = [];
    prepared.forEach(function (item) {
      var score = 0;
      for (var i = 0; i < qs.length; i++) {
        var w = qs[i];
        var inTitle = item.title.indexOf(w);
        var titleTerm = best(item.titleTerms, found[i]);
        var bodyTerm = titleTerm ? 0 : best(item.bodyTerms, found[i]);
        var s = 0;
        if (inTitle === 0) s = 12;
        else if (inTitle > 0) s = 10;
        else if (titleTerm === 2) s = 9;
        else if (titleTerm === 1) s = 7;
        else if (item.tags.indexOf(w) >= 0) s = 6;
        else if (bodyTerm === 2) s = 3;
        else if (bodyTerm === 1) s = 2;
        else if (item.hay.indexOf(w) >= 0) s = 1;
        if (!s) return;
        score += s;
      }
      hits.push({ item: item, score: score });
    });
    hits.sort(function (a, b) {
      return b.score - a.score || a.item.position - b.item.position;
    });
    return hits.map(function (h) { return h.item.entry; });
  }

  function show(query) {
    var results = search(query);
    list.textContent = '';
    results.slice(0, LIMIT).forEach(function (entry) {
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = entry.url;
      a.textContent = entry.title;
      li.appendChild(a);
      var kind = document.createElement('span');
      kind.className = 'search-results__kind';
      kind.textContent = kinds[entry.kind] || entry.kind;
      li.appendChild(document.createTextNode(' '));
      li.appendChild(kind);
      var details = [entry.measure, entry.excerpt].filter(Boolean);
      details.forEach(function (detail) {
        var p = document.createElement('p');
        p.textContent = detail;
        li.appendChild(p);
      });
      if (entry.tags.length) {
        var tags = document.createElement('p');
        tags.className = 'search-results__tags';
        tags.textContent = entry.tags.map(function (t) { return '#' + t; }).join(' ');
        li.appendChild(tags);
      }
      list.appendChild(li);
    });
    if (!status) return;
    if (!query.trim()) status.textContent = '';
    else if (!results.length) status.textContent = status.getAttribute('data-none');
    else status.textContent = status.getAttribute('data-count') + ' ' + results.length;
  }

  input.addEventListener('input', function () { show(input.value); });
  var params = new URLSearchParams(window.location.search);
  var q = params.get('q');
  if (q) {
    input.value = q;
    show(q);
  }
})();
