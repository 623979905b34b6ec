/**
 * The console's only script, served as `/console.js`: copy buttons, and a mailbox that shows new
 * mail without a reload. It is written here as a function, so the compiler checks it against the
 * DOM's types, and served as its own source text (`consoleScript()`): the CSP allows no inline
 * script, and the emulator has no bundler at run time. The function must stay self-contained —
 * it may use nothing from this module's scope.
 */

/** Runs in the browser on every console page. */
export function consoleClient(): void {
  const live = document.getElementById('live');
  const say = (message: string): void => {
    if (!live) return;
    // Emptied first, so the same words said twice are announced twice.
    live.textContent = '';
    window.setTimeout(() => {
      live.textContent = message;
    }, 50);
  };

  const showCopyButtons = (root: ParentNode): void => {
    for (const button of root.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
      button.hidden = false;
    }
  };
  showCopyButtons(document);
  document.addEventListener('click', (event) => {
    const target = event.target;
    const button = target instanceof Element ? target.closest('button[data-copy]') : null;
    if (!(button instanceof HTMLButtonElement)) return;
    const value = button.dataset.copy ?? '';
    const source = button.dataset.source ? document.getElementById(button.dataset.source) : null;
    navigator.clipboard.writeText(value).then(
      () => say(button.dataset.copied ?? ''),
      () => {
        // No clipboard (an insecure origin, a refused permission): select it for Ctrl+C instead.
        if (source) window.getSelection()?.selectAllChildren(source);
        say(button.dataset.selected ?? '');
      },
    );
  });

  const feed = document.querySelector<HTMLElement>('[data-mailbox-feed]');
  if (!feed) return;
  let busy = false;
  const poll = async (): Promise<void> => {
    const current = document.querySelector<HTMLElement>('[data-mailbox-feed]');
    if (busy || document.hidden || !current) return;
    busy = true;
    try {
      const mails: unknown = await (
        await fetch(current.dataset.mailboxFeed ?? '', { headers: { Accept: 'application/json' } })
      ).json();
      if (!Array.isArray(mails)) return;
      const last: unknown = mails[mails.length - 1];
      const lastSentAt =
        typeof last === 'object' && last !== null && 'sentAt' in last ? String(last.sentAt) : '';
      if (`${mails.length}|${lastSentAt}` === current.dataset.signature) return;
      const page = await fetch(location.href, { headers: { Accept: 'text/html' } });
      const next = new DOMParser()
        .parseFromString(await page.text(), 'text/html')
        .querySelector<HTMLElement>('[data-mailbox-feed]');
      if (!next) return;
      const seen = new Set(
        [...current.querySelectorAll<HTMLElement>('[data-key]')].map((item) => item.dataset.key),
      );
      const added = [...next.querySelectorAll<HTMLElement>('[data-key]')].filter(
        (item) => !seen.has(item.dataset.key),
      ).length;
      const focused = document.activeElement;
      const focusedKey =
        focused instanceof HTMLElement && current.contains(focused)
          ? focused.closest<HTMLElement>('[data-key]')?.dataset.key
          : undefined;
      const adopted = document.importNode(next, true);
      showCopyButtons(adopted);
      current.replaceWith(adopted);
      if (focusedKey !== undefined) {
        adopted
          .querySelector<HTMLElement>(`[data-key="${CSS.escape(focusedKey)}"] button`)
          ?.focus();
      }
      if (added > 0) say((adopted.dataset.arrived ?? '').replace('{count}', String(added)));
    } catch {
      // The emulator stopped or restarted: the next poll tries again.
    } finally {
      busy = false;
    }
  };
  window.setInterval(() => void poll(), 1500);
}

/**
 * The served script. `npm run emulator` runs under tsx, whose esbuild keeps function names by
 * wrapping inner functions in `__name(fn, "name")`: the page has no such helper, so one is given.
 */
export function consoleScript(): string {
  return `'use strict';\n((__name) => (${consoleClient.toString()})())((fn) => fn);\n`;
}
