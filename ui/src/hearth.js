/*
 * Hearth chat widget: the embedding script. A page adds
 *   <script src="https://support.example.com/widget/hearth.js" data-site="SITE_KEY" async></script>
 * and this script adds one iframe served by Hearth (/widget/frame), which holds the whole widget.
 * The host page's CSS and scripts cannot reach into the frame, and the frame cannot touch the page
 * (docs/adr/0004-widget-isolation.md). The frame tells this script only how big to be.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || window.__hearthWidget) {
    return;
  }
  var started = performance.now();
  var origin = new URL(script.src, location.href).origin;
  var site = script.getAttribute('data-site') || '';
  var lang = script.getAttribute('data-lang') || document.documentElement.lang || navigator.language || 'en';
  var api = (window.__hearthWidget = { firstPaintMs: null, open: false });
  var frame = document.createElement('iframe');
  var position = 'right';
  var opened = false;

  function css(element, styles) {
    for (var name in styles) {
      element.style.setProperty(name, styles[name], 'important');
    }
  }

  function layout() {
    var small = window.innerWidth < 520 || window.innerHeight < 560;
    var size = opened
      ? (small ? { width: '100%', height: '100%' } : { width: '408px', height: 'min(680px, 100%)' })
      : { width: '96px', height: '96px' };
    css(frame, {
      position: 'fixed', bottom: '0', top: 'auto', border: '0', margin: '0', padding: '0',
      width: size.width, height: size.height, 'max-width': '100%', 'max-height': '100%',
      'z-index': '2147483000', background: 'transparent', 'color-scheme': 'normal',
      display: 'block', visibility: 'visible', opacity: '1', transform: 'none'
    });
    css(frame, position === 'left' ? { left: '0', right: 'auto' } : { right: '0', left: 'auto' });
    if (frame.contentWindow) {
      // the frame cannot see the page's size: tell it whether it fills the screen
      frame.contentWindow.postMessage({ type: 'hearth:host', full: opened && small }, origin);
    }
  }

  frame.src = origin + '/widget/frame?site=' + encodeURIComponent(site) + '&lang=' + encodeURIComponent(lang);
  frame.title = 'Chat';
  frame.setAttribute('data-hearth-widget', '');
  layout();

  window.addEventListener('message', function (event) {
    if (event.source !== frame.contentWindow || event.origin !== origin || !event.data) {
      return;
    }
    var data = event.data;
    if (data.type === 'hearth:layout') {
      opened = !!data.open;
      api.open = opened;
      position = data.position === 'left' ? 'left' : 'right';
      if (data.title) {
        frame.title = String(data.title);
      }
      layout();
    } else if (data.type === 'hearth:painted' && api.firstPaintMs === null && typeof data.at === 'number') {
      // the frame's first paint, on the page's clock: both clocks are milliseconds since the epoch
      api.firstPaintMs = data.at - (performance.timeOrigin + started);
    }
  });
  window.addEventListener('resize', layout);

  function attach() {
    document.body.appendChild(frame);
  }
  if (document.body) {
    attach();
  } else {
    document.addEventListener('DOMContentLoaded', attach);
  }
})();
