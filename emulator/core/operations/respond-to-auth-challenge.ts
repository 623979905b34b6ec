import type { Operation } from '../context.ts';
import { answerChallenge } from '../flows/challenges.ts';
import { clientOf } from '../flows/request.ts';

/** RespondToAuthChallenge: PASSWORD_VERIFIER (SRP's proof) and NEW_PASSWORD_REQUIRED. */
export const respondToAuthChallenge: Operation = async (ctx, input, request) => {
  const { pool, client } = clientOf(ctx, input);
  return answerChallenge(ctx, pool, client, input, request);
};
