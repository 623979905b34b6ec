/**
 * Vite dev-server adapter: with no Cognito pool configured, `npm run dev` serves the emulator on
 * the dev server's own origin under `/emulator/` (Cognito API at `POST /emulator/`, mailbox at
 * `GET /emulator/mailbox`, the ride API at `POST /emulator/ride`, the console's pages for
 * browsers at `/emulator/`), so the site needs no AWS account and no CORS.
 */

import type { Plugin } from 'vite';
import { consolePages } from './console/index.ts';
import type { Emulator } from './core/emulator.ts';
import { createHttpHandler, type HttpRoute, type PageHandler } from './core/http.ts';
import { hostedRoutes } from './hosted/index.ts';
import { createNodeEmulator, mailNotice } from './node/node-emulator.ts';
import { answerNodeRequest, exposureWarning, readAllowedOrigins } from './node/server.ts';
import { rideApiRoutes } from './ride-api/index.ts';

export const EMULATOR_BASE_PATH = '/emulator';

export interface EmulatorPluginOptions {
  /**
   * Where dev users and keys are kept; `null` keeps them in memory. Unset: `EMULATOR_DATA_DIR`
   * (`memory` for none), else `.emulator/dev-server/`.
   */
  dataDir?: string | null;
  /**
   * Web origins, besides loopback ones and the dev server's own, whose pages may call the
   * emulator. Unset: EMULATOR_ALLOWED_ORIGINS (comma-separated).
   */
  allowedOrigins?: readonly string[];
}

/** The dev server's data folder when neither the plugin option nor EMULATOR_DATA_DIR names one. */
export const DEV_SERVER_DATA_DIR = '.emulator/dev-server';

/**
 * Where the dev server's emulator keeps its data: the plugin option, else `EMULATOR_DATA_DIR`
 * (`memory`: nowhere, everything is gone when the server stops), else `.emulator/dev-server`.
 */
export function devDataDir(
  option: string | null | undefined,
  env: Readonly<Record<string, string | undefined>> = process.env,
): string | null {
  if (option !== undefined) return option;
  const fromEnv = env.EMULATOR_DATA_DIR?.trim() ?? '';
  if (fromEnv === '') return DEV_SERVER_DATA_DIR;
  return fromEnv === 'memory' ? null : fromEnv;
}

/** Mounts the emulator in `vite` (serve) unless VITE_COGNITO_USER_POOL_ID points at a real pool. */
export function cognitoEmulator(options: EmulatorPluginOptions = {}): Plugin {
  let emulator: Promise<Emulator> | undefined;
  let pages: PageHandler | undefined;
  // Made once: the Google stand-in keeps its codes and signing key between requests.
  let hosted: HttpRoute[] | undefined;
  return {
    name: 'wild-rydes:cognito-emulator',
    apply: 'serve',
    configureServer(server) {
      // Vitest runs a Vite server too; its tests bring their own emulator through msw. A test
      // that starts a dev server on purpose (the browser suite) names the data folder.
      if (process.env.VITEST && !process.env.EMULATOR_DATA_DIR) return;
      if (server.config.env.VITE_COGNITO_USER_POOL_ID) {
        server.config.logger.info(
          `  Cognito: using user pool ${server.config.env.VITE_COGNITO_USER_POOL_ID} (local emulator off)`,
        );
        return;
      }
      // Its own folder by default, so it can run beside `npm run emulator` (which uses .emulator/).
      const dataDir = devDataDir(options.dataDir);
      emulator = createNodeEmulator({
        ...(dataDir === null ? {} : { dataDir }),
        onMail: (mail) => {
          server.config.logger.info(
            `  ${mailNotice(mail, `${ownOrigin()}${EMULATOR_BASE_PATH}/mailbox`)}`,
            {
              timestamp: true,
            },
          );
        },
        warn: (message) => server.config.logger.warn(`  emulator: ${message}`),
      });
      const named = readAllowedOrigins(
        options.allowedOrigins ?? [process.env.EMULATOR_ALLOWED_ORIGINS ?? ''],
      );
      server.httpServer?.once('listening', () => {
        server.config.logger.info(
          `  Cognito: local emulator at ${EMULATOR_BASE_PATH}/ (its console; codes appear here and at ${EMULATOR_BASE_PATH}/mailbox)`,
        );
        const host = server.config.server.host;
        // `--host` with no address (true) listens on every interface.
        const warning = exposureWarning(host === true ? '0.0.0.0' : host || 'localhost');
        if (warning) server.config.logger.warn(`  emulator: ${warning}`);
      });
      /** Where the dev server says it is: issuers hang below this, whatever a request's Host. */
      const ownOrigin = () => {
        const url = server.config.server.origin ?? server.resolvedUrls?.local[0];
        return url ? new URL(url).origin : `http://localhost:${server.config.server.port}`;
      };
      server.middlewares.use((req, res, next) => {
        const path = req.url ?? '';
        if (path !== EMULATOR_BASE_PATH && !path.startsWith(`${EMULATOR_BASE_PATH}/`)) {
          next();
          return;
        }
        (async () => {
          const origin = ownOrigin();
          const urls = [
            ...(server.resolvedUrls?.local ?? []),
            ...(server.resolvedUrls?.network ?? []),
          ];
          // The site's pages call the emulator from the dev server's own origin, whichever
          // address the browser used. The Host name stands for that origin only while Vite
          // refuses Host names it does not serve (allowedHosts not `true`): otherwise a page on
          // a rebound domain would pass as the site itself.
          const host = req.headers.host;
          const ownByHost =
            host && server.config.server.allowedHosts !== true
              ? [`http://${host}`, `https://${host}`]
              : [];
          const ready = await (emulator as Promise<Emulator>);
          // The site is this server's own pages, at Vite's base path (a relative base such as
          // the build's './' is served at the root).
          const base = server.config.base.startsWith('/') ? server.config.base : '/';
          const siteUrl = base.replace(/\/+$/, '');
          pages ??= consolePages(ready, { siteUrl });
          hosted ??= hostedRoutes(ready, { siteUrl });
          const handle = createHttpHandler(ready, {
            basePath: EMULATOR_BASE_PATH,
            routes: [...rideApiRoutes(ready), ...hosted],
            pages,
            origin,
            allowedOrigins: [
              ...named,
              origin,
              ...urls.map((url) => new URL(url).origin),
              ...ownByHost,
            ],
          });
          await answerNodeRequest(req, res, handle, origin);
        })().catch(next);
      });
    },
  };
}
