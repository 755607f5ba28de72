// Live updates of the open-tickets page: the only script of the dashboard; without it the page still works
// (reload to see changes). On each change the page fetches itself and swaps the part that lists tickets.
(function () {
  var live = document.getElementById('live');
  if (!live || !window.EventSource) { return; }
  var pending = false;
  function refresh() {
    if (pending) { return; }
    pending = true;
    setTimeout(function () {
      fetch(window.location.href, {credentials: 'same-origin'})
        .then(function (r) { return r.ok ? r.text() : null; })
        .then(function (html) {
          pending = false;
          if (!html) { return; }
          var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('live');
          if (fresh) { live.replaceChildren.apply(live, Array.from(fresh.childNodes)); live.dataset.updated = Date.now(); }
        })
        .catch(function () { pending = false; });
    }, 300); // a burst of changes makes one fetch
  }
  var source = new EventSource('/live');
  source.onmessage = function (event) { if (event.data) { refresh(); } };
})();
