// Hearth console: progressive enhancement only; every page works without it except the live updates.
(function () {
	'use strict';

	// Live inbox: the server sends an "inbox" event whenever a conversation is handed off, claimed, transferred
	// or resolved; the table body is then reloaded from /console/inbox/rows with the page's filter.
	var inbox = document.querySelector('[data-live-inbox]');
	if (inbox && window.EventSource) {
		var rowsUrl = inbox.getAttribute('data-rows-url');
		var refresh = function () {
			fetch(rowsUrl, { headers: { 'Accept': 'text/html' }, credentials: 'same-origin' })
				.then(function (response) { return response.ok ? response.text() : null; })
				.then(function (html) { if (html !== null) { inbox.innerHTML = html; } });
		};
		var source = new EventSource(inbox.getAttribute('data-events-url'));
		source.addEventListener('inbox', refresh);
		source.addEventListener('open', function () { document.body.setAttribute('data-live', 'connected'); });
	}

	// Live conversation page: new messages and state changes arrive as server-sent events (the server polls
	// every hearth.console.live-poll); new rows are loaded from /messages?after=<last seq> and marked unread until
	// the agent clicks, types or comes back to the tab; after a state change the page's panels are reloaded in
	// place. Forms post with fetch and the panels and notices are replaced, so nothing reloads the whole page and
	// text typed elsewhere stays. Without JavaScript the page and its forms work as before.
	var page = document.querySelector('[data-live-conversation]');

	// The bot's and agents' messages are Markdown: shown as the customer sees them in the widget, with the widget's
	// own safe renderer (DOM nodes and textContent only, never innerHTML). Customers' messages stay plain text.
	var formatted = function (root) {
		if (!window.HearthMarkdown) { return; }
		root.querySelectorAll('li.ASSISTANT > .text, li.AGENT > .text').forEach(function (text) {
			if (text.hasAttribute('data-markdown')) { return; }
			var source = text.textContent;
			text.textContent = '';
			text.appendChild(window.HearthMarkdown.render(source, { base: window.location.origin }));
			text.setAttribute('data-markdown', '');
		});
	};
	var transcriptList = document.getElementById('transcript');
	if (transcriptList) { formatted(transcriptList); }

	if (page && window.EventSource && window.fetch && window.DOMParser) {
		var base = page.getAttribute('data-live-conversation');
		var transcript = document.getElementById('transcript');
		var counter = document.getElementById('unread-count');
		var notify = document.getElementById('notify-new');
		var lastSeq = parseInt(page.getAttribute('data-last-seq'), 10) || 0;
		var shownState = null;
		var unread = 0;
		var loading = false;
		var again = false;
		var posting = 0;
		var refreshWanted = false;
		var baseTitle = document.title;
		var parse = function (html) { return new DOMParser().parseFromString(html, 'text/html'); };

		var showUnread = function () {
			counter.hidden = unread === 0;
			counter.textContent = String(unread);
			document.title = unread ? '(' + unread + ' ' + page.getAttribute('data-unread-title') + ') ' + baseTitle : baseTitle;
		};
		var markRead = function () {
			if (!unread) { return; }
			unread = 0;
			transcript.querySelectorAll('li.unread').forEach(function (li) { li.classList.remove('unread'); });
			showUnread();
		};
		['click', 'keydown'].forEach(function (type) { document.addEventListener(type, markRead); });
		window.addEventListener('focus', markRead);

		// Sound and desktop notification, chosen per browser, only while the tab is in the background.
		notify.closest('.live-options').hidden = false;
		notify.checked = window.localStorage && localStorage.getItem('hearth.console.notify') === 'on';
		notify.addEventListener('change', function () {
			if (window.localStorage) { localStorage.setItem('hearth.console.notify', notify.checked ? 'on' : 'off'); }
			if (notify.checked && window.Notification && Notification.permission === 'default') {
				Notification.requestPermission();
			}
		});
		var alertAgent = function (text) {
			if (!notify.checked || document.visibilityState === 'visible') { return; }
			try {
				var audio = new (window.AudioContext || window.webkitAudioContext)();
				var tone = audio.createOscillator();
				tone.frequency.value = 880;
				tone.connect(audio.destination);
				tone.start();
				tone.stop(audio.currentTime + 0.15);
			} catch (e) { /* no sound available */ }
			if (window.Notification && Notification.permission === 'granted') {
				new Notification(baseTitle, { body: text.slice(0, 140) });
			}
		};

		var loadMessages = function () {
			if (loading) { again = true; return; }
			loading = true;
			fetch(base + '/messages?after=' + lastSeq, { headers: { 'Accept': 'text/html' }, credentials: 'same-origin' })
				.then(function (response) { return response.ok ? response.text() : null; })
				.then(function (html) {
					if (html === null) { return; }
					var template = document.createElement('template');
					template.innerHTML = html;
					Array.prototype.forEach.call(template.content.querySelectorAll('li[data-seq]'), function (li) {
						var seq = parseInt(li.getAttribute('data-seq'), 10);
						if (seq <= lastSeq || li.parentElement && li.parentElement.closest('li[data-seq]')) { return; }
						lastSeq = seq;
						if (!li.classList.contains('AGENT')) {
							li.classList.add('unread');
							unread++;
							if (li.classList.contains('CUSTOMER')) { alertAgent(li.querySelector('.text').textContent); }
						}
						li.setAttribute('data-arrived', String(Date.now()));
						transcript.appendChild(li);
						formatted(li.parentElement);
					});
					showUnread();
					transcript.lastElementChild && transcript.lastElementChild.scrollIntoView({ block: 'nearest' });
				})
				.finally(function () {
					loading = false;
					if (again) { again = false; loadMessages(); }
				});
		};

		// Replaces the state badge, the reply box and the side panels (and, after an action, the notice) with
		// those of a fresh copy of the page, keeping what the agent typed in fields that are still there.
		var swap = function (doc, withNotice) {
			var flash = doc.querySelector('.flash-area');
			if (withNotice && flash) { document.querySelector('.flash-area').replaceWith(flash); }
			['conversation-state', 'reply-slot', 'conversation-side'].forEach(function (id) {
				var now = document.getElementById(id);
				var next = doc.getElementById(id);
				if (!now || !next) { return; }
				now.querySelectorAll('textarea[id], input[type=text][id]').forEach(function (field) {
					var copy = next.querySelector('#' + field.id);
					if (copy && field.value) { copy.value = field.value; }
				});
				now.replaceWith(document.importNode(next, true));
			});
		};
		// Not while an action is being posted: this GET could take the action's notice, which the page shows
		// after the action's redirect; it runs once the action is done.
		var refreshPanels = function () {
			if (posting) { refreshWanted = true; return; }
			fetch(base, { headers: { 'Accept': 'text/html' }, credentials: 'same-origin' })
				.then(function (response) {
					if (!response.ok) { window.location.reload(); return null; }
					return response.text();
				})
				.then(function (html) { if (html !== null) { swap(parse(html), false); } });
		};

		var source = new EventSource(base + '/events?after=' + lastSeq);
		source.addEventListener('open', function () { document.body.setAttribute('data-live', 'connected'); });
		source.addEventListener('message', function (event) {
			if (JSON.parse(event.data).seq > lastSeq) { loadMessages(); }
		});
		source.addEventListener('state', function (event) {
			var state = event.data;
			if (shownState !== null && state !== shownState) { refreshPanels(); }
			shownState = state;
		});

		// Actions without a page reload: the form is posted with fetch, the redirect back to this page is
		// followed, and its notice and panels replace ours; an error page's message is shown as a problem.
		page.addEventListener('submit', function (event) {
			var form = event.target;
			if ((form.getAttribute('method') || '').toLowerCase() !== 'post') { return; }
			event.preventDefault();
			var button = form.querySelector('button[type=submit]');
			if (button) { button.disabled = true; }
			posting++;
			fetch(form.action, { method: 'POST', body: new URLSearchParams(new FormData(form)),
				headers: { 'Accept': 'text/html' }, credentials: 'same-origin' })
				.then(function (response) {
					return response.text().then(function (html) {
						if (response.ok && response.url.split('?')[0] !== new URL(base, window.location.href).href) {
							window.location.assign(response.url);
							return;
						}
						var doc = parse(html);
						if (response.ok) {
							form.querySelectorAll('textarea').forEach(function (field) { field.value = ''; });
							swap(doc, true);
						} else {
							var problem = doc.querySelector('.flash.problem');
							var area = document.querySelector('.flash-area');
							area.innerHTML = '';
							if (problem) { area.appendChild(document.importNode(problem, true)); }
						}
					});
				})
				.catch(function () { form.submit(); })
				.finally(function () {
					if (button) { button.disabled = false; }
					posting--;
					if (!posting && refreshWanted) { refreshWanted = false; refreshPanels(); }
				});
		});
	}

	// Canned responses: choosing one inserts its text, placeholders filled in, into the reply box (delegated, so it
	// also works for a reply box the live page put in place).
	document.addEventListener('change', function (event) {
		var select = event.target;
		if (!select.matches || !select.matches('select[data-canned-for]')) { return; }
		var option = select.options[select.selectedIndex];
		var target = document.getElementById(select.getAttribute('data-canned-for'));
		if (!option || !option.value || !target) { return; }
		var text = option.getAttribute('data-body')
			.split('{agent}').join(select.getAttribute('data-agent') || '')
			.split('{customer}').join(select.getAttribute('data-customer') || '')
			.split('{conversation}').join(select.getAttribute('data-conversation') || '');
		target.value = target.value ? target.value + '\n' + text : text;
		target.focus();
		select.selectedIndex = 0;
	});
})();
