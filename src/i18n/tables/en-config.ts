/** English texts of the configuration notice, loaded only by a build whose configuration has a problem. */
export const enConfig = {
  'config.noticeTitle': 'No Cognito user pool is configured',
  'config.invalidTitle': 'The Cognito configuration has a problem',
  'config.NotConfigured':
    'Set VITE_COGNITO_USER_POOL_ID and VITE_COGNITO_USER_POOL_CLIENT_ID (see .env.example), then build the site again. Until then, registering and signing in cannot work.',
  'config.MissingSetting':
    '{variable} is not set. Set it (see .env.example), then build the site again.',
  'config.MalformedUserPoolId':
    '{variable} is not a user pool id. A pool id looks like <region>_<id>, for example ap-northeast-2_AbC123xyz.',
  'config.RegionMismatch':
    '{variable} does not match the region in the user pool id. Leave it unset to use the pool’s region.',
  'config.ClientSecretPresent':
    '{variable} is set, but a browser app cannot use an app client with a secret: Cognito answers “Unable to verify secret hash”, and the secret would be published. Remove it and create an app client without a client secret.',
  'config.MalformedInvokeUrl':
    '{variable} is not an http(s) URL. Use the invoke URL of your API stage.',
  'config.MalformedCognitoEndpoint':
    '{variable} is not an http(s) URL. Use the base URL of a Cognito-compatible service (such as http://127.0.0.1:9229 for the local emulator), or leave it unset for Amazon Cognito.',
  'config.MalformedTileUrl':
    '{variable} is not a map tile URL template. It needs {z}, {x} and {y}, for example https://tile.openstreetmap.org/{z}/{x}/{y}.png.',
  'config.MalformedCognitoDomain':
    '{variable} is not a user pool domain. Use the domain from the Cognito console, such as https://wildrydes.auth.us-east-1.amazoncognito.com (http only for a local emulator on localhost).',
  'config.MalformedOAuthUrl':
    '{variable} is not an absolute https URL (http only on localhost). It must be exactly one of the app client’s callback or sign-out URLs.',
  'config.UnknownSignInFactor':
    '{variable} names a sign-in option this site does not know. List EMAIL_OTP and/or WEB_AUTHN, separated by commas, as turned on in the user pool’s sign-in options.',
} as const satisfies Readonly<Record<string, string>>;
