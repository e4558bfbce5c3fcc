/* Client-side search of a sok handbook. Works from file:// with no network: the index is
   a plain script (search-index.js) that sets window.SOK_SEARCH_INDEX. Both the query and
   the entries are normalized (lower case, diacritics removed), so "swiadomosc" finds
   "Świadomość" and "ODBIOR" finds "odbiór". Typographic quotes and the ellipsis (smart
   punctuation) fold to ASCII, so "don't" finds "don’t" and the other way round. */
(function () {
  'use strict';
  var input = document.getElementById('search-input');
  var list = document.getElementById('search-results');
  var status = document.getElementById('search-status');
  if (!input || !list) return;
  var index = window.SOK_SEARCH_INDEX || [];
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

  var prepared = index.map(function (entry, position) {
    return {
      entry: entry,
      position: position,
      title: norm(entry.title),
      hay: norm([entry.title, entry.id, entry.measure, entry.excerpt, kinds[entry.kind]].join(' '))
    };
  });

  function search(query) {
    var words = norm(query).split(/\s+/).filter(Boolean);
    if (!words.length) return [];
    var hits = [];
    prepared.forEach(function (item) {
      for (var i = 0; i < words.length; i++) {
        if (item.hay.indexOf(words[i]) < 0) return;
      }
      var score = 0;
      words.forEach(function (w) {
        if (item.title.indexOf(w) === 0) score += 3;
        else if (item.title.indexOf(w) >= 0) score += 2;
      });
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
      var detail = entry.measure || entry.excerpt;
      if (detail) {
        var p = document.createElement('p');
        p.textContent = detail;
        li.appendChild(p);
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
