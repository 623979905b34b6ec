// @vitest-environment jsdom
/**
 * The console's one script, run as the page runs it (the served text, not the function): copy
 * buttons appear, copy the code and say so, or select it when the clipboard refuses.
 */

import { beforeAll, describe, expect, it } from 'vitest';
import { consoleScript } from '../../emulator/console/client.ts';

let copied: string[] = [];
let clipboardWorks = true;

beforeAll(() => {
  document.body.innerHTML = `<main><p id="live" role="status"></p>
<p id="code-0">123456</p><button type="button" hidden data-copy="123456" data-source="code-0" data-copied="Copied: 123456" data-selected="Selected: 123456">Copy</button></main>`;
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: {
      writeText: async (text: string) => {
        if (!clipboardWorks) throw new Error('denied');
        copied.push(text);
      },
    },
  });
  new Function(consoleScript())();
});

const live = () => document.getElementById('live')?.textContent;
const copyButton = () => document.querySelector<HTMLButtonElement>('button[data-copy]');

describe('the console’s script', () => {
  it('shows the copy buttons, which are hidden until a script can make them work', () => {
    expect(copyButton()?.hidden).toBe(false);
  });

  it('copies the code and says so', async () => {
    copied = [];
    clipboardWorks = true;
    copyButton()?.click();
    await expect.poll(live).toBe('Copied: 123456');
    expect(copied).toEqual(['123456']);
  });

  it('selects the code for Ctrl+C when the clipboard refuses', async () => {
    clipboardWorks = false;
    copyButton()?.click();
    await expect.poll(live).toBe('Selected: 123456');
    expect(window.getSelection()?.toString()).toBe('123456');
  });
});
