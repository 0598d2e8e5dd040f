/* Hearth console, admin pages: a form with data-confirm="..." asks before it is sent (deleting a document or an
   FAQ entry). The question comes translated from the page. */
(function () {
	'use strict';
	document.addEventListener('submit', function (event) {
		var form = event.target;
		var question = form.getAttribute && form.getAttribute('data-confirm');
		if (question && !window.confirm(question)) {
			event.preventDefault();
		}
	});
}());
