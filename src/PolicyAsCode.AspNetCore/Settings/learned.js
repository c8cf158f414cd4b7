// The settings page's "Learned from your feedback" section: each value learned from the user's feedback, worded by
// the server (LearnedChange.Explain), with an Undo button that forgets the feedback behind it. Shown only when the
// application learns from feedback (GET learned exists) and the user is signed in. Relative URLs, like page.js.
'use strict';

(function () {
  var el = function (id) { return document.getElementById(id); };

  function make(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function request(method, url) {
    return fetch(url, {
      method: method,
      headers: { Accept: 'application/json, application/problem+json', 'X-Requested-With': 'XMLHttpRequest' },
      credentials: 'same-origin', cache: 'no-store', redirect: 'manual',
    });
  }

  function render(body) {
    var list = el('learned-changes');
    list.textContent = '';
    (body.applied || []).forEach(function (change) {
      var item = make('li', { 'class': 'learned-change', 'data-dimension': change.dimension });
      item.appendChild(make('span', { 'class': 'learned-explanation' }, change.explanation));
      var count = (change.feedback || []).length;
      if (count) item.appendChild(make('span', { 'class': 'learned-cause' }, ' (from ' + count + (count === 1 ? ' rating)' : ' ratings)')));
      var undo = make('button', { type: 'button', 'class': 'undo', 'aria-label': 'Undo: ' + change.explanation }, 'Undo');
      undo.addEventListener('click', function () { forget(change, undo); });
      item.appendChild(undo);
      list.appendChild(item);
    });
    (body.ignored || []).forEach(function (change) {
      var item = make('li', { 'class': 'learned-change ignored', 'data-dimension': change.dimension });
      item.appendChild(make('span', { 'class': 'learned-explanation' }, change.explanation));
      item.appendChild(make('span', { 'class': 'why' }, ' Not used: ' + change.why + '.'));
      list.appendChild(item);
    });
    el('learned-none').hidden = list.children.length > 0;
  }

  function forget(change, button) {
    button.setAttribute('aria-disabled', 'true');
    el('learned-status').textContent = 'Undoing…';
    request('DELETE', 'learned/' + encodeURIComponent(change.dimension)).then(function (response) {
      if (!response.ok) throw new Error('the server answered ' + response.status);
      return response.json();
    }).then(function (body) {
      render(body);
      el('learned-status').textContent = 'Undone: ' + (change.title || change.dimension)
        + ' follows your own setting or the default again. Reload the page to see the values in effect.';
    }).catch(function (error) {
      button.removeAttribute('aria-disabled');
      el('learned-status').textContent = 'Not undone: ' + error.message + '.';
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    request('GET', 'learned').then(function (response) {
      // 404: the application does not learn from feedback; 401 or a redirect: not signed in. Either way, no section.
      if (!response.ok) return;
      return response.json().then(function (body) {
        render(body);
        el('learned').hidden = false;
      });
    }).catch(function () {
      el('learned-status').textContent = 'What was learned from your feedback could not be loaded.';
      el('learned').hidden = false;
    });
  });
}());
