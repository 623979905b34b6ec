/** English texts for the hosted sign-in's callback page. */
export const enHosted = {
  'title.callback': 'Signing in · Wild Rydes',
  'callback.heading': 'Signing you in',
  'callback.working': 'Finishing sign-in…',
  'callback.failedHeading': 'Sign-in did not finish',
  'callback.AccessDenied':
    'Sign-in was cancelled, or this account may not sign in here. You can try again.',
  'callback.StaleState':
    'This answer does not belong to a sign-in started in this tab: it is old, or was opened in another tab. Start signing in again.',
  'callback.InvalidGrant':
    'The sign-in code was already used or has expired (codes last 5 minutes). Sign in again.',
  'callback.InvalidClient':
    'The app client refused the site (invalid_client). A browser app needs an app client without a client secret.',
  'callback.UnauthorizedClient':
    'The app client is not set up for this sign-in: it needs the authorization code grant and the openid, email, profile and aws.cognito.signin.user.admin scopes.',
  'callback.TokenMismatch':
    'The tokens that came back do not belong to this sign-in. Sign in again.',
  'callback.Refused': 'The sign-in service refused ({error}). Sign in again.',
  'callback.Network':
    'Could not reach the sign-in service to finish signing in. Check your connection and sign in again.',
  'callback.notConfigured':
    'Hosted sign-in is not set up for this site: VITE_COGNITO_DOMAIN is not set.',
  'callback.back': 'Back to sign in',
} as const satisfies Readonly<Record<string, string>>;
