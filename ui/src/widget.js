/*
 * Hearth chat widget: the chat inside the frame served by /widget/frame. Plain JavaScript, no
 * framework. Talks to /api/widget/conversations on the same origin (see docs/widget.md):
 * - the conversation token is kept in localStorage per site key, so the conversation survives reloads;
 * - a question's answer streams from the POST (Server-Sent Events read with fetch);
 * - a live stream (GET /events?after=<last seq>) brings agents' messages and status changes, and after
 *   a dropped connection resumes after the last message shown: nothing is lost, nothing is repeated;
 * - every text is rendered with HearthMarkdown (DOM nodes only, never innerHTML).
 */
(function () {
  'use strict';

  var settings = JSON.parse(document.body.getAttribute('data-settings') || '{}');
  var T = settings.texts || {};
  var API = '/api/widget/conversations';
  var SITE = settings.site || '';
  var STORE = 'hearth:conversation:' + SITE;
  var base = location.origin;

  var state = {
    open: false,
    conversation: null, // {id, token, expiresAt}
    lastSeq: 0,
    rendered: {}, // seq -> element
    pending: [], // customer bubbles sent but not yet stored: {text, element}
    streaming: null, // {questionSeq, element, textNode}
    unread: 0,
    status: null,
    live: null, // AbortController of the live stream
    retryDelay: 1000,
    csatShown: false,
    atBottom: true
  };

  function text(key, arg) {
    var value = T[key] || key;
    return arg === undefined ? value : value.replace('{0}', arg);
  }

  function el(tag, attrs, children) {
    var element = document.createElement(tag);
    if (attrs) {
      for (var name in attrs) {
        if (name === 'text') {
          element.textContent = attrs[name];
        } else if (name === 'class') {
          element.className = attrs[name];
        } else if (name.indexOf('on') === 0) {
          element.addEventListener(name.slice(2), attrs[name]);
        } else if (attrs[name] !== null && attrs[name] !== undefined && attrs[name] !== false) {
          element.setAttribute(name, attrs[name] === true ? '' : attrs[name]);
        }
      }
    }
    (children || []).forEach(function (child) {
      if (child) {
        element.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
      }
    });
    return element;
  }

  /* ---------- theme ---------- */

  function luminance(hex) {
    var rgb = [1, 3, 5].map(function (i) {
      var c = parseInt(hex.substr(i, 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
  }

  function theme() {
    var color = /^#[0-9a-fA-F]{6}$/.test(settings.color || '') ? settings.color : '#0b5cad';
    var root = document.documentElement.style;
    root.setProperty('--accent', color);
    // white text where it has WCAG AA contrast (4.5:1) on the site's colour, else near-black
    var white = 1.05 / (luminance(color) + 0.05);
    root.setProperty('--on-accent', white >= 4.5 ? '#ffffff' : '#111111');
    document.body.classList.add(settings.position === 'left' ? 'left' : 'right');
  }

  /* ---------- layout, launcher, badge ---------- */

  var launcher = document.getElementById('hearth-launcher');
  var badge = document.getElementById('hearth-badge');
  var panel, log, input, form, sendButton, personButton, banner, notice, liveRegion;

  function tellHost() {
    if (window.parent !== window) {
      window.parent.postMessage({ type: 'hearth:layout', open: state.open, position: settings.position,
        title: text('title') }, '*');
    }
  }

  function setOpen(open, focus) {
    state.open = open;
    document.body.classList.toggle('open', open);
    document.body.classList.toggle('closed', !open);
    launcher.setAttribute('aria-expanded', String(open));
    launcher.setAttribute('aria-label', text(open ? 'launcher.close' : 'launcher.open'));
    panel.hidden = !open;
    tellHost();
    if (open) {
      state.unread = 0;
      updateBadge();
      if (focus !== false) {
        input.focus();
      }
      scrollDown();
      if (!state.conversation && !log.querySelector('.greeting')) {
        greet();
      }
    } else if (focus !== false) {
      launcher.focus();
    }
  }

  function updateBadge() {
    badge.hidden = state.unread === 0;
    badge.textContent = state.unread > 9 ? '9+' : String(state.unread);
    launcher.setAttribute('aria-label', text(state.open ? 'launcher.close' : 'launcher.open') +
      (state.unread ? ' (' + state.unread + ' ' + text('launcher.unread') + ')' : ''));
  }

  function build() {
    var header = el('header', { class: 'header' }, [
      settings.logo ? el('img', { class: 'logo', src: settings.logo, alt: '' }) : null,
      el('div', { class: 'titles' }, [
        el('h1', { id: 'hearth-title', text: settings.name || text('title') }),
        el('p', { class: 'subtitle', text: text('header.subtitle') })
      ]),
      el('button', { type: 'button', class: 'icon new', title: text('new'), 'aria-label': text('new'),
        onclick: startAfresh }, [icon('M4 12a8 8 0 1 0 2.3-5.6M4 4v4h4')]),
      el('button', { type: 'button', class: 'icon close', title: text('close'), 'aria-label': text('close'),
        onclick: function () { setOpen(false); } }, [icon('M6 6l12 12M18 6L6 18')])
    ]);
    banner = el('div', { class: 'banner', role: 'status', hidden: true });
    log = el('div', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions',
      'aria-labelledby': 'hearth-title', tabindex: '0' });
    notice = el('div', { class: 'notice', role: 'alert', hidden: true });
    input = el('textarea', { id: 'hearth-input', rows: '1', maxlength: '2000', placeholder: text('input.placeholder'),
      autocomplete: 'off' });
    input.addEventListener('keydown', function (event) {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        submit();
      }
    });
    sendButton = el('button', { type: 'submit', class: 'send', 'aria-label': text('send'), title: text('send') },
      [icon('M3 11l18-8-8 18-2-8z')]);
    form = el('form', { class: 'composer', onsubmit: function (event) { event.preventDefault(); submit(); } }, [
      el('label', { for: 'hearth-input', class: 'visually-hidden', text: text('input.label') }), input, sendButton
    ]);
    personButton = el('button', { type: 'button', class: 'person', onclick: talkToAPerson, text: text('person') });
    var footer = el('div', { class: 'footer' }, [personButton, el('span', { class: 'powered', text: text('powered') })]);
    panel = el('section', { id: 'hearth-panel', class: 'panel', role: 'dialog', 'aria-labelledby': 'hearth-title',
      hidden: true }, [header, banner, log, notice, form, footer]);
    liveRegion = el('div', { class: 'visually-hidden', 'aria-live': 'assertive' });
    document.body.insertBefore(panel, launcher);
    document.body.appendChild(liveRegion);
    // whatever is added to the transcript brings it into view; when the log gets smaller (the banner or a
    // notice appears, the phone's keyboard opens) a reader at the bottom stays at the bottom
    new MutationObserver(scrollDown).observe(log, { childList: true });
    log.addEventListener('scroll', function () {
      state.atBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 24;
    });
    if (window.ResizeObserver) {
      new ResizeObserver(function () {
        if (state.atBottom) {
          scrollDown();
        }
      }).observe(log);
    }
    launcher.addEventListener('click', function () { setOpen(!state.open); });
    panel.addEventListener('keydown', function (event) {
      if (event.key === 'Escape') {
        setOpen(false);
      }
    });
  }

  function icon(path) {
    var svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    var shape = document.createElementNS('http://www.w3.org/2000/svg', 'path');
    shape.setAttribute('d', path);
    svg.appendChild(shape);
    return svg;
  }

  function scrollDown() {
    log.scrollTop = log.scrollHeight;
    state.atBottom = true;
  }

  function showNotice(message, retry) {
    notice.textContent = '';
    if (!message) {
      notice.hidden = true;
      return;
    }
    notice.appendChild(el('span', { text: message }));
    if (retry) {
      notice.appendChild(el('button', { type: 'button', class: 'link', text: text('retry'), onclick: retry }));
    }
    notice.hidden = false;
  }

  /* ---------- storage ---------- */

  function load() {
    try {
      var saved = JSON.parse(localStorage.getItem(STORE) || 'null');
      if (saved && saved.id && saved.token && (!saved.expiresAt || Date.parse(saved.expiresAt) > Date.now())) {
        return saved;
      }
    } catch (e) {
      // storage unavailable (private mode): the conversation lasts as long as the page
    }
    return null;
  }

  function save() {
    try {
      if (state.conversation) {
        localStorage.setItem(STORE, JSON.stringify(state.conversation));
      } else {
        localStorage.removeItem(STORE);
      }
    } catch (e) {
      // see load()
    }
  }

  /* ---------- HTTP ---------- */

  function Failure(kind, detail, retryAfter) {
    this.kind = kind; // network | rate | expired | client | server
    this.detail = detail;
    this.retryAfter = retryAfter;
  }

  function request(path, options) {
    options = options || {};
    var headers = { Accept: options.accept || 'application/json' };
    if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    if (state.conversation && options.auth !== false) {
      headers.Authorization = 'Bearer ' + state.conversation.token;
    }
    var url = API + path + (path.indexOf('?') >= 0 ? '&' : '?') + 'site=' + encodeURIComponent(SITE);
    return fetch(url, { method: options.method || 'GET', headers: headers, signal: options.signal,
      body: options.body !== undefined ? JSON.stringify(options.body) : undefined, cache: 'no-store' })
      .catch(function (error) {
        if (error && error.name === 'AbortError') {
          throw error;
        }
        throw new Failure('network');
      })
      .then(function (response) {
        if (response.ok) {
          return response;
        }
        return response.json().catch(function () { return {}; }).then(function (problem) {
          var detail = problem && problem.detail;
          if (response.status === 429) {
            throw new Failure('rate', detail, parseInt(response.headers.get('Retry-After') || '30', 10));
          }
          if (response.status === 401 || response.status === 404) {
            throw new Failure('expired', detail);
          }
          if (response.status === 503) {
            // the database is restarting: the same request (same client message id) is safe to repeat
            throw new Failure('unavailable', detail, parseInt(response.headers.get('Retry-After') || '5', 10));
          }
          if (response.status >= 500) {
            throw new Failure('server', detail);
          }
          throw new Failure('client', detail);
        });
      });
  }

  function explain(failure, retry) {
    if (!(failure instanceof Failure)) {
      showNotice(text('error.server'), retry);
      return;
    }
    if (failure.kind === 'network') {
      showNotice(text('error.network'), retry);
    } else if (failure.kind === 'unavailable') {
      showNotice(text('error.unavailable'), retry);
    } else if (failure.kind === 'rate') {
      showNotice(text('error.rate', failure.retryAfter || 30), retry);
    } else if (failure.kind === 'expired') {
      showNotice(text('error.expired'), startAfresh);
    } else if (failure.kind === 'client') {
      showNotice(failure.detail || text('error.server'), retry);
    } else {
      showNotice(text('error.server'), retry);
    }
  }

  /** Reads a text/event-stream response body, calling onEvent(name, data, id) for each event. */
  function readEvents(response, onEvent) {
    var reader = response.body.getReader();
    var decoder = new TextDecoder();
    var buffer = '';
    function dispatch(chunk) {
      var name = 'message';
      var data = [];
      var id = null;
      chunk.split('\n').forEach(function (line) {
        if (line.indexOf('event:') === 0) {
          name = line.slice(6).trim();
        } else if (line.indexOf('data:') === 0) {
          data.push(line.slice(5).replace(/^ /, ''));
        } else if (line.indexOf('id:') === 0) {
          id = line.slice(3).trim();
        }
      });
      if (data.length) {
        var payload;
        try {
          payload = JSON.parse(data.join('\n'));
        } catch (e) {
          payload = data.join('\n');
        }
        onEvent(name, payload, id);
      }
    }
    function pump() {
      return reader.read().then(function (result) {
        if (result.done) {
          if (buffer.trim()) {
            dispatch(buffer);
          }
          return;
        }
        buffer += decoder.decode(result.value, { stream: true }).replace(/\r\n?/g, '\n');
        var end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          dispatch(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
        return pump();
      });
    }
    return pump();
  }

  /* ---------- rendering messages ---------- */

  function bubble(role, author) {
    var label = role === 'CUSTOMER' ? text('you') : role === 'AGENT' ? (author || text('agent'))
      : role === 'SYSTEM' ? text('system') : (settings.name || text('bot'));
    var body = el('div', { class: 'body' });
    var item = el('div', { class: 'msg ' + role.toLowerCase() }, [el('span', { class: 'who', text: label }), body]);
    log.appendChild(item);
    scrollDown();
    return item;
  }

  function fill(item, message) {
    var body = item.querySelector('.body');
    body.textContent = '';
    var details = message.answer || {};
    var citations = {};
    (details.citations || []).forEach(function (citation) {
      citations[citation.number] = citation;
    });
    body.appendChild(HearthMarkdown.render(message.text, { base: base, citations: citations, sourceLabel: text('sources') }));
    item.removeAttribute('aria-busy');
    item.classList.remove('typing');
    var old = item.querySelectorAll('.sources, .rate, .more, .options, .decline-actions');
    for (var i = 0; i < old.length; i++) {
      old[i].remove();
    }
    if (details.answeredBy === 'faq' && message.text.length > LONG) {
      item.appendChild(more(body, message.seq));
    }
    if ((details.citations || []).length) {
      var list = el('ol', { class: 'sources', 'aria-label': text('sources') });
      details.citations.forEach(function (citation) {
        var href = HearthMarkdown.safeUrl(String(citation.url || ''), base);
        var label = '[' + citation.number + '] ' + (citation.title || citation.source || '');
        list.appendChild(el('li', null, [href ? el('a', { href: href, target: '_blank', rel: 'noopener noreferrer', text: label })
          : el('span', { text: label })]));
      });
      item.appendChild(list);
    }
    if (message.role === 'ASSISTANT' && details.decision === 'ANSWERED') {
      item.appendChild(rating(message.seq));
    }
    if (message.role === 'ASSISTANT' && (details.options || []).length) {
      item.appendChild(options(details.options));
    }
    if (message.role === 'ASSISTANT' && details.verdict === 'DECLINE' && !personButton.hidden) {
      item.appendChild(declineActions());
    }
    var handoff = message.handoff || details.handoff;
    if (handoff && handoff.mode === 'TICKET') {
      var opened = state.conversation && state.conversation.ticket;
      item.appendChild(opened ? ticketConfirmation(opened) : ticketForm());
    }
  }

  // A polite decline offers a person in one click, beside rephrasing
  function declineActions() {
    var group = el('div', { class: 'decline-actions', role: 'group', 'aria-label': text('person') });
    group.appendChild(el('button', { type: 'button', class: 'suggestion decline-person', text: text('person'),
      onclick: function () {
        group.remove();
        talkToAPerson();
      } }));
    return group;
  }

  // A clarifying question's options: each button sends the option's question
  function options(choices) {
    var group = el('div', { class: 'options', role: 'group', 'aria-label': text('options') });
    choices.forEach(function (choice) {
      group.appendChild(el('button', { type: 'button', class: 'suggestion option', text: String(choice.question || ''),
        onclick: function () {
          group.remove();
          input.value = String(choice.question || '');
          submit();
          input.focus();
        } }));
    });
    return group;
  }

  // FAQ answers longer than this are cut short on a phone (CSS: .full), with a button to read on
  var LONG = 280;

  function more(body, seq) {
    body.id = 'hearth-answer-' + seq;
    body.classList.add('long');
    var button = el('button', { type: 'button', class: 'link more', 'aria-expanded': 'false',
      'aria-controls': body.id, text: text('more') });
    button.addEventListener('click', function () {
      var expanded = body.classList.toggle('expanded');
      button.setAttribute('aria-expanded', String(expanded));
      button.textContent = expanded ? text('less') : text('more');
    });
    return button;
  }

  function render(message) {
    if (state.rendered[message.seq]) {
      return;
    }
    var item = null;
    if (message.role === 'CUSTOMER') {
      for (var i = 0; i < state.pending.length; i++) {
        if (state.pending[i].text === message.text) {
          item = state.pending[i].element;
          item.classList.remove('pending');
          state.pending.splice(i, 1);
          break;
        }
      }
    } else if (state.streaming && state.streaming.questionSeq && message.seq > state.streaming.questionSeq) {
      item = state.streaming.element;
      state.streaming = null;
    }
    if (!item) {
      item = bubble(message.role, message.author);
      if (message.role !== 'CUSTOMER' && !state.open) {
        state.unread++;
        updateBadge();
      }
    }
    item.setAttribute('data-seq', message.seq);
    fill(item, message);
    state.rendered[message.seq] = item;
    state.lastSeq = Math.max(state.lastSeq, message.seq);
    scrollDown();
  }

  function greet(suggest) {
    var item = bubble('ASSISTANT');
    item.classList.add('greeting');
    fill(item, { role: 'GREETING', text: settings.greeting || text('greeting') });
    var questions = settings.suggestions || [];
    if (suggest !== false && questions.length) {
      log.appendChild(el('div', { class: 'suggestions', role: 'group', 'aria-label': text('suggestions') },
        questions.map(function (question) {
          return el('button', { type: 'button', class: 'suggestion', text: question, onclick: function () {
            input.value = question;
            submit();
            input.focus();
          } });
        })));
    }
  }

  function dropSuggestions() {
    var offered = log.querySelector('.suggestions');
    if (offered) {
      offered.remove();
    }
  }

  /* ---------- feedback, CSAT, ticket ---------- */

  function rating(seq) {
    var box = el('div', { class: 'rate', role: 'group', 'aria-label': text('feedback.question') });
    var comment = null;
    function choose(value, button) {
      var buttons = box.querySelectorAll('.thumb');
      for (var i = 0; i < buttons.length; i++) {
        buttons[i].setAttribute('aria-pressed', String(buttons[i] === button));
      }
      send(value, null).then(function () {
        if (!comment) {
          var field = el('input', { type: 'text', maxlength: '1000', 'aria-label': text('feedback.comment'),
            placeholder: text('feedback.comment') });
          comment = el('form', { class: 'comment', onsubmit: function (event) {
            event.preventDefault();
            send(value, field.value).then(function () {
              comment.replaceWith(el('p', { class: 'thanks', text: text('feedback.thanks') }));
            });
          } }, [field, el('button', { type: 'submit', class: 'small', text: text('feedback.send') })]);
          box.appendChild(comment);
          field.focus();
        }
      });
    }
    function send(value, note) {
      return request('/' + state.conversation.id + '/messages/' + seq + '/feedback',
        { method: 'POST', body: { rating: value, comment: note || null } })
        .then(function () {
          showNotice(null);
          state.conversation.rated = state.conversation.rated || {};
          state.conversation.rated[seq] = value;
          save();
        })
        .catch(function (failure) { explain(failure); throw failure; });
    }
    var up = el('button', { type: 'button', class: 'thumb up', 'aria-pressed': 'false', title: text('feedback.up'),
      'aria-label': text('feedback.up') }, [icon('M7 10v10H3V10zM7 10l4-7a2 2 0 0 1 3 2l-1 5h6a2 2 0 0 1 2 2l-2 7H7')]);
    var down = el('button', { type: 'button', class: 'thumb down', 'aria-pressed': 'false', title: text('feedback.down'),
      'aria-label': text('feedback.down') }, [icon('M17 14V4h4v10zM17 14l-4 7a2 2 0 0 1-3-2l1-5H5a2 2 0 0 1-2-2l2-7h12')]);
    up.addEventListener('click', function () { choose(1, up); });
    down.addEventListener('click', function () { choose(-1, down); });
    box.appendChild(el('span', { class: 'question', text: text('feedback.question') }));
    box.appendChild(up);
    box.appendChild(down);
    var earlier = state.conversation && state.conversation.rated && state.conversation.rated[seq];
    if (earlier) {
      (earlier > 0 ? up : down).setAttribute('aria-pressed', 'true');
      comment = el('p', { class: 'thanks', text: text('feedback.thanks') });
      box.appendChild(comment);
    }
    return box;
  }

  function csat() {
    if (state.csatShown) {
      return;
    }
    state.csatShown = true;
    var score = 0;
    var choices = el('div', { class: 'scores', role: 'radiogroup', 'aria-label': text('csat.question') });
    var buttons = [];
    [1, 2, 3, 4, 5].forEach(function (value) {
      var button = el('button', { type: 'button', role: 'radio', 'aria-checked': 'false', class: 'score',
        'aria-label': text('csat.score', value), text: String(value), tabindex: value === 1 ? '0' : '-1' });
      button.addEventListener('click', function () {
        score = value;
        buttons.forEach(function (other, i) {
          other.setAttribute('aria-checked', String(i + 1 === value));
          other.setAttribute('tabindex', i + 1 === value ? '0' : '-1');
        });
      });
      button.addEventListener('keydown', function (event) {
        var next = event.key === 'ArrowRight' || event.key === 'ArrowUp' ? 1
          : event.key === 'ArrowLeft' || event.key === 'ArrowDown' ? -1 : 0;
        if (next) {
          event.preventDefault();
          var target = buttons[Math.min(4, Math.max(0, value - 1 + next))];
          target.focus();
          target.click();
        }
      });
      buttons.push(button);
      choices.appendChild(button);
    });
    var comment = el('input', { type: 'text', maxlength: '1000', 'aria-label': text('csat.comment'),
      placeholder: text('csat.comment') });
    var box = el('form', { class: 'csat' }, [el('p', { class: 'question', text: text('csat.question') }), choices, comment,
      el('button', { type: 'submit', class: 'small', text: text('csat.send') })]);
    box.addEventListener('submit', function (event) {
      event.preventDefault();
      if (!score) {
        buttons[4].focus();
        return;
      }
      request('/' + state.conversation.id + '/csat', { method: 'POST', body: { score: score, comment: comment.value || null } })
        .then(function () {
          box.replaceWith(el('p', { class: 'thanks', text: text('csat.thanks') }));
          liveRegion.textContent = text('csat.thanks');
        })
        .catch(function (failure) { explain(failure); });
    });
    log.appendChild(box);
    scrollDown();
  }

  function ticketConfirmation(ticket) {
    return el('p', { class: 'thanks ticket-done', text: text('ticket.confirm', ticket.ticket).replace('{1}', ticket.email) });
  }

  function ticketForm() {
    var email = el('input', { type: 'email', required: true, autocomplete: 'email', id: 'hearth-ticket-email' });
    var name = el('input', { type: 'text', autocomplete: 'name', id: 'hearth-ticket-name' });
    var error = el('p', { class: 'field-error', role: 'alert', hidden: true, id: 'hearth-ticket-error' });
    email.setAttribute('aria-describedby', 'hearth-ticket-error');
    var box = el('form', { class: 'ticket', novalidate: true }, [
      el('p', { text: text('ticket.intro') }),
      el('label', { for: 'hearth-ticket-email', text: text('ticket.email') }), email,
      el('label', { for: 'hearth-ticket-name', text: text('ticket.name') }), name, error,
      el('button', { type: 'submit', class: 'small', text: text('ticket.send') })
    ]);
    box.addEventListener('submit', function (event) {
      event.preventDefault();
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.value.trim())) {
        error.textContent = text('ticket.invalid');
        error.hidden = false;
        email.setAttribute('aria-invalid', 'true');
        email.focus();
        return;
      }
      request('/' + state.conversation.id + '/contact', { method: 'POST',
        body: { email: email.value.trim(), name: name.value.trim() || null } })
        .then(function (response) { return response.json(); })
        .then(function (ticket) {
          state.conversation.ticket = { ticket: ticket.ticket, email: ticket.email };
          save();
          var done = ticketConfirmation(ticket);
          box.replaceWith(done);
          liveRegion.textContent = done.textContent;
        })
        .catch(function (failure) {
          if (failure instanceof Failure && failure.kind === 'client') {
            error.textContent = failure.detail || text('ticket.invalid');
            error.hidden = false;
            email.focus();
          } else {
            explain(failure);
          }
        });
    });
    setTimeout(function () { email.focus(); }, 0);
    return box;
  }

  /* ---------- status ---------- */

  function showStatus(status) {
    var before = state.status;
    var shown = banner.hidden ? null : banner.textContent;
    state.status = status;
    banner.hidden = true;
    banner.textContent = '';
    personButton.hidden = status.state === 'WAITING_FOR_AGENT' || status.state === 'WITH_AGENT';
    if (personButton.hidden) {
      var offers = log.querySelectorAll('.decline-actions');
      for (var d = 0; d < offers.length; d++) {
        offers[d].remove();
      }
    }
    if (status.state === 'WAITING_FOR_AGENT' && status.handoffMode === 'TICKET') {
      // outside business hours: the notice in the chat asks for an email address
    } else if (status.state === 'WAITING_FOR_AGENT') {
      // the place in the queue and the expected wait, as the status says them (updated live)
      var seconds = status.estimatedWaitSeconds;
      if (status.queuePosition) {
        banner.appendChild(el('span', { class: 'queue-position', 'data-position': String(status.queuePosition),
          text: text('waiting.queue', status.queuePosition) }));
        banner.appendChild(document.createTextNode(' '));
      }
      banner.appendChild(el('span', { class: 'queue-wait', 'data-seconds': seconds == null ? '' : String(seconds),
        text: seconds > 0 ? text('waiting', text('minutes', Math.max(1, Math.round(seconds / 60))))
          : text('waiting.soon') }));
      banner.hidden = false;
    } else if (status.state === 'WITH_AGENT' && status.agentName) {
      banner.textContent = text('with.agent.banner', status.agentName);
      banner.hidden = false;
      // one notice per event: when a person joins or the conversation moves to another
      // person, not on every status (nor again after a reload: the banner says it)
      if (before && (before.state !== 'WITH_AGENT' || before.agentName !== status.agentName)) {
        var joined = el('p', { class: 'event', text: text('with.agent', status.agentName) });
        log.appendChild(joined);
        scrollDown();
      }
    } else if (status.state === 'RESOLVED') {
      if (before && before.state !== 'RESOLVED') {
        log.appendChild(el('p', { class: 'event', text: text('resolved') }));
      }
      if (status.csat == null && status.agentName) {
        csat();
      }
    }
    // a banner that appears or changes takes room from the transcript: the newest message stays in view
    if (!banner.hidden && banner.textContent !== shown) {
      scrollDown();
    }
  }

  /* ---------- conversation ---------- */

  function ensureConversation() {
    if (state.conversation) {
      return Promise.resolve(state.conversation);
    }
    return request('', { method: 'POST', auth: false, body: { language: settings.language, site: SITE, country: settings.country } })
      .then(function (response) { return response.json(); })
      .then(function (started) {
        state.conversation = { id: started.conversationId, token: started.token, expiresAt: started.expiresAt };
        save();
        connectLive();
        return state.conversation;
      });
  }

  function submit() {
    var value = input.value.trim();
    if (!value) {
      return;
    }
    input.value = '';
    dropSuggestions();
    var item = bubble('CUSTOMER');
    item.classList.add('pending');
    fill(item, { role: 'CUSTOMER', text: value });
    var pending = { text: value, element: item, clientId: clientId(), attempts: 0 };
    state.pending.push(pending);
    ask(pending);
  }

  /** An id of this message the server keeps: sending it again never stores it twice. */
  function clientId() {
    if (window.crypto && typeof window.crypto.randomUUID === 'function') {
      return window.crypto.randomUUID();
    }
    return Date.now().toString(36) + '-' + Math.random().toString(36).slice(2, 12);
  }

  /** Sends the question again by itself after a temporary failure, a few times. */
  function retryLater(pending, seconds) {
    if (pending.attempts >= 5) {
      return false;
    }
    pending.attempts++;
    showNotice(text('error.unavailable'));
    setTimeout(function () { ask(pending); }, Math.max(1, seconds || 5) * 1000);
    return true;
  }

  function ask(pending) {
    showNotice(null);
    var stored = false;
    var typing = null;
    function startTyping(questionSeq) {
      if (!typing) {
        typing = bubble('ASSISTANT');
        typing.classList.add('typing');
        typing.setAttribute('aria-busy', 'true');
        typing.querySelector('.body').appendChild(el('span', { class: 'dots', 'aria-label': text('typing') },
          [el('span'), el('span'), el('span')]));
        state.streaming = { questionSeq: questionSeq, element: typing, text: '' };
      }
    }
    ensureConversation()
      .then(function () {
        return request('/' + state.conversation.id + '/messages',
          { method: 'POST', accept: 'text/event-stream', body: { text: pending.text, clientId: pending.clientId } });
      })
      .then(function (response) {
        return readEvents(response, function (name, data) {
          if (name === 'message') {
            stored = true;
            render(data);
            startTyping(data.seq);
          } else if (name === 'token' && state.streaming && state.streaming.element === typing) {
            state.streaming.text += data.text;
            var body = typing.querySelector('.body');
            body.textContent = state.streaming.text;
            scrollDown();
          } else if (name === 'answer') {
            if (state.rendered[data.seq]) {
              if (typing && state.streaming && state.streaming.element === typing) {
                typing.remove();
                state.streaming = null;
              }
            } else {
              render(data);
            }
          } else if (name === 'error') {
            // a database outage: asked again by itself with the same client id, so answered once
            if (!(data && data.retryable && retryLater(pending, data.retryAfter))) {
              showNotice((data && data.detail) || text('error.server'));
            }
          }
        });
      })
      .then(function () {
        if (typing && state.streaming && state.streaming.element === typing) {
          // the stream ended without an answer (or it failed and is asked again): a person has the conversation, or it will come live
          typing.remove();
          state.streaming = null;
        }
      })
      .catch(function (failure) {
        if (failure instanceof Failure && failure.kind === 'unavailable' && retryLater(pending, failure.retryAfter)) {
          return;
        }
        if (!stored) {
          pending.element.classList.add('failed');
          var retry = function () {
            pending.element.classList.remove('failed');
            var marks = pending.element.querySelectorAll('.not-sent');
            for (var i = 0; i < marks.length; i++) {
              marks[i].remove();
            }
            ask(pending);
          };
          if (!pending.element.querySelector('.not-sent')) {
            pending.element.appendChild(el('button', { type: 'button', class: 'link not-sent',
              text: text('error.notsent') + ' ' + text('retry'), onclick: retry }));
          }
          explain(failure, retry);
        } else {
          // the question is stored: its answer comes through the live stream when we are back
          showNotice(text('error.reconnecting'));
          connectLive();
        }
      });
  }

  function talkToAPerson() {
    personButton.disabled = true;
    ensureConversation()
      .then(function () {
        return request('/' + state.conversation.id + '/handoff', { method: 'POST' });
      })
      .then(function (response) { return response.json(); })
      .then(function (result) {
        if (result.message) {
          render(result.message);
        }
        showStatus(result.status);
      })
      .catch(function (failure) { explain(failure, talkToAPerson); })
      .then(function () { personButton.disabled = false; });
  }

  function connectLive() {
    if (!state.conversation) {
      return;
    }
    if (state.live) {
      state.live.abort();
    }
    var controller = new AbortController();
    state.live = controller;
    request('/' + state.conversation.id + '/events?after=' + state.lastSeq,
      { accept: 'text/event-stream', signal: controller.signal })
      .then(function (response) {
        state.retryDelay = 1000;
        if (!notice.hidden && (notice.textContent === text('error.network') || notice.textContent === text('error.reconnecting'))) {
          showNotice(null);
        }
        return readEvents(response, function (name, data) {
          if (name === 'message') {
            render(data);
          } else if (name === 'status') {
            showStatus(data);
          }
        });
      })
      .then(function () {
        if (state.live === controller) {
          connectLive();
        }
      })
      .catch(function (failure) {
        if (state.live !== controller || (failure && failure.name === 'AbortError')) {
          return;
        }
        if (failure instanceof Failure && failure.kind === 'expired') {
          explain(failure);
          return;
        }
        if (failure instanceof Failure && failure.kind === 'network') {
          showNotice(text('error.network'));
        }
        var delay = failure instanceof Failure && failure.kind === 'rate' ? (failure.retryAfter || 30) * 1000
          : state.retryDelay;
        state.retryDelay = Math.min(15000, state.retryDelay * 2);
        setTimeout(function () {
          if (state.live === controller) {
            connectLive();
          }
        }, delay);
      });
  }

  function startAfresh() {
    if (state.live) {
      state.live.abort();
      state.live = null;
    }
    state.conversation = null;
    state.lastSeq = 0;
    state.rendered = {};
    state.pending = [];
    state.streaming = null;
    state.status = null;
    state.csatShown = false;
    save();
    log.textContent = '';
    banner.hidden = true;
    personButton.hidden = false;
    showNotice(null);
    greet();
    input.focus();
  }

  function restore() {
    var saved = load();
    if (!saved) {
      return;
    }
    state.conversation = saved;
    request('/' + saved.id + '/messages')
      .then(function (response) { return response.json(); })
      .then(function (messages) {
        greet(false);
        messages.forEach(render);
        connectLive();
      })
      .catch(function (failure) {
        if (failure instanceof Failure && failure.kind === 'expired') {
          state.conversation = null;
          save();
          return;
        }
        connectLive();
      });
  }

  window.addEventListener('message', function (event) {
    if (event.source !== window.parent || !event.data) {
      return;
    }
    if (event.data.type === 'hearth:host') {
      document.body.classList.toggle('full', !!event.data.full);
    } else if (event.data.type === 'hearth:launch') {
      // the page's placeholder launcher had focus or was clicked before this frame was ready
      if (event.data.open && !state.open) {
        setOpen(true);
      } else if (!state.open) {
        launcher.focus();
      }
    }
  });

  window.addEventListener('online', function () {
    if (state.conversation) {
      showNotice(text('error.reconnected'));
      state.retryDelay = 1000;
      connectLive();
      setTimeout(function () {
        if (notice.textContent === text('error.reconnected')) {
          showNotice(null);
        }
      }, 3000);
    }
  });
  window.addEventListener('offline', function () {
    showNotice(text('error.network'));
  });

  theme();
  build();
  restore();
  // tell the host when the launcher was first painted and works: the page's placeholder launcher gives way
  // (and the first-paint benchmark, docs/benchmarks.md, reads the time)
  function painted(at) {
    if (window.parent !== window) {
      window.parent.postMessage({ type: 'hearth:painted', at: at, color: settings.color }, '*');
    }
  }
  if (window.PerformanceObserver && PerformanceObserver.supportedEntryTypes &&
      PerformanceObserver.supportedEntryTypes.indexOf('paint') >= 0) {
    new PerformanceObserver(function (list, observer) {
      var entry = list.getEntries()[0];
      if (entry) {
        painted(performance.timeOrigin + entry.startTime);
        observer.disconnect();
      }
    }).observe({ type: 'paint', buffered: true });
  } else {
    requestAnimationFrame(function () { painted(performance.timeOrigin + performance.now()); });
  }
  tellHost(false);
  window.__hearth = { state: state };
})();
