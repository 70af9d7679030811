// Hostile strings for tests/e2e/hostile.test.mjs: markup, script URLs (plain and obfuscated),
// CSS injection, bidi and control characters, a 1 MB string, template placeholders and
// prototype keys. Every payload that could run script calls `window.__pwned = 1` (or `alert`,
// which the test replaces with the same trap), so a single check sees any that ran.

/** The trap every payload's script triggers. */
export const TRAP = "window.__pwned=1";

const js = (s) => s.replaceAll("TRAP", TRAP);

/** One megabyte of text with markup at both ends. */
const MEGABYTE = "<script>" + TRAP + "</script>" + "A".repeat(1 << 20) + "<img src=x onerror=" + TRAP + ">";

/** `{ name, value }`: the name says what the payload tries. */
export const PAYLOADS = [
  // Markup that runs script when parsed as HTML.
  ["script tag", "<script>TRAP</script>"],
  ["script tag, attribute breakout", '"><script>TRAP</script>'],
  ["script tag, single-quote breakout", "'><script>TRAP</script>"],
  ["script close then open", "</script><script>TRAP</script>"],
  ["script src data: URL", '<script src="data:text/javascript,TRAP"></script>'],
  ["nested script tags", "<scr<script>ipt>TRAP</scr</script>ipt>"],
  ["img onerror", '<img src=x onerror="TRAP">'],
  ["img onerror alert", "<img src=x onerror=alert(1)>"],
  ["svg onload", '<svg onload="TRAP">'],
  ["svg onload, slash separator", "<svg/onload=alert(1)>"],
  ["svg script", "<svg><script>TRAP</script></svg>"],
  ["iframe srcdoc", '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>'],
  ["iframe javascript: src", '<iframe src="javascript:parent.__pwned=1"></iframe>'],
  ["object data javascript:", '<object data="javascript:TRAP"></object>'],
  ["embed src javascript:", '<embed src="javascript:TRAP">'],
  ["body onload", "<body onload=alert(1)>"],
  ["details ontoggle", '<details open ontoggle="TRAP">'],
  ["input autofocus onfocus", "<input autofocus onfocus=TRAP>"],
  ["video source onerror", '<video><source onerror="TRAP"></video>'],
  ["marquee onstart", "<marquee onstart=TRAP>"],
  ["anchor javascript:", '<a href="javascript:TRAP">pay now</a>'],
  ["base href javascript:", '<base href="javascript:TRAP//">'],
  ["meta refresh", '<meta http-equiv="refresh" content="0;url=javascript:TRAP">'],
  ["form action", '<form action="javascript:TRAP"><button>pay</button></form>'],
  ["template script", "<template><script>TRAP</script></template>"],
  ["mutation XSS via math/style", "<math><mtext><table><mglyph><style><img src=x onerror=TRAP>"],
  ["noscript title breakout", '<noscript><p title="</noscript><img src=x onerror=TRAP>">'],
  ["comment breakout", '<!--<img src="--><img src=x onerror=TRAP//">'],
  ["JS string breakout", '"; TRAP; //'],
  // Script and other dangerous URLs, plain and obfuscated.
  ["javascript: URL", "javascript:TRAP"],
  ["javascript: URL, mixed case", "JaVaScRiPt:TRAP"],
  ["javascript: URL, tab inside", "java\tscript:TRAP"],
  ["javascript: URL, newline inside", "java\nscript:TRAP"],
  ["javascript: URL, leading space and control", " \u0001javascript:TRAP"],
  ["javascript: URL, decimal entities", "&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;TRAP"],
  ["javascript: URL, hex entity", "&#x6A;avascript:TRAP"],
  ["javascript: URL, named entity colon", "javascript&colon;TRAP"],
  ["javascript: URL, percent-encoded", "%6A%61%76%61%73%63%72%69%70%74:TRAP"],
  ["data: URL, HTML", "data:text/html,<script>parent.__pwned=1</script>"],
  ["data: URL, base64 HTML", "data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX19wd25lZD0xPC9zY3JpcHQ+"],
  ["vbscript: URL", "vbscript:msgbox(1)"],
  ["https URL with credentials", "https://user:pw@evil.example/"],
  ["https URL, lookalike host", "https://pay.example.com.evil.example/pay"],
  ["https URL with markup", 'https://evil.example/"><script>TRAP</script>'],
  ["protocol-relative URL", "//evil.example/pay"],
  ["backslash URL", "https:\\\\evil.example\\pay"],
  // CSS injection.
  ["style close and open", '</style><style>*{background:url("javascript:TRAP")}</style>'],
  ["style close then script", "</style><script>TRAP</script>"],
  ["CSS expression()", "x{}*{color:expression(TRAP)}"],
  ["CSS @import", '<style>@import "javascript:TRAP";</style>'],
  ["inline style url()", '<div style="background:url(javascript:TRAP)">x</div>'],
  // Template and placeholder syntax.
  ["placeholders", "{amount} {network} {retryAfter} {reference} {resource}"],
  ["segment marks", "[[ {amount} ]] ]] [[ {nope}"],
  ["moustache template", "{{constructor.constructor('TRAP')()}}"],
  ["JS template literal", "${TRAP}"],
  // Prototype keys, as values.
  ["__proto__", "__proto__"],
  ["constructor", "constructor"],
  ["prototype", "prototype"],
  ["JSON with __proto__", '{"__proto__":{"polluted":1}}'],
  // Characters that hide or reorder text.
  ["bidi override", "Kartu \u202Egnp.exe\u202C ditolak"],
  ["bidi embeddings, isolates and marks", "a\u202Ab\u202Bc\u202Dd\u2066e\u2067f\u2068g\u2069h\u200Ei\u200Fj\u061Ck"],
  ["NUL and control characters", "a\u0000b\u0001c\u0007d\u001Be\u007Ff\u0085g\u009Bh"],
  ["byte order marks", "\uFEFFpay\uFEFF"],
  ["zero-width characters", "pay\u200Bpal\u200C\u200D\u2060"],
  ["Unicode tag characters", "ok\u{E0041}\u{E0042}"],
  ["lone surrogate", "x\uD800y\uDFFFz"],
  ["CRLF header injection", "x\r\n\r\nSet-Cookie: pwned=1\r\n<script>TRAP</script>"],
  ["right-to-left text", "\u0645\u0631\u062D\u0628\u0627 \u202Eevil"],
  // Size.
  ["10,000 angle brackets", "<".repeat(10_000)],
  ["1 MB string", MEGABYTE],
].map(([name, value]) => ({ name, value: js(value) }));
