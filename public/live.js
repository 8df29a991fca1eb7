// Live updates for the status page: the server announces each new status over Server-Sent Events,
// and this script swaps in the re-rendered status region. The page is complete without it.
(function () {
  'use strict';
  if (!('EventSource' in window) || !('fetch' in window) || !('content' in document.createElement('template'))) return;
  var lang = document.documentElement.getAttribute('lang') || 'pl';
  var announcer = document.getElementById('announcer');
  var loading = false;
  var again = false;
  // Ages on the page ("2 min temu") go out of date: re-fetch at most this often even when nothing changed.
  var MAX_AGE_MS = 60000;
  var fetchedAt = Date.now();

  function region() {
    return document.getElementById('status-region');
  }

  // Keeps keyboard focus on the same link after the region is replaced.
  function focusedHref(current) {
    var el = document.activeElement;
    return el && current.contains(el) && el.getAttribute ? el.getAttribute('href') : null;
  }

  function swap(html) {
    var current = region();
    if (!current) return;
    var template = document.createElement('template');
    template.innerHTML = html.trim();
    var next = template.content.firstElementChild;
    if (!next || next.id !== 'status-region') return;
    var href = focusedHref(current);
    var before = current.getAttribute('data-announce');
    current.replaceWith(next);
    if (href) {
      var links = next.querySelectorAll('a[href]');
      for (var i = 0; i < links.length; i++) {
        if (links[i].getAttribute('href') === href) {
          links[i].focus();
          break;
        }
      }
    }
    var after = next.getAttribute('data-announce');
    if (announcer && after && after !== before) announcer.textContent = after;
  }

  function refresh() {
    if (loading) {
      again = true;
      return;
    }
    loading = true;
    fetchedAt = Date.now();
    fetch('/fragment?lang=' + encodeURIComponent(lang), { headers: { Accept: 'text/html' }, credentials: 'same-origin' })
      .then(function (res) {
        if (!res.ok) throw new Error('HTTP ' + res.status);
        return res.text();
      })
      .then(swap)
      .catch(function () {
        // The next event retries; the page keeps showing the last good state meanwhile.
      })
      .then(function () {
        loading = false;
        if (again) {
          again = false;
          refresh();
        }
      });
  }

  function connect() {
    var source = new EventSource('/api/v1/events');
    source.addEventListener('status', onStatus);
    // A refused stream (503 when the server is at its stream cap) is not retried by the browser:
    // try again after a minute or two (spread out), and refresh now so the page is not left stale.
    source.addEventListener('error', function () {
      if (source.readyState !== EventSource.CLOSED) return;
      refresh();
      setTimeout(connect, 60000 + Math.floor(Math.random() * 60000));
    });
  }

  function onStatus(event) {
    var data;
    try {
      data = JSON.parse(event.data);
    } catch (err) {
      return;
    }
    var current = region();
    if (!current) return;
    // Rebuilds happen on every probe result; only a different fingerprint means the page would say something else.
    var changed = data.state ? data.state !== current.getAttribute('data-state') : String(data.version) !== current.getAttribute('data-version');
    if (changed || Date.now() - fetchedAt > MAX_AGE_MS) refresh();
  }
  connect();
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'visible' && Date.now() - fetchedAt > MAX_AGE_MS) refresh();
  });
})();
