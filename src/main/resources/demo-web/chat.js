// podpoint-bot demo web chat: plain JS, no build step, no external resources.
(function () {
  'use strict';
  var messages = document.getElementById('messages');
  var input = document.getElementById('input');
  var statusEl = document.getElementById('status');
  var toastEl = document.getElementById('toast');
  var demoEmail = document.getElementById('demo-email').textContent;
  var demoPassword = document.getElementById('demo-password').textContent;

  // ---- safe rendering of the bot's Telegram-HTML subset: <b>, <i>, <code>, <pre>; everything else is text.
  var ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  function decodeEntities(s) {
    return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, function (m, e) {
      if (e.charAt(0) === '#') {
        var code = e.charAt(1) === 'x' || e.charAt(1) === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        try { return String.fromCodePoint(code); } catch (err) { return m; }
      }
      return Object.prototype.hasOwnProperty.call(ENTITIES, e) ? ENTITIES[e] : m;
    });
  }
  function renderHtml(target, html) {
    var re = /<(\/?)(b|i|code|pre)>/g;
    var stack = [target];
    var last = 0, m;
    function text(s) { if (s) stack[stack.length - 1].appendChild(document.createTextNode(decodeEntities(s))); }
    while ((m = re.exec(html)) !== null) {
      text(html.slice(last, m.index));
      last = re.lastIndex;
      var top = stack[stack.length - 1];
      if (!m[1]) {
        var el = document.createElement(m[2]);
        top.appendChild(el);
        stack.push(el);
      } else if (stack.length > 1 && top.tagName.toLowerCase() === m[2]) {
        stack.pop();
      } else {
        text(m[0].replace(/</g, '&lt;').replace(/>/g, '&gt;'));
      }
    }
    text(html.slice(last));
  }

  function scroll() { messages.scrollTop = messages.scrollHeight; }

  function toast(text) {
    if (!text) return;
    toastEl.textContent = text;
    toastEl.hidden = false;
    clearTimeout(toast.timer);
    toast.timer = setTimeout(function () { toastEl.hidden = true; }, 2500);
  }

  function userBubble(text) {
    var div = document.createElement('div');
    div.className = 'msg user';
    div.textContent = text;
    messages.appendChild(div);
    scroll();
    return div;
  }

  function botBubble(reply, notification) {
    var div = document.createElement('div');
    div.className = 'msg bot' + (notification ? ' notification' : '');
    div.dataset.messageId = String(reply.messageId);
    fill(div, reply);
    return div;
  }

  function fill(div, reply) {
    while (div.firstChild) div.removeChild(div.firstChild);
    if (reply.file) {
      div.classList.add('has-file');
      div.appendChild(fileView(reply.file));
    }
    var body = document.createElement('div');
    body.className = 'text';
    renderHtml(body, reply.text || '');
    div.appendChild(body);
    if (reply.buttons && reply.buttons.length) {
      var box = document.createElement('div');
      box.className = 'buttons';
      reply.buttons.forEach(function (row) {
        var r = document.createElement('div');
        r.className = 'row';
        row.forEach(function (b) {
          var btn = document.createElement('button');
          btn.type = 'button';
          btn.className = 'inline';
          btn.textContent = b.text;
          btn.dataset.data = b.data;
          btn.addEventListener('click', function () { press(b.data, reply.messageId); });
          r.appendChild(btn);
        });
        box.appendChild(r);
      });
      div.appendChild(box);
    }
  }

  // a photo is shown inline (a chart); a document is offered for download under its own name
  function fileView(file) {
    if (file.kind === 'photo') {
      var img = document.createElement('img');
      img.className = 'photo';
      img.src = file.url;
      img.alt = file.name;
      img.addEventListener('load', scroll);
      return img;
    }
    var a = document.createElement('a');
    a.className = 'file';
    a.href = file.url;
    a.setAttribute('download', file.name);
    a.textContent = '📄 ' + file.name + ' (' + Math.max(1, Math.round(file.size / 1024)) + ' KB)';
    return a;
  }

  function showReplies(res, notification) {
    (res.replies || []).forEach(function (reply) {
      var existing = reply.edit ? messages.querySelector('.msg.bot[data-message-id="' + reply.messageId + '"]') : null;
      if (existing) {
        fill(existing, reply);
      } else {
        messages.appendChild(botBubble(reply, notification));
      }
    });
    scroll();
  }

  function error(text) {
    var div = document.createElement('div');
    div.className = 'error';
    div.textContent = text;
    messages.appendChild(div);
    scroll();
  }

  function post(url, body) {
    return fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (r) {
        return r.json().catch(function () { return {}; }).then(function (j) {
          if (!r.ok) throw new Error(j.error || ('The bot answered HTTP ' + r.status));
          return j;
        });
      });
  }

  function send(text, shown) {
    text = (text || '').trim();
    if (!text) return Promise.resolve();
    var bubble = userBubble(shown || text);
    return post('/demo/chat', { text: text }).then(function (res) {
      if (res.deleteUserMessage) {
        bubble.textContent = '🔒 (message removed: it held a password)';
        bubble.classList.add('hidden-secret');
      }
      showReplies(res, false);
    }).catch(function (e) { error(e.message); });
  }

  function press(data, messageId) {
    return post('/demo/press', { data: data, messageId: messageId }).then(function (res) {
      toast(res.callbackAnswer);
      showReplies(res, false);
    }).catch(function (e) { error(e.message); });
  }

  document.getElementById('composer').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var text = input.value;
    input.value = '';
    send(text);
  });
  document.getElementById('signin').addEventListener('click', function () {
    send('/login ' + demoEmail + ' ' + demoPassword, '/login ' + demoEmail + ' ••••');
  });
  Array.prototype.forEach.call(document.querySelectorAll('button.cmd'), function (b) {
    b.addEventListener('click', function () { send(b.dataset.cmd); });
  });
  document.getElementById('skip').addEventListener('click', function () {
    post('/demo/fast-forward', { minutes: 30 }).then(function (res) {
      showPods(res.pods);
      toast('Skipped 30 minutes ahead');
    }).catch(function (e) { error(e.message); });
  });

  function showPods(pods) {
    document.getElementById('pods').textContent = pods && pods.length ? 'Simulated pods now: ' + pods.join(' · ') : '';
  }
  function refreshInfo() {
    fetch('/demo/info').then(function (r) { return r.json(); }).then(function (j) { showPods(j.pods); })
      .catch(function () { /* the next refresh tries again */ });
  }
  refreshInfo();
  setInterval(refreshInfo, 5000);

  // ---- notifications, live over server-sent events (the browser reconnects by itself)
  var events = new EventSource('/demo/events');
  events.onopen = function () {
    statusEl.dataset.connected = 'true';
    statusEl.textContent = 'connected';
  };
  events.onerror = function () {
    statusEl.dataset.connected = 'false';
    statusEl.textContent = 'reconnecting…';
  };
  events.onmessage = function (ev) {
    try { showReplies(JSON.parse(ev.data), true); } catch (e) { error('Could not show a notification.'); }
  };

  window.podbotDemo = { send: send, press: press, renderHtml: renderHtml };
  input.focus();
})();
