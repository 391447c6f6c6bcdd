// What the checker needs to know about the page the browser shows, gathered
// in the page itself and returned as one JSON object (see `PageFacts` in
// page.rs). Run with WebDriver's "execute async script": the last argument is
// the callback. arguments[0] is "full" (everything) or "layout" (only the
// sideways-overflow facts, for the second width).
const done = arguments[arguments.length - 1];
const mode = arguments[0];

// "img src=a.svg", "pre.language-rust "fn main() {…"", for a report.
function describe(el) {
  let name = el.tagName.toLowerCase();
  if (el.id) name += '#' + el.id;
  const cls = (el.getAttribute('class') || '').trim().split(/\s+/)[0];
  if (cls) name += '.' + cls;
  const src = el.getAttribute('src') || el.getAttribute('href');
  if (src) name += ' ' + src;
  const text = (el.textContent || '').replace(/\s+/g, ' ').trim();
  if (text) name += ' "' + (text.length > 40 ? text.slice(0, 40) + '…' : text) + '"';
  return name;
}

// Does an element between `el` and <body> scroll sideways on purpose (a
// code block, a table's wrapper)? Then `el` may be wider than the window.
function insideScroller(el) {
  for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
    const o = getComputedStyle(p).overflowX;
    if (o === 'auto' || o === 'scroll') return true;
  }
  return false;
}

function layout() {
  const root = document.documentElement;
  const viewport = root.clientWidth;
  const sticksOut = el => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && r.right > viewport + 1;
  };
  // The outermost elements that stick out past the right edge, outside any
  // element made to scroll: what a reader would have to scroll to (or, with
  // the theme's overflow-x: hidden/clip, what is cut off).
  const offenders = [];
  for (const el of document.body.querySelectorAll('*')) {
    if (!sticksOut(el) || insideScroller(el)) continue;
    const parent = el.parentElement;
    if (parent && parent !== document.body && sticksOut(parent)) continue;
    const r = el.getBoundingClientRect();
    offenders.push(describe(el) + ' (right edge at ' + Math.round(r.right) + ' px)');
    if (offenders.length >= 5) break;
  }
  return {
    viewport,
    inner_width: window.innerWidth,
    scroll_width: root.scrollWidth,
    offenders,
  };
}

function decode(text) {
  try { return decodeURIComponent(text); } catch (e) { return text; }
}

async function full() {
  const main = document.querySelector('main') || document.body;
  const imgs = [...document.querySelectorAll('img')];
  for (const img of imgs) img.loading = 'eager';
  const loaded = Promise.all(imgs.map(img => img.complete ? null : new Promise(r => {
    img.addEventListener('load', r);
    img.addEventListener('error', r);
  })));
  await Promise.race([loaded, new Promise(r => setTimeout(r, 5000))]);

  const pictures = imgs.map(img => {
    const r = img.getBoundingClientRect();
    return {
      what: describe(img),
      rendered: img.complete && img.naturalWidth > 0 && r.width > 0 && r.height > 0,
      size: Math.round(r.width) + '×' + Math.round(r.height),
      text: (img.getAttribute('alt') || '').trim(),
    };
  });
  // Inline pictures: an <svg> in the chapter, not the theme's icons (hidden
  // from screen readers, or inside a button).
  for (const svg of main.querySelectorAll('svg')) {
    if (svg.parentElement.closest('svg')) continue;
    if (svg.closest('[aria-hidden="true"], button, .fa-svg')) continue;
    const r = svg.getBoundingClientRect();
    const title = svg.querySelector(':scope > title');
    const label = svg.getAttribute('aria-label')
      || (title && title.textContent)
      || (svg.getAttribute('aria-labelledby') || '').split(/\s+/)
        .map(id => (document.getElementById(id) || {}).textContent || '').join(' ');
    pictures.push({
      what: describe(svg),
      rendered: r.width > 0 && r.height > 0,
      size: Math.round(r.width) + '×' + Math.round(r.height),
      text: (label || '').trim(),
    });
  }

  const links = [...document.querySelectorAll('a[href]')].map(a => {
    const url = new URL(a.href, location.href);
    return {
      raw: a.getAttribute('href'),
      internal: url.origin === location.origin,
      scheme: url.protocol,
      path: decode(url.pathname),
      fragment: decode(url.hash.slice(1)),
      text: (a.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 60),
    };
  });
  const ids = [...document.querySelectorAll('[id]')].map(e => e.id)
    .concat([...document.querySelectorAll('a[name]')].map(a => a.getAttribute('name')));
  const headings = [...main.querySelectorAll('h1')]
    .map(h => h.textContent.replace(/\s+/g, ' ').trim());
  // The language picker: a link with hreflang, or any element with data-lang
  // (a button the checker clicks, or an element holding the link).
  const pickers = [...document.querySelectorAll('a[hreflang], [data-lang]')].map(el => {
    const link = el.matches('a[href]') ? el : el.querySelector('a[href]');
    return {
      lang: el.getAttribute('hreflang') || el.getAttribute('data-lang'),
      path: link ? decode(new URL(link.href, location.href).pathname) : null,
      selector: el.hasAttribute('data-lang')
        ? '[data-lang="' + el.getAttribute('data-lang') + '"]'
        : 'a[hreflang="' + el.getAttribute('hreflang') + '"]',
    };
  });
  return {
    lang: document.documentElement.lang || '',
    ids,
    links,
    pictures,
    headings,
    pickers,
    layout: layout(),
  };
}

(mode === 'full' ? full() : Promise.resolve({ layout: layout() }))
  .then(done, e => done({ error: String(e && e.stack || e) }));
