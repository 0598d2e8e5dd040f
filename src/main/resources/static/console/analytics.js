/* Hearth console: the analytics page's charts (Chart.js, vendored in /console/vendor/). The figures and their
   translated labels come from the page's <script type="application/json" id="analytics-data">; this file holds
   no text. Each chart's canvas has a stable id (chart-conversations, chart-deflection, chart-escalations,
   chart-waits, chart-csat, chart-thumbs, chart-latency); once drawn it gets data-rendered="true". */
(function () {
	'use strict';

	function ready(fn) {
		if (document.readyState === 'loading') {
			document.addEventListener('DOMContentLoaded', fn);
		} else {
			fn();
		}
	}

	var COLORS = {
		blue: '#1f5fbf',
		orange: '#d9822b',
		green: '#1d7a46',
		red: '#b3261e',
		grey: '#7a8699'
	};

	function draw(id, config) {
		var canvas = document.getElementById(id);
		if (!canvas) {
			return;
		}
		config.options = Object.assign({
			responsive: true,
			maintainAspectRatio: false,
			animation: false,
			plugins: { legend: { position: 'bottom' } }
		}, config.options || {});
		new window.Chart(canvas, config);
		canvas.setAttribute('data-rendered', 'true');
	}

	ready(function () {
		var source = document.getElementById('analytics-data');
		if (!source || !window.Chart) {
			return;
		}
		var data = JSON.parse(source.textContent);
		var l = data.labels;
		var stacked = { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } };

		draw('chart-conversations', {
			type: 'bar',
			data: {
				labels: data.days,
				datasets: [
					{ label: l.botResolved, data: data.conversations.botResolved, backgroundColor: COLORS.green },
					{ label: l.handedOff, data: data.conversations.handedOff, backgroundColor: COLORS.orange }
				]
			},
			options: { scales: stacked }
		});
		draw('chart-deflection', {
			type: 'line',
			data: {
				labels: data.days,
				datasets: [{ label: l.deflection, data: data.deflection, borderColor: COLORS.blue,
					backgroundColor: COLORS.blue, spanGaps: true }]
			},
			options: { scales: { y: { min: 0, max: 100, title: { display: true, text: l.percent } } } }
		});
		draw('chart-escalations', {
			type: 'bar',
			data: {
				labels: data.escalations.labels,
				datasets: [{ label: l.handoffs, data: data.escalations.values, backgroundColor: COLORS.orange }]
			},
			options: { indexAxis: 'y', scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } }
		});
		draw('chart-waits', {
			type: 'bar',
			data: {
				labels: data.waits.labels,
				datasets: [{ label: l.handoffs, data: data.waits.values, backgroundColor: COLORS.blue }]
			},
			options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
		});
		draw('chart-csat', {
			type: 'bar',
			data: {
				labels: data.csat.labels,
				datasets: [{ label: l.customers, data: data.csat.values, backgroundColor: COLORS.green }]
			},
			options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
		});
		draw('chart-thumbs', {
			type: 'bar',
			data: {
				labels: data.days,
				datasets: [
					{ label: l.thumbsUp, data: data.thumbs.up, backgroundColor: COLORS.green },
					{ label: l.thumbsDown, data: data.thumbs.down, backgroundColor: COLORS.red }
				]
			},
			options: { scales: stacked }
		});
		draw('chart-latency', {
			type: 'line',
			data: {
				labels: data.days,
				datasets: [
					{ label: l.latencyP50, data: data.latency.p50, borderColor: COLORS.blue, backgroundColor: COLORS.blue,
						spanGaps: true },
					{ label: l.latencyP90, data: data.latency.p90, borderColor: COLORS.grey, backgroundColor: COLORS.grey,
						spanGaps: true }
				]
			},
			options: { scales: { y: { beginAtZero: true, title: { display: true, text: l.milliseconds } } } }
		});
	});
}());
