/*
 * Hearth chat widget: the embedding script. A page adds
 *   <script src="https://support.example.com/widget/hearth.js" data-site="SITE_KEY" async></script>
 * (optionally data-color="#rrggbb" data-position="left|right" data-lang="de" data-country="NL") and this script adds one
 * iframe served by Hearth (/widget/frame), which holds the whole widget. The host page's CSS and scripts
 * cannot reach into the frame, and the frame cannot touch the page (docs/adr/0004-widget-isolation.md).
 * The frame tells this script only how big to be.
 * Until the frame has painted its launcher, this script shows a placeholder launcher of the same look in
 * a closed shadow root on the page (no data in it, no request before it paints); a click on it opens the
 * chat as soon as the frame is ready.
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
  var color = script.getAttribute('data-color') || '';
  // the customer's country, when the page knows it (regulated-data rules read national IDs by it)
  var country = script.getAttribute('data-country') || '';
  country = /^[A-Za-z]{2}$/.test(country) ? country : '';
  color = /^#[0-9a-fA-F]{6}$/.test(color) ? color : '#0b5cad';
  var api = (window.__hearthWidget = { scriptStart: started, firstPaintMs: null, placeholderPaintMs: null, open: false });
  var frame = document.createElement('iframe');
  var position = script.getAttribute('data-position') === 'left' ? 'left' : 'right';
  var opened = false;
  var holder = document.createElement('hearth-launcher');
  var wanted = false; // the placeholder was clicked: open the chat when the frame is ready
  var focused;
  var SVG = 'http://www.w3.org/2000/svg';

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

  // The placeholder: the frame's launcher (ui/src/launcher.css) drawn at the same place, above the
  // frame until the frame has painted. Its styles are a constructed style sheet (CSSOM, which the host
  // page's Content-Security-Policy does not block); `all: initial` keeps the page's CSS out of it.
  function placeholder() {
    var dark = 0;
    [1, 3, 5].forEach(function (i, k) {
      var c = parseInt(color.substr(i, 2), 16) / 255;
      dark += [0.2126, 0.7152, 0.0722][k] * (c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4));
    });
    var root = holder.attachShadow({ mode: 'closed' });
    var rules = ':host{all:initial!important;position:fixed!important;bottom:16px!important;' + position +
      ':16px!important;width:60px!important;height:60px!important;z-index:2147483001!important;' +
      'display:block!important;visibility:visible!important;opacity:1!important;transform:none!important}' +
      'button{all:initial;box-sizing:border-box;width:60px;height:60px;border-radius:50%;background:' + color +
      ';color:' + (1.05 / (dark + 0.05) >= 4.5 ? '#fff' : '#111') + ';cursor:pointer;display:grid;' +
      'place-items:center;box-shadow:0 4px 14px rgba(0,0,0,.28)}' +
      'button:focus-visible{outline:3px solid #1a1f29;outline-offset:2px;box-shadow:0 0 0 5px #fff}' +
      'svg{width:28px;height:28px;fill:none;stroke:currentColor;stroke-width:2;stroke-linecap:round;stroke-linejoin:round}';
    if (root.adoptedStyleSheets && window.CSSStyleSheet) {
      var sheet = new CSSStyleSheet();
      sheet.replaceSync(rules);
      root.adoptedStyleSheets = [sheet];
    } else {
      root.appendChild(document.createElement('style')).textContent = rules;
    }
    var button = root.appendChild(document.createElement('button'));
    button.type = 'button';
    button.setAttribute('aria-label', /^de\b/i.test(lang) ? 'Chat \u00f6ffnen' : 'Open the chat');
    button.setAttribute('aria-expanded', 'false');
    var svg = button.appendChild(document.createElementNS(SVG, 'svg'));
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    svg.appendChild(document.createElementNS(SVG, 'path'))
      .setAttribute('d', 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z');
    button.addEventListener('click', function () {
      wanted = true;
      button.setAttribute('aria-busy', 'true');
    });
    focused = function () {
      return root.activeElement === button;
    };
  }

  // the frame's launcher has painted and works: it takes over (and opens if the placeholder was clicked)
  function handOver() {
    if (!holder.parentNode) {
      return;
    }
    var focus = focused();
    holder.parentNode.removeChild(holder);
    if (wanted || focus) {
      frame.focus();
      frame.contentWindow.postMessage({ type: 'hearth:launch', open: wanted }, origin);
    }
  }

  frame.src = origin + '/widget/frame?site=' + encodeURIComponent(site) + '&lang=' + encodeURIComponent(lang) +
    (country ? '&country=' + encodeURIComponent(country) : '');
  frame.title = 'Chat';
  frame.setAttribute('data-hearth-widget', '');
  layout();
  placeholder();
  frame.addEventListener('load', function () {
    // a frame that never paints (an origin the site key does not allow, no network): no dead button
    setTimeout(function () {
      if (api.firstPaintMs === null && holder.parentNode) {
        holder.parentNode.removeChild(holder);
      }
    }, 5000);
  });

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
      if (data.color && data.color !== color) {
        console.warn('Hearth: set data-color="' + data.color + '" on the widget script so its placeholder ' +
          'launcher has the site\'s colour');
      }
      handOver();
    }
  });
  window.addEventListener('resize', layout);

  function attach() {
    document.body.appendChild(frame);
    document.body.appendChild(holder);
    // when the placeholder was painted: a task queued from the animation frame that first draws it runs
    // after that frame's style, layout and paint on the main thread (docs/benchmarks.md)
    requestAnimationFrame(function () {
      var channel = new MessageChannel();
      channel.port1.onmessage = function () {
        api.placeholderPaintMs = performance.now() - started;
      };
      channel.port2.postMessage(0);
    });
  }
  if (document.body) {
    attach();
  } else {
    document.addEventListener('DOMContentLoaded', attach);
  }
})();
