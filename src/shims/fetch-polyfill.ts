/**
 * Stands in for `isomorphic-unfetch`, which amazon-cognito-identity-js imports only to install a
 * `fetch` polyfill: every browser the site supports has `fetch`, so there is nothing to install.
 */
export {};
