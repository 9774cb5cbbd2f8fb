/*! Trade Trends embed loader. Public API, see docs/embedding.md.
 * <div data-trade-trends="https://host/path/?flow=exports"></div><script async src="https://host/path/embed.js"></script>
 * Turns each such div into a lazy-loading iframe, and resizes every Trade Trends iframe
 * (those it made and those marked data-trade-trends-frame) from its height messages:
 * {type: "trade-trends:height", v: 1, id, height}, accepted only from that iframe's own
 * window and origin. Everything else is ignored. */
(function () {
  'use strict';
  if (window.TradeTrendsEmbed) { window.TradeTrendsEmbed.scan(); return; }
  var frames = [];
  var count = 0;

  function track(frame, id) {
    var origin;
    try { origin = new URL(frame.src, document.baseURI).origin; } catch (e) { return; }
    frame.setAttribute('scrolling', 'no');
    frames.push({ frame: frame, id: id, origin: origin });
  }

  function scan() {
    var divs = document.querySelectorAll('div[data-trade-trends]:not([data-trade-trends-ready])');
    for (var i = 0; i < divs.length; i++) {
      var div = divs[i];
      var url;
      try { url = new URL(div.getAttribute('data-trade-trends'), document.baseURI); } catch (e) { continue; }
      if (url.protocol !== 'https:' && url.protocol !== 'http:') continue;
      var id = 'trade-trends-' + (++count);
      url.searchParams.set('embed', '1');
      url.searchParams.set('id', id);
      var frame = document.createElement('iframe');
      frame.src = url.href;
      frame.title = div.getAttribute('data-title') || 'Trade Trends chart';
      frame.loading = 'lazy';
      frame.style.cssText = 'width:100%;border:0;display:block;height:' + (parseInt(div.getAttribute('data-height'), 10) || 600) + 'px';
      div.setAttribute('data-trade-trends-ready', '');
      div.appendChild(frame);
      track(frame, id);
    }
    var own = document.querySelectorAll('iframe[data-trade-trends-frame]:not([data-trade-trends-ready])');
    for (var j = 0; j < own.length; j++) {
      var f = own[j];
      var fid;
      try { fid = new URL(f.src, document.baseURI).searchParams.get('id'); } catch (e) { continue; }
      if (!fid) continue;
      f.setAttribute('data-trade-trends-ready', '');
      track(f, fid);
    }
  }

  window.addEventListener('message', function (event) {
    var d = event.data;
    if (!d || typeof d !== 'object' || d.type !== 'trade-trends:height' || d.v !== 1) return;
    if (typeof d.id !== 'string' || typeof d.height !== 'number' || !isFinite(d.height)) return;
    if (d.height <= 0 || d.height > 100000) return;
    for (var i = 0; i < frames.length; i++) {
      var t = frames[i];
      if (t.id === d.id && event.origin === t.origin && event.source === t.frame.contentWindow) {
        t.frame.style.height = Math.ceil(d.height) + 'px';
      }
    }
  });

  window.TradeTrendsEmbed = { scan: scan };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan);
  else scan();
})();
