// The report's only script, inlined and allowed by the page's CSP through its hash. It
// filters, sorts and folds the server-rendered document table, reading the row data from the
// <script type="application/json" id="adscan-data"> element. It never builds markup from
// data: it only moves existing rows, toggles `hidden` and sets textContent, so scanned content
// cannot become code here either. Plain ES2017, no modules, no network.
export const SCRIPT = `
(function () {
  'use strict';
  var dataEl = document.getElementById('adscan-data');
  var table = document.getElementById('docs');
  if (!dataEl || !table) return;
  var data = JSON.parse(dataEl.textContent || '{}');
  var docs = data.docs || [];
  var severities = data.severities || [];
  var categories = data.categories || [];
  var bodies = [];
  Array.prototype.forEach.call(table.querySelectorAll('tbody.doc'), function (body) {
    bodies[Number(body.getAttribute('data-index'))] = body;
  });
  var text = document.getElementById('filter-text');
  var severity = document.getElementById('filter-severity');
  var category = document.getElementById('filter-category');
  var status = document.getElementById('filter-status');
  var count = document.getElementById('shown-count');
  var empty = document.getElementById('no-match');
  var toolbar = document.getElementById('toolbar');
  if (toolbar) toolbar.hidden = false;

  function findingMatches(s, c) {
    return function (pair) {
      return (!s || severities[pair[0]] === s) && (!c || categories[pair[1]] === c);
    };
  }

  function statusMatches(d, st) {
    if (st === 'findings') return d.findings > 0;
    if (st === 'read-error') return d.readError !== null;
    if (st === 'clean') return d.findings === 0 && d.readError === null;
    if (st === 'suppressed') return d.suppressed > 0;
    return true;
  }

  function apply() {
    var words = text.value.toLowerCase().split(/\\s+/).filter(Boolean);
    var s = severity.value;
    var c = category.value;
    var st = status.value;
    var shown = 0;
    docs.forEach(function (d, i) {
      var body = bodies[i];
      if (!body) return;
      var ok = words.every(function (w) { return d.text.indexOf(w) >= 0; });
      if (ok && (s || c)) ok = d.f.some(findingMatches(s, c));
      if (ok) ok = statusMatches(d, st);
      body.hidden = !ok;
      if (ok) shown++;
      Array.prototype.forEach.call(body.querySelectorAll('ol.findings.active > li.finding'), function (li) {
        li.hidden = Boolean(
          (s && li.getAttribute('data-severity') !== s) || (c && li.getAttribute('data-category') !== c),
        );
      });
    });
    if (count) count.textContent = 'Showing ' + shown + ' of ' + docs.length + ' documents';
    if (empty) empty.hidden = shown > 0;
  }

  var sortKey = null;
  var sortDir = 1;

  function compare(key, dir) {
    return function (a, b) {
      var x = docs[a];
      var y = docs[b];
      var r = 0;
      if (key === 'uri') r = x.uri < y.uri ? -1 : x.uri > y.uri ? 1 : 0;
      else if (key === 'readError') r = (x.readError === null ? 0 : 1) - (y.readError === null ? 0 : 1);
      else r = x[key] - y[key];
      return r * dir || a - b;
    };
  }

  function sortBy(key, dir) {
    sortKey = key;
    sortDir = dir;
    var order = docs.map(function (_, i) { return i; });
    if (key) order.sort(compare(key, dir));
    var anchor = empty && empty.parentNode === table ? empty : null;
    order.forEach(function (i) {
      if (bodies[i]) table.insertBefore(bodies[i], anchor);
    });
    Array.prototype.forEach.call(table.querySelectorAll('th[data-sort]'), function (th) {
      var k = th.getAttribute('data-sort');
      th.setAttribute('aria-sort', k === key ? (dir > 0 ? 'ascending' : 'descending') : 'none');
    });
  }

  Array.prototype.forEach.call(table.querySelectorAll('th[data-sort] button.sort'), function (button) {
    button.addEventListener('click', function () {
      var key = button.parentNode.getAttribute('data-sort');
      var dir = key === sortKey ? -sortDir : key === 'uri' ? 1 : -1;
      sortBy(key, dir);
    });
  });

  function setExpanded(button, expanded) {
    var detail = document.getElementById(button.getAttribute('aria-controls'));
    if (!detail) return;
    detail.hidden = !expanded;
    button.setAttribute('aria-expanded', expanded ? 'true' : 'false');
  }

  var toggles = Array.prototype.slice.call(table.querySelectorAll('button.toggle'));
  toggles.forEach(function (button) {
    button.addEventListener('click', function () {
      setExpanded(button, button.getAttribute('aria-expanded') !== 'true');
    });
  });
  var notable = docs.filter(function (d) { return d.findings > 0 || d.readError !== null; }).length;
  toggles.forEach(function (button) {
    var d = docs[Number(button.getAttribute('data-index'))];
    setExpanded(button, Boolean(d) && notable <= 50 && (d.findings > 0 || d.readError !== null));
  });
  var expandAll = document.getElementById('expand-all');
  var collapseAll = document.getElementById('collapse-all');
  if (expandAll) expandAll.addEventListener('click', function () {
    toggles.forEach(function (button) { setExpanded(button, true); });
  });
  if (collapseAll) collapseAll.addEventListener('click', function () {
    toggles.forEach(function (button) { setExpanded(button, false); });
  });

  text.addEventListener('input', apply);
  severity.addEventListener('change', apply);
  category.addEventListener('change', apply);
  status.addEventListener('change', apply);
  var reset = document.getElementById('filter-reset');
  if (reset) reset.addEventListener('click', function () {
    text.value = '';
    severity.value = '';
    category.value = '';
    status.value = '';
    sortBy(null, 1);
    apply();
  });
  apply();
})();
`;
