import type { Operation } from '../context.ts';
import { answerChallenge } from '../flows/challenges.ts';
import { adminClientOf } from '../flows/request.ts';

/** AdminRespondToAuthChallenge: RespondToAuthChallenge for a server naming the pool. */
export const adminRespondToAuthChallenge: Operation = async (ctx, input, request) => {
  const { pool, client } = adminClientOf(ctx, input);
  return answerChallenge(ctx, pool, client, input, request);
};
