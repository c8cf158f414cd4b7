// The chat page: sends each message to /api/chat and shows the answer, or the refusal with the tier and reason.
'use strict';

(function () {
  function make(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function add(transcript, who, text, refusal) {
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
        add(transcript, 'assistant', reply.text, reply.refusal);
      }).catch(function (error) {
        add(transcript, 'assistant', 'Could not reach the assistant: ' + error.message);
      });
    });
  });
}());
