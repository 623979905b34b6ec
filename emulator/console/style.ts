/**
 * The console's stylesheet, served as `/console.css` (the CSP allows no inline style). The site's
 * pink and ink, on white: the console is a tool, not the site. Narrow screens (360 px) first.
 */
export const CONSOLE_CSS = `
:root {
  --pink: #dc064d;
  --pink-deep: #b80040;
  --ink: #25091a;
  --muted: #5c4653;
  --line: #e6d3dc;
  --mist: #fff4f8;
  --ok: #0b6b3a;
  --warn-bg: #fff3c4;
  --font: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Apple SD Gothic Neo",
    "Malgun Gothic", "Noto Sans KR", "Noto Sans", Arial, sans-serif;
  --mono: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace;
  color-scheme: light;
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0;
  font-family: var(--font);
  line-height: 1.5;
  color: var(--ink);
  background: #fff;
  word-break: keep-all;
  overflow-wrap: anywhere;
}
a { color: var(--pink-deep); }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, main:focus-visible {
  outline: 3px solid var(--ink);
  outline-offset: 2px;
}
.skip-link {
  position: absolute;
  left: 0.5rem;
  top: -10rem;
  padding: 0.5rem 1rem;
  background: var(--ink);
  color: #fff;
  z-index: 10;
}
.skip-link:focus { top: 0.5rem; }
.banner {
  margin: 0;
  padding: 0.4rem 1rem;
  background: var(--warn-bg);
  border-bottom: 1px solid #e0c25a;
  text-align: center;
  font-size: 0.9rem;
}
.top {
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: 0.25rem 1.25rem;
  padding: 0.5rem 1rem;
  background: var(--pink);
  color: #fff;
}
.top a { color: #fff; }
.brand { margin: 0; font-weight: 700; }
.top nav { flex: 1 1 auto; }
.top ul { display: flex; flex-wrap: wrap; gap: 0.25rem; margin: 0; padding: 0; list-style: none; }
.top nav a {
  display: inline-block;
  padding: 0.4rem 0.7rem;
  border-radius: 999px;
  text-decoration: none;
  min-height: 44px;
  line-height: 1.8;
}
.top nav a:hover { background: var(--pink-deep); }
.top nav a[aria-current="page"] { background: #fff; color: var(--pink-deep); font-weight: 700; }
.top a:focus-visible { outline-color: #fff; }
.lang-switch { margin: 0; }
.lang-switch a { display: inline-block; padding: 0.4rem 0.2rem; min-height: 44px; line-height: 1.8; }
main { max-width: 60rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.6rem; margin: 0.5rem 0 1rem; }
h2 { font-size: 1.25rem; margin: 0 0 0.5rem; }
h3 { font-size: 1.05rem; margin: 1rem 0 0.5rem; }
.mail h2 { font-size: 1.1rem; margin: 0; }
.notice { padding: 0.75rem 1rem; border-radius: 0.5rem; border: 1px solid; }
.notice-error { background: var(--mist); border-color: var(--pink); color: var(--pink-deep); }
.notice-success { background: #eaf7ef; border-color: var(--ok); color: var(--ok); }
.live { margin: 0.25rem 0; color: var(--ok); font-weight: 600; }
/* Takes no room until it has something to say (it stays in the page, so it is still heard). */
.live:empty { margin: 0; }
.foot { max-width: 60rem; margin: 2rem auto 0; padding: 1rem; color: var(--muted); font-size: 0.9rem; }
code, .mono { font-family: var(--mono); }
button, .button {
  font: inherit;
  display: inline-flex;
  align-items: center;
  justify-content: center;
  min-height: 44px;
  padding: 0.4rem 1rem;
  border-radius: 999px;
  border: 2px solid var(--pink-deep);
  background: #fff;
  color: var(--pink-deep);
  font-weight: 600;
  cursor: pointer;
  text-decoration: none;
}
button.primary, .button.primary { background: var(--pink-deep); color: #fff; }
input, select {
  font: inherit;
  min-height: 44px;
  padding: 0.4rem 0.6rem;
  border: 1px solid var(--muted);
  border-radius: 0.4rem;
  color: var(--ink);
  background: #fff;
  max-width: 100%;
}
.filter { display: flex; flex-wrap: wrap; align-items: end; gap: 0.5rem 0.75rem; margin-bottom: 1rem; }
.filter label { display: flex; flex-direction: column; font-weight: 600; flex: 1 1 14rem; }
.filter input { font-weight: 400; }
.filter a { align-self: center; }
.visually-hidden {
  position: absolute;
  width: 1px;
  height: 1px;
  margin: -1px;
  overflow: hidden;
  clip-path: inset(50%);
  white-space: nowrap;
}
.muted { color: var(--muted); }
.mails { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.75rem; }
.mail {
  border: 1px solid var(--line);
  border-left: 6px solid var(--pink);
  border-radius: 0.5rem;
  padding: 0.75rem 1rem;
  display: grid;
  gap: 0.35rem;
}
.mail.is-expired { border-left-color: var(--muted); }
.mail p { margin: 0; }
.code-row { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1rem; }
.code {
  font-family: var(--mono);
  font-size: 2rem;
  font-weight: 700;
  letter-spacing: 0.15em;
  margin: 0;
}
.mail .actions { display: flex; flex-wrap: wrap; gap: 0.5rem; margin-top: 0.25rem; }
dl.facts { display: grid; grid-template-columns: minmax(8rem, max-content) 1fr; gap: 0.25rem 1rem; margin: 0 0 1.5rem; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
.table-wrap { overflow-x: auto; margin-bottom: 1.5rem; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 0.4rem 0.6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
section { margin-bottom: 1.5rem; }
@media (max-width: 40rem) {
  .top { padding: 0.5rem; }
  .brand { width: 100%; }
  main { padding: 0.75rem; }
  .code { font-size: 1.7rem; }
  dl.facts { grid-template-columns: 1fr; }
  dl.facts dd { margin-bottom: 0.5rem; }
}
`;
