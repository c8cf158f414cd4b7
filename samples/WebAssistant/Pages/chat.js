// The chat page: sends each message to /api/chat and shows the answer, or the refusal with the tier and reason. Each
// answer takes feedback ("too long", "too short", thumbs) for /policy/feedback, naming the decision that served it;
// what is learned from it shows on /policy/settings.
'use strict';

(function () {
  // The buttons under an answer: what each says, and the feedback it sends.
  var feedbackButtons = [
    { text: 'Too long', body: { nudges: [{ dimension: 'verbosity', direction: 'lower', label: 'too long' }] } },
    { text: 'Too short', body: { nudges: [{ dimension: 'verbosity', direction: 'higher', label: 'too short' }] } },
    { text: '👍', label: 'Good answer', body: { rating: 1 } },
    { text: '👎', label: 'Bad answer', body: { rating: -1 } },
  ];

  function make(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function sendFeedback(reply, button, status) {
    var body = JSON.parse(JSON.stringify(button.body));
    body.decisionId = reply.decisionId;
    if (reply.policyVersion) body.policyVersion = reply.policyVersion;
    status.textContent = 'Sending…';
    fetch('/policy/feedback', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' },
      credentials: 'same-origin',
      body: JSON.stringify(body),
    }).then(function (response) {
      if (response.status === 401) throw new Error('sign in to give feedback');
      if (!response.ok) throw new Error('the server answered ' + response.status);
      return response.json();
    }).then(function (learned) {
      var applied = learned.applied || [];
      status.textContent = applied.length
        ? 'Thanks. Learned so far: ' + applied.map(function (c) { return c.explanation; }).join('; ') + '.'
        : 'Thanks, noted.';
    }).catch(function (error) {
      status.textContent = 'Feedback not sent: ' + error.message + '.';
    });
  }

  function feedback(item, reply) {
    if (!reply.decisionId) return;
    var bar = make('div', 'feedback');
    var status = make('span', 'feedback-status');
    status.setAttribute('role', 'status');
    feedbackButtons.forEach(function (button) {
      var element = make('button', 'feedback-button', button.text);
      element.type = 'button';
      if (button.label) element.setAttribute('aria-label', button.label);
      element.addEventListener('click', function () { sendFeedback(reply, button, status); });
      bar.appendChild(element);
    });
    bar.appendChild(status);
    item.appendChild(bar);
  }

  function add(transcript, who, text, refusal, reply) {
    var item = make('li', refusal ? 'turn refused' : 'turn ' + who);
    item.appendChild(make('span', 'who', who === 'you' ? 'You: ' : 'Assistant: '));
    item.appendChild(make('span', 'text', text));
    if (refusal) {
      var why = make('p', 'refusal');
      why.appendChild(make('strong', null, 'Refused'));
      var by = refusal.tier ? ' by the ' + refusal.tier : ' (the content could not be checked, so it was withheld)';
      why.appendChild(document.createTextNode(by + (refusal.reason ? ': ' + refusal.reason : '') + '.'));
      item.appendChild(why);
      item.appendChild(make('p', 'explanation', refusal.explanation + ' · policy ' + refusal.policyVersion));
    }
    if (reply) feedback(item, reply);
    transcript.appendChild(item);
  }

  document.addEventListener('DOMContentLoaded', function () {
    var form = document.getElementById('chat-form');
    var input = document.getElementById('message');
    var transcript = document.getElementById('transcript');
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var message = input.value.trim();
      if (!message) return;
      add(transcript, 'you', message);
      input.value = '';
      fetch('/api/chat', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        credentials: 'same-origin',
        body: JSON.stringify({ message: message }),
      }).then(function (response) {
        if (!response.ok) throw new Error('the server answered ' + response.status);
        return response.json();
      }).then(function (reply) {
        add(transcript, 'assistant', reply.text, reply.refusal, reply);
      }).catch(function (error) {
        add(transcript, 'assistant', 'Could not reach the assistant: ' + error.message);
      });
    });
  });
}());
