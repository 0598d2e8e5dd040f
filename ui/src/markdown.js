/*
 * Safe Markdown for the widget: answers, passages and agent messages become DOM nodes built with
 * createElement and textContent only, never innerHTML, so no text can inject markup or script.
 * Supported: paragraphs, line breaks, - and 1. lists, # headings (as bold lines), **bold**, *italic*,
 * `code`, [links](https://...) (http, https, mailto and paths on Hearth only) and citation markers [1].
 */
(function (global) {
  'use strict';

  var INLINE = /(\*\*[^*\n]+\*\*|`[^`\n]+`|\[[^\]\n]+\]\([^)\s]+\)|\[\d{1,3}\]|\*[^*\s][^*\n]*\*|_[^_\s][^_\n]*_)/;

  function safeUrl(url, base) {
    if (/^\/(?!\/)/.test(url)) {
      return base + url;
    }
    try {
      var parsed = new URL(url);
      return /^(https?|mailto):$/.test(parsed.protocol) ? parsed.href : null;
    } catch (e) {
      return null;
    }
  }

  function inline(parent, text, options) {
    var parts = text.split(INLINE);
    for (var i = 0; i < parts.length; i++) {
      var part = parts[i];
      if (!part) {
        continue;
      }
      if (i % 2 === 0) {
        parent.appendChild(document.createTextNode(part));
        continue;
      }
      var element;
      var link = /^\[([^\]]+)\]\(([^)\s]+)\)$/.exec(part);
      var cite = /^\[(\d{1,3})\]$/.exec(part);
      if (part.indexOf('**') === 0) {
        element = document.createElement('strong');
        inline(element, part.slice(2, -2), options);
      } else if (part.charAt(0) === '`') {
        element = document.createElement('code');
        element.textContent = part.slice(1, -1);
      } else if (link) {
        var href = safeUrl(link[2], options.base);
        if (!href) {
          parent.appendChild(document.createTextNode(link[1]));
          continue;
        }
        element = document.createElement('a');
        element.href = href;
        element.target = '_blank';
        element.rel = 'noopener noreferrer';
        element.textContent = link[1];
      } else if (cite) {
        var source = options.citations && options.citations[cite[1]];
        var sourceHref = source && safeUrl(String(source.url || ''), options.base);
        if (!sourceHref) {
          parent.appendChild(document.createTextNode(part));
          continue;
        }
        element = document.createElement('a');
        element.className = 'cite';
        element.href = sourceHref;
        element.target = '_blank';
        element.rel = 'noopener noreferrer';
        element.textContent = '[' + cite[1] + ']';
        element.setAttribute('aria-label', (options.sourceLabel || 'Source') + ' ' + cite[1] + ': ' + (source.title || ''));
      } else {
        element = document.createElement('em');
        inline(element, part.slice(1, -1), options);
      }
      parent.appendChild(element);
    }
  }

  function lines(parent, block, options) {
    var rows = block.split('\n');
    for (var i = 0; i < rows.length; i++) {
      if (i > 0) {
        parent.appendChild(document.createElement('br'));
      }
      inline(parent, rows[i], options);
    }
  }

  /**
   * @param text the Markdown
   * @param options base (Hearth's origin for relative links), citations (by number), sourceLabel
   * @return a DocumentFragment
   */
  function render(text, options) {
    options = options || {};
    var fragment = document.createDocumentFragment();
    var blocks = String(text == null ? '' : text).replace(/\r\n?/g, '\n').split(/\n{2,}/);
    blocks.forEach(function (block) {
      block = block.replace(/^\n+|\n+$/g, '');
      if (!block) {
        return;
      }
      var rows = block.split('\n');
      var bullet = rows.every(function (row) { return /^\s*[-*+]\s+/.test(row); });
      var numbered = rows.every(function (row) { return /^\s*\d{1,3}[.)]\s+/.test(row); });
      if (bullet || numbered) {
        var list = document.createElement(bullet ? 'ul' : 'ol');
        rows.forEach(function (row) {
          var item = document.createElement('li');
          inline(item, row.replace(bullet ? /^\s*[-*+]\s+/ : /^\s*\d{1,3}[.)]\s+/, ''), options);
          list.appendChild(item);
        });
        fragment.appendChild(list);
        return;
      }
      var paragraph = document.createElement('p');
      var heading = /^#{1,6}\s+(.*)$/.exec(rows[0]);
      if (heading) {
        var strong = document.createElement('strong');
        inline(strong, heading[1], options);
        paragraph.appendChild(strong);
        if (rows.length > 1) {
          paragraph.appendChild(document.createElement('br'));
          lines(paragraph, rows.slice(1).join('\n'), options);
        }
      } else {
        lines(paragraph, block, options);
      }
      fragment.appendChild(paragraph);
    });
    return fragment;
  }

  global.HearthMarkdown = { render: render, safeUrl: safeUrl };
})(window);
