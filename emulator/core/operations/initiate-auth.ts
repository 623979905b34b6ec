import type { AuthFlow } from '../config.ts';
import type { Operation } from '../context.ts';
import { sessionOf } from '../flows/challenge-sessions.ts';
import { authFlowOf, refresh, startSrp } from '../flows/initiate.ts';
import { clientOf } from '../flows/request.ts';
import { passwordSignIn } from '../flows/sign-in.ts';
import { startUserAuth } from '../flows/user-auth.ts';
import { stringMap } from '../input.ts';

/** What InitiateAuth offers (CUSTOM_AUTH is not emulated, so it is not offered either). */
const FLOW_PERMISSION: Record<string, AuthFlow> = {
  USER_SRP_AUTH: 'ALLOW_USER_SRP_AUTH',
  REFRESH_TOKEN_AUTH: 'ALLOW_REFRESH_TOKEN_AUTH',
  REFRESH_TOKEN: 'ALLOW_REFRESH_TOKEN_AUTH',
  USER_AUTH: 'ALLOW_USER_AUTH',
  USER_PASSWORD_AUTH: 'ALLOW_USER_PASSWORD_AUTH',
};

/** InitiateAuth: starts SRP or choice-based sign-in, signs in with a password, or refreshes tokens. */
export const initiateAuth: Operation = async (ctx, input, request) => {
  const { pool, client } = clientOf(ctx, input);
  const flow = authFlowOf(input, FLOW_PERMISSION, client);
  const params = stringMap(input, 'AuthParameters', false);
  if (flow === 'USER_AUTH') {
    return startUserAuth(ctx, pool, client, params, sessionOf(input), request);
  }
  if (flow === 'USER_SRP_AUTH') return startSrp(ctx, pool, client, params);
  if (flow === 'USER_PASSWORD_AUTH') return passwordSignIn(ctx, pool, client, params, request);
  return refresh(pool, client, params, request);
};
