/// <reference types="vite/client" />

interface ImportMetaEnv {
  readonly VITE_COGNITO_USER_POOL_ID?: string;
  readonly VITE_COGNITO_USER_POOL_CLIENT_ID?: string;
  readonly VITE_COGNITO_REGION?: string;
  readonly VITE_API_INVOKE_URL?: string;
  readonly VITE_MAP_TILE_URL?: string;
  readonly VITE_MAP_TILE_ATTRIBUTION?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}

/** The configuration the build checked (vite.config.ts's `siteConfigModule`). */
declare module 'virtual:wild-rydes-config' {
  const checked: import('./config.ts').BuildConfig;
  export default checked;
}
