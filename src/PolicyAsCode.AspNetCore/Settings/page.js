// The settings page: shows what the policy lets this user choose and why the rest is excluded, and saves the choice.
// Every word about a bound (tier, reason, explanation) comes from the server's explain and preferences documents;
// this script only lays them out. Relative URLs, so the page works under any prefix ({prefix}/settings).
'use strict';

(function () {
  var explainUrl = 'explain';
  var preferencesUrl = 'preferences';

  var state = {
    explain: null,   // the explain document
    etag: null,      // the ETag of the stored record, sent as If-Match
    signedIn: false,
    saving: false,
    controls: {},    // dimension name -> { dimension, read() }
    stored: {},      // the stored preferences document: the dimensions the user set
  };

  var el = function (id) { return document.getElementById(id); };

  function make(tag, attributes, text) {
    var node = document.createElement(tag);
    if (attributes) {
      Object.keys(attributes).forEach(function (name) {
        var value = attributes[name];
        if (value === true) node.setAttribute(name, '');
        else if (value !== false && value !== null && value !== undefined) node.setAttribute(name, String(value));
      });
    }
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function same(a, b) { return JSON.stringify(a) === JSON.stringify(b); }

  // Ids built from dimension and option names; anything but letters and digits becomes '-'.
  function idFor() {
    return Array.prototype.slice.call(arguments).map(function (part) {
      return String(part).replace(/[^A-Za-z0-9]/g, '-');
    }).join('--');
  }

  // "law of EU — minors get at most teen content": the tier that excludes and its reason (its bound when it gives none).
  function exclusionText(excludedBy) {
    if (!excludedBy) return '';
    var why = excludedBy.reason || excludedBy.bound || excludedBy.explanation || '';
    return why ? excludedBy.tier + ' — ' + why : String(excludedBy.tier);
  }

  function labelOf(dimension, value) {
    if (dimension.options) {
      if (Array.isArray(value)) {
        var names = dimension.options.filter(function (o) {
          return value.some(function (v) { return same(v, o.value); });
        }).map(function (o) { return o.label; });
        return names.length ? names.join(', ') : 'none';
      }
      for (var i = 0; i < dimension.options.length; i++) {
        if (same(dimension.options[i].value, value)) return dimension.options[i].label;
      }
    }
    if (value === null || value === undefined) return 'not set';
    return typeof value === 'string' ? value : JSON.stringify(value);
  }

  function fact(list, term, description, className) {
    if (description === null || description === undefined || description === '') return null;
    list.appendChild(make('dt', null, term));
    var dd = make('dd', className ? { 'class': className } : null, description);
    list.appendChild(dd);
    return dd;
  }

  // Every bound on the setting, one a line, as the policy words it.
  function bounds(list, items) {
    if (!items || !items.length) return;
    list.appendChild(make('dt', null, 'Bounded by'));
    var dd = make('dd');
    var ul = make('ul', { 'class': 'links' });
    items.forEach(function (item) { ul.appendChild(make('li', null, item)); });
    dd.appendChild(ul);
    list.appendChild(dd);
  }

  // The benefits a setting serves or the risks it guards against: each named, with what it means.
  function links(list, term, items) {
    if (!items || !items.length) return;
    list.appendChild(make('dt', null, term));
    var dd = make('dd');
    var ul = make('ul', { 'class': 'links' });
    items.forEach(function (item) {
      var li = make('li');
      li.appendChild(make('span', { 'class': 'link-name' }, item.name || item.id));
      if (item.description) li.appendChild(document.createTextNode(' — ' + item.description));
      ul.appendChild(li);
    });
    dd.appendChild(ul);
    list.appendChild(dd);
  }

  function renderOption(dimension, option, index, type, container) {
    var id = idFor('opt', dimension.name, index);
    // A flag the rules keep in the set whatever the user asks is shown on and fixed, with the rule that keeps it.
    var fixed = !option.allowed || option.required === true;
    var row = make('div', { 'class': fixed ? 'option excluded' : 'option' });
    var input = make('input', { type: type, id: id, name: dimension.name, value: String(index), disabled: fixed });
    var label = make('label', { 'for': id }, option.label);
    row.appendChild(input);
    row.appendChild(label);
    if (same(option.value, dimension['default'])) row.appendChild(make('span', { 'class': 'tag' }, '(default)'));
    if (fixed) {
      var whyId = id + '--why';
      var words = option.allowed ? 'Always included' : 'Not available';
      input.setAttribute('aria-describedby', whyId);
      row.appendChild(make('span', { 'class': 'why', id: whyId }, option.excludedBy ? words + ': ' + exclusionText(option.excludedBy) : words + '.'));
    }
    container.appendChild(row);
    return input;
  }

  function renderChoices(dimension, fieldset) {
    var isSet = dimension.kind === 'set';
    var many = dimension.options.length > 8; // long lists (hazard categories) in columns
    var group = make('div', { 'class': many ? 'options many' : 'options', role: isSet ? 'group' : 'radiogroup', 'aria-labelledby': idFor('legend', dimension.name) });
    var inputs = dimension.options.map(function (option, index) {
      return renderOption(dimension, option, index, isSet ? 'checkbox' : 'radio', group);
    });
    var effective = dimension.effective;
    inputs.forEach(function (input, index) {
      var value = dimension.options[index].value;
      input.checked = isSet
        ? Array.isArray(effective) && effective.some(function (v) { return same(v, value); })
        : same(value, effective);
    });
    fieldset.appendChild(group);
    return function () {
      if (isSet) {
        return inputs.filter(function (i) { return i.checked; }).map(function (i) { return dimension.options[Number(i.value)].value; });
      }
      var picked = inputs.filter(function (i) { return i.checked; })[0];
      return picked ? dimension.options[Number(picked.value)].value : undefined;
    };
  }

  function renderRange(dimension, fieldset) {
    var range = dimension.range || {};
    var id = idFor('input', dimension.name);
    var hintId = id + '--hint';
    var row = make('div', { 'class': 'number' });
    row.appendChild(make('label', { 'for': id }, 'Value'));
    var input = make('input', {
      type: 'number', id: id, name: dimension.name, inputmode: dimension.kind === 'integer' ? 'numeric' : 'decimal',
      min: range.minimum, max: range.maximum, step: dimension.kind === 'integer' ? '1' : 'any', 'aria-describedby': hintId,
    });
    if (typeof dimension.effective === 'number') input.value = String(dimension.effective);
    row.appendChild(input);
    fieldset.appendChild(row);
    var hint = make('ul', { 'class': 'range', id: hintId });
    hint.appendChild(make('li', null, range.minimum === range.maximum
      ? 'Available: only ' + range.minimum + '.'
      : 'Available: from ' + range.minimum + ' to ' + range.maximum + '.'));
    if (range.belowMinimum) hint.appendChild(make('li', { 'class': 'why' }, 'Below ' + range.minimum + ' not available: ' + exclusionText(range.belowMinimum)));
    if (range.aboveMaximum) hint.appendChild(make('li', { 'class': 'why' }, 'Above ' + range.maximum + ' not available: ' + exclusionText(range.aboveMaximum)));
    fieldset.appendChild(hint);
    return function () {
      if (input.value.trim() === '') return undefined; // left out: not requested, the default applies
      var number = Number(input.value);
      return isFinite(number) ? number : input.value; // the server reports what it cannot read
    };
  }

  function renderText(dimension, fieldset) {
    var id = idFor('input', dimension.name);
    var row = make('div', { 'class': 'text' });
    row.appendChild(make('label', { 'for': id }, 'Value'));
    var input = make('input', { type: 'text', id: id, name: dimension.name });
    if (typeof dimension.effective === 'string') input.value = dimension.effective;
    row.appendChild(input);
    fieldset.appendChild(row);
    return function () { return input.value === '' ? undefined : input.value; };
  }

  // A boolean's values read as Yes and No (the explanation names them true and false, as the JSON does).
  function readable(dimension) {
    if (dimension.kind === 'boolean' && dimension.options) {
      dimension.options.forEach(function (option) {
        if (option.value === true) option.label = 'Yes';
        if (option.value === false) option.label = 'No';
      });
    }
    return dimension;
  }

  function renderDimension(dimension) {
    readable(dimension);
    var fieldset = make('fieldset', { 'class': 'dimension', id: idFor('dim', dimension.name) });
    var legend = make('legend', { id: idFor('legend', dimension.name) }, dimension.title || dimension.name);
    fieldset.appendChild(legend);
    if (dimension.description) fieldset.appendChild(make('p', { 'class': 'description' }, dimension.description));

    var read = dimension.options && dimension.options.length ? renderChoices(dimension, fieldset)
      : dimension.range ? renderRange(dimension, fieldset)
        : renderText(dimension, fieldset);

    var facts = make('dl', { 'class': 'facts' });
    fact(facts, 'Default', labelOf(dimension, dimension['default']));
    var effective = fact(facts, 'In effect now', labelOf(dimension, dimension.effective), 'effective');
    // Shown only when the rules grant something else than what the user asked for.
    var requestedTerm = make('dt', null, 'You asked for');
    var requested = make('dd', { 'class': 'requested' });
    facts.appendChild(requestedTerm);
    facts.appendChild(requested);
    var showRequested = function (asked, granted) {
      var differs = asked !== null && asked !== undefined && !same(asked, granted);
      requested.textContent = differs ? labelOf(dimension, asked) : '';
      requestedTerm.hidden = requested.hidden = !differs;
    };
    showRequested(dimension.requested, dimension.effective);
    bounds(facts, dimension.boundedBy);
    links(facts, 'Benefits it serves', dimension.enables);
    links(facts, 'Risks it guards against', dimension.mitigates);
    fieldset.appendChild(facts);

    var adjustment = make('p', { 'class': 'adjustment', hidden: !dimension.adjustment }, dimension.adjustment || '');
    fieldset.appendChild(adjustment);
    var problem = make('p', { 'class': 'problem', hidden: true });
    fieldset.appendChild(problem);

    state.controls[dimension.name] = {
      dimension: dimension, read: read, initial: read(), effective: effective, showRequested: showRequested,
      adjustment: adjustment, problem: problem, fieldset: fieldset,
    };
    return fieldset;
  }

  function render(explain) {
    var where = el('where');
    var parts = [];
    if (explain.where) parts.push('Rules that apply: ' + explain.where + '.');
    if (explain.context) parts.push('What is known about you: ' + explain.context + '.');
    where.textContent = parts.join(' ');
    where.hidden = parts.length === 0;
    var container = el('dimensions');
    container.textContent = '';
    state.controls = {};
    (explain.dimensions || []).forEach(function (dimension) { container.appendChild(renderDimension(dimension)); });
  }

  // Only what the user set (before, or now by changing it): a value left as shown keeps following the defaults and
  // what is learned from their feedback, instead of becoming an explicit choice by being saved.
  function document_() {
    var doc = {};
    Object.keys(state.controls).forEach(function (name) {
      var control = state.controls[name];
      var value = control.read();
      var chosen = Object.prototype.hasOwnProperty.call(state.stored, name) || !same(value, control.initial);
      if (value !== undefined && chosen) doc[name] = value;
    });
    return doc;
  }

  function show(kind, title, build) {
    var outcome = el('outcome');
    outcome.textContent = '';
    outcome.className = 'outcome ' + kind;
    outcome.appendChild(make('h2', null, title));
    if (build) build(outcome);
  }

  function clearProblems() {
    Object.keys(state.controls).forEach(function (name) {
      var c = state.controls[name];
      c.problem.hidden = true;
      c.problem.textContent = '';
      c.fieldset.removeAttribute('aria-invalid');
    });
  }

  // A saved (or read) preferences response: effective values and every adjustment with its explanation.
  function showSaved(body, title) {
    var adjusted = {};
    (body.adjustments || []).forEach(function (a) { adjusted[a.dimension] = a; });
    Object.keys(state.controls).forEach(function (name) {
      var c = state.controls[name];
      if (body.effective && Object.prototype.hasOwnProperty.call(body.effective, name)) {
        c.effective.textContent = labelOf(c.dimension, body.effective[name]);
        c.showRequested(body.preferences ? body.preferences[name] : null, body.effective[name]);
      }
      var a = adjusted[name];
      c.adjustment.textContent = a ? a.explanation : '';
      c.adjustment.hidden = !a;
    });
    show('saved', title, function (outcome) {
      var list = make('dl', { 'class': 'facts effective-values' });
      Object.keys(state.controls).forEach(function (name) {
        if (body.effective && Object.prototype.hasOwnProperty.call(body.effective, name)) {
          fact(list, state.controls[name].dimension.title || name, labelOf(state.controls[name].dimension, body.effective[name]));
        }
      });
      outcome.appendChild(make('p', null, 'In effect now:'));
      outcome.appendChild(list);
      var adjustments = body.adjustments || [];
      outcome.appendChild(make('p', null, adjustments.length
        ? 'Adjusted by the rules (' + adjustments.length + '):'
        : 'Every value applies as you chose it.'));
      if (adjustments.length) {
        var ul = make('ul', { 'class': 'adjustments' });
        adjustments.forEach(function (a) { ul.appendChild(make('li', null, a.explanation)); });
        outcome.appendChild(ul);
      }
      var moved = body.moved || [];
      if (moved.length) {
        outcome.appendChild(make('p', null, 'Changed by a newer policy since you last saved:'));
        var movedList = make('ul', { 'class': 'adjustments' });
        moved.forEach(function (a) { movedList.appendChild(make('li', null, a.explanation)); });
        outcome.appendChild(movedList);
      }
    });
  }

  // What a newer policy than the one the user saved under changed, told once on load.
  function showMoved(moved) {
    if (!moved.length) return;
    show('note', 'Your settings changed since you last saved', function (outcome) {
      outcome.appendChild(make('p', null, 'The rules were updated after you saved; what they changed:'));
      var ul = make('ul', { 'class': 'adjustments' });
      moved.forEach(function (a) { ul.appendChild(make('li', null, a.explanation)); });
      outcome.appendChild(ul);
    });
  }

  function showProblems(problem) {
    var errors = (problem && problem.errors) || [];
    show('problem', 'Not saved: some values could not be read', function (outcome) {
      outcome.appendChild(make('p', null, (problem && (problem.detail || problem.title)) || 'Nothing was stored.'));
      var ul = make('ul', { 'class': 'errors' });
      errors.forEach(function (e) {
        var li = make('li');
        li.appendChild(make('code', null, e.path));
        li.appendChild(document.createTextNode(': ' + e.message));
        ul.appendChild(li);
        var match = /^\$\.([A-Za-z_][A-Za-z0-9_]*)/.exec(e.path || '');
        var c = match && state.controls[match[1]];
        if (c) {
          c.problem.textContent = 'Could not be read (' + e.path + '): ' + e.message;
          c.problem.hidden = false;
          c.fieldset.setAttribute('aria-invalid', 'true');
        }
      });
      outcome.appendChild(ul);
    });
  }

  function signInLink(response) {
    var location = response && response.headers.get('Location');
    var action = el('signin-action');
    if (location && /^(\/(?!\/)|https?:\/\/)/.test(location)) {
      action.textContent = '';
      var link = make('a', { href: location }, 'Sign in to save your own settings.');
      action.appendChild(link);
    }
  }

  function setReadOnly(readOnly) {
    el('signin-note').hidden = !readOnly;
    el('save').disabled = readOnly;
    Array.prototype.forEach.call(document.querySelectorAll('fieldset.dimension'), function (f) { f.disabled = readOnly; });
  }

  function request(method, url, body) {
    var headers = { Accept: 'application/json, application/problem+json', 'X-Requested-With': 'XMLHttpRequest' };
    var init = { method: method, headers: headers, credentials: 'same-origin', cache: 'no-store', redirect: 'manual' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
      if (state.etag) headers['If-Match'] = state.etag;
    }
    return fetch(url, init);
  }

  function json(response) {
    var type = response.headers.get('Content-Type') || '';
    return /json/i.test(type) ? response.json() : Promise.resolve(null);
  }

  function rememberRevision(response, body) {
    var etag = response.headers.get('ETag');
    state.etag = etag || (body && body.revision > 0 ? '"' + body.revision + '"' : null);
  }

  function save(event) {
    event.preventDefault();
    if (!state.signedIn || state.saving) return;
    clearProblems();
    // Marked busy rather than disabled: disabling the focused button would drop a keyboard user's focus.
    var button = el('save');
    state.saving = true;
    button.setAttribute('aria-disabled', 'true');
    show('pending', 'Saving…');
    request('PUT', preferencesUrl, document_()).then(function (response) {
      return json(response).then(function (body) {
        if (response.ok && body) {
          rememberRevision(response, body);
          state.stored = body.preferences || {};
          showSaved(body, 'Saved');
        } else if (response.status === 422) {
          showProblems(body);
        } else if (response.status === 412 || response.status === 428) {
          show('problem', 'Not saved: your settings were changed elsewhere', function (outcome) {
            outcome.appendChild(make('p', null, 'They were saved from another tab or device after this page loaded. Reload the page to see them, then choose again.'));
            var reload = make('button', { type: 'button' }, 'Reload the page');
            reload.addEventListener('click', function () { window.location.reload(); });
            outcome.appendChild(reload);
          });
        } else if (response.status === 401 || response.type === 'opaqueredirect') {
          show('problem', 'Not saved: you are not signed in', function (outcome) {
            outcome.appendChild(make('p', null, 'Your sign-in may have expired. Sign in, then save again.'));
          });
        } else if (response.status === 403) {
          show('problem', 'Not saved: you may not change these settings');
        } else if (response.status === 413) {
          show('problem', 'Not saved: the settings document is too large');
        } else {
          show('problem', 'Not saved: the server answered ' + response.status, function (outcome) {
            if (body && (body.detail || body.title)) outcome.appendChild(make('p', null, body.detail || body.title));
          });
        }
      });
    }).catch(function () {
      show('problem', 'Not saved: the server could not be reached', function (outcome) {
        outcome.appendChild(make('p', null, 'Check your connection and save again.'));
      });
    }).then(function () {
      state.saving = false;
      button.removeAttribute('aria-disabled');
    });
  }

  function load() {
    Promise.all([request('GET', explainUrl), request('GET', preferencesUrl)]).then(function (responses) {
      var explainResponse = responses[0];
      var preferencesResponse = responses[1];
      // The app keeps even the explanation for signed-in users (RequireAuthorization on MapPolicy's group).
      if (explainResponse.status === 401 || explainResponse.type === 'opaqueredirect') {
        el('loading').hidden = true;
        el('signin-required').hidden = false;
        return;
      }
      if (!explainResponse.ok) throw new Error('the server answered ' + explainResponse.status);
      return Promise.all([explainResponse.json(), json(preferencesResponse)]).then(function (bodies) {
        state.explain = bodies[0];
        render(state.explain);
        state.signedIn = preferencesResponse.ok && bodies[1] !== null;
        if (state.signedIn) {
          rememberRevision(preferencesResponse, bodies[1]);
          state.stored = bodies[1].preferences || {};
          showMoved(bodies[1].moved || []);
        } else if (preferencesResponse.status === 401 || preferencesResponse.type === 'opaqueredirect') {
          signInLink(preferencesResponse);
        } else {
          throw new Error('your stored settings could not be read (the server answered ' + preferencesResponse.status + ')');
        }
        setReadOnly(!state.signedIn);
        el('loading').hidden = true;
        el('settings-form').hidden = false;
      });
    }).catch(function (error) {
      el('loading').hidden = true;
      var problem = el('load-problem');
      problem.textContent = 'Could not load your settings: ' + (error && error.message ? error.message : 'unknown error') + '. Reload the page to try again.';
      problem.hidden = false;
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    el('settings-form').addEventListener('submit', save);
    load();
  });
}());
