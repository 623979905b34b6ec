import type { AuthFlow } from '../config.ts';
import type { Operation } from '../context.ts';
import { sessionOf } from '../flows/challenge-sessions.ts';
import { authFlowOf, refresh, startSrp } from '../flows/initiate.ts';
import { adminClientOf } from '../flows/request.ts';
import { passwordSignIn } from '../flows/sign-in.ts';
import { startUserAuth } from '../flows/user-auth.ts';
import { stringMap } from '../input.ts';

/** What AdminInitiateAuth offers; ADMIN_NO_SRP_AUTH is the older name of the password flow. */
const ADMIN_FLOW_PERMISSION: Record<string, AuthFlow> = {
  USER_SRP_AUTH: 'ALLOW_USER_SRP_AUTH',
  REFRESH_TOKEN_AUTH: 'ALLOW_REFRESH_TOKEN_AUTH',
  REFRESH_TOKEN: 'ALLOW_REFRESH_TOKEN_AUTH',
  USER_AUTH: 'ALLOW_USER_AUTH',
  ADMIN_NO_SRP_AUTH: 'ALLOW_ADMIN_USER_PASSWORD_AUTH',
  ADMIN_USER_PASSWORD_AUTH: 'ALLOW_ADMIN_USER_PASSWORD_AUTH',
};

/** AdminInitiateAuth: a server signs a user in (password, SRP or choice-based), or refreshes tokens. */
export const adminInitiateAuth: Operation = async (ctx, input, request) => {
  const { pool, client } = adminClientOf(ctx, input);
  const flow = authFlowOf(input, ADMIN_FLOW_PERMISSION, client);
  const params = stringMap(input, 'AuthParameters', false);
  if (flow === 'USER_AUTH') {
    return startUserAuth(ctx, pool, client, params, sessionOf(input), request);
  }
  if (flow === 'USER_SRP_AUTH') return startSrp(ctx, pool, client, params);
  if (flow === 'REFRESH_TOKEN_AUTH' || flow === 'REFRESH_TOKEN') {
    return refresh(pool, client, params, request);
  }
  return passwordSignIn(ctx, pool, client, params, request);
};
