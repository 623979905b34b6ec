/**
 * axe-core in a page, for the accessibility checks of every browser test: the rules it runs by
 * default (WCAG 2.x A and AA, and its best practices).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe's findings on the page as it is now, one line per rule and element. */
export async function violations(page: Page): Promise<string[]> {
  // Evaluated through the debugging protocol, not added as a script tag: pages whose CSP allows
  // no injected script (the console, the managed login) are checked as they really are.
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const { violations } = await (
      window as unknown as {
        axe: {
          run(): Promise<{
            violations: { id: string; help: string; nodes: { target: unknown[] }[] }[];
          }>;
        };
      }
    ).axe.run();
    return violations.flatMap((violation) =>
      violation.nodes.map(
        (node) => `${violation.id} (${violation.help}): ${node.target.join(' ')}`,
      ),
    );
  });
}
