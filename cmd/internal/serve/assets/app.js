// The page of totpkey serve. Every check is made by the library compiled to
// WebAssembly (totpkey.wasm, from cmd/totpkey-wasm) inside this page: the
// only request this script makes is the one that loads that module, and
// then the page forbids itself any other (connect-src 'none').
'use strict';
(() => {
  const $ = (id) => document.getElementById(id);
  let api = null;        // the module's functions, once loaded
  let shown = false;     // Show pressed: the key is shown in full
  let keyValue = '';     // the cleaned (or repaired) key, kept off the page until Show
  let masked = '';       // the same, masked by the module as the command masks it
  let fromImage = false; // the result on the page is that of a screenshot
  let firstVerdict = false;

  // ---- loading the checker
  async function load() {
    const go = new Go();
    const resp = await fetch('totpkey.wasm');
    if (!resp.ok) throw new Error('totpkey.wasm: ' + resp.status);
    let instance;
    try {
      instance = (await WebAssembly.instantiateStreaming(resp.clone(), go.importObject)).instance;
    } catch (e) { // a static host that does not send application/wasm
      instance = (await WebAssembly.instantiate(await resp.arrayBuffer(), go.importObject)).instance;
    }
    go.run(instance); // sets globalThis.totpkey, then waits for calls
    api = globalThis.totpkey;
    forbidRequests();
    performance.mark('totpkey-ready');
    fillBrokers();
    check();
  }

  // forbidRequests adds a policy that forbids the page any further fetch,
  // XHR or WebSocket: the module is loaded, nothing else is ever needed.
  function forbidRequests() {
    const meta = document.createElement('meta');
    meta.httpEquiv = 'Content-Security-Policy';
    meta.content = "connect-src 'none'";
    document.head.appendChild(meta);
  }

  // call runs a function of the module and parses its JSON answer; should
  // the module fail, the answer is an error to show.
  function call(fn, ...args) {
    try {
      return JSON.parse(api[fn](...args));
    } catch (e) {
      return { error: 'The checker stopped (' + e.message + '): reload the page.', results: [], topics: [], findings: [] };
    }
  }

  function fillBrokers() {
    const sel = $('broker');
    const brokers = call('brokers');
    for (const b of Array.isArray(brokers) ? brokers : []) {
      const o = document.createElement('option');
      o.value = b.id;
      o.textContent = b.name;
      sel.appendChild(o);
    }
  }

  // ---- rendering
  function clear(el) { while (el.firstChild) el.removeChild(el.firstChild); }
  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }

  // inline appends text with its `code` and **bold** spans to parent.
  function inline(parent, text) {
    for (const part of text.split(/(`[^`]+`|\*\*[^*]+\*\*)/)) {
      if (part.startsWith('`') && part.endsWith('`') && part.length > 1) parent.appendChild(el('code', part.slice(1, -1)));
      else if (part.startsWith('**') && part.endsWith('**') && part.length > 3) parent.appendChild(el('strong', part.slice(2, -2)));
      else if (part) parent.appendChild(document.createTextNode(part));
    }
  }

  // renderTopics shows help topics: their title, paragraphs, bullets and
  // numbered steps, with the article's labels as they are written.
  function renderTopics(box, topics) {
    clear(box);
    for (const t of topics) {
      box.appendChild(el('h3', t.title));
      let list = null;
      for (const b of t.blocks) {
        if (b.kind === 'step' || b.kind === 'bullet') {
          const tag = b.kind === 'step' ? 'ol' : 'ul';
          if (!list || list.tagName.toLowerCase() !== tag) {
            list = el(tag, undefined, b.kind === 'step' ? 'steps' : '');
            if (b.kind === 'step' && b.number > 1) list.start = b.number;
            box.appendChild(list);
          }
          const li = el('li');
          inline(li, b.text);
          list.appendChild(li);
          continue;
        }
        list = null;
        const p = el(b.kind === 'heading' ? 'h4' : 'p');
        inline(p, b.text);
        box.appendChild(p);
      }
    }
  }

  function tone(r) {
    if (r.exit_code === 0) return 'good';
    if (r.class === 'code') return 'warn';
    return 'bad';
  }

  function setVerdict(text, cls) {
    const v = $('verdict');
    v.textContent = text;
    v.className = 'verdict' + (cls ? ' ' + cls : '');
    if (text && !firstVerdict && cls) {
      firstVerdict = true;
      performance.mark('totpkey-first-verdict');
    }
  }

  function showKey() {
    const code = $('cleaned');
    code.textContent = shown ? keyValue : masked;
  }

  function render(resp, input) {
    const rs = resp.results || [];
    $('result').hidden = rs.length === 0;
    if (rs.length === 0) {
      setVerdict(resp.error || '', resp.error ? 'bad' : '');
      keyValue = masked = '';
      $('key-box').hidden = true;
      $('fix').hidden = true;
      return;
    }
    const r = rs[0];
    setVerdict(r.verdict, tone(r));
    const acc = $('account');
    acc.hidden = !r.account_label;
    acc.textContent = r.account_label ? 'Account: ' + r.account_label : '';
    // the input echoed, masked, with a caret under each bad character
    $('echo-box').hidden = !r.echo;
    const pre = $('echo');
    clear(pre);
    if (r.echo) {
      pre.appendChild(document.createTextNode(r.echo + '\n'));
      pre.appendChild(el('span', r.carets, 'caret'));
    }
    const problems = $('problems');
    clear(problems);
    for (const p of r.problems) problems.appendChild(el('li', p.message));
    const notes = $('notes');
    clear(notes);
    // Cleaning is news only about something that may be a key (as in the
    // text output): for words or an address it would read as if they were nearly one.
    if (!r.problems.some((p) => p.id === 'not-a-key')) {
      for (const c of r.changes) notes.appendChild(el('li', 'Cleaned: ' + c.message));
    }
    for (const w of r.warnings || []) notes.appendChild(el('li', 'Warning: ' + w.message, 'warn'));
    for (const other of rs.slice(1)) {
      notes.appendChild(el('li', (other.account_label ? other.account_label + ': ' : '') + other.verdict, tone(other)));
    }
    const secret = (r.code_check && r.code_check.repaired_key) || r.secret;
    $('key-box').hidden = !secret;
    if (secret) {
      keyValue = secret.value || '';
      masked = secret.masked;
      const repaired = secret !== r.secret;
      $('key-label').textContent = r.class === 'valid' || repaired ? 'Paste:' : 'Key:';
      $('key-size').textContent = '(base32, ' + secret.length + ' characters, ' + secret.bits + ' bits' + (repaired ? ', with the confirmed letters' : '') + ')';
      showKey();
    } else {
      keyValue = masked = '';
    }
    $('copy-status').textContent = '';
    $('fix').hidden = resp.topics.length === 0;
    renderTopics($('topics'), resp.topics);
  }

  // ---- the key field
  function broker() { return $('broker').value; }
  function brokerName(id) {
    const o = Array.from($('broker').options).find((opt) => opt.value === id);
    return o ? o.textContent : id;
  }

  function check() {
    if (!api) return;
    fromImage = false;
    $('qr-status').textContent = '';
    $('code-result').textContent = '';
    const input = $('key').value;
    if (input === '') {
      render({ results: [], topics: [] });
      setVerdict('Type or paste the TOTP Key above.', '');
      return;
    }
    render(call('check', input, broker()), input);
  }

  $('key').addEventListener('input', check);
  $('broker').addEventListener('change', () => { if (!fromImage) check(); });
  $('key-form').addEventListener('submit', (e) => { e.preventDefault(); check(); });

  $('show').addEventListener('click', () => {
    shown = !shown;
    const b = $('show');
    b.setAttribute('aria-pressed', String(shown));
    b.textContent = shown ? 'Hide' : 'Show';
    $('key').type = shown ? 'text' : 'password';
    showKey();
  });

  $('copy').addEventListener('click', async () => {
    const status = $('copy-status');
    if (!keyValue) return;
    try {
      await navigator.clipboard.writeText(keyValue);
      status.textContent = 'Copied the cleaned key.';
    } catch (e) {
      status.textContent = 'This browser did not allow copying: press Show and copy the key by hand.';
    }
  });

  // ---- the code check
  $('code-form').addEventListener('submit', (e) => {
    e.preventDefault();
    if (!api) return;
    const out = $('code-result');
    const input = $('key').value;
    if (input === '') { out.textContent = 'Enter the TOTP Key first.'; return; }
    const resp = call('checkCode', input, $('otp').value, broker());
    if (resp.error) { out.textContent = resp.error; out.className = 'bad'; return; }
    render(resp, input);
    const r = resp.results[0];
    if (r.code_words) {
      out.textContent = 'Code: ' + r.code_words;
      out.className = r.code_check.matched ? 'good' : (r.code_check.repair_matches > 1 ? 'warn' : 'bad');
    } else {
      out.textContent = 'There is no key to check the code with: fix the key first.';
      out.className = 'bad';
    }
  });

  // ---- screenshots: paste, drop or choose
  async function readImage(file) {
    if (!api) return;
    const status = $('qr-status');
    status.textContent = 'Reading the QR code…';
    const bytes = new Uint8Array(await file.arrayBuffer());
    const resp = call('readQR', bytes, broker());
    if (resp.error) { status.textContent = resp.error; return; }
    fromImage = true;
    $('code-result').textContent = '';
    render(resp, '');
    const n = resp.results.filter((r) => r.format !== 'empty' && !r.problems.some((p) => p.id === 'no-qr')).length;
    status.textContent = n === 0 ? 'No QR code could be read in the image.'
      : 'Read ' + (n === 1 ? 'a QR code' : n + ' QR codes') + ' from the image.';
  }

  function imageIn(items) {
    for (const it of items || []) {
      const f = it.kind === 'file' ? it.getAsFile() : (it instanceof File ? it : null);
      if (f && /^image\//.test(f.type)) return f;
    }
    return null;
  }

  document.addEventListener('paste', (e) => {
    const f = imageIn(e.clipboardData && e.clipboardData.items);
    if (f) { e.preventDefault(); readImage(f); }
  });
  const drop = $('drop');
  drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    const f = imageIn(e.dataTransfer && e.dataTransfer.files);
    if (f) readImage(f); else $('qr-status').textContent = 'Drop an image: a PNG, JPEG or GIF screenshot.';
  });
  $('image').addEventListener('change', (e) => { if (e.target.files[0]) readImage(e.target.files[0]); });

  // ---- tabs
  const tabs = [$('tab-key'), $('tab-ticket')];
  function select(tab) {
    for (const t of tabs) {
      const on = t === tab;
      t.setAttribute('aria-selected', String(on));
      t.tabIndex = on ? 0 : -1;
      $(t.getAttribute('aria-controls')).hidden = !on;
    }
    tab.focus();
  }
  for (const [i, t] of tabs.entries()) {
    t.addEventListener('click', () => select(t));
    t.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
        e.preventDefault();
        select(tabs[(i + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length]);
      }
    });
  }

  // ---- the ticket tab
  $('ticket-form').addEventListener('submit', (e) => {
    e.preventDefault();
    if (!api) return;
    const v = call('ticket', $('ticket').value);
    if (v.error) { $('ticket-status').textContent = v.error; return; }
    $('ticket').value = v.masked_text; // the keys in the box masked too
    const list = $('findings');
    clear(list);
    for (const f of v.findings) {
      const li = el('li');
      li.appendChild(el('strong', 'Line ' + f.line + ', column ' + f.column + ': ' + f.kind + ' '));
      li.appendChild(el('code', f.shown));
      li.appendChild(el('br'));
      li.appendChild(el('span', f.result.verdict, tone(f.result)));
      const ps = f.result.problems.map((p) => p.message).concat(f.result.changes.map((c) => 'Cleaned: ' + c.message));
      if (ps.length) li.appendChild(el('span', ' (' + ps.join('; ') + ')', 'dim'));
      list.appendChild(li);
    }
    const n = v.findings.length + (v.more || 0);
    $('ticket-status').textContent = n === 0
      ? 'Nothing in the ticket looks like a key, a code, an otpauth link or an error message.'
      : n + (n === 1 ? ' finding' : ' findings') + (v.more ? ' (the first ' + v.findings.length + ' are listed)' : '') +
        (v.broker ? '; checked for ' + brokerName(v.broker) + ', the broker the ticket names' : '') + '.';
    $('reply').textContent = v.reply || '';
    $('reply-box').hidden = !v.reply;
    $('copy-reply-status').textContent = '';
    renderTopics($('ticket-topics'), v.topics);
  });

  $('copy-reply').addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText($('reply').textContent);
      $('copy-reply-status').textContent = 'Reply copied.';
    } catch (e) {
      $('copy-reply-status').textContent = 'Could not copy: select the reply and copy it by hand.';
    }
  });

  load().catch((e) => {
    setVerdict('The checker could not start in this browser (' + e.message + '). Use the command instead: totpkey validate', 'bad');
  });
})();
