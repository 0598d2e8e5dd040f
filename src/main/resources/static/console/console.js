// Hearth console: progressive enhancement only; every page works without it except the live inbox updates.
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

	// Canned responses: choosing one inserts its text, placeholders filled in, into the reply box.
	document.querySelectorAll('select[data-canned-for]').forEach(function (select) {
		select.addEventListener('change', function () {
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
	});
})();
